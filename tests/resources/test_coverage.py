"""The UI coverage count (``python -m workos_tui.resources.coverage``): every admin operation
has a dedicated path, the count is read from the code, and the README carries its output."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from workos_tui.api.operations import operation_of
from workos_tui.api.services.base import Service
from workos_tui.resources import coverage
from workos_tui.resources.base import Action, ResourceType, service_cursor
from workos_tui.resources.registry import ResourceRegistry
from workos_tui.resources.tools import TOOLS

README = Path(__file__).resolve().parents[2] / "README.md"


def _service_operations() -> set[coverage.OperationKey]:
    """Every operation some service method names, over every facade service."""
    found: set[coverage.OperationKey] = set()
    for service in coverage.facade_services().values():
        for name in dir(service):
            marked = None if name.startswith("_") else operation_of(service, name)
            if marked is not None:
                found.add(coverage.normalise(marked.method, marked.path))
    return found


def test_sign_in_steps_are_36_spec_operations_each_with_a_reason() -> None:
    spec = {op.key for op in coverage.spec_operations()}
    assert len(coverage.spec_operations()) == 212
    assert len(coverage.SIGN_IN_STEPS) == 36
    assert coverage.sign_in_keys() <= spec
    assert all(len(reason) > 15 for reason in coverage.SIGN_IN_STEPS.values())


def test_every_service_operation_is_in_the_spec_and_every_spec_operation_has_one() -> None:
    spec = {op.key for op in coverage.spec_operations()}
    named = _service_operations()
    assert named - spec == set()
    assert spec - named == set()


def test_every_admin_operation_has_a_dedicated_path() -> None:
    missing = [str(op) for op in coverage.missing_admin_operations()]
    assert missing == []
    admin = [op for op in coverage.spec_operations() if op.key not in coverage.sign_in_keys()]
    assert len(admin) == 176


def test_every_operation_is_reachable_from_the_console() -> None:
    rows, reached = coverage.coverage()
    assert reached == sum(row.total for row in rows) == 212
    last = coverage.report(rows, reached).splitlines()[-1]
    assert last == "212 of 212 operations reachable from the console"


def test_the_count_reads_the_calls_a_declaration_makes() -> None:
    """A declaration counts through what its functions call, not through a list."""

    async def custom(workos: Any, item: Any, _form: Any) -> Any:
        return await workos.radar.add_list_entry("email", "block", item)

    probe = ResourceType(
        key="probe",
        title="Probe",
        singular="probe",
        columns=(),
        list=service_cursor(lambda w: w.events.cursor),
        actions=(Action("add", "Add", custom),),
    )
    found = coverage.dedicated_operations(ResourceRegistry([probe]), tools=False)
    assert found == {("GET", "/events"), ("POST", "/radar/lists/{}/{}")}


def test_an_unreachable_declaration_does_not_count() -> None:
    hidden = ResourceType(
        key="hidden",
        title="Hidden",
        singular="h",
        columns=(),
        top_level=False,
        list=service_cursor(lambda w: w.directory_groups.cursor),
    )
    assert coverage.dedicated_operations(ResourceRegistry([hidden]), tools=False) == set()


def test_every_tool_is_a_panel_of_the_console() -> None:
    panels = importlib.import_module("workos_tui.ui.panels").PANELS
    assert {tool.key for tool in TOOLS} <= set(panels)


def test_the_readme_table_is_the_commands_output() -> None:
    rows, reached = coverage.coverage()
    text = README.read_text(encoding="utf-8")
    start = text.index(coverage.START) + len(coverage.START)
    end = text.index(coverage.END)
    assert text[start:end].strip() == coverage.report(rows, reached).strip(), (
        "run: python -m workos_tui.resources.coverage --write-readme README.md"
    )


def test_the_command_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert coverage.main([]) == 0
    out = capsys.readouterr().out
    assert "| tag | dedicated | API console only | total |" in out
    assert out.strip().endswith("212 of 212 operations reachable from the console")


def test_services_are_the_facades() -> None:
    services = coverage.facade_services()
    assert services["organizations"].__name__ == "OrganizationsService"
    assert all(issubclass(cls, Service) for cls in services.values())


def test_the_console_index_and_the_yaml_list_the_same_operations(tmp_path: Path) -> None:
    copy = tmp_path / "spec.yaml"
    copy.write_bytes(coverage.SPEC_FILE.read_bytes())
    from_yaml = {(op.key, op.tag) for op in coverage.spec_operations(copy)}
    assert from_yaml == {(op.key, op.tag) for op in coverage.spec_operations()}
