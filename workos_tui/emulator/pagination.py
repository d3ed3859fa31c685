"""Cursor pagination as WorkOS does it (``limit``, ``before``, ``after``, ``order``).

Collections keep ascending id lists, and ids sort by creation time, so a page is found with a
``bisect`` on the cursor and a walk of at most ``limit`` matching ids (plus one look-ahead on each
side to fill ``list_metadata``).  An optional predicate filters during the walk.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import ApiError, validation
from .store import Record

Predicate = Callable[[Record], bool]
ORDERS = ("asc", "desc", "normal")


@dataclass(frozen=True)
class PageParams:
    limit: int
    before: str | None
    after: str | None
    order: str


def parse_page_params(
    query: Mapping[str, str],
    *,
    status: int = 422,
    max_limit: int | None = 100,
    orders: Sequence[str] = ORDERS,
    default_order: str = "desc",
    make_error: Callable[[str, str, str], ApiError] | None = None,
) -> PageParams:
    """Validate pagination parameters; invalid ones raise the operation's error status."""

    def fail(field: str, code: str, message: str) -> ApiError:
        if make_error is not None:
            return make_error(field, code, message)
        return validation(field, code, message, status=status)

    raw_limit = query.get("limit")
    limit = 10
    if raw_limit is not None:
        try:
            limit = int(raw_limit)
        except ValueError:
            raise fail("limit", "invalid_type", "limit must be an integer.") from None
        if limit < 1 or (max_limit is not None and limit > max_limit):
            bound = f" and {max_limit}" if max_limit is not None else ""
            raise fail("limit", "out_of_range", f"limit must be between 1{bound}.")
    order = query.get("order", default_order)
    if order not in orders:
        raise fail("order", "invalid_enum_value", f"order must be one of {', '.join(orders)}.")
    before = query.get("before") or None
    after = query.get("after") or None
    return PageParams(limit=limit, before=before, after=after, order=order)


@dataclass(frozen=True)
class Page:
    items: list[Record]
    before: str | None
    after: str | None


def _walk(
    ids: Sequence[str],
    start: int,
    step: int,
    want: int,
    fetch: Callable[[str], Record | None],
    predicate: Predicate | None,
) -> tuple[list[Record], bool]:
    """Collect up to ``want`` matching records from ``start`` in direction ``step``.

    Returns them and whether another matching record lies beyond.
    """
    found: list[Record] = []
    i = start
    n = len(ids)
    while 0 <= i < n:
        record = fetch(ids[i])
        i += step
        if record is None or (predicate is not None and not predicate(record)):
            continue
        if len(found) == want:
            return found, True
        found.append(record)
    return found, False


def _exists(
    ids: Sequence[str],
    start: int,
    step: int,
    fetch: Callable[[str], Record | None],
    predicate: Predicate | None,
) -> bool:
    if predicate is None:
        return 0 <= start < len(ids)
    return bool(_walk(ids, start, step, 1, fetch, predicate)[0])


def paginate(
    ids: Sequence[str],
    fetch: Callable[[str], Record | None],
    params: PageParams,
    predicate: Predicate | None = None,
) -> Page:
    """One page of ``ids`` (ascending) in ``params.order``.

    ``asc``/``desc``: ``after`` continues in display order, ``before`` goes back.  ``normal``
    displays newest first, but ``after`` fetches newer records and ``before`` older ones.
    """
    before, after = params.before, params.after
    if params.order == "normal":
        before, after = after, before  # newer == earlier in descending display order
    descending = params.order in ("desc", "normal")
    step = -1 if descending else 1
    if after is not None:
        start = bisect_left(ids, after) - 1 if descending else bisect_right(ids, after)
        items, more = _walk(ids, start, step, params.limit, fetch, predicate)
        back_start = start - step
        has_prev = _exists(ids, back_start, -step, fetch, predicate)
    elif before is not None:
        start = bisect_right(ids, before) if descending else bisect_left(ids, before) - 1
        items, has_prev = _walk(ids, start, -step, params.limit, fetch, predicate)
        items.reverse()
        more = _exists(ids, start + step, step, fetch, predicate)
    else:
        start = len(ids) - 1 if descending else 0
        items, more = _walk(ids, start, step, params.limit, fetch, predicate)
        has_prev = False
    first = items[0]["id"] if items and has_prev else None
    last = items[-1]["id"] if items and more else None
    if params.order == "normal":
        # ``before`` fetches older (= later in the display), ``after`` newer.
        return Page(items, before=last, after=first)
    return Page(items, before=first, after=last)


def list_body(page: Page, render: Callable[[Record], Any] | None = None) -> dict[str, Any]:
    data = [render(r) for r in page.items] if render is not None else page.items
    return {
        "object": "list",
        "data": data,
        "list_metadata": {"before": page.before, "after": page.after},
    }
