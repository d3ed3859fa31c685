"""Query-string encoding as the WorkOS spec describes it.

Arrays whose parameter is declared ``style: form, explode: false`` (for example the
organizations ``domains`` filter) travel comma-joined in one parameter; every other array is
repeated (``?a=1&a=2``). ``None`` means "not given" and is dropped. Booleans are ``true``/``false``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence

QueryScalar = str | int | float | bool
QueryValue = QueryScalar | Sequence[QueryScalar] | None
QueryPairs = list[tuple[str, str]]

# Parameter names whose values must never be shown (request log, errors).
SECRET_PARAM = re.compile(
    r"(token|secret|password|passwd|api[_-]?key|signature|code|session|credential|^key$)",
    re.IGNORECASE,
)
REDACTED = "[redacted]"


def _scalar(value: QueryScalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def encode_query(
    params: Mapping[str, QueryValue] | None,
    *,
    comma_joined: Collection[str] = (),
) -> QueryPairs:
    """Turn keyword filters into ordered query pairs.

    ``comma_joined`` names the array parameters the spec declares with ``explode: false``.
    """
    pairs: QueryPairs = []
    if not params:
        return pairs
    for name, value in params.items():
        if value is None:
            continue
        if isinstance(value, str | int | float | bool):
            pairs.append((name, _scalar(value)))
            continue
        items = [_scalar(item) for item in value if item is not None]
        if not items:
            continue
        if name in comma_joined:
            pairs.append((name, ",".join(items)))
        else:
            pairs.extend((name, item) for item in items)
    return pairs


def is_secret_param(name: str) -> bool:
    """Whether a query parameter's value must be kept out of logs."""
    return SECRET_PARAM.search(name) is not None


def redact_query(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The query as the request log shows it: secret-ish parameters removed, repeats joined."""
    shown: dict[str, str] = {}
    for name, value in pairs:
        if is_secret_param(name):
            continue
        shown[name] = f"{shown[name]},{value}" if name in shown else value
    return shown
