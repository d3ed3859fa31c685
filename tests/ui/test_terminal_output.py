"""In a real terminal: the bytes `workos-tui` writes carry no control sequence from the data.

The console runs in tmux against the test emulator; ``tmux pipe-pane`` records every byte the
program sends to its terminal while it shows a hostile organization in the list, the detail pane
and the raw JSON, and a hostile error message in the error panel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_hostile_text import CLEAR, CLIPBOARD, TITLE, create_hostile_organization

from workos_tui.emulator.testing import EmulatorHandle

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WIDTH, HEIGHT = 160, 80


class Terminal:
    """One tmux session on a private server socket, its output recorded."""

    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"workos-tui-test-{os.getpid()}"
        self.session = "console"
        self.raw = tmp_path / "terminal.raw"

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout

    def start(self, command: str, size: tuple[int, int] = (WIDTH, HEIGHT)) -> None:
        # the program starts after the recorder is attached
        width, height = size
        self.tmux(
            "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height),
            f"sleep 1; exec {command}",
        )  # fmt: skip
        self.tmux("pipe-pane", "-o", "-t", self.session, f"cat >> {self.raw}")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.25)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def jump(self, target: str) -> None:
        """``:`` then the target, each once the screen shows the one before."""
        self.keys(":")
        self.wait_for(":area [search]")  # the jump input's placeholder: it has the focus
        self.keys("-l", target)
        self.wait_for(target)
        self.keys("Enter")

    def stop(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    session = Terminal(tmp_path)
    try:
        yield session
    finally:
        session.stop()


def test_no_control_sequence_from_data_reaches_a_real_terminal(
    emulator: EmulatorHandle, terminal: Terminal, tmp_path: Path
) -> None:
    create_hostile_organization(emulator)
    emulator.add_hook(
        "/user_management/users",
        method="GET",
        status=500,
        body={"message": f"users broke {TITLE}{CLEAR}", "code": "server_error"},
    )
    console = Path(sys.executable).with_name("workos-tui")
    config = tmp_path / "config"
    terminal.start(
        f"env WORKOS_TUI_CONFIG_DIR={config} WORKOS_API_KEY={emulator.api_key} "
        f"{console} --base-url {emulator.base_url}"
    )
    terminal.wait_for("all loaded")
    time.sleep(3)  # the areas prepared after the first rows (keys typed during it: issue 10)
    terminal.jump("organizations ZZ")
    terminal.wait_for("1 loaded · all loaded")  # the search's one row, the list focused
    terminal.wait_for("ZZ ␛]0;pwned-title␇")
    time.sleep(0.5)
    terminal.keys("j")
    terminal.wait_for("\\u001b]0;pwned-title")  # JSON escapes C0 controls itself
    terminal.jump("users")
    terminal.wait_for("users broke ␛]0;pwned-title␇␛[2J")
    terminal.keys("C-q")
    time.sleep(0.5)

    raw = terminal.raw.read_bytes()
    assert "␛]0;pwned-title␇".encode() in raw  # shown, made visible
    for sequence in (TITLE, CLIPBOARD, "pwned-title\x07", "\x1b]52;", "\x1b]8;;https://evil"):
        assert sequence.encode() not in raw, f"{sequence!r} reached the terminal"
    assert "\x9b".encode() not in raw  # a C1 CSI from the data
    assert "\u202e".encode() not in raw  # a bidi override from the data


def test_the_console_is_usable_at_80_by_24(
    emulator: EmulatorHandle, terminal: Terminal, tmp_path: Path
) -> None:
    """In a real 80x24 terminal: the list with its name and id columns, and the footer keys."""
    console = Path(sys.executable).with_name("workos-tui")
    terminal.start(
        f"env WORKOS_TUI_CONFIG_DIR={tmp_path / 'config'} WORKOS_API_KEY={emulator.api_key} "
        f"{console} --base-url {emulator.base_url}",
        size=(80, 24),
    )
    shown = terminal.wait_for("all loaded")
    lines = shown.splitlines()
    header = next(line for line in lines if "Name" in line and "ID" in line)
    assert header.index("Name") < header.index("ID")
    newest = max(emulator.state["organizations"], key=lambda org: org["created_at"])
    assert any(newest["name"] in line and "org_" in line for line in lines), shown
    footer = " ".join(lines[-2:])
    for key in ("New", "Edit", "Delete", "Refresh", "palette"):
        assert key in footer, footer
    assert max(len(line) for line in lines) <= 80
