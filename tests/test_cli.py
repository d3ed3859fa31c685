"""The ``workos-tui`` launcher, run in-process with ``main(argv)``.

Only the terminal is stood in for (``getpass.getpass`` and ``input``); the config layer, the
keyring package (with an in-memory backend), the service layer and the emulator are real.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from workos_tui import __version__
from workos_tui.cli import main
from workos_tui.config.settings import config_path, load_settings

WORKOS_VARIABLES = (
    "WORKOS_API_KEY",
    "WORKOS_BASE_URL",
    "WORKOS_CLIENT_ID",
    "WORKOS_API_HOSTNAME",
    "WORKOS_API_HTTPS",
    "WORKOS_API_PORT",
    "WORKOS_COOKIE_PASSWORD",
    "WORKOS_TUI_PROFILE",
    "WORKOS_TUI_READ_ONLY",
    "WORKOS_TUI_PASSPHRASE",
    "WORKOS_CLI_CONFIG",
    "WORKOS_TUI_DEBUG",
)


class DictKeyring(KeyringBackend):
    """A real keyring backend keeping passwords in memory; priority 0 keeps it out of discovery."""

    priority = 0

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("no such password")


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKOS_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("WORKOS_TUI_DATA_DIR", str(tmp_path / "data"))
    for name in WORKOS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def ring() -> Iterator[DictKeyring]:
    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(previous)


class Terminal:
    """Answers for ``input`` and ``getpass.getpass``, recording what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.secrets: list[str] = []
        self.answers: list[str] = []
        self.asked: list[str] = []
        monkeypatch.setattr("getpass.getpass", self._getpass)
        monkeypatch.setattr("builtins.input", self._input)

    def _getpass(self, prompt: str = "Password: ", stream: Any = None) -> str:
        self.asked.append(prompt)
        if not self.secrets:
            raise AssertionError(f"unexpected secret prompt {prompt!r}")
        return self.secrets.pop(0)

    def _input(self, prompt: str = "") -> str:
        self.asked.append(prompt)
        if not self.answers:
            raise EOFError
        return self.answers.pop(0)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    return Terminal(monkeypatch)


def login_args(name: str, base_url: str, *extra: str) -> list[str]:
    return ["login", "--name", name, "--base-url", base_url, "--client-id", "", *extra]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"workos-tui {__version__}"


def test_help_documents_precedence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    for expected in (
        "--demo",
        "--profile",
        "--env-file",
        "WORKOS_API_KEY",
        "WORKOS_API_HOSTNAME",
        "first match wins",
        "login",
    ):
        assert expected in text


def test_fast_commands_do_not_import_textual(private_dirs: Path) -> None:
    code = (
        "import sys; from workos_tui.cli import main; "
        "assert main(['--version']) == 0; "
        "assert 'keyring' not in sys.modules and 'pydantic' not in sys.modules, 'slow --version'; "
        "assert main(['profiles']) == 0; "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "No profiles yet" in result.stdout


@pytest.mark.usefixtures("ring")
def test_no_key_anywhere_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("workos-tui: no API key:")


@pytest.mark.usefixtures("ring")
def test_unknown_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--profile", "ghost"]) == 1
    assert capsys.readouterr().err == (
        "workos-tui: no profile named 'ghost' (profiles: none yet; add one with "
        "`workos-tui login`)\n"
    )


def test_login_saves_a_good_key(
    emulator: Any, ring: DictKeyring, terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal.secrets = [emulator.api_key]
    assert main(login_args("local", emulator.base_url)) == 0
    assert "Saved profile 'local'" in capsys.readouterr().out
    assert ring.passwords == {("workos-tui", "local"): emulator.api_key}
    profile = load_settings().get_profile("local")
    assert profile.base_url == emulator.base_url.rstrip("/")
    assert profile.production is False
    assert load_settings().default_profile == "local"
    assert emulator.api_key not in config_path().read_text()
    assert any("API key for local" in prompt for prompt in terminal.asked)


def test_login_asks_for_what_flags_do_not_give(
    emulator: Any, ring: DictKeyring, terminal: Terminal
) -> None:
    terminal.answers = ["asked", emulator.base_url, "client_123"]
    terminal.secrets = [emulator.api_key]
    assert main(["login"]) == 0
    profile = load_settings().get_profile("asked")
    assert profile.client_id == "client_123"
    assert ("workos-tui", "asked") in ring.passwords


def test_login_rejects_a_bad_key_and_saves_nothing(
    emulator: Any, ring: DictKeyring, terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal.secrets = ["sk_test_not_a_valid_key_987"]
    assert main(login_args("bad", emulator.base_url)) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        "workos-tui: WorkOS rejected the API key (HTTP 401); nothing was saved\n"
    )
    assert ring.passwords == {}
    assert load_settings().profiles == {}
    assert not config_path().exists()


@pytest.mark.usefixtures("ring")
def test_login_unreachable(terminal: Terminal, capsys: pytest.CaptureFixture[str]) -> None:
    terminal.secrets = ["sk_test_whatever_123"]
    assert main(login_args("far", "http://127.0.0.1:9")) == 1
    err = capsys.readouterr().err
    assert err.startswith("workos-tui: couldn't reach http://127.0.0.1:9 to check the key")
    assert "nothing was saved" in err
    assert load_settings().profiles == {}


@pytest.mark.usefixtures("no_keyring")
def test_login_without_keyring_says_so_before_asking_for_the_key(
    terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(login_args("x", "http://127.0.0.1:9")) == 1
    err = capsys.readouterr().err
    assert "No OS keyring backend is available" in err
    assert "WORKOS_API_KEY" in err and "--store file" in err
    assert terminal.asked == []
    assert not config_path().exists()


@pytest.mark.usefixtures("no_keyring")
def test_login_to_the_encrypted_file(
    emulator: Any, terminal: Terminal, private_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal.secrets = [emulator.api_key, "a long passphrase", "a long passphrase"]
    assert main(login_args("vault", emulator.base_url, "--store", "file")) == 0
    key_file = private_dirs / "data" / "credentials.enc"
    assert emulator.api_key.encode() not in key_file.read_bytes()
    assert load_settings().get_profile("vault").key_store == "file"
    monkeypatch.setenv("WORKOS_TUI_PASSPHRASE", "a long passphrase")
    from workos_tui.config.resolve import resolve_environment

    assert resolve_environment().api_key.get_secret_value() == emulator.api_key


def test_login_with_a_live_key_marks_production(
    ring: DictKeyring, terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    from workos_tui.emulator import EmulatorServer, create_app, demo_state

    live = "sk_live_emulated_prod_42"
    server = EmulatorServer(create_app(demo_state(scale=3), api_keys={live}), port=0)
    server.start()
    try:
        terminal.secrets = [live]
        terminal.answers = [""]  # read-only by default? [Y/n]
        assert main(login_args("prod", server.base_url)) == 0
    finally:
        server.stop()
    assert "Saved production profile 'prod'" in capsys.readouterr().out
    profile = load_settings().get_profile("prod")
    assert profile.production is True and profile.read_only is True
    assert any("live (production) key" in prompt for prompt in terminal.asked)


def test_profiles_list_default_remove(
    emulator: Any, ring: DictKeyring, terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("alpha", "beta"):
        terminal.secrets = [emulator.api_key]
        assert main(login_args(name, emulator.base_url)) == 0
    capsys.readouterr()

    assert main(["profiles"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("* alpha") and lines[1].startswith("  beta")

    assert main(["profiles", "default", "beta"]) == 0
    assert load_settings().default_profile == "beta"
    assert main(["profiles", "list"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("* beta")

    assert main(["profiles", "remove", "beta"]) == 0
    assert "Removed profile 'beta' and its key." in capsys.readouterr().out
    assert ring.passwords == {("workos-tui", "alpha"): emulator.api_key}
    assert set(load_settings().profiles) == {"alpha"}

    assert main(["profiles", "remove", "beta"]) == 1
    assert "no profile named 'beta'" in capsys.readouterr().err
    assert main(["profiles", "default", "nobody"]) == 1


def test_import_workos_cli(
    ring: DictKeyring, terminal: Terminal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "config.json"
    path.write_text(
        json.dumps(
            {
                "activeEnvironment": "sandbox",
                "environments": {
                    "sandbox": {"name": "sandbox", "apiKey": "sk_test_cli_1", "type": "sandbox"},
                    "prod": {"name": "prod", "apiKey": "sk_live_cli_2", "type": "production"},
                },
            }
        )
    )
    terminal.answers = ["n"]
    assert main(["import-workos-cli", "--path", str(path), "--no-keychain"]) == 0
    out = capsys.readouterr().out
    assert "Imported 'sandbox'" in out and "Imported 'prod' (production)" in out
    settings = load_settings()
    assert settings.default_profile == "sandbox"
    assert settings.get_profile("prod").read_only is False
    assert ring.passwords[("workos-tui", "prod")] == "sk_live_cli_2"
    assert main(["import-workos-cli", "--path", str(tmp_path / "missing.json")]) == 1
    assert "no WorkOS CLI configuration found" in capsys.readouterr().err


def test_secrets_never_leak(
    emulator: Any,
    ring: DictKeyring,
    terminal: Terminal,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A key given by profile, flag or environment appears in no output, log or config file."""
    caplog.set_level(logging.DEBUG)
    profile_key, flag_key, env_key = emulator.api_key, "sk_test_flag_secret_1", "sk_live_env_2"
    bad_key = "sk_test_rejected_secret_3"

    terminal.secrets = [profile_key]
    assert main(login_args("saved", emulator.base_url)) == 0
    terminal.secrets = [bad_key]
    assert main(login_args("rejected", emulator.base_url)) == 1
    terminal.secrets = [flag_key]
    assert main(login_args("unreachable", "http://127.0.0.1:9")) == 1
    assert main(["--api-key", flag_key, "--base-url", "ftp://nowhere"]) == 1
    assert main(["--api-key", flag_key, "--profile", "nobody"]) == 1
    assert main(["profiles", flag_key]) == 2  # argparse error echoing the argument
    monkeypatch.setenv("WORKOS_API_KEY", env_key)
    assert main(["--profile", "nobody"]) == 1
    monkeypatch.setenv("WORKOS_TUI_READ_ONLY", "perhaps")
    assert main([]) == 1
    monkeypatch.delenv("WORKOS_API_KEY")
    monkeypatch.delenv("WORKOS_TUI_READ_ONLY")

    from pydantic import SecretStr

    from workos_tui.api import AuthenticationError, WorkOS, WorkOSClient
    from workos_tui.config.errors import ConfigError
    from workos_tui.config.resolve import resolve_environment

    environment = resolve_environment(profile="saved")
    errors: list[BaseException] = []
    for kwargs in ({"profile": "nobody"}, {"api_key": SecretStr(flag_key), "base_url": "x"}):
        with pytest.raises(ConfigError) as info:
            resolve_environment(**kwargs)
        errors.append(info.value)

    async def rejected() -> None:
        bad = resolve_environment(api_key=SecretStr(bad_key), base_url=emulator.base_url)
        async with WorkOSClient(bad) as client:
            await WorkOS(client).organizations.list(limit=1)

    import asyncio

    with pytest.raises(AuthenticationError) as api_error:
        asyncio.run(rejected())
    errors.append(api_error.value)

    captured = capsys.readouterr()
    haystacks = {
        "stdout": captured.out,
        "stderr": captured.err,
        "logs": caplog.text + "".join(str(record.args) for record in caplog.records),
        "config file": config_path().read_text(),
        "environment repr": repr(environment) + str(environment),
        "exceptions": "".join(f"{error!s}{error!r}" for error in errors),
    }
    assert captured.err.count("workos-tui:") >= 6
    for where, text in haystacks.items():
        for key in (profile_key, flag_key, env_key, bad_key):
            assert key not in text, f"key found in {where}"


def test_unexpected_errors_are_one_redacted_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, private_dirs: Path
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk says sk_test_in_crash_77 and sk_live_other_88")

    monkeypatch.setenv("WORKOS_API_KEY", "plainly-not-shaped-key")
    config_path().parent.mkdir(parents=True)
    config_path().write_text("")
    monkeypatch.setattr("tomllib.load", explode)
    assert main(["profiles"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("workos-tui: unexpected RuntimeError: disk says sk_**********")
    assert "in_crash_77" not in err and "other_88" not in err
    assert "WORKOS_TUI_DEBUG=1" in err

    def explode_with_env_key(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"env: {os.environ['WORKOS_API_KEY']}")

    monkeypatch.setattr("tomllib.load", explode_with_env_key)
    assert main(["profiles"]) == 1
    assert "plainly-not-shaped-key" not in capsys.readouterr().err

    monkeypatch.setenv("WORKOS_TUI_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["profiles"])


@pytest.mark.parametrize("read_only", [None, True])
def test_demo_serves_the_console_and_stops_with_it(
    monkeypatch: pytest.MonkeyPatch, read_only: bool | None
) -> None:
    import httpx

    from workos_tui.api.environment import Environment
    from workos_tui.emulator.oauth import CLIENT_ID

    seen: list[tuple[Environment, int]] = []

    def console(environment: Environment, profiles: Any = None, theme: str | None = None) -> None:
        # What the console would read first, while the console would be running.
        response = httpx.get(
            f"{environment.base_url}/organizations",
            headers={"Authorization": f"Bearer {environment.api_key.get_secret_value()}"},
            timeout=30,
        )
        seen.append((environment, len(response.json()["data"])))

    monkeypatch.setattr("workos_tui.cli.launch_console", console)
    flag = [] if read_only is None else ["--read-only"]
    assert main(["--demo", *flag]) == 0
    [(environment, rows)] = seen
    assert environment.demo and environment.name == "demo" and rows > 0
    assert environment.client_id == CLIENT_ID  # test sign-in works in the demo as it starts
    assert environment.read_only is bool(read_only)
    with pytest.raises(httpx.ConnectError):  # the emulator stopped with the console
        httpx.get(f"{environment.base_url}/organizations", timeout=5)


def test_demo_reports_an_emulator_process_that_died(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from workos_tui import cli
    from workos_tui.emulator.process import EmulatorProcess, can_run_in_process

    if not can_run_in_process():
        pytest.skip("the demo emulator runs in a thread here")
    started: list[Any] = []
    start = cli.start_demo_emulator

    def start_and_keep() -> Any:
        started.append(start())
        return started[0]

    monkeypatch.setattr(cli, "start_demo_emulator", start_and_keep)

    def console(*args: object, **kwargs: object) -> None:
        [emulator] = started
        assert isinstance(emulator, EmulatorProcess)
        emulator._process.kill()  # type: ignore[union-attr]
        emulator._process.wait()  # type: ignore[union-attr]

    monkeypatch.setattr(cli, "launch_console", console)
    assert main(["--demo"]) == 0
    assert "demo emulator stopped unexpectedly (exit status -9)" in capsys.readouterr().err


def test_a_failure_quoting_the_server_never_sends_its_controls_to_the_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from workos_tui import cli

    assert cli._fail("key rejected: \x1b]0;pwned\x07 \x1b[2J bad", []) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "key rejected: ␛]0;pwned␇ ␛[2J bad" in err
