"""Benchmark of the service layer's local work. Run: ``python tests/bench_api.py``.

Prints Vault local encrypt/decrypt of a 1 KiB value per call beside the official ``workos``
SDK's ``AsyncVault.encrypt``/``decrypt`` (its peer; install ``workos`` to compare), Vault
throughput at 1 MiB and 32 MiB beside bare AES-256-GCM from ``cryptography`` on the same payload
in the same run (and beside AES-GCM plus the base64 that the envelope format requires), and the
wall time of importing ``workos_tui.api`` beside ``python -c pass``.
Both Vault implementations get their data keys from in-process objects, so no network time is
included. Not a pytest module (its name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import SecretStr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench_rows import add_json_option, record, write_json  # noqa: E402

from workos_tui.api import vault_envelope  # noqa: E402
from workos_tui.api.vault_crypto import VaultCrypto  # noqa: E402

MIB = 1 << 20


@dataclass
class _DataKey:
    data_key: SecretStr
    encrypted_keys: str | None


class InProcessSource:
    """Answers data-key calls from memory: measures the crypto, not the network."""

    def __init__(self) -> None:
        self.key_b64 = vault_envelope.b64encode(os.urandom(32))
        self.blob_b64 = vault_envelope.b64encode(b"WOS.EKM.v1\x00" + os.urandom(115))

    async def create_data_key(self, context: Mapping[str, str], /) -> _DataKey:
        return _DataKey(SecretStr(self.key_b64), self.blob_b64)

    async def decrypt_data_key(self, encrypted_keys: str, /) -> _DataKey:
        return _DataKey(SecretStr(self.key_b64), None)


def _median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


async def _median_time_async(fn: Callable[[], Awaitable[object]], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        await fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _rate(size: int, seconds: float) -> str:
    per_second = size / seconds
    if per_second >= 1024 * MIB:
        return f"{per_second / (1024 * MIB):6.2f} GiB/s"
    return f"{per_second / MIB:6.0f} MiB/s"


def _sdk_vault(source: InProcessSource) -> Any:
    """The official SDK's async Vault, its data-key calls answered in process (or None)."""
    try:
        from workos.vault._resource import AsyncVault
    except ImportError:
        return None

    async def create_data_key(*, context: Mapping[str, str], **_: Any) -> Any:
        return SimpleNamespace(data_key=source.key_b64, encrypted_keys=source.blob_b64)

    async def create_decrypt(*, keys: str, **_: Any) -> Any:
        return SimpleNamespace(data_key=source.key_b64)

    vault = AsyncVault.__new__(AsyncVault)
    vault.create_data_key = create_data_key  # type: ignore[method-assign]
    vault.create_decrypt = create_decrypt  # type: ignore[method-assign]
    return vault


async def _per_call(fn: Callable[[], Awaitable[object]], calls: int, runs: int = 7) -> float:
    """Median over ``runs`` of the mean time per call of ``calls`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(calls):
            await fn()
        times.append((time.perf_counter() - start) / calls)
    return statistics.median(times)


async def _bench_small(size: int = 1024, calls: int = 2000) -> None:
    """Per-call time for a small value: ours beside the official SDK (its peer)."""
    source = InProcessSource()
    crypto = VaultCrypto(source)
    sdk = _sdk_vault(source)
    text = ("The quick brown fox jumps over the lazy dog 0123456789. " * (size // 56 + 1))[:size]
    context = {"organization_id": "org_bench"}
    token = await crypto.encrypt(text, context)
    enc = await _per_call(lambda: crypto.encrypt(text, context), calls)
    dec = await _per_call(lambda: crypto.decrypt(token), calls)
    aead = AESGCM(vault_envelope.b64decode(source.key_b64))
    nonce, data = os.urandom(12), text.encode()
    bare = _median_time(lambda: [aead.encrypt(nonce, data, None) for _ in range(calls)], 7)
    print(f"Vault, {size} B value, time per call (median of 7 x {calls} calls):")
    print(f"  bare AES-256-GCM (AESGCM.encrypt, no envelope) : {bare / calls * 1e6:6.2f} µs")
    if sdk is None:
        print(f"  workos-tui encrypt / decrypt : {enc * 1e6:6.2f} / {dec * 1e6:6.2f} µs")
        print("  (the official SDK is not installed: pip install workos to compare with it)")
        return
    assert await sdk.decrypt(encrypted_data=token) == text
    sdk_token = await sdk.encrypt(data=text, key_context=context)
    assert await crypto.decrypt(sdk_token) == text
    sdk_enc = await _per_call(lambda: sdk.encrypt(data=text, key_context=context), calls)
    sdk_dec = await _per_call(lambda: sdk.decrypt(encrypted_data=sdk_token), calls)
    print(f"  official SDK encrypt / decrypt : {sdk_enc * 1e6:6.2f} / {sdk_dec * 1e6:6.2f} µs")
    print(
        f"  workos-tui   encrypt / decrypt : {enc * 1e6:6.2f} / {dec * 1e6:6.2f} µs"
        f"   ({enc / sdk_enc:.2f}x / {dec / sdk_dec:.2f}x the SDK's time; aim ≤ 0.8x)"
    )
    for op, ours, theirs in (("encrypt", enc, sdk_enc), ("decrypt", dec, sdk_dec)):
        record(
            f"Vault {op}, {size // 1024} KiB, per call",
            f"{ours * 1e6:.1f} µs",
            f"official SDK {theirs * 1e6:.1f} µs",
            f"{ours / theirs:.2f}x its time",
            "≤ 0.8x the SDK's time",
            ours / theirs <= 0.8,
        )


async def _bench_vault(sizes: list[int], rows: bool = True) -> None:
    """The throughput table; ``rows``: also record the figures for the README."""
    source = InProcessSource()
    crypto = VaultCrypto(source)
    aead = AESGCM(vault_envelope.b64decode(source.key_b64))
    header = (
        f"{'payload':>8} | {'op':<7} | {'workos-tui':>22} | {'bare AES-GCM':>22} | "
        f"{'ratio':>5} | {'AES-GCM + base64':>22} | {'ratio':>5}"
    )
    print(header)
    print("-" * len(header))
    for size in sizes:
        await _bench_size(crypto, aead, size, rows)
    print(
        "ratio = baseline time / workos-tui time. Aim (issue 14): ≥ 0.70 beside bare AES-GCM.\n"
        "AES-GCM + base64 = AESGCM.encrypt, then base64 of its output (decrypt: base64-decode,\n"
        "then AESGCM.decrypt), same codec: the least that the format's base64 text costs,\n"
        "before any str <-> UTF-8 conversion or envelope header."
    )


async def _bench_size(crypto: VaultCrypto, aead: AESGCM, size: int, rows: bool) -> None:
    runs = 21 if size <= MIB else 5
    nonce = os.urandom(12)
    context = {"organization_id": "org_bench"}
    text = ("The quick brown fox jumps over the lazy dog 0123456789. " * (size // 56 + 1))[:size]
    data = text.encode()
    token = await crypto.encrypt(text, context)
    assert await crypto.decrypt(token) == text
    sealed = aead.encrypt(nonce, data, None)
    sealed_b64 = vault_envelope.b64encode(sealed)

    enc = await _median_time_async(lambda: crypto.encrypt(text, context), runs)
    dec = await _median_time_async(lambda: crypto.decrypt(token), runs)
    bare_enc = _median_time(lambda: aead.encrypt(nonce, data, None), runs)
    bare_dec = _median_time(lambda: aead.decrypt(nonce, sealed, None), runs)
    b64_enc = _median_time(lambda: vault_envelope.b64encode(aead.encrypt(nonce, data, None)), runs)
    b64_dec = _median_time(
        lambda: aead.decrypt(nonce, vault_envelope.b64decode_strict(sealed_b64), None), runs
    )

    def cell(seconds: float) -> str:
        return f"{seconds * 1e3:6.2f} ms {_rate(size, seconds)}"

    for op, ours, bare, with_b64 in (
        ("encrypt", enc, bare_enc, b64_enc),
        ("decrypt", dec, bare_dec, b64_dec),
    ):
        print(
            f"{size // MIB:>4} MiB | {op:<7} | {cell(ours):>22} | {cell(bare):>22} | "
            f"{bare / ours:5.2f} | {cell(with_b64):>22} | {with_b64 / ours:5.2f}"
        )
        if rows:
            what = f"Vault {op}, {size // MIB} MiB"
            record(
                what,
                f"{ours * 1e3:.2f} ms",
                f"bare AES-256-GCM {bare * 1e3:.2f} ms",
                f"{bare / ours:.2f}x its speed",
                "≥ 0.7x bare AES-GCM's speed",
                bare / ours >= 0.7,
            )
            record(
                f"… {what}, beside AES-GCM + the format's base64",
                f"{ours * 1e3:.2f} ms",
                f"AES-GCM + base64 {with_b64 * 1e3:.2f} ms",
                f"{with_b64 / ours:.2f}x its speed",
            )


def _import_time(code: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--skip-binascii", action="store_true", help="skip the run without the SIMD base64 codec"
    )
    add_json_option(parser)
    args = parser.parse_args()

    fast = vault_envelope._fast_b64()
    backend = f"pybase64 {fast.get_version()}" if fast is not None else "binascii (stdlib)"
    print(f"Python {sys.version.split()[0]}, base64 codec: {backend}")
    print(
        "Vault local crypto; the data-key source is an in-process object (no network, no HTTP);"
        " medians of 21 runs (1 MiB) / 5 runs (32 MiB); ratio = bare time / vault time"
    )
    asyncio.run(_bench_small())
    asyncio.run(_bench_vault([MIB, 32 * MIB]))
    if fast is not None and not args.skip_binascii:
        vault_envelope._pybase64 = None  # same run, stdlib base64 only (pybase64 missing)
        print("\nSame, with the stdlib binascii codec (what runs when pybase64 is not installed):")
        asyncio.run(_bench_vault([MIB, 32 * MIB], rows=False))
        vault_envelope._pybase64 = fast

    print("\nWall time of a fresh interpreter (median of 5 subprocess runs):")
    api = _import_time("import workos_tui.api")
    bare = _import_time("pass")
    print(f"  python -c 'import workos_tui.api'  {api * 1e3:7.1f} ms")
    print(f"  python -c 'pass'                   {bare * 1e3:7.1f} ms")
    print(f"  difference                         {(api - bare) * 1e3:7.1f} ms")
    record(
        '`python -c "import workos_tui.api"`',
        f"+{(api - bare) * 1e3:.0f} ms",
        f"`python -c pass` {bare * 1e3:.0f} ms",
        "",
        "< 200 ms more",
        api - bare < 0.2,
    )
    write_json(args.json)


if __name__ == "__main__":
    main()
