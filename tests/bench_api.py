"""Benchmark of the service layer's local work. Run: ``python tests/bench_api.py``.

Prints Vault local encrypt/decrypt throughput at 1 MiB and 32 MiB beside bare AES-256-GCM from
``cryptography`` on the same payload in the same run, and the wall time of importing
``workos_tui.api`` beside ``python -c pass``. The data-key source is an in-process object, so no
network time is included. Not a pytest module (its name does not start with ``test_``).
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

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import SecretStr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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


async def _bench_vault(sizes: list[int]) -> None:
    source = InProcessSource()
    crypto = VaultCrypto(source)
    aead = AESGCM(vault_envelope.b64decode(source.key_b64))
    header = (
        f"{'payload':>8} | {'vault encrypt':>24} | {'bare AES-GCM enc':>24} | {'ratio':>5} | "
        f"{'vault decrypt':>24} | {'bare AES-GCM dec':>24} | {'ratio':>5}"
    )
    print(header)
    print("-" * len(header))
    for size in sizes:
        await _bench_size(crypto, aead, size)


async def _bench_size(crypto: VaultCrypto, aead: AESGCM, size: int) -> None:
    runs = 21 if size <= MIB else 5
    nonce = os.urandom(12)
    context = {"organization_id": "org_bench"}
    text = ("The quick brown fox jumps over the lazy dog 0123456789. " * (size // 56 + 1))[:size]
    data = text.encode()
    token = await crypto.encrypt(text, context)
    assert await crypto.decrypt(token) == text
    sealed = aead.encrypt(nonce, data, None)

    enc = await _median_time_async(lambda: crypto.encrypt(text, context), runs)
    dec = await _median_time_async(lambda: crypto.decrypt(token), runs)
    bare_enc = _median_time(lambda: aead.encrypt(nonce, data, None), runs)
    bare_dec = _median_time(lambda: aead.decrypt(nonce, sealed, None), runs)

    def cell(seconds: float) -> str:
        return f"{seconds * 1e3:8.2f} ms {_rate(size, seconds)}"

    print(
        f"{size // MIB:>4} MiB | {cell(enc):>24} | {cell(bare_enc):>24} | {bare_enc / enc:5.2f} "
        f"| {cell(dec):>24} | {cell(bare_dec):>24} | {bare_dec / dec:5.2f}"
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
    args = parser.parse_args()

    fast = vault_envelope._fast_b64()
    backend = f"pybase64 {fast.get_version()}" if fast is not None else "binascii (stdlib)"
    print(f"Python {sys.version.split()[0]}, base64 codec: {backend}")
    print(
        "Vault local crypto; the data-key source is an in-process object (no network, no HTTP);"
        " medians of 21 runs (1 MiB) / 5 runs (32 MiB); ratio = bare time / vault time"
    )
    asyncio.run(_bench_vault([MIB, 32 * MIB]))
    if fast is not None and not args.skip_binascii:
        vault_envelope._pybase64 = None  # same run, stdlib base64 only (pybase64 missing)
        print("\nSame, with the stdlib binascii codec (what runs when pybase64 is not installed):")
        asyncio.run(_bench_vault([MIB, 32 * MIB]))
        vault_envelope._pybase64 = fast

    print("\nWall time of a fresh interpreter (median of 5 subprocess runs):")
    api = _import_time("import workos_tui.api")
    bare = _import_time("pass")
    print(f"  python -c 'import workos_tui.api'  {api * 1e3:7.1f} ms")
    print(f"  python -c 'pass'                   {bare * 1e3:7.1f} ms")
    print(f"  difference                         {(api - bare) * 1e3:7.1f} ms")


if __name__ == "__main__":
    main()
