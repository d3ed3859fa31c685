"""Write an SVG screenshot of every area of the console, from the demo dataset.

    python -m workos_tui.screenshots [DIRECTORY]   (default: screenshots/)

The console runs headless against the embedded emulator seeded with the deterministic demo
company, at a fixed terminal size, with the base URL shown as a fixed label, so running it twice
gives the same files.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import SecretStr

from workos_tui.api.environment import Environment
from workos_tui.emulator import DEFAULT_API_KEY, EmulatorServer, create_app, demo_state

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from workos_tui.ui.app import WorkOSConsole

SIZE = (140, 40)
BASE_URL_LABEL = "demo emulator"


async def _settle(console: WorkOSConsole, pilot: Pilot[None]) -> None:
    for _ in range(5):
        await console.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in console.workers):
            break
    await pilot.pause()


async def write_screenshots(directory: Path) -> list[Path]:
    """Start the demo emulator, then capture each area into ``directory``; return the files."""
    from textual.widgets import Input, TextArea

    from workos_tui.ui.app import WorkOSConsole
    from workos_tui.ui.views import ToolView

    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with EmulatorServer(create_app(demo_state())) as server:
        environment = Environment(
            name="demo",
            api_key=SecretStr(DEFAULT_API_KEY),
            base_url=server.base_url,
            demo=True,
        )
        console = WorkOSConsole(
            environment, base_url_label=BASE_URL_LABEL, open_browser=False, prepare_areas=False
        )
        async with console.run_test(size=SIZE) as pilot:
            await _settle(console, pilot)
            console.load_more_areas()
            await _settle(console, pilot)
            for key, _title in console.area_titles():
                console.open_area(key)
                await _settle(console, pilot)
                area = console.query_one(f"#area-{key}")
                if isinstance(area, ToolView):  # a developer tool shows its worked example
                    await area.show_example()
                    await _settle(console, pilot)
                # A blinking cursor is drawn or not by the clock: keep it steady.
                for line_input in console.screen.query(Input):
                    line_input.cursor_blink = False
                for text_area in console.screen.query(TextArea):
                    text_area.cursor_blink = False
                await pilot.pause()
                target = directory / f"{key.replace('_', '-')}.svg"
                console.save_screenshot(filename=target.name, path=str(target.parent))
                written.append(target)
        written.extend(await _small_terminal_and_picker(environment, directory))
    return written


async def _small_terminal_and_picker(environment: Environment, directory: Path) -> list[Path]:
    """The Organizations list at 80x24 (sidebar and detail wait for Ctrl+B / F3), and the
    invitation form's organization picker open on "a"."""
    from workos_tui.ui.app import WorkOSConsole

    written: list[Path] = []
    console = WorkOSConsole(
        environment, base_url_label=BASE_URL_LABEL, open_browser=False, prepare_areas=False
    )
    async with console.run_test(size=(80, 24)) as pilot:
        await _settle(console, pilot)
        target = directory / "organizations-80x24.svg"
        console.save_screenshot(filename=target.name, path=str(target.parent))
        written.append(target)
    console = WorkOSConsole(
        environment, base_url_label=BASE_URL_LABEL, open_browser=False, prepare_areas=False
    )
    async with console.run_test(size=SIZE) as pilot:
        await _settle(console, pilot)
        console.open_area("invitations")
        await _settle(console, pilot)
        await pilot.press("n")
        await _settle(console, pilot)
        console.screen.query_one("#input-email").focus()
        await pilot.press(*"new.hire@example.com")
        console.screen.query_one("#input-organization_id").focus()
        await pilot.press("a")
        await pilot.pause(0.4)  # the picker looks up once typing pauses
        await _settle(console, pilot)
        from textual.widgets import Input

        for line_input in console.screen.query(Input):
            line_input.cursor_blink = False
        await pilot.pause()
        target = directory / "picker.svg"
        console.save_screenshot(filename=target.name, path=str(target.parent))
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workos_tui.screenshots", description=__doc__)
    parser.add_argument("directory", nargs="?", default="screenshots", type=Path)
    args = parser.parse_args(argv)
    for path in asyncio.run(write_screenshots(args.directory)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
