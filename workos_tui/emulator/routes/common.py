"""Helpers shared by the route modules: lookups, list pages, body field checks."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from starlette.responses import Response

from ..errors import ApiError, error, not_found
from ..http import Ctx, json_response, public
from ..pagination import Predicate, list_body, paginate, parse_page_params
from ..state import EmulatorState
from ..store import Record

Render = Callable[[Record], Any]
# The longest string a body field may hold (names, ids, descriptions ...): a 50 MB organization
# name is refused with 422 (and any body over 1 MiB with 413, before a handler runs).
STRING_MAX = 10_000


def _bounded(value: str, name: str, status: int, max_len: int) -> str:
    if len(value) > max_len:
        raise error(
            status,
            f"{name} must be at most {max_len} characters.",
            "invalid_request_parameters",
            errors=[{"field": name, "code": "too_long"}],
        )
    return value


def fetch(state: EmulatorState, collection: str, rid: str, kind: str, status: int = 404) -> Record:
    record = state[collection].get(rid)
    if record is None:
        raise not_found(kind, rid, status)
    return record


def list_page(
    ctx: Ctx,
    collection: str,
    *,
    candidates: Sequence[str] | None = None,
    predicate: Predicate | None = None,
    render: Render = public,
    status: int = 422,
) -> Response:
    """Validate pagination params and answer one page of ``collection``.

    ``candidates`` (ascending ids, e.g. from an index) narrows the walk; ``predicate`` filters
    during the walk.
    """
    params = parse_page_params(ctx.query, status=status)
    col = ctx.state[collection]
    ids = col.order if candidates is None else candidates
    page = paginate(ids, col.get, params, predicate)
    return json_response(list_body(page, render))


def union(lists: Iterable[Sequence[str]]) -> list[str]:
    """Merge ascending id lists into one ascending list without duplicates."""
    out: list[str] = []
    for rid in heapq.merge(*lists):
        if not out or out[-1] != rid:
            out.append(rid)
    return out


def intersect(lists: Sequence[Sequence[str]]) -> list[str]:
    if not lists:
        return []
    smallest = min(lists, key=len)
    others = [set(x) for x in lists if x is not smallest]
    return [rid for rid in smallest if all(rid in o for o in others)]


def combine(lists: Sequence[Sequence[str]]) -> Sequence[str] | None:
    """Candidates matching every index filter given (``None`` when there is none)."""
    if not lists:
        return None
    if len(lists) == 1:
        return lists[0]
    return intersect(lists)


def index_candidates(
    ctx: Ctx, collection: str, index_by_param: dict[str, str]
) -> Sequence[str] | None:
    """Ids matching every query parameter given, each looked up in its index.

    ``index_by_param`` maps a query parameter to the indexed field it filters on; ``None``
    means no such parameter was given (every record is a candidate).
    """
    col = ctx.state[collection]
    lists = [
        col.index(field).get(value)
        for param, field in index_by_param.items()
        if (value := ctx.query.get(param))
    ]
    return combine(lists)


def require_str(
    body: dict[str, Any], name: str, status: int = 422, *, max_len: int = STRING_MAX
) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value.strip():
        raise error(
            status,
            f"{name} is required and must be a non-empty string.",
            "invalid_request_parameters",
            errors=[{"field": name, "code": "required"}],
        )
    return _bounded(value.strip(), name, status, max_len)


def optional_str(
    body: dict[str, Any], name: str, status: int = 422, *, max_len: int = STRING_MAX
) -> str | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise error(
            status,
            f"{name} must be a string.",
            "invalid_request_parameters",
            errors=[{"field": name, "code": "invalid_type"}],
        )
    return _bounded(value, name, status, max_len)


def optional_bool(body: dict[str, Any], name: str, status: int = 422) -> bool | None:
    value = body.get(name)
    if value is None or isinstance(value, bool):
        return value
    raise error(
        status,
        f"{name} must be a boolean.",
        "invalid_request_parameters",
        errors=[{"field": name, "code": "invalid_type"}],
    )


def check_metadata(value: Any, status: int = 400) -> dict[str, str] | None:
    """WorkOS metadata: up to 50 string values (≤600 chars) under keys of ≤40 chars."""
    if value is None:
        return None
    bad: ApiError = error(
        status,
        "Metadata must be an object of at most 50 string values (keys up to 40 characters, "
        "values up to 600).",
        "invalid_metadata",
    )
    if not isinstance(value, dict) or len(value) > 50:
        raise bad
    for k, v in value.items():
        if len(k) > 40 or not isinstance(v, str) or len(v) > 600:
            raise bad
    return dict(value)


def check_email(value: str, field: str = "email", status: int = 422) -> str:
    local, _, domain = value.partition("@")
    if not local or "." not in domain or " " in value:
        raise error(
            status,
            f"{field} must be a valid email address.",
            "invalid_request_parameters",
            errors=[{"field": field, "code": "invalid_email"}],
        )
    return value.strip()
