"""What start-up loads and builds (structure only: timings live in tests/bench_ui.py).

The console's start is bounded by what it imports and builds before the first rows; these
tests keep what the first screen does not need out of that path. Imports are inspected in a
fresh interpreter (``sys.modules``), since this process has imported everything already.
"""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from workos_tui.api.client import WorkOSClient, tls_verification
from workos_tui.api.environment import Environment
from workos_tui.emulator.app import DEFAULT_API_KEY
from workos_tui.emulator.process import EmulatorProcess, can_run_in_process
from workos_tui.resources.catalog import EXTENSION_MODULES

ROOT = Path(__file__).resolve().parent.parent

NOT_FOR_THE_FIRST_SCREEN = (
    "workos_tui.ui.screens",  # every screen (form, export, confirm, related, profiles…)
    "workos_tui.ui.commands",  # the palette's provider: when the palette opens
    "workos_tui.ui.jump",  # when ":" is first used
    "textual.widgets._text_area",  # with the views that have one
    "workos_tui.ui.widgets.request_inspector",  # Ctrl+R
    "workos_tui.ui.widgets.vault_crypto_panel",  # a panel opened on demand
    "workos_tui.emulator",  # --demo starts it from the CLI; the console never imports it
    "workos_tui.config",  # the CLI resolves the environment before the console starts
    "workos_tui.api.services",  # with the first request, not the import
    "workos_tui.api.models",
    "workos_tui.api.vault_crypto",
    "workos_tui.api.webhooks",
    "workos_tui.resources.forms",  # when a form opens
    "workos_tui.resources.results",  # when an action's result dialog opens
    *EXTENSION_MODULES,  # loaded once the first rows are on screen
)


STORE_BACKENDS = ("keyring", "cryptography", "workos_tui.config.keyring_store")
"""What only reading or writing a key in a credential store needs."""


def modules_after(code: str, env: Mapping[str, str] | None = None) -> set[str]:
    """The modules a fresh interpreter holds after running ``code`` (with ``env`` if given)."""
    script = (
        f"{code}\nimport json, sys\n"
        "print(json.dumps(sorted(k for k, v in sys.modules.items() if v is not None)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=None if env is None else dict(env),
    )
    modules: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return set(modules)


def loaded_under(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(
        name
        for name in modules
        if any(name == prefix or name.startswith(f"{prefix}.") for prefix in prefixes)
    )


def test_importing_the_app_loads_only_the_first_screen() -> None:
    modules = modules_after("import workos_tui.ui.app")
    assert "workos_tui.ui.widgets.resource_view" in modules  # the check sees the app's imports
    assert loaded_under(modules, NOT_FOR_THE_FIRST_SCREEN) == []


def test_the_demo_emulator_process_starts_without_the_emulator() -> None:
    # cli.run_demo starts it before anything heavy: the child imports the emulator.
    modules = modules_after("import workos_tui.emulator.process")
    heavy = ("uvicorn", "starlette", "pydantic", "httpx", "textual", "workos_tui.emulator.app")
    assert loaded_under(modules, heavy) == []


def test_the_cli_imports_no_layer_before_dispatching() -> None:
    modules = modules_after("import workos_tui.cli")
    assert loaded_under(modules, ("pydantic", "textual", "httpx", "workos_tui.config")) == []


@pytest.fixture
def no_config(tmp_path: Path) -> dict[str, str]:
    """A child environment with an empty config dir and none of the WorkOS variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WORKOS_", "PYTHONDONTWRITE"))}
    return {**env, "WORKOS_TUI_CONFIG_DIR": str(tmp_path / "config")}


# The CLI as the console starts it, stopping where the console would open.
LAUNCH = """
from workos_tui import cli

class Emulator:
    base_url = "http://127.0.0.1:1"

    def stop(self):
        pass

launched = []
cli.launch_console = lambda environment, *rest, **options: launched.append(environment)
cli.start_demo_emulator = Emulator
assert cli.main(ARGV) == 0 and launched
"""


@pytest.mark.parametrize(
    ("argv", "variables"),
    [
        (["--api-key", "sk_test_flag", "--base-url", "http://127.0.0.1:1"], {}),
        ([], {"WORKOS_API_KEY": "sk_test_env", "WORKOS_BASE_URL": "http://127.0.0.1:1"}),
        (["--demo"], {}),
    ],
    ids=["key-flag", "key-variable", "demo"],
)
def test_a_key_not_kept_in_a_store_loads_no_store(
    no_config: dict[str, str], argv: list[str], variables: dict[str, str]
) -> None:
    modules = modules_after(LAUNCH.replace("ARGV", repr(argv)), {**no_config, **variables})
    assert "workos_tui.config.resolve" in modules  # the check sees the launch
    assert loaded_under(modules, STORE_BACKENDS) == []
    assert loaded_under(modules, ("tomllib", "tomli_w")) == []  # no config file; nothing saved


@pytest.mark.parametrize(
    ("kind", "backend"), [("keyring", "keyring"), ("file", "cryptography")], ids=["keyring", "file"]
)
def test_reading_a_stored_key_loads_its_store(
    no_config: dict[str, str], kind: str, backend: str
) -> None:
    code = f"""
from pathlib import Path
from workos_tui.config.credentials import open_store
from workos_tui.config.errors import CredentialStoreError
store = open_store({kind!r}, ask_secret=lambda prompt: "", key_file=Path("/nonexistent/keys"))
try:
    store.get("p")
except CredentialStoreError:  # no keyring backend (below)
    pass
"""
    # keyring's fail backend: the machine's own keyring is never asked for anything.
    modules = modules_after(
        code, {**no_config, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    )
    assert loaded_under(modules, (backend,))
    if kind == "file":  # (a keyring backend may itself use cryptography)
        assert loaded_under(modules, ("keyring",)) == []


def test_the_command_loads_httpx_without_its_command_line() -> None:
    # Installed with uvicorn, click would have httpx import its CLI (click, pygments, rich.syntax).
    modules = modules_after("import workos_tui.cli, workos_tui.api.client")
    assert "httpx" in modules
    assert loaded_under(modules, ("click", "pygments", "rich.syntax")) == []


def test_the_api_package_leaves_httpx_whole() -> None:
    # A program using workos_tui.api as a library keeps httpx's command line.
    modules = modules_after("import workos_tui.api.client, httpx; httpx.main")
    assert "httpx._main" in modules


def test_plain_http_environments_load_no_certificates() -> None:
    context = tls_verification("http://127.0.0.1:4100")
    assert isinstance(context, ssl.SSLContext)
    # Fails closed: were TLS ever attempted, no certificate would be trusted.
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.cert_store_stats()["x509_ca"] == 0
    assert tls_verification("HTTP://localhost:4100") is not True
    assert tls_verification("https://api.workos.com") is True


@pytest.mark.skipif(not can_run_in_process(), reason="the demo emulator runs in a thread here")
async def test_the_emulator_process_serves_the_demo_and_stops() -> None:
    emulator = EmulatorProcess().start()
    try:
        environment = Environment(
            name="demo", api_key=SecretStr(DEFAULT_API_KEY), base_url=emulator.base_url
        )
        # Sent at once: the request waits in the socket's backlog until the child serves.
        async with WorkOSClient(environment) as client:
            page = await client.request("GET", "/organizations", params={"limit": 2})
        assert len(page["data"]) == 2
        assert emulator.returncode is None
    finally:
        emulator.stop()
    assert emulator.returncode == 0  # it stopped cleanly once its stdin closed


@pytest.mark.skipif(not can_run_in_process(), reason="the demo emulator runs in a thread here")
def test_a_dead_emulator_process_refuses_connections() -> None:
    emulator = EmulatorProcess().start()
    try:
        process = emulator._process
        assert process is not None
        process.kill()
        process.wait()
        # The parent kept no copy of the listening socket: no request waits for nobody.
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{emulator.base_url}/organizations", timeout=5)
    finally:
        emulator.stop()


def test_the_console_command_pauses_the_collector_while_it_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from workos_tui import cli
    from workos_tui.ui.collection_pause import collection_paused

    seen: list[tuple[bool, bool]] = []
    monkeypatch.setattr(
        cli,
        "launch_console",
        lambda *args, **options: seen.append((gc.isenabled(), collection_paused())),
    )
    assert gc.isenabled()
    assert cli.main(["--api-key", "sk_test_x", "--base-url", "http://127.0.0.1:1"]) == 0
    assert seen == [(False, True)]  # off while the console starts (it resumes it)
    assert gc.isenabled() and not collection_paused()  # and on again once it has closed
