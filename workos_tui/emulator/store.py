"""In-memory object store: id-sorted collections with secondary indexes.

Every record is a plain JSON-able ``dict``.  A :class:`Collection` keeps its ids in one ascending
list (ids sort by creation time, see :mod:`.ids`) and each :class:`Index` keeps, per key, another
ascending id list, so a filtered or unfiltered page is a ``bisect`` plus a short walk, never a
scan-and-sort of the whole collection.

A collection that grows past ``compact_at`` records (users and memberships at large demo scales)
keeps them as :class:`CompactItems`: one ``marshal``-encoded tuple of values per record, a dict
materialised when a record is read (a few hundred bytes instead of a ~650-byte dict plus its
values).
"""

from __future__ import annotations

import marshal
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from typing import Any, overload

Record = dict[str, Any]
ChangeListener = Callable[[str, str, Record | None], None]
# An index key's ids: one id as a plain string (most keys of a unique-ish field), else a list.
_Ids = str | list[str]


def _add_sorted(lists: dict[str, _Ids], key: str, item: str) -> None:
    ids = lists.get(key)
    if ids is None:
        lists[key] = item
        return
    if isinstance(ids, str):
        if ids != item:
            lists[key] = [ids, item] if ids < item else [item, ids]
        return
    if ids[-1] < item:
        ids.append(item)
    else:
        pos = bisect_left(ids, item)
        if pos == len(ids) or ids[pos] != item:
            ids.insert(pos, item)


def _remove_sorted(lists: dict[str, _Ids], key: str, item: str) -> None:
    ids = lists.get(key)
    if ids is None:
        return
    if isinstance(ids, str):
        if ids == item:
            del lists[key]
        return
    pos = bisect_left(ids, item)
    if pos < len(ids) and ids[pos] == item:
        del ids[pos]
        if len(ids) == 1:
            lists[key] = ids[0]
        elif not ids:
            del lists[key]


class Index:
    """Maps the value(s) of one record field to the ascending ids of the records holding it.

    The field may hold a string, a list of strings, or ``None`` (not indexed).  ``lower`` makes
    the index case-insensitive (emails, domains).
    """

    __slots__ = ("_by_id", "field", "lists", "lower", "tracked")

    def __init__(self, field: str, *, lower: bool = False) -> None:
        self.field = field
        self.lower = lower
        self.lists: dict[str, _Ids] = {}
        # Each record's keys, to unindex a record its owner has already changed in place.  A
        # compact collection passes the old record instead (``tracked`` False).
        self._by_id: dict[str, str | tuple[str, ...]] = {}
        self.tracked = True

    def keys_of(self, record: Record) -> tuple[str, ...]:
        value = record.get(self.field)
        if value is None:
            return ()
        if isinstance(value, str):
            if self.lower:
                lowered = value.lower()
                return (value if lowered == value else lowered,)
            return (value,)
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
            only = value[0]
            return (only.lower(),) if self.lower else (only,)
        values: Iterable[Any] = value if isinstance(value, list) else (value,)
        if self.lower:
            return tuple(sorted({str(v).lower() for v in values}))
        return tuple(sorted({str(v) for v in values}))

    def update(self, rid: str, record: Record | None, old_record: Record | None = None) -> None:
        """Index ``record`` (None: unindex ``rid``); ``old_record`` is its previous version
        (read only when the index does not track keys itself)."""
        if self.tracked:
            seen = self._by_id.get(rid, ())
            old = (seen,) if isinstance(seen, str) else seen
        else:
            old = self.keys_of(old_record) if old_record is not None else ()
        new = self.keys_of(record) if record is not None else ()
        if old == new:
            return
        lists = self.lists
        for key in old:
            if key not in new:
                _remove_sorted(lists, key, rid)
        for key in new:
            if key not in old:
                _add_sorted(lists, key, rid)
        if not self.tracked:
            return
        if len(new) == 1:
            self._by_id[rid] = new[0]
        elif new:
            self._by_id[rid] = new
        else:
            self._by_id.pop(rid, None)

    def add(self, rid: str, record: Record) -> None:
        """Index a record that was not in the collection (the common case, made short)."""
        value = record.get(self.field)
        if value.__class__ is str and not self.lower:
            _add_sorted(self.lists, value, rid)
            if self.tracked:
                self._by_id[rid] = value
            return
        keys = self.keys_of(record)
        if not keys:
            return
        lists = self.lists
        for key in keys:
            _add_sorted(lists, key, rid)
        if self.tracked:
            self._by_id[rid] = keys[0] if len(keys) == 1 else keys

    def get(self, key: str) -> list[str]:
        """The ascending ids of ``key`` (a new list when there is only one)."""
        ids = self.lists.get(key.lower() if self.lower else key)
        if ids is None:
            return []
        return [ids] if isinstance(ids, str) else ids

    def first(self, key: str) -> str | None:
        ids = self.get(key)
        return ids[0] if ids else None


def _insert_sorted(ids: list[str], item: str) -> None:
    if not ids or ids[-1] < item:
        ids.append(item)
    else:
        pos = bisect_left(ids, item)
        if pos == len(ids) or ids[pos] != item:
            ids.insert(pos, item)


def _delete_sorted(ids: list[str], item: str) -> None:
    pos = bisect_left(ids, item)
    if pos < len(ids) and ids[pos] == item:
        del ids[pos]


class CompactItems(MutableMapping[str, Record]):
    """Records by id, each kept as one ``marshal``-encoded tuple of its values.

    Reading a record materialises a fresh dict and keeps it *hot* (returned again by later
    reads) until :meth:`settle` encodes the hot dicts back, so a record changed in place and
    then stored, within one request or seeding step, behaves as with plain dicts.  The emulator
    settles at the end of every request; at most ``hot_limit`` records stay hot meanwhile (the
    oldest are settled first).  A stored record is encoded once, when it settles; until then
    ``pending`` keeps the values of its ``fields`` (the indexed ones) as they were stored.
    """

    def __init__(self, hot_limit: int = 4096, fields: Iterable[str] = ()) -> None:
        self.blobs: dict[str, bytes | None] = {}  # None: stored, not encoded yet (hot)
        self.hot: dict[str, Record] = {}
        self.pending: dict[str, Record] = {}
        self.fields = tuple(fields)
        self.hot_limit = hot_limit
        self._shapes: list[tuple[str, ...]] = []
        self._shape_ids: dict[tuple[str, ...], int] = {}

    def encode(self, record: Record) -> bytes:
        shape = tuple(record)
        sid = self._shape_ids.get(shape)
        if sid is None:
            sid = self._shape_ids[shape] = len(self._shapes)
            self._shapes.append(shape)
        values = [None if k == "id" else v for k, v in record.items()]
        return marshal.dumps((sid, *values))

    def decode(self, rid: str, blob: bytes) -> Record:
        sid, *values = marshal.loads(blob)
        record = dict(zip(self._shapes[sid], values, strict=True))
        if "id" in record:
            record["id"] = rid
        return record

    def stored(self, rid: str) -> Record | None:
        """The record as last stored (not its hot, possibly changed, dict), at least its
        ``fields``."""
        snapshot = self.pending.get(rid)
        if snapshot is not None:
            return snapshot
        blob = self.blobs.get(rid)
        return None if blob is None else self.decode(rid, blob)

    def __getitem__(self, rid: str) -> Record:
        record = self.hot.get(rid)
        if record is None:
            blob = self.blobs[rid]
            if blob is None:  # pragma: no cover - a stored record stays hot until encoded
                raise KeyError(rid)
            record = self.decode(rid, blob)
            self._warm(rid, record)
        return record

    def __setitem__(self, rid: str, record: Record) -> None:
        self.pending[rid] = {
            f: list(v) if isinstance(v, list) else v
            for f in self.fields
            if (v := record.get(f)) is not None
        }
        self.blobs[rid] = None
        self.hot.pop(rid, None)
        self._warm(rid, record)

    def __delitem__(self, rid: str) -> None:
        del self.blobs[rid]
        self.hot.pop(rid, None)
        self.pending.pop(rid, None)

    def __contains__(self, rid: object) -> bool:
        return rid in self.blobs

    def __iter__(self) -> Iterator[str]:
        return iter(list(self.blobs))

    def __len__(self) -> int:
        return len(self.blobs)

    def _warm(self, rid: str, record: Record) -> None:
        self.hot[rid] = record
        if len(self.hot) > self.hot_limit:
            self.settle(len(self.hot) - self.hot_limit // 2)

    def settle(self, count: int | None = None) -> None:
        """Encode the hot records (the ``count`` oldest) back and let their dicts go."""
        hot = self.hot
        if count is None or count >= len(hot):
            done = list(hot.items())
            hot.clear()
        else:
            done = []
            for rid in list(hot)[:count]:
                done.append((rid, hot.pop(rid)))
        blobs, pending = self.blobs, self.pending
        for rid, record in done:
            if rid in blobs:
                blobs[rid] = self.encode(record)
                pending.pop(rid, None)


class Collection:
    """One kind of object: ``items`` by id, ``order`` (ascending ids) and named indexes.

    ``compact_at``: once the collection holds that many records it keeps them as
    :class:`CompactItems` (None: never).
    """

    def __init__(
        self,
        name: str,
        prefix: str,
        indexes: Iterable[Index] = (),
        *,
        compact_at: int | None = None,
    ) -> None:
        self.name = name
        self.prefix = prefix
        self.items: MutableMapping[str, Record] = {}
        self.order: list[str] = []
        self.indexes: dict[str, Index] = {ix.field: ix for ix in indexes}
        self.listener: ChangeListener | None = None
        self.compact_at = compact_at
        self.compact: CompactItems | None = None  # ``items`` once the collection is compact

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
        items = self.items
        compact = self.compact
        if rid not in items:
            _insert_sorted(self.order, rid)
            items[rid] = record
            for ix in self.indexes.values():
                ix.add(rid, record)
        else:
            old = compact.stored(rid) if compact is not None else None
            items[rid] = record
            for ix in self.indexes.values():
                ix.update(rid, record, old)
        if self.listener is not None:
            self.listener(self.name, rid, record)
        if compact is None and self.compact_at is not None and len(items) >= self.compact_at:
            self.make_compact()
        return record

    def delete(self, rid: str) -> Record | None:
        compact = self.compact
        old = compact.stored(rid) if compact is not None else None
        record = self.items.pop(rid, None)
        if record is None:
            return None
        _delete_sorted(self.order, rid)
        for ix in self.indexes.values():
            ix.update(rid, None, old)
        if self.listener is not None:
            self.listener(self.name, rid, None)
        return record

    def make_compact(self, hot_limit: int = 4096) -> None:
        """Keep the records as :class:`CompactItems` from now on."""
        if self.compact is not None:
            return
        items = CompactItems(hot_limit, self.indexes)
        for rid, record in self.items.items():
            items.blobs[rid] = items.encode(record)
        self.items = self.compact = items
        for ix in self.indexes.values():
            ix.tracked = False
            ix._by_id.clear()

    def settle(self) -> None:
        """Store the records read since the last call compactly again (see CompactItems)."""
        compact = self.compact
        if compact is not None and compact.hot:
            compact.settle()

    def load(self, records: Iterable[Record]) -> None:
        """Bulk insert without notifying the listener (used by seeding and persistence)."""
        listener, self.listener = self.listener, None
        try:
            for record in records:
                self.put(record)
        finally:
            self.listener = listener


class RecordList(Sequence[Record]):
    """A list of a collection's records kept as their ids (records are read when indexed).

    Seeding keeps one of these instead of a list of a million user dicts; records change only
    through the collection's ``put``, as everywhere.
    """

    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self.ids: list[str] = []

    def append(self, record: Record) -> None:
        self.ids.append(record["id"])

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Record: ...

    @overload
    def __getitem__(self, index: slice) -> list[Record]: ...

    def __getitem__(self, index: int | slice) -> Record | list[Record]:
        items = self.collection.items
        if isinstance(index, slice):
            return [items[rid] for rid in self.ids[index]]
        return items[self.ids[index]]
