"""In-memory object store: id-sorted collections with secondary indexes.

Every record is a plain JSON-able ``dict``.  A :class:`Collection` keeps its ids in one ascending
list (ids sort by creation time, see :mod:`.ids`) and each :class:`Index` keeps, per key, another
ascending id list, so a filtered or unfiltered page is a ``bisect`` plus a short walk, never a
scan-and-sort of the whole collection.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from typing import Any

Record = dict[str, Any]
ChangeListener = Callable[[str, str, Record | None], None]


def _add_sorted(ids: list[str], item: str) -> None:
    if not ids or ids[-1] < item:
        ids.append(item)
    else:
        pos = bisect_left(ids, item)
        if pos == len(ids) or ids[pos] != item:
            ids.insert(pos, item)


def _remove_sorted(ids: list[str], item: str) -> None:
    pos = bisect_left(ids, item)
    if pos < len(ids) and ids[pos] == item:
        del ids[pos]


class Index:
    """Maps the value(s) of one record field to the ascending ids of the records holding it.

    The field may hold a string, a list of strings, or ``None`` (not indexed).  ``lower`` makes
    the index case-insensitive (emails, domains).
    """

    __slots__ = ("_by_id", "field", "lists", "lower")

    def __init__(self, field: str, *, lower: bool = False) -> None:
        self.field = field
        self.lower = lower
        self.lists: dict[str, list[str]] = {}
        self._by_id: dict[str, tuple[str, ...]] = {}

    def keys_of(self, record: Record) -> tuple[str, ...]:
        value = record.get(self.field)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.lower(),) if self.lower else (value,)
        values: Iterable[Any] = value if isinstance(value, list) else (value,)
        if self.lower:
            return tuple(sorted({str(v).lower() for v in values}))
        return tuple(sorted({str(v) for v in values}))

    def update(self, rid: str, record: Record | None) -> None:
        old = self._by_id.get(rid, ())
        new = self.keys_of(record) if record is not None else ()
        if old == new:
            return
        if not old:
            for key in new:
                _add_sorted(self.lists.setdefault(key, []), rid)
            self._by_id[rid] = new
            return
        for key in old:
            if key not in new:
                ids = self.lists.get(key)
                if ids is not None:
                    _remove_sorted(ids, rid)
                    if not ids:
                        del self.lists[key]
        for key in new:
            if key not in old:
                _add_sorted(self.lists.setdefault(key, []), rid)
        if new:
            self._by_id[rid] = new
        else:
            self._by_id.pop(rid, None)

    def get(self, key: str) -> list[str]:
        return self.lists.get(key.lower() if self.lower else key, [])

    def first(self, key: str) -> str | None:
        ids = self.get(key)
        return ids[0] if ids else None


class Collection:
    """One kind of object: ``items`` by id, ``order`` (ascending ids) and named indexes."""

    def __init__(self, name: str, prefix: str, indexes: Iterable[Index] = ()) -> None:
        self.name = name
        self.prefix = prefix
        self.items: dict[str, Record] = {}
        self.order: list[str] = []
        self.indexes: dict[str, Index] = {ix.field: ix for ix in indexes}
        self.listener: ChangeListener | None = None

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, rid: object) -> bool:
        return rid in self.items

    def __iter__(self) -> Iterator[Record]:
        for rid in self.order:
            yield self.items[rid]

    def get(self, rid: str) -> Record | None:
        return self.items.get(rid)

    def index(self, field: str) -> Index:
        return self.indexes[field]

    def put(self, record: Record) -> Record:
        """Insert or replace ``record`` (keyed by its ``id``) and refresh the indexes."""
        rid: str = record["id"]
        if rid not in self.items:
            _add_sorted(self.order, rid)
        self.items[rid] = record
        for ix in self.indexes.values():
            ix.update(rid, record)
        if self.listener is not None:
            self.listener(self.name, rid, record)
        return record

    def delete(self, rid: str) -> Record | None:
        record = self.items.pop(rid, None)
        if record is None:
            return None
        _remove_sorted(self.order, rid)
        for ix in self.indexes.values():
            ix.update(rid, None)
        if self.listener is not None:
            self.listener(self.name, rid, None)
        return record

    def load(self, records: Iterable[Record]) -> None:
        """Bulk insert without notifying the listener (used by seeding and persistence)."""
        listener, self.listener = self.listener, None
        try:
            for record in records:
                self.put(record)
        finally:
            self.listener = listener
