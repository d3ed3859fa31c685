"""Export is safe to open in a spreadsheet and goes somewhere the user can see (issue 9, item 3).

Organizations with hostile names are created in the emulator over HTTP and exported through the
console's export dialog. CSV cells that a spreadsheet would run as a formula start with a single
quote, control characters are gone, and the domains column holds names (what the list shows),
not domain objects with their verification tokens; JSON keeps the full records.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from textual.widgets import Input, Select
from ui_helpers import SIZE, current_view, settle

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.export import default_export_path
from workos_tui.ui.screens.export import ExportScreen

HOSTILE = {
    '=HYPERLINK("https://evil.example","x")': '\'=HYPERLINK("https://evil.example","x")',
    "+cmd|' /C calc'!A0": "'+cmd|' /C calc'!A0",
    "-2+3 Trading": "'-2+3 Trading",
    "@SUM(1+1)": "'@SUM(1+1)",
    "\t=1+1 Tabbed": "'=1+1 Tabbed",
    "\r=2+2 Returned": "'=2+2 Returned",
    "Escape \x1b]0;pwned\x07 Corp": "Escape ]0;pwned Corp",
}


def create_hostile_organizations(emulator: EmulatorHandle) -> dict[str, tuple[str, str]]:
    """Organization id → (the name sent, the name the server holds)."""
    created: dict[str, tuple[str, str]] = {}
    with emulator.client() as client:
        for number, name in enumerate(HOSTILE):
            body = {
                "name": name,
                "domain_data": [{"domain": f"hostile{number}.example", "state": "pending"}],
            }
            response = client.post("/organizations", json=body)
            assert response.status_code == 201, response.text
            created[response.json()["id"]] = (name, response.json()["name"])
    return created


async def open_export(app: Any, pilot: Any) -> ExportScreen:
    current_view(app).focus_table()
    await pilot.press("x")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ExportScreen)
    return screen


async def export(app: Any, pilot: Any, export_format: str, target: Path) -> None:
    current_view(app).focus_table()
    await pilot.press("x")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ExportScreen)
    screen.query_one("#export-format", Select).value = export_format
    await pilot.pause()
    screen.query_one("#export-path", Input).value = str(target)
    await pilot.click("#export-start")
    await settle(app, pilot)
    assert "Done" in str(screen.query_one("#export-status").render())
    await pilot.press("escape")
    await pilot.pause()


async def test_csv_cells_never_run_and_show_what_the_columns_show(
    emulator: EmulatorHandle, console_factory: Any, tmp_path: Path
) -> None:
    created = create_hostile_organizations(emulator)
    tokens = {
        domain["verification_token"]
        for org in emulator.state["organizations"]
        if org["id"] in created
        for domain in org.get("domains", [])
        if domain.get("verification_token")
    }
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await export(app, pilot, "csv", tmp_path / "organizations.csv")
        await export(app, pilot, "json", tmp_path / "organizations.json")

    text = (tmp_path / "organizations.csv").read_text(encoding="utf-8")
    rows = {row["id"]: row for row in csv.DictReader(text.splitlines(keepends=True))}
    assert set(created) <= set(rows)
    for number, (org_id, (sent, _held)) in enumerate(created.items()):
        assert rows[org_id]["name"] == HOSTILE[sent]
        assert rows[org_id]["domains"] == f"hostile{number}.example"
    for cell in (cell for row in rows.values() for cell in row.values()):
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
        assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in cell), cell
    assert "verification_token" not in text
    assert not any(token in text for token in tokens)

    records = {r["id"]: r for r in json.loads((tmp_path / "organizations.json").read_text())}
    for org_id, (_sent, held) in created.items():
        assert records[org_id]["name"] == held  # JSON keeps the data as it is
        assert records[org_id]["domains"][0]["domain"].startswith("hostile")


async def test_the_default_destination_is_the_downloads_folder(
    console_factory: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    monkeypatch.setattr(platformdirs, "user_downloads_dir", lambda: str(downloads))
    monkeypatch.chdir(tmp_path)
    (downloads / "organizations.csv").write_text("an earlier export\n")
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await open_export(app, pilot)
        shown = Path(screen.query_one("#export-path", Input).value)
        assert shown == downloads / "organizations-2.csv"  # full path, nothing overwritten
        await pilot.click("#export-start")
        await settle(app, pilot)
        status = str(screen.query_one("#export-status").render())
        assert f"written to {downloads / 'organizations-2.csv'}" in status
    assert not (tmp_path / "organizations.csv").exists()
    assert (downloads / "organizations.csv").read_text() == "an earlier export\n"


def test_default_path_falls_back_to_documents_then_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(platformdirs, "user_downloads_dir", lambda: str(tmp_path / "missing"))
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(documents))
    assert default_export_path("users", "json") == documents / "users.json"
