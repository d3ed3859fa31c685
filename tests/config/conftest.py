"""Fixtures of the configuration tests: private config/data dirs and an in-memory keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring_backends import MemoryKeyring

ENV_VARS = (
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
)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config and data dirs under tmp_path; no WorkOS variables from the developer's shell."""
    monkeypatch.setenv("WORKOS_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("WORKOS_TUI_DATA_DIR", str(tmp_path / "data"))
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Install an in-memory keyring backend for the test, restoring the previous one after."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[KeyringBackend]:
    """Install keyring's ``fail.Keyring``: the situation of a headless box without a backend."""
    from keyring.backends import fail

    previous = keyring.get_keyring()
    backend = fail.Keyring()  # type: ignore[no-untyped-call]
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
