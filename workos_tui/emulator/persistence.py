"""Optional SQLite persistence (stdlib ``sqlite3``): the state survives a restart or a kill.

Design: the whole state is loaded from the database at start when the file exists (otherwise
the seed is built and written once).  Afterwards every record change is journaled by the
state's change listener and written in one transaction at the end of each request
(write-through), before the response leaves, so a kill after a mutation loses nothing.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .state import EmulatorState
from .store import Record

SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (collection, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
LAST_MS = "__last_ms__"


class Persistence:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.executescript(SCHEMA)
        self._lock = threading.Lock()
        self._records: dict[tuple[str, str], Record | None] = {}
        self._meta: dict[str, Any] = {}
        self._state: EmulatorState | None = None

    def is_empty(self) -> bool:
        row = self.conn.execute("SELECT 1 FROM records LIMIT 1").fetchone()
        return row is None

    def load_into(self, state: EmulatorState) -> None:
        rows = self.conn.execute("SELECT collection, data FROM records ORDER BY collection, id")
        batches: dict[str, list[Record]] = {}
        for collection, data in rows:
            batches.setdefault(collection, []).append(json.loads(data))
        for collection, records in batches.items():
            if collection in state.collections:
                state[collection].load(records)
        for key, value in self.conn.execute("SELECT key, value FROM meta"):
            if key == LAST_MS:
                state.last_ms = max(state.last_ms, int(json.loads(value)))
            else:
                state.meta[key] = json.loads(value)

    def save_all(self, state: EmulatorState) -> None:
        with self._lock:
            self.conn.execute("BEGIN")
            self.conn.execute("DELETE FROM records")
            self.conn.execute("DELETE FROM meta")
            for name, col in state.collections.items():
                self.conn.executemany(
                    "INSERT INTO records (collection, id, data) VALUES (?, ?, ?)",
                    ((name, rid, json.dumps(rec)) for rid, rec in col.items.items()),
                )
            self.conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [(k, json.dumps(v)) for k, v in state.meta.items()]
                + [(LAST_MS, json.dumps(state.last_ms))],
            )
            self.conn.execute("COMMIT")

    def attach(self, state: EmulatorState) -> None:
        self._state = state
        state.listen(self._on_record, self._on_meta)
        state.flusher = self.flush

    def _on_record(self, collection: str, rid: str, record: Record | None) -> None:
        self._records[(collection, rid)] = record

    def _on_meta(self, key: str, value: Any) -> None:
        self._meta[key] = value

    def flush(self) -> None:
        if not self._records and not self._meta:
            return
        with self._lock:
            records, self._records = self._records, {}
            meta, self._meta = self._meta, {}
            if self._state is not None:
                meta[LAST_MS] = self._state.last_ms
            self.conn.execute("BEGIN")
            for (collection, rid), record in records.items():
                if record is None:
                    self.conn.execute(
                        "DELETE FROM records WHERE collection = ? AND id = ?", (collection, rid)
                    )
                else:
                    self.conn.execute(
                        "INSERT OR REPLACE INTO records (collection, id, data) VALUES (?, ?, ?)",
                        (collection, rid, json.dumps(record)),
                    )
            for key, value in meta.items():
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    (key, json.dumps(value)),
                )
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.flush()
        self.conn.close()


def open_state(
    path: str | Path, build: Callable[[], EmulatorState]
) -> tuple[EmulatorState, Persistence]:
    """Load the state from ``path``, or build it with ``build`` and write it there first."""
    persistence = Persistence(path)
    if persistence.is_empty():
        state = build()
        persistence.save_all(state)
    else:
        state = EmulatorState()
        persistence.load_into(state)
    persistence.attach(state)
    return state, persistence
