"""Benchmark of list data: service-layer iteration and CSV export beside their baselines.

Run: ``python tests/bench_lists.py`` (not a pytest module). An emulator seeded with 10,000
users runs in another process; every figure is the median of several runs, the contenders
alternating so that load on the machine falls on all of them alike:

* **bare httpx loop** — ``httpx.AsyncClient`` GETs ``/user_management/users?limit=100``
  following ``after``, ``response.json()``, a loop over ``data``: the floor;
* **service layer** — ``async for user in workos.users.iterate(limit=100)`` (typed models; the
  same with ``user.email`` read from each, as a caller would);
* **official SDK** — ``workos.AsyncWorkOSClient``'s ``list_users(limit=100)`` and
  ``auto_paging_iter()`` (install ``workos`` into the environment);
* **export to CSV** — the export dialog's loop (the Users declaration's page source, the
  ``ExportWriter`` with its columns) writing into a file.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
from pydantic import SecretStr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench_rows import add_json_option, record, write_json  # noqa: E402
from bench_ui import start_emulator  # noqa: E402

from workos_tui.api import Environment, WorkOS  # noqa: E402
from workos_tui.resources.base import ListRequest  # noqa: E402
from workos_tui.resources.export import ExportWriter  # noqa: E402
from workos_tui.resources.users import USERS  # noqa: E402

USERS_SCALE = 10_000
API_KEY = "sk_test_default"
PATH = "/user_management/users"


async def bare_loop(base_url: str) -> int:
    async with httpx.AsyncClient(
        base_url=base_url, headers={"Authorization": f"Bearer {API_KEY}"}
    ) as client:
        count = 0
        after: str | None = None
        while True:
            params: dict[str, Any] = {"limit": 100, "order": "desc"}
            if after:
                params["after"] = after
            response = await client.get(PATH, params=params)
            page = response.json()
            for _item in page["data"]:
                count += 1
            after = page["list_metadata"]["after"]
            if not after:
                return count


def environment(base_url: str) -> Environment:
    return Environment(name="bench", api_key=SecretStr(API_KEY), base_url=base_url)


async def service_loop(base_url: str) -> int:
    async with WorkOS.connect(environment(base_url)) as workos:
        count = 0
        async for _user in workos.users.iterate(limit=100):
            count += 1
        return count


async def service_loop_reading(base_url: str) -> int:
    async with WorkOS.connect(environment(base_url)) as workos:
        emails = 0
        async for user in workos.users.iterate(limit=100):
            emails += bool(user.email)
        return emails


async def sdk_loop(base_url: str) -> int:
    from workos import AsyncWorkOSClient

    client = AsyncWorkOSClient(api_key=API_KEY, client_id="client_bench", base_url=base_url)
    count = 0
    page = await client.user_management.list_users(limit=100)
    async for _user in page.auto_paging_iter():
        count += 1
    return count


async def export_loop(base_url: str) -> int:
    """The export dialog's loop (``ExportScreen._export``) for Users, to CSV."""
    async with WorkOS.connect(environment(base_url)) as workos:
        source = USERS.open_list(workos, ListRequest({}, "desc", USERS.page_size))
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as stream:
            writer = ExportWriter(stream, "csv", USERS.secret_fields, USERS.columns)
            while source.has_more:
                items = await source.next_page()
                if not items:
                    break
                writer.write(items)
            writer.close()
            return writer.rows


Loop = Callable[[str], Awaitable[int]]


Times = dict[str, list[tuple[float, float]]]


async def measure(loops: dict[str, Loop], base_url: str, runs: int) -> Times:
    """(wall, client CPU) seconds of each run; the emulator's CPU is another process's."""
    times: Times = {name: [] for name in loops}
    counts: dict[str, int] = {}
    for name, loop in loops.items():  # warm up: connections, imports, validators
        counts[name] = await loop(base_url)
    for _ in range(runs):
        for name, loop in loops.items():
            start, cpu = time.perf_counter(), time.process_time()
            await loop(base_url)
            times[name].append((time.perf_counter() - start, time.process_time() - cpu))
    print(f"  items per run: {counts}")
    return times


def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def row(label: str, runs: list[tuple[float, float]], baseline: list[tuple[float, float]]) -> None:
    wall = [w for w, _ in runs]
    (median, cpu), (base, base_cpu) = medians(runs), medians(baseline)
    spread = f"[{min(wall):.3f}-{max(wall):.3f}]"
    print(
        f"  {label:<44} {median:7.3f} s {spread:<15} {median / base:5.2f}x"
        f" | client CPU {cpu:6.3f} s {cpu / base_cpu:5.2f}x"
    )


def record_against_bare(
    what: str, runs: list[tuple[float, float]], bare: list[tuple[float, float]], aim: float | None
) -> None:
    (wall, cpu), (bare_wall, bare_cpu) = medians(runs), medians(bare)
    record(
        what,
        f"{wall:.3f} s",
        f"bare httpx loop {bare_wall:.3f} s",
        f"{wall / bare_wall:.2f}x (client CPU {cpu / bare_cpu:.2f}x)",
        f"≤ {aim:.2f}x the bare loop" if aim else "",
        wall / bare_wall <= aim if aim else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    add_json_option(parser)
    args = parser.parse_args()
    loops: dict[str, Loop] = {
        "bare": bare_loop,
        "service": service_loop,
        "service_reading": service_loop_reading,
        "export": export_loop,
    }
    try:
        import workos  # noqa: F401
    except ImportError:
        print("(the official SDK is not installed: pip install workos to compare with it)")
    else:
        loops["sdk"] = sdk_loop
    print(f"Python {sys.version.split()[0]}; seeding an emulator with {USERS_SCALE:,} users…")
    process, base_url = start_emulator(USERS_SCALE)
    try:
        times = asyncio.run(measure(loops, base_url, args.runs))
    finally:
        process.terminate()
        process.wait()
    bare = times["bare"]
    print(
        f"Lists: median of {args.runs} runs [range]; ratio = time / the bare httpx loop's time"
        " (wall: includes the emulator's time; client CPU: this process only)"
    )
    row("bare httpx loop (limit 100, following after)", bare, bare)
    row("service layer: iterate (typed models)", times["service"], bare)
    row("service layer: iterate, reading user.email", times["service_reading"], bare)
    record_against_bare(
        f"iterate {USERS_SCALE:,} users through the service layer (typed models)",
        times["service"],
        bare,
        1.15,
    )
    if "sdk" in times:
        row("official SDK: auto_paging_iter", times["sdk"], bare)
        sdk = statistics.median(w for w, _ in times["sdk"])
        service = statistics.median(w for w, _ in times["service"])
        print(f"  service layer / SDK (wall): {service / sdk:.2f}x")
        record_against_bare(
            "… the same through the official SDK (`auto_paging_iter`)", times["sdk"], bare, None
        )
        record(
            "… the service layer against the SDK",
            f"{service:.3f} s",
            f"official SDK {sdk:.3f} s",
            f"{service / sdk:.2f}x",
            "< 1x (ahead of the SDK)",
            service < sdk,
        )
    row("export to CSV (the export dialog's loop)", times["export"], bare)
    record_against_bare(
        f"export {USERS_SCALE:,} users to CSV (the export dialog's loop)",
        times["export"],
        bare,
        1.3,
    )
    print("  aims: service layer ≤ 1.15x the bare loop, ahead of the SDK; export ≤ 1.30x")
    write_json(args.json)


if __name__ == "__main__":
    main()
