"""Benchmark of the emulator (not collected by pytest): ``python tests/bench_emulator.py``.

Prints the seeding time of a 100,000-user dataset and requests per second for
``GET /organizations?limit=100`` (demo dataset) and for a users page deep inside the
100,000-user dataset, over real HTTP on loopback with one keep-alive httpx client.

Baselines measured in the same run: ``GET /health`` on the same server (the floor set by
HTTP, uvicorn and the client), and the first users page of the same 100,000-user dataset (a
deep page should cost the same as the first one: cursors are found by bisection, not scans).
"""

from __future__ import annotations

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


def main() -> None:
    start = time.perf_counter()
    demo_state()
    print(f"demo dataset seeding: {(time.perf_counter() - start) * 1000:.0f} ms")

    start = time.perf_counter()
    big = demo_state(scale=100_000)
    seeded = time.perf_counter() - start
    print(
        f"100,000-user dataset seeding: {seeded:.2f} s ({len(big['users']):,} users, "
        f"{len(big['organization_memberships']):,} memberships)"
    )

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

    with (
        EmulatorServer(create_app(big)) as server,
        httpx.Client(base_url=server.base_url, headers=AUTH) as client,
    ):
        first, _ = rate(client, "/user_management/users", {"limit": "100"})
        print(
            "baseline GET /user_management/users?limit=100 (first page, 100k users): "
            f"{first:,.0f} req/s"
        )
        deep = big["users"].order[50_000]
        rps, n = rate(client, "/user_management/users", {"limit": "100", "after": deep})
        print(
            f"GET /user_management/users?limit=100&after=<50,000th id> (100k users, {n} items): "
            f"{rps:,.0f} req/s ({rps / first:.2f}x the first page)"
        )
        org = big["organizations"].order[7]
        rps, n = rate(
            client,
            "/user_management/users",
            {"limit": "100", "organization_id": org, "after": big["users"].order[60_000]},
        )
        print(
            f"GET /user_management/users?organization_id=...&after=<deep> (100k users, {n} items): "
            f"{rps:,.0f} req/s"
        )


if __name__ == "__main__":
    main()
