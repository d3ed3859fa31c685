"""The demo's timeline is believable: every pair of timestamps that must be ordered is ordered.

The checks walk every collection and every object nested in a record, so whatever a future
seeder adds is held to the same rules: nothing happens to an object before it exists, nothing
refers to an object created later, nothing seeded happens after the demo's present, what is
still live expires after that present and what has expired expires before it (and always after
its creation).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest

from workos_tui.emulator import EmulatorState, demo_state, ids
from workos_tui.emulator.demo import NOW_MS
from workos_tui.emulator.demo_clock import DAY_MS
from workos_tui.emulator.seed import build_from_seed
from workos_tui.emulator.seeder import Seeder
from workos_tui.emulator.store import Record

# Every ``*_at`` field but those below records something that happened to an object: at or
# after its creation (the nearest ``created_at`` around it), never after the demo's present.
# Expiries come strictly after creation, in the past or the future as the object's state says.
EXPIRES = ("expires_at", "_expires_at")
# What happened before it was recorded (an audit log event is sent after it occurred).
BEFORE_CREATION = ("occurred_at",)
# What cannot happen once the object has expired.
BEFORE_EXPIRY = ("accepted_at", "revoked_at", "ended_at", "claimed_at", "last_used_at")
EXPIRED_STATES = frozenset({"expired", "needs_reauthorization"})
LIVE_STATES = frozenset({"pending", "active", "connected"})
# References that point forward in time on purpose (an integration names its first install).
FORWARD_REFERENCES = frozenset({"_installation_id"})
SCALES = (None, 3, 50, 3000)  # 3000: the "big" demo, seeded without events


@cache
def _demo(scale: int | None) -> EmulatorState:
    return demo_state(scale)


@cache
def _seeded() -> EmulatorState:
    """A seed file on top of a small demo: the YAML path uses the same builders."""
    return build_from_seed(
        {
            "demo": True,
            "scale": 20,
            "organizations": [{"name": "Extra", "members": [{"email": "m@extra.example"}]}],
            "invitations": [
                {"email": f"{st}@extra.example", "organization": "Extra", "state": st}
                for st in ("pending", "accepted", "expired", "revoked")
            ],
            "vault": [{"name": "extra-secret", "values": ["a", "b"], "context": {}}],
        }
    )


def _builds() -> list[Any]:
    return [pytest.param(lambda s=s: _demo(s), id=f"demo-{s}") for s in SCALES] + [
        pytest.param(_seeded, id="seed-file")
    ]


def _summary(bad: list[str]) -> str:
    """How many problems of each kind (ids and list positions blurred), and a few of them."""
    kinds = Counter(re.sub(r"/[^.\s]+|\[\d+\]|-> \S+|= \S+", "", b) for b in bad)
    return f"{len(bad)} problems: {dict(kinds)}; e.g. {bad[:3]}"


def _ms(value: Any) -> int | None:
    return ids.parse_iso(value) if isinstance(value, str) else None


@dataclass(frozen=True)
class Node:
    """A dict inside a record, with what it inherits from the objects enclosing it."""

    where: str
    value: Record
    created: int  # its own created_at, else the nearest enclosing one
    status: str | None  # its own state/status, else the nearest enclosing one


def _nodes(state: EmulatorState) -> Iterator[Node]:
    def walk(where: str, value: Any, created: int, status: str | None) -> Iterator[Node]:
        if isinstance(value, list):
            for k, item in enumerate(value):
                yield from walk(f"{where}[{k}]", item, created, status)
        elif isinstance(value, dict):
            created = _ms(value.get("created_at")) or created
            own = value.get("state", value.get("status"))
            status = own if isinstance(own, str) else status
            yield Node(where, value, created, status)
            for key, item in value.items():
                yield from walk(f"{where}.{key}", item, created, status)

    for name, col in state.collections.items():
        for record in col:
            yield from walk(f"{name}/{record['id']}", record, 0, None)


def _id_times(state: EmulatorState) -> dict[str, int]:
    """Every record's id -> its creation time."""
    out: dict[str, int] = {}
    for col in state.collections.values():
        for record in col:
            created = _ms(record.get("created_at"))
            if created is not None:
                out[record["id"]] = created
    return out


def _strings(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, item in value.items():
            yield from _strings(item, k)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)
    elif isinstance(value, str):
        yield key, value


@pytest.mark.parametrize("build", _builds())
def test_everything_happens_after_creation_and_expires_after_it(build: Any) -> None:
    bad = []
    for node in _nodes(build()):
        for field, value in node.value.items():
            at = _ms(value) if field.endswith("_at") else None
            if at is None or field == "created_at" or field in EXPIRES:
                continue
            if field in BEFORE_CREATION:
                if at > node.created:
                    bad.append(f"{node.where}.{field} after created_at")
            elif at < node.created:
                bad.append(f"{node.where}.{field} before created_at")
        for field in EXPIRES:
            at = _ms(node.value.get(field))
            if at is None:
                continue
            if at <= node.created:
                bad.append(f"{node.where}.{field} not after created_at")
            for done in BEFORE_EXPIRY:
                when = _ms(node.value.get(done))
                if when is not None and when > at:
                    bad.append(f"{node.where}.{done} after {field}")
    assert not bad, _summary(bad)


@pytest.mark.parametrize("scale", SCALES)
def test_nothing_seeded_is_in_the_future(scale: int | None) -> None:
    state = _demo(scale)
    bad = []
    for node in _nodes(state):
        for field, value in node.value.items():
            at = _ms(value) if field.endswith("_at") and field not in EXPIRES else None
            if at is not None and at > NOW_MS:
                bad.append(f"{node.where}.{field} = {value}")
    assert not bad, _summary(bad)
    assert max(_id_times(state).values()) <= NOW_MS


@pytest.mark.parametrize("scale", SCALES)
def test_live_things_expire_after_now_and_expired_ones_before(scale: int | None) -> None:
    """(Events are left out: their payloads show objects as they were back then.)"""
    bad = []
    for node in _nodes(_demo(scale)):
        if node.where.startswith("events/"):
            continue
        for field in EXPIRES:
            at = _ms(node.value.get(field))
            if at is None or node.status is None:
                continue
            if node.status in LIVE_STATES and at <= NOW_MS:
                bad.append(f"{node.where} is {node.status} but expired")
            if node.status in EXPIRED_STATES and at > NOW_MS:
                bad.append(f"{node.where} is {node.status} but expires later")
    assert not bad, _summary(bad)


@pytest.mark.parametrize("build", _builds())
def test_references_point_back_in_time(build: Any) -> None:
    """A record (an event included) is created after every record it names: objects after
    their organization and user, an event after the object it is about."""
    state = build()
    created = _id_times(state)
    bad = []
    for name, col in state.collections.items():
        for record in col:
            at = _ms(record.get("created_at"))
            if at is None:
                continue
            for key, value in _strings(record):
                if key in FORWARD_REFERENCES or value == record["id"]:
                    continue
                other = created.get(value)
                if other is not None and other > at:
                    bad.append(f"{name}/{record['id']}.{key} -> {value}")
    assert not bad, _summary(bad)


@pytest.mark.parametrize("build", _builds())
def test_events_report_what_had_happened(build: Any) -> None:
    """An event's payload is the object as it was then: nothing in it happened later."""
    bad = []
    for event in build()["events"]:
        at = ids.parse_iso(event["created_at"])
        for key, value in _strings(event["data"]):
            when = _ms(value) if key.endswith("_at") and key not in EXPIRES else None
            if when is not None and when > at:
                bad.append(f"{event['event']}/{event['id']}.data.{key} after the event")
    assert not bad, _summary(bad)


def _id_ms(rid: str) -> int | None:
    if "_" in rid:
        return ids.decode_time(rid.rsplit("_", 1)[-1][:10])
    hexa = rid.replace("-", "")
    if len(hexa) == 32 and hexa[12] == "7":  # a UUIDv7: 48 bits of milliseconds first
        return int(hexa[:12], 16)
    return None


@pytest.mark.parametrize("build", _builds())
def test_ids_encode_the_creation_time(build: Any) -> None:
    bad = []
    for name, col in build().collections.items():
        for record in col:
            at = _ms(record.get("created_at"))
            encoded = _id_ms(record["id"])
            if at is not None and encoded is not None and encoded != at:
                bad.append(f"{name}/{record['id']}")
    assert not bad, _summary(bad)


@pytest.mark.parametrize("build", _builds())
def test_vault_versions_are_in_order(build: Any) -> None:
    for obj in build()["vault_objects"]:
        versions = [ids.parse_iso(v["created_at"]) for v in obj["_versions"]]
        assert versions == sorted(set(versions)), obj["name"]
        assert versions[0] == ids.parse_iso(obj["created_at"]), obj["name"]
        assert versions[-1] == ids.parse_iso(obj["updated_at"]), obj["name"]
        assert obj["value"] == obj["_versions"][-1]["value"], obj["name"]


@pytest.mark.parametrize("build", _builds())
def test_states_agree_with_their_timestamps(build: Any) -> None:
    state = build()
    for inv in state["invitations"]:
        assert (inv["accepted_at"] is not None) == (inv["state"] == "accepted"), inv["id"]
        assert (inv["revoked_at"] is not None) == (inv["state"] == "revoked"), inv["id"]
    for session in state["sessions"]:
        assert (session["ended_at"] is None) == (session["status"] == "active"), session["id"]


@pytest.mark.parametrize("scale", SCALES)
def test_sessions_follow_a_sign_in(scale: int | None) -> None:
    """A session starts with a sign-in: its user's last sign-in is no earlier."""
    state = _demo(scale)
    for session in state["sessions"]:
        user = state["users"].get(session["user_id"])
        assert user is not None
        assert user["last_sign_in_at"] is not None, session["id"]
        assert ids.parse_iso(user["last_sign_in_at"]) >= ids.parse_iso(session["created_at"])


def test_the_demo_has_live_and_expired_things() -> None:
    """The rules above are not met by having nothing to check."""
    state = _demo(None)
    invitations = {inv["state"] for inv in state["invitations"]}
    assert {"pending", "expired", "accepted", "revoked"} <= invitations
    assert {s["status"] for s in state["sessions"]} >= {"active", "revoked"}
    assert any(k.get("expires_at") for k in state["api_keys"])
    assert any(a.get("_expires_at") for a in state["connected_accounts"])
    assert any(len(o["_versions"]) > 1 for o in state["vault_objects"])


def test_waiting_for_a_record_never_rewinds_the_seeding_clock() -> None:
    state = EmulatorState(seed=1)
    seeder = Seeder(state, random.Random(1), NOW_MS - 10 * DAY_MS, events=False)
    old = seeder.organization("Old")
    tick = seeder.backdate(NOW_MS - 5 * DAY_MS, NOW_MS, 2)
    tick()
    young = seeder.organization("Young")
    tick()
    planned = seeder.next_ms()
    assert planned > ids.parse_iso(young["created_at"]) + 1
    seeder.not_before(old, young)  # both older than where the tick put the clock
    assert seeder.next_ms() == planned
    tick = seeder.backdate(NOW_MS - 9 * DAY_MS, NOW_MS, 1)
    tick()
    seeder.not_before(young)  # younger than the rewound clock: the clock moves past it
    assert seeder.next_ms() == ids.parse_iso(young["created_at"]) + 1
    assert seeder.finish() is state
