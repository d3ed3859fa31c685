"""The encrypted key file does not trust its own header, and a new file needs a real passphrase.

The header (scrypt's n, r, p and the salt) is only authenticated after the key is derived from
it, so an edited file could ask for any amount of work: these tests hold that it is refused
first. The derivation is watched through the ``Scrypt`` class the store uses: a test fails if
the store ever constructs one for a refused file (and then does not run it either).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from workos_tui.config import file_store
from workos_tui.config.credentials import EncryptedFileStore, passphrase_from_env_or_prompt
from workos_tui.config.errors import (
    CredentialStoreError,
    UnsafeKeyFileError,
    WeakPassphraseError,
    WrongPassphraseError,
)

KEY = SecretStr("sk_test_limits_0001")
PASSPHRASE = "correct horse battery"
FAST_N = 2**14


class NoDerivation:
    """Stands in for ``Scrypt`` where the store must refuse before deriving anything."""

    def __init__(self, **parameters: Any) -> None:
        raise AssertionError(f"scrypt was asked to derive with {parameters}")


def _store(path: Path, passphrase: str = PASSPHRASE) -> EncryptedFileStore:
    return EncryptedFileStore(path, passphrase=SecretStr(passphrase), scrypt_n=FAST_N)


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "credentials.enc"
    _store(path).set("a", KEY)
    return path


def _edit_kdf(path: Path, **changes: Any) -> None:
    document = json.loads(path.read_bytes())
    document["kdf"].update(changes)
    path.write_text(json.dumps(document))


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"n": 2**24}, "n = 16777216 is not a power of two from 2^14 to 2^20"),
        ({"n": 2**21}, "n = 2097152"),
        ({"n": 3}, "n = 3 is not a power of two"),
        ({"n": 2**14 + 2}, "is not a power of two"),
        ({"n": 2**13}, "n = 8192"),
        ({"n": 0}, "n = 0"),
        ({"n": -(2**15)}, "n = -32768"),
        ({"r": 10**6}, "r = 1000000 is not from 1 to 16"),
        ({"r": 0}, "r = 0"),
        ({"p": 2**30}, "p = 1073741824 is not from 1 to 16"),
        ({"n": 2**20, "r": 8}, "1024 MiB"),
        ({"n": 2**18, "r": 8, "p": 16}, "16 times the usual work"),
        ({"salt": "AAAA"}, "the salt is 3 bytes"),
    ],
)
def test_unsafe_parameters_are_refused_before_deriving(
    key_file: Path, monkeypatch: pytest.MonkeyPatch, changes: dict[str, Any], problem: str
) -> None:
    _edit_kdf(key_file, **changes)
    monkeypatch.setattr(file_store, "Scrypt", NoDerivation)
    with pytest.raises(UnsafeKeyFileError) as info:
        _store(key_file).get("a")
    message = str(info.value)
    assert problem in message
    assert str(key_file) in message and "was edited" in message
    assert PASSPHRASE not in message
    with pytest.raises(UnsafeKeyFileError):  # nor does saving another key go through
        _store(key_file).set("b", KEY)


@pytest.mark.parametrize("n", ["32768", 32768.0, True, None, [2**15]])
def test_parameters_that_are_not_whole_numbers(key_file: Path, n: Any) -> None:
    _edit_kdf(key_file, n=n)
    with pytest.raises(CredentialStoreError, match="is not a workos-tui key file"):
        _store(key_file).get("a")


def test_other_algorithms_and_odd_nonces_are_not_ours(key_file: Path) -> None:
    _edit_kdf(key_file, name="pbkdf2")
    with pytest.raises(CredentialStoreError, match="is not a workos-tui key file"):
        _store(key_file).get("a")
    _store(key_file.with_name("other.enc")).set("a", KEY)
    document = json.loads(key_file.with_name("other.enc").read_bytes())
    document["nonce"] = "AAAA"
    key_file.write_text(json.dumps(document))
    with pytest.raises(CredentialStoreError, match="is not a workos-tui key file"):
        _store(key_file).get("a")


def test_a_huge_file_is_not_read_whole(key_file: Path) -> None:
    key_file.write_bytes(b" " * (file_store.MAX_FILE_BYTES + 1))
    with pytest.raises(CredentialStoreError, match="is not a workos-tui key file"):
        _store(key_file).get("a")


def test_parameters_within_range_still_work(key_file: Path) -> None:
    """The accepted range holds what workos-tui writes: only the tag check refuses an edit."""
    _edit_kdf(key_file, n=2**15)
    with pytest.raises(WrongPassphraseError, match="tampered"):
        _store(key_file).get("a")
    fresh = key_file.with_name("fresh.enc")
    _store(fresh).set("a", KEY)
    assert _store(fresh).get("a") == KEY


def test_the_store_refuses_to_write_unsafe_parameters(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="power of two"):
        EncryptedFileStore(tmp_path / "c.enc", passphrase=SecretStr(PASSPHRASE), scrypt_n=3)


@pytest.mark.parametrize(
    "weak", ["x", "hunter2", "eleven char", "aaaaaaaaaaaaaaaa", "abababababab"]
)
def test_a_new_file_needs_a_passphrase_of_reasonable_strength(tmp_path: Path, weak: str) -> None:
    path = tmp_path / "credentials.enc"
    with pytest.raises(WeakPassphraseError, match="at least 12 characters") as info:
        _store(path, weak).set("a", KEY)
    assert weak not in str(info.value)
    assert not path.exists()


def test_a_weak_passphrase_from_the_prompt_or_environment_is_refused_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "credentials.enc"
    answers = iter(["short", "short"])
    prompted = EncryptedFileStore(
        path, passphrase=passphrase_from_env_or_prompt(lambda _: next(answers)), scrypt_n=FAST_N
    )
    with pytest.raises(WeakPassphraseError, match="nothing was saved"):
        prompted.set("a", KEY)
    monkeypatch.setenv("WORKOS_TUI_PASSPHRASE", "secret")
    from_env = EncryptedFileStore(
        path, passphrase=passphrase_from_env_or_prompt(lambda _: ""), scrypt_n=FAST_N
    )
    with pytest.raises(WeakPassphraseError):
        from_env.set("a", KEY)
    assert not path.exists()


def test_an_existing_file_with_an_older_weak_passphrase_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rule is for new files: a file made before it keeps working (and can be updated)."""
    path = tmp_path / "credentials.enc"
    monkeypatch.setattr(file_store, "MIN_PASSPHRASE_LENGTH", 1)
    monkeypatch.setattr(file_store, "MIN_DISTINCT_CHARACTERS", 1)
    _store(path, "old").set("a", KEY)
    monkeypatch.undo()
    assert _store(path, "old").get("a") == KEY
    _store(path, "old").set("b", KEY)
    assert _store(path, "old").get("b") == KEY
