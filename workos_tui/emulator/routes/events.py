"""``GET /events``: the event stream other operations append to."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import overload

from starlette.responses import Response

from .. import ids
from ..errors import error, validation
from ..http import Ctx, Routes, public
from .common import combine, list_page, union

routes = Routes()


class IdRange(Sequence[str]):
    """A read-only window ``[start, stop)`` of an ascending id list (no copying)."""

    def __init__(self, base: Sequence[str], start: int, stop: int) -> None:
        self.base = base
        self.start = start
        self.stop = max(start, stop)

    def __len__(self) -> int:
        return self.stop - self.start

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...

    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self.base[self.start + i]


def _time(ctx: Ctx, name: str) -> int | None:
    raw = ctx.query.get(name)
    if not raw:
        return None
    try:
        return ids.parse_iso(raw)
    except ValueError:
        raise validation(name, "invalid_date", f"{name} must be an ISO 8601 timestamp.") from None


@routes.get("/events")
def list_events(ctx: Ctx) -> Response:
    col = ctx.state["events"]
    lists: list[Sequence[str]] = []
    names = ctx.query_list("events")
    if names:
        index = col.index("event")
        lists.append(union(index.get(n) for n in names))
    org_id = ctx.query.get("organization_id")
    if org_id:
        lists.append(col.index("_organization_id").get(org_id))
    candidates: Sequence[str] = combine(lists) or col.order
    start, end = _time(ctx, "range_start"), _time(ctx, "range_end")
    if start is not None and end is not None and start > end:
        raise error(400, "range_start must not be after range_end.")
    if start is not None or end is not None:
        lo = 0 if start is None else bisect_left(candidates, ids.lower_bound_id("event", start))
        hi = (
            len(candidates)
            if end is None
            else bisect_left(candidates, ids.lower_bound_id("event", end + 1))
        )
        candidates = IdRange(candidates, lo, hi)
    return list_page(ctx, "events", candidates=candidates, render=public)
