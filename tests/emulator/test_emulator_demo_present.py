"""The demo's history ends at the present it is given: the live demo reads as of today."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

from workos_tui.emulator import demo_state, ids
from workos_tui.emulator.demo import NOW_MS, live_present_ms
from workos_tui.emulator.demo_clock import DAY_MS

ID_KEY = re.compile(r"^[a-z_]+_[0-9A-Z]{26}$")
SHIFT_MS = 617 * DAY_MS + 3 * 3_600_000 + 17 * 60_000


def _timestamps(value: Any, where: str = "") -> Iterator[tuple[str, int]]:
    if isinstance(value, dict):
        for k, (key, item) in enumerate(value.items()):
            if key.endswith("_at") and isinstance(item, str):
                yield f"{where}.{key}", ids.parse_iso(item)
            else:  # a key that is an id (its time part moves too) is named by its position
                name = f"<id {k}>" if ID_KEY.match(key) else key
                yield from _timestamps(item, f"{where}.{name}")
    elif isinstance(value, list):
        for k, item in enumerate(value):
            yield from _timestamps(item, f"{where}[{k}]")


def test_another_present_moves_every_timestamp_by_the_same_amount() -> None:
    fixed = demo_state(40)
    moved = demo_state(40, present_ms=NOW_MS + SHIFT_MS)
    assert fixed.collections.keys() == moved.collections.keys()
    compared = 0
    for name, records in fixed.collections.items():
        others = list(moved.collections[name])
        assert len(others) == len(list(records)), name
        for k, (record, other) in enumerate(zip(records, others, strict=True)):
            before = dict(_timestamps(record, f"{name}[{k}]"))
            after = dict(_timestamps(other, f"{name}[{k}]"))
            assert before.keys() == after.keys()
            for where, at in before.items():
                assert after[where] - at == SHIFT_MS, where
                compared += 1
    assert compared > 1_000


def test_the_live_present_is_now_to_the_minute() -> None:
    before = time.time_ns() // 1_000_000
    present = live_present_ms()
    assert present % 60_000 == 0
    assert before - 60_000 < present <= time.time_ns() // 1_000_000
