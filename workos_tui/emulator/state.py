"""The emulator's whole mutable state: collections, a monotonic clock, events and metadata."""

from __future__ import annotations

import pickle
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import ids
from .hooks import HookRegistry
from .idempotency import IdempotencyStore
from .store import ChangeListener, Collection, Index, Record

MetaListener = Callable[[str, Any], None]
# Collections that grow with ``--scale`` keep their records compactly past this size (see
# store.CompactItems): a million users fit in memory.
COMPACT_AT: dict[str, int] = {"users": 20_000, "organization_memberships": 20_000}


def _collections() -> dict[str, Collection]:
    spec: list[tuple[str, str, list[Index]]] = [
        ("organizations", "org", [Index("external_id")]),
        (
            "organization_domains",
            "org_domain",
            [Index("organization_id"), Index("domain", lower=True)],
        ),
        (
            "users",
            "user",
            [Index("email", lower=True), Index("external_id"), Index("_organization_ids")],
        ),
        ("organization_memberships", "om", [Index("user_id"), Index("organization_id")]),
        (
            "invitations",
            "invitation",
            [Index("email", lower=True), Index("organization_id"), Index("token")],
        ),
        ("connections", "conn", [Index("organization_id")]),
        ("profiles", "prof", [Index("connection_id")]),
        ("directories", "directory", [Index("organization_id")]),
        ("directory_users", "directory_user", [Index("directory_id"), Index("_group_ids")]),
        ("directory_groups", "directory_group", [Index("directory_id")]),
        ("events", "event", [Index("event"), Index("_organization_id")]),
        ("sessions", "session", [Index("user_id")]),
        ("auth_factors", "auth_factor", [Index("user_id")]),
        ("email_verifications", "email_verification", [Index("user_id")]),
        ("password_resets", "password_reset", [Index("user_id"), Index("password_reset_token")]),
        ("vault_objects", "", [Index("name")]),
        ("vault_keys", "", []),
        ("roles", "role", [Index("slug"), Index("_organization_id")]),
        ("permissions", "perm", [Index("slug")]),
        ("groups", "group", [Index("organization_id"), Index("_member_ids")]),
        (
            "authorization_resources",
            "authz_resource",
            [Index("organization_id"), Index("parent_resource_id"), Index("_key")],
        ),
        (
            "role_assignments",
            "role_assignment",
            [Index("organization_membership_id"), Index("_resource_id"), Index("_gra_id")],
        ),
        ("group_role_assignments", "gra", [Index("group_id"), Index("_resource_id")]),
        ("webhook_endpoints", "we", []),
        ("api_keys", "api_key", [Index("_owner_id")]),
        ("feature_flags", "flag", [Index("slug")]),
        ("audit_log_actions", "audit_action", [Index("name")]),
        ("audit_log_events", "audit_log_event", [Index("organization_id")]),
        ("audit_log_exports", "audit_log_export", []),
        ("redirect_uris", "redir", [Index("uri")]),
        ("cors_origins", "cors_origin", [Index("origin", lower=True)]),
        ("auth_challenges", "auth_challenge", [Index("authentication_factor_id")]),
        ("magic_auths", "magic_auth", [Index("user_id")]),
        ("passwordless_sessions", "passwordless_session", []),
        ("email_changes", "email_change", [Index("user_id")]),
        ("auth_codes", "", [Index("kind")]),  # id = the code/token itself
        ("radar_challenges", "radar_challenge", [Index("user_id")]),
        ("radar_attempts", "radar_att", []),
        ("radar_list_entries", "", []),  # id = "type:action:entry"
        ("agent_registrations", "agent_reg", [Index("_claim_token")]),
        ("connect_applications", "conn_app", [Index("client_id"), Index("organization_id")]),
        ("connect_application_secrets", "secret", [Index("_application_id")]),
        (
            "authorized_applications",
            "authorized_connect_app",
            [Index("user_id"), Index("_organization_id"), Index("_application_id")],
        ),
        ("data_integrations", "data_integration", [Index("slug")]),
        ("connected_accounts", "data_installation", [Index("user_id"), Index("_integration_id")]),
    ]
    return {
        name: Collection(name, prefix, indexes, compact_at=COMPACT_AT.get(name))
        for name, prefix, indexes in spec
    }


def _org_of(data: Record) -> str | None:
    org = data.get("organization_id")
    return org if isinstance(org, str) else None


@dataclass(frozen=True)
class Checkpoint:
    records: dict[str, dict[str, bytes]]
    meta: bytes


class EmulatorState:
    """All data the emulator serves.

    ``state["users"]`` is a :class:`~.store.Collection`; ``state.meta`` holds singletons (the
    Vault master key, JWT template, ...).  Handlers run on the server's event loop one at a time;
    tests may read the state from their own thread between requests.
    """

    def __init__(self, *, seed: int | None = None) -> None:
        self.collections: dict[str, Collection] = _collections()
        self.meta: dict[str, Any] = {}
        self.rng = random.Random(seed)
        self.last_ms = 0
        self.frozen_ms: int | None = None
        self.lock = threading.RLock()
        self.hooks = HookRegistry()
        # Called with each event emit() records (webhook delivery listens here).
        self.event_listener: Callable[[Record], None] | None = None
        self.idempotency = IdempotencyStore()
        self._listener: ChangeListener | None = None
        self._meta_listener: MetaListener | None = None
        self.flusher: Callable[[], None] | None = None
        self._checkpoint: Checkpoint | None = None
        self._dirty: set[tuple[str, str]] = set()

    def __getitem__(self, name: str) -> Collection:
        return self.collections[name]

    # -- clock and ids ------------------------------------------------------------------------

    def now_ms(self) -> int:
        """A strictly increasing millisecond timestamp (wall clock unless frozen by seeding)."""
        base = self.frozen_ms if self.frozen_ms is not None else int(time.time() * 1000)
        self.last_ms = max(base, self.last_ms + 1)
        return self.last_ms

    def new_id(self, prefix: str, ms: int | None = None) -> str:
        stamp = self.now_ms() if ms is None else ms
        if not prefix:
            return ids.uuid7(stamp, self.rng)
        return ids.prefixed(prefix, stamp, self.rng)

    def stamp(self) -> tuple[str, int, str]:
        """``(id_time_part, ms, iso)`` helper: a fresh instant and its ISO form."""
        ms = self.now_ms()
        return ids.encode_time(ms), ms, ids.iso(ms)

    def create(self, collection: str, fields: Record) -> Record:
        """Create a record with a fresh id and ``created_at``/``updated_at`` set to now."""
        col = self.collections[collection]
        ms = self.now_ms()
        now = ids.iso(ms)
        record: Record = {"id": self.new_id(col.prefix, ms)}
        record.update(fields)
        record.setdefault("created_at", now)
        record.setdefault("updated_at", now)
        return col.put(record)

    def touch(self, collection: str, record: Record) -> Record:
        record["updated_at"] = ids.iso(self.now_ms())
        return self.collections[collection].put(record)

    # -- events -------------------------------------------------------------------------------

    def emit(self, event: str, data: Record, organization_id: str | None = None) -> Record:
        """Append an event (``GET /events``) with the spec's envelope.

        ``organization_id`` (for the ``organization_id`` filter) defaults to the payload's.
        """
        ms = self.now_ms()
        record: Record = {
            "object": "event",
            "id": ids.prefixed("event", ms, self.rng),
            "event": event,
            "data": data,
            "created_at": ids.iso(ms),
            "_organization_id": organization_id or _org_of(data),
        }
        stored = self.collections["events"].put(record)
        if self.event_listener is not None:
            self.event_listener(stored)
        return stored

    # -- metadata -----------------------------------------------------------------------------

    def set_meta(self, key: str, value: Any) -> None:
        self.meta[key] = value
        if self._meta_listener is not None:
            self._meta_listener(key, value)

    def flush(self) -> None:
        """Make the changes of the last request durable (when persistence is attached), and
        store the records it read compactly again."""
        if self.flusher is not None:
            self.flusher()
        for col in self.collections.values():
            col.settle()

    # -- change tracking, snapshots -----------------------------------------------------------

    def listen(self, on_record: ChangeListener | None, on_meta: MetaListener | None) -> None:
        """Observe every record change (persistence uses this)."""
        self._listener = on_record
        self._meta_listener = on_meta
        self._wire()

    def _wire(self) -> None:
        for col in self.collections.values():
            col.listener = self._on_change if self._listener or self._checkpoint else None

    def _on_change(self, collection: str, rid: str, record: Record | None) -> None:
        if self._checkpoint is not None:
            self._dirty.add((collection, rid))
        if self._listener is not None:
            self._listener(collection, rid, record)

    def checkpoint(self) -> None:
        """Remember the current data so :meth:`rollback` can return to it cheaply.

        Rolling back costs time proportional to the records changed since, not to the size of
        the state, which keeps per-test resets in the millisecond range.
        """
        with self.lock:
            records = {
                name: {
                    rid: pickle.dumps(rec, pickle.HIGHEST_PROTOCOL)
                    for rid, rec in col.items.items()
                }
                for name, col in self.collections.items()
            }
            self._checkpoint = Checkpoint(records, pickle.dumps(self.meta))
            self._dirty.clear()
            self._wire()

    def rollback(self) -> None:
        """Undo every change made since :meth:`checkpoint`."""
        cp = self._checkpoint
        if cp is None:
            raise RuntimeError("rollback() without checkpoint()")
        with self.lock:
            dirty, self._dirty = self._dirty, set()
            for name, rid in sorted(dirty):
                col = self.collections[name]
                blob = cp.records[name].get(rid)
                if blob is None:
                    col.delete(rid)
                else:
                    col.put(pickle.loads(blob))
            self._dirty.clear()
            self.meta = pickle.loads(cp.meta)
            self.idempotency.clear()  # its answers name records that may be gone

    def snapshot(self) -> bytes:
        """Serialise the data (not hooks or listeners) for a cheap :meth:`restore`."""
        listeners = {name: col.listener for name, col in self.collections.items()}
        for col in self.collections.values():
            col.listener = None
        try:
            payload = (self.collections, self.meta, self.last_ms, self.rng.getstate())
            return pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            for name, col in self.collections.items():
                col.listener = listeners[name]

    def restore(self, blob: bytes) -> None:
        with self.lock:
            collections, meta, last_ms, rng_state = pickle.loads(blob)
            self.collections = collections
            self.meta = meta
            self.last_ms = max(self.last_ms, last_ms)
            self.rng.setstate(rng_state)
            self.idempotency.clear()
            self._dirty.clear()
            self._checkpoint = None
            self._wire()
