"""Benchmark of the emulator (not collected by pytest): ``python tests/bench_emulator.py``.

Prints, for 100,000 and for 1,000,000 users: the seeding time, the resident memory once seeded
(and the process's peak), and requests per second for the first users page and for a page deep
inside the dataset, over real HTTP on loopback with one keep-alive httpx client; and
``GET /organizations?limit=100`` on the demo dataset.

Baselines measured in the same run: ``GET /health`` on the same server (the floor set by
HTTP, uvicorn and the client), and the first users page of the same dataset (a deep page
should cost the same as the first one: cursors are found by bisection, not scans).
``--scales 100000`` limits the run to the listed sizes.  No figure is asserted.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workos_tui.emulator import EmulatorServer, create_app, demo_state

AUTH = {"Authorization": "Bearer sk_test_default"}
SECONDS = 5.0


def rate(client: httpx.Client, path: str, params: dict[str, str]) -> tuple[float, int]:
    client.get(path, params=params).raise_for_status()  # warm up
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        r = client.get(path, params=params)
        r.raise_for_status()
        n += 1
    elapsed = time.perf_counter() - start
    body = r.json()
    return n / elapsed, len(body["data"]) if "data" in body else 0


def resident_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_scale(n: int) -> None:
    gc.collect()
    before = resident_mb()
    start, cpu = time.perf_counter(), time.process_time()
    big = demo_state(scale=n)
    seeded, cpu = time.perf_counter() - start, time.process_time() - cpu
    gc.collect()
    print(
        f"{n:,}-user dataset seeding: {seeded:.2f} s ({cpu:.2f} s CPU; "
        f"{len(big['users']):,} users, "
        f"{len(big['organization_memberships']):,} memberships); resident "
        f"{resident_mb():,.0f} MB ({resident_mb() - before:+,.0f} MB), process peak "
        f"{peak_mb():,.0f} MB"
    )
    with (
        EmulatorServer(create_app(big)) as server,
        httpx.Client(base_url=server.base_url, headers=AUTH) as client,
    ):
        first, _ = rate(client, "/user_management/users", {"limit": "100"})
        print(f"  baseline GET /user_management/users?limit=100 (first page): {first:,.0f} req/s")
        order = big["users"].order
        deep = order[len(order) // 2]
        rps, k = rate(client, "/user_management/users", {"limit": "100", "after": deep})
        print(
            f"  GET /user_management/users?limit=100&after=<{len(order) // 2:,}th id> "
            f"({k} items): {rps:,.0f} req/s ({rps / first:.2f}x the first page)"
        )
        org = big["organizations"].order[7]
        params = {"limit": "100", "organization_id": org, "after": order[len(order) * 3 // 5]}
        rps, k = rate(client, "/user_management/users", params)
        print(
            f"  GET /user_management/users?organization_id=...&after=<deep> ({k} items): "
            f"{rps:,.0f} req/s ({rps / first:.2f}x the first page)"
        )
    del big, server
    gc.collect()


def main() -> None:
    parser = argparse.ArgumentParser(description="emulator benchmark")
    parser.add_argument("--scales", type=int, nargs="*", default=[100_000, 1_000_000])
    args = parser.parse_args()

    start = time.perf_counter()
    demo_state()
    print(f"demo dataset seeding: {(time.perf_counter() - start) * 1000:.0f} ms")

    with (
        EmulatorServer(create_app(demo_state())) as server,
        httpx.Client(base_url=server.base_url, headers=AUTH) as client,
    ):
        health, _ = rate(client, "/health", {})
        print(f"baseline GET /health (same server and client): {health:,.0f} req/s")
        rps, n = rate(client, "/organizations", {"limit": "100"})
        print(
            f"GET /organizations?limit=100 (demo, {n} items): {rps:,.0f} req/s "
            f"({rps / health:.2f}x the /health baseline)"
        )

    for n in args.scales:
        bench_scale(n)


if __name__ == "__main__":
    main()
