"""``workos-tui --env-file`` and ``workos-tui login --from-env-file``, run in-process with ``main``.

The console itself is stood in for (``launch_console`` records the environment it would open);
the config layer, python-dotenv, the keyring package (in-memory backend) and the emulator are
real. The header test runs the real console under Pilot.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from keyring_backends import MemoryKeyring
from pydantic import SecretStr
from textual.widgets import Label

from workos_tui.api.environment import Environment
from workos_tui.cli import main
from workos_tui.config.settings import config_path, load_settings

KEY = "sk_test_from_the_env_file_7"
COOKIE = "a-cookie-password-of-at-least-32-chars"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Environment]:
    """The environments the console would have opened."""
    seen: list[Environment] = []

    def console(environment: Environment, profiles: Any = None, theme: str | None = None) -> None:
        seen.append(environment)

    monkeypatch.setattr("workos_tui.cli.launch_console", console)
    return seen


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``input``/``getpass`` that record their prompts and answer nothing."""
    asked: list[str] = []

    def ask(prompt: str = "", stream: Any = None) -> str:
        asked.append(prompt)
        raise EOFError

    monkeypatch.setattr("getpass.getpass", ask)
    monkeypatch.setattr("builtins.input", ask)
    return asked


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def app_env(tmp_path: Path, key: str = KEY, name: str = ".env.local", **extra: str) -> Path:
    lines = [
        "# written by the app's setup script",
        f'export WORKOS_API_KEY="{key}"',
        "WORKOS_CLIENT_ID='client_01APP'",
        "WORKOS_API_HOSTNAME=localhost",
        "WORKOS_API_PORT=4100",
        "WORKOS_API_HTTPS=false",
        f"WORKOS_COOKIE_PASSWORD={COOKIE}",
        "WORKOS_REDIRECT_URI=http://localhost:3000/callback",
        *(f"{name}={value}" for name, value in extra.items()),
    ]
    return write(tmp_path / name, "\n".join(lines) + "\n")


def test_env_file_opens_the_apps_environment(
    opened: list[Environment], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = app_env(tmp_path)
    assert main(["--env-file", str(path)]) == 0
    [environment] = opened
    assert environment.base_url == "http://localhost:4100"
    assert environment.api_key.get_secret_value() == KEY
    assert environment.client_id == "client_01APP"
    assert environment.source == str(path)
    assert environment.cookie_password == SecretStr(COOKIE)
    assert environment.is_production is False and environment.read_only is False
    assert capsys.readouterr().err == ""


def test_flags_beat_the_file_and_later_files_win(opened: list[Environment], tmp_path: Path) -> None:
    first = app_env(tmp_path)
    second = write(tmp_path / ".env.override", "WORKOS_API_PORT=4200\n")
    assert main(["--env-file", str(first), "--env-file", str(second)]) == 0
    assert opened[-1].base_url == "http://localhost:4200"
    assert opened[-1].source == f"{first}, {second}"
    assert main(["--env-file", str(first), "--base-url", "http://flag.test", "--read-only"]) == 0
    assert opened[-1].base_url == "http://flag.test" and opened[-1].read_only is True


def test_the_shells_connection_variables_are_ignored_and_named(
    opened: list[Environment],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("WORKOS_API_KEY", "sk_live_left_in_the_shell_1")
    monkeypatch.setenv("WORKOS_BASE_URL", "https://api.workos.com")
    monkeypatch.setenv("WORKOS_TUI_READ_ONLY", "yes")
    assert main(["--env-file", str(app_env(tmp_path))]) == 0
    [environment] = opened
    assert environment.api_key.get_secret_value() == KEY
    assert environment.base_url == "http://localhost:4100"
    assert environment.read_only is True  # a preference, not a connection setting: kept
    err = capsys.readouterr().err
    assert err == (
        "workos-tui: --env-file given, so WORKOS_API_KEY, WORKOS_BASE_URL from the shell are "
        "ignored\n"
    )
    assert "sk_live_left" not in err


@pytest.mark.usefixtures("memory_keyring")
def test_conflict_stops_with_one_line(
    opened: list[Environment], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = app_env(tmp_path, **{"WORKOS_BASE_URL": "https://api.workos.com"})
    assert main(["--env-file", str(path)]) == 1
    assert opened == []
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(
        "workos-tui: WORKOS_BASE_URL (https://api.workos.com) and WORKOS_API_HOSTNAME/"
        "WORKOS_API_HTTPS/WORKOS_API_PORT (http://localhost:4100) name different servers in "
    )
    assert str(path) in err and "--base-url" in err


def test_production_guard(opened: list[Environment], tmp_path: Path) -> None:
    config_path().parent.mkdir(parents=True)
    config_path().write_text("production_read_only = true\n")
    assert main(["--env-file", str(app_env(tmp_path, key="sk_live_prod_from_file_3"))]) == 0
    assert opened[-1].is_production and opened[-1].read_only is True
    live = app_env(tmp_path, key="sk_live_prod_from_file_3")
    assert main(["--env-file", str(live), "--no-read-only"]) == 0
    assert opened[-1].is_production and opened[-1].read_only is False


def test_nothing_in_the_file_runs(
    opened: list[Environment], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "marker"
    path = write(
        tmp_path / ".env",
        f"WORKOS_API_KEY=sk_test_$(touch${{IFS}}{marker})\n"
        f"WORKOS_CLIENT_ID=client_`touch${{IFS}}{marker}`\n"
        f'WORKOS_COOKIE_PASSWORD="$(touch {marker}) `touch {marker}` ${{HOME}}"\n'
        f"WORKOS_API_HOSTNAME=localhost\n"
        f"NOT_OURS=$(touch {marker})\n",
    )
    assert main(["--env-file", str(path)]) == 0
    [environment] = opened
    assert environment.api_key.get_secret_value() == f"sk_test_$(touch${{IFS}}{marker})"
    assert environment.client_id == f"client_`touch${{IFS}}{marker}`"
    assert environment.cookie_password is not None
    assert environment.cookie_password.get_secret_value().startswith(f"$(touch {marker})")
    assert not marker.exists()


def test_hostile_key_is_refused_without_running_or_echoing_it(
    opened: list[Environment], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "marker"
    path = write(tmp_path / ".env", f"WORKOS_API_KEY=$(touch {marker})\n")
    assert main(["--env-file", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("workos-tui: WORKOS_API_KEY in ") and "contains spaces" in err
    assert "touch" not in err
    assert not marker.exists() and opened == []


def test_env_file_errors_are_one_line(
    opened: list[Environment], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--env-file", str(tmp_path / "nope.env")]) == 1
    assert capsys.readouterr().err.startswith("workos-tui: cannot read env file ")
    assert main(["--env-file", str(app_env(tmp_path)), "--demo"]) == 1
    assert "--env-file and --demo" in capsys.readouterr().err
    keyless = write(tmp_path / "keyless.env", "WORKOS_API_HOSTNAME=localhost\n")
    assert main(["--env-file", str(keyless)]) == 1
    assert "keyless.env sets no WORKOS_API_KEY" in capsys.readouterr().err


def test_login_from_env_file_saves_a_profile(
    emulator: Any,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    no_terminal: list[str],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    host, port = emulator.base_url.split("://")[1].rstrip("/").split(":")
    path = write(
        tmp_path / ".env",
        f"WORKOS_API_KEY={emulator.api_key}\nWORKOS_API_HOSTNAME={host}\n"
        f"WORKOS_API_PORT={port}\nWORKOS_API_HTTPS=false\nWORKOS_CLIENT_ID=client_app\n"
        f"WORKOS_COOKIE_PASSWORD={COOKIE}\n",
    )
    assert main(["login", "--name", "app", "--from-env-file", str(path)]) == 0
    assert "Saved profile 'app'" in capsys.readouterr().out
    assert no_terminal == []  # nothing asked: the file said it all
    profile = load_settings().get_profile("app")
    assert profile.base_url == f"http://{host}:{port}"
    assert profile.client_id == "client_app"
    assert memory_keyring.passwords == {("workos-tui", "app"): emulator.api_key}
    saved = "".join(p.read_text() for p in config_path().parent.rglob("*") if p.is_file())
    assert emulator.api_key not in saved and COOKIE not in saved
    assert emulator.api_key not in caplog.text and COOKIE not in caplog.text


@pytest.mark.usefixtures("memory_keyring")
def test_login_from_env_file_checks_the_key_and_saves_nothing_on_failure(
    emulator: Any, tmp_path: Path, no_terminal: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = "sk_test_rejected_env_key_5"
    path = write(tmp_path / ".env", f"WORKOS_API_KEY={bad}\nWORKOS_BASE_URL={emulator.base_url}\n")
    assert main(["login", "--name", "app", "--from-env-file", str(path)]) == 1
    err = capsys.readouterr().err
    assert "rejected the API key" in err and bad not in err
    assert not config_path().exists()
    keyless = write(tmp_path / "keyless.env", "WORKOS_CLIENT_ID=client_x\n")
    assert main(["login", "--name", "app", "--from-env-file", str(keyless)]) == 1
    assert "sets no WORKOS_API_KEY; nothing was saved" in capsys.readouterr().err


def test_the_key_is_never_written_anywhere(
    opened: list[Environment],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through success, a conflict, bad values and an unexpected crash: no output, log, file or
    error text holds the file's key or cookie password."""
    caplog.set_level(logging.DEBUG)
    good = app_env(tmp_path)
    runs = [
        (["--env-file", str(good)], 0),
        (["--env-file", str(app_env(tmp_path, name="c.env", WORKOS_BASE_URL="http://x"))], 1),
        (["--env-file", str(app_env(tmp_path, name="p.env", WORKOS_API_PORT="none"))], 1),
        (["--env-file", str(app_env(tmp_path, name="h.env", WORKOS_API_HTTPS="yes"))], 1),
        (["--env-file", str(good), "--profile", "ghost"], 1),
    ]
    for argv, status in runs:
        assert main(argv) == status

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"crashed holding {KEY} and {COOKIE}")

    monkeypatch.setattr("workos_tui.config.resolve_environment", crash)
    assert main(["--env-file", str(good)]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("workos-tui:") == len(runs)  # four refusals and the crash
    assert "unexpected RuntimeError: crashed holding ********** and **********" in captured.err
    written = "".join(
        p.read_text(errors="replace")
        for p in tmp_path.rglob("*")
        if p.is_file()
        if not p.name.endswith(".env") and p.name != ".env.local"
    )
    for text in (captured.out, captured.err, caplog.text, written, repr(opened)):
        assert KEY not in text and COOKIE not in text


async def test_the_header_names_the_file(emulator: Any, tmp_path: Path) -> None:
    from workos_tui.ui.app import WorkOSConsole
    from workos_tui.ui.widgets.environment_bar import EnvironmentBar

    environment = Environment(
        name="custom",
        api_key=SecretStr(emulator.api_key),
        base_url=emulator.base_url,
        source="~/apps/shop/.env.local",
        cookie_password=SecretStr(COOKIE),
    )
    app = WorkOSConsole(environment, open_browser=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        bar = app.query_one(EnvironmentBar)
        text = " ".join(str(label.render()) for label in bar.query(Label))
        assert "from ~/apps/shop/.env.local" in text
        assert emulator.api_key not in text and COOKIE not in text
