"""Credential stores: the OS keyring (in-memory backend), no backend, the encrypted file."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backends import chainer, fail, null
from keyring_backends import MemoryKeyring
from pydantic import SecretStr

from workos_tui.config.credentials import (
    SERVICE_NAME,
    EncryptedFileStore,
    KeyringStore,
    default_key_file,
    open_store,
    passphrase_from_env_or_prompt,
)
from workos_tui.config.errors import (
    CredentialStoreError,
    KeyringUnavailableError,
    WrongPassphraseError,
)

KEY = SecretStr("sk_test_a1b2c3d4e5f6")
OTHER = SecretStr("sk_live_z9y8x7w6v5")
FAST_N = 2**14  # the smallest n a key file may have


def test_keyring_round_trip(memory_keyring: MemoryKeyring) -> None:
    store = KeyringStore()
    assert store.get("staging") is None
    store.set("staging", KEY)
    assert memory_keyring.passwords == {(SERVICE_NAME, "staging"): KEY.get_secret_value()}
    got = store.get("staging")
    assert isinstance(got, SecretStr)
    assert got.get_secret_value() == KEY.get_secret_value()
    assert store.delete("staging") is True
    assert store.delete("staging") is False
    assert store.get("staging") is None
    assert "MemoryKeyring" in store.description


def test_keyring_store_with_an_explicit_backend() -> None:
    backend = MemoryKeyring()
    KeyringStore(backend).set("p", KEY)
    assert backend.get_password(SERVICE_NAME, "p") == KEY.get_secret_value()


@pytest.mark.usefixtures("no_keyring")
def test_no_backend_says_so_and_offers_the_alternatives() -> None:
    store = KeyringStore()
    for call in (lambda: store.get("p"), lambda: store.set("p", KEY), lambda: store.delete("p")):
        with pytest.raises(KeyringUnavailableError) as info:
            call()
        message = str(info.value)
        assert message.startswith("No OS keyring backend is available on this machine.")
        assert "WORKOS_API_KEY" in message
        assert "workos-tui login --store file" in message
        assert "plain text" in message
        assert KEY.get_secret_value() not in message


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), chainer.ChainerBackend()],  # type: ignore[no-untyped-call]
    ids=["fail", "null", "empty-chainer"],
)
def test_unusable_backends_are_detected(backend: keyring.backend.KeyringBackend) -> None:
    if isinstance(backend, chainer.ChainerBackend) and chainer.ChainerBackend.backends:
        pytest.skip("this machine has a real keyring backend to chain")
    with pytest.raises(KeyringUnavailableError):
        KeyringStore(backend).check()


def test_plaintext_backends_are_refused() -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    with pytest.raises(KeyringUnavailableError, match="stores keys unencrypted"):
        KeyringStore(PlaintextKeyring()).set("p", KEY)


def test_backend_errors_become_clear_errors_without_the_key() -> None:
    class LockedKeyring(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.PasswordSetError(f"locked, could not store {password}")

    with pytest.raises(CredentialStoreError, match="could not save the key of profile 'p'") as info:
        KeyringStore(LockedKeyring()).set("p", KEY)
    assert KEY.get_secret_value() not in str(info.value)


def _file_store(path: Path, passphrase: str = "correct horse battery") -> EncryptedFileStore:
    return EncryptedFileStore(path, passphrase=SecretStr(passphrase), scrypt_n=FAST_N)


def test_encrypted_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "credentials.enc"
    store = _file_store(path)
    assert store.get("a") is None
    store.set("a", KEY)
    store.set("b", OTHER)

    reopened = _file_store(path)
    got = reopened.get("a")
    assert isinstance(got, SecretStr)
    assert got.get_secret_value() == KEY.get_secret_value()
    assert reopened.get("b") == OTHER
    assert reopened.delete("a") is True
    assert reopened.delete("a") is False
    assert _file_store(path).get("a") is None
    assert _file_store(path).get("b") == OTHER


def test_encrypted_file_is_private_and_opaque(tmp_path: Path) -> None:
    path = tmp_path / "credentials.enc"
    store = _file_store(path)
    store.set("a", KEY)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert KEY.get_secret_value().encode() not in raw
    assert b"correct horse battery" not in raw
    document = json.loads(raw)
    assert document["cipher"] == "AES-256-GCM"
    assert document["kdf"]["name"] == "scrypt"
    first_salt = document["kdf"]["salt"]
    store.set("b", OTHER)
    assert json.loads(path.read_bytes())["kdf"]["salt"] != first_salt  # fresh salt per write


def test_wrong_passphrase_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "credentials.enc"
    _file_store(path).set("a", KEY)
    before = path.read_bytes()
    wrong = _file_store(path, "not it")
    with pytest.raises(WrongPassphraseError, match="wrong passphrase"):
        wrong.get("a")
    with pytest.raises(WrongPassphraseError):
        wrong.set("b", OTHER)
    assert path.read_bytes() == before


def test_tampered_or_foreign_files(tmp_path: Path) -> None:
    path = tmp_path / "credentials.enc"
    _file_store(path).set("a", KEY)
    document = json.loads(path.read_bytes())
    document["kdf"]["n"] = FAST_N * 2  # header is authenticated data
    path.write_text(json.dumps(document))
    with pytest.raises(WrongPassphraseError, match="tampered"):
        _file_store(path).get("a")
    path.write_text("plain text, not ours")
    with pytest.raises(CredentialStoreError, match="not a workos-tui key file"):
        _file_store(path).get("a")


def test_empty_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CredentialStoreError, match="empty"):
        _file_store(tmp_path / "c.enc", "").set("a", KEY)


def test_default_parameters_and_location(private_dirs: Path) -> None:
    store = EncryptedFileStore(passphrase=SecretStr("a pass phrase of words"))
    assert store.path == default_key_file() == private_dirs / "data" / "credentials.enc"
    store.set("a", KEY)
    assert json.loads(store.path.read_bytes())["kdf"]["n"] == 2**15
    assert EncryptedFileStore(passphrase=SecretStr("a pass phrase of words")).get("a") == KEY


def test_passphrase_prompt_asks_twice_when_creating(tmp_path: Path) -> None:
    prompts: list[str] = []
    answers = iter(["s3cret phrase here", "s3cret phrase here", "s3cret phrase here"])

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    path = tmp_path / "credentials.enc"
    EncryptedFileStore(path, passphrase=passphrase_from_env_or_prompt(ask), scrypt_n=FAST_N).set(
        "a", KEY
    )
    assert len(prompts) == 2 and "New passphrase" in prompts[0]
    reader = EncryptedFileStore(
        path, passphrase=passphrase_from_env_or_prompt(ask), scrypt_n=FAST_N
    )
    assert reader.get("a") == KEY
    assert len(prompts) == 3 and "Passphrase of the encrypted key file" in prompts[2]


def test_passphrase_mismatch_saves_nothing(tmp_path: Path) -> None:
    answers = iter(["one", "two"])
    path = tmp_path / "credentials.enc"
    store = EncryptedFileStore(
        path, passphrase=passphrase_from_env_or_prompt(lambda _: next(answers)), scrypt_n=FAST_N
    )
    with pytest.raises(CredentialStoreError, match="differ"):
        store.set("a", KEY)
    assert not path.exists()


def test_passphrase_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKOS_TUI_PASSPHRASE", "from the environment")

    def never(prompt: str) -> str:
        raise AssertionError("should not prompt")

    store = open_store("file", ask_secret=never)
    assert isinstance(store, EncryptedFileStore)
    store.set("a", KEY)
    assert _file_store(store.path, "from the environment").get("a") == KEY
    assert isinstance(open_store("keyring", ask_secret=never), KeyringStore)
