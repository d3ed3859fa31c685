"""Tiny routing layer shared by the route modules.

Handlers are plain synchronous functions ``(ctx) -> Response`` registered on a :class:`Routes`
table with the spec's own path template, so :mod:`.coverage` can compare them with the spec.
They raise :class:`~.errors.ApiError` for error answers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import ApiError, error
from .state import EmulatorState
from .store import Record

MAX_JSON_DEPTH = 64  # deeper request bodies are refused (no WorkOS body nests beyond a few)
TOO_DEEP = f"Request body is nested deeper than {MAX_JSON_DEPTH} levels."


def json_response(body: Any, status: int = 200) -> Response:
    data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    return Response(data, status_code=status, media_type="application/json")


def empty(status: int = 204) -> Response:
    if status == 204:
        return Response(b"", status_code=204)
    return Response(b"", status_code=status, media_type="application/json")


def public(record: Record) -> Record:
    """The record without internal (``_``-prefixed) fields."""
    return {k: v for k, v in record.items() if k[0] != "_"}


@dataclass
class Ctx:
    state: EmulatorState
    request: Request
    params: Mapping[str, str]
    raw_body: bytes
    _json: Any = field(default=None, init=False)
    _parsed: bool = field(default=False, init=False)

    @property
    def query(self) -> Mapping[str, str]:
        return self.request.query_params

    def query_list(self, name: str) -> list[str]:
        """A multi-valued query parameter: ``a=1,2`` (``explode: false``) or ``a=1&a=2``."""
        values: list[str] = []
        for raw in self.request.query_params.getlist(name):
            values.extend(v for v in raw.split(",") if v)
        for raw in self.request.query_params.getlist(name + "[]"):
            values.extend(v for v in raw.split(",") if v)
        return values

    def json(self, *, status: int = 422, required: bool = True) -> dict[str, Any]:
        """The JSON object body (an empty body counts as ``{}`` unless ``required``)."""
        if not self._parsed:
            self._parsed = True
            if self.raw_body.strip():
                try:
                    self._json = json.loads(self.raw_body)
                except ValueError:
                    raise error(status, "Request body is not valid JSON.", "invalid_json") from None
                except RecursionError:
                    raise error(status, TOO_DEEP, "invalid_request_parameters") from None
                if _too_deep(self._json):
                    self._json = None
                    raise error(status, TOO_DEEP, "invalid_request_parameters")
            else:
                self._json = None
        if self._json is None:
            if required:
                raise error(status, "A JSON request body is required.", "invalid_request_body")
            return {}
        if not isinstance(self._json, dict):
            raise error(status, "The request body must be a JSON object.", "invalid_request_body")
        return self._json


def _too_deep(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether ``value`` nests objects/arrays deeper than ``limit`` (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


Handler = Callable[[Ctx], Response]


@dataclass(frozen=True)
class RouteDef:
    method: str
    path: str
    handler: Handler


class Routes:
    """A table of handlers for one area of the API."""

    def __init__(self) -> None:
        self.defs: list[RouteDef] = []

    def add(self, method: str, path: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            self.defs.append(RouteDef(method.upper(), path, fn))
            return fn

        return register

    def get(self, path: str) -> Callable[[Handler], Handler]:
        return self.add("GET", path)

    def post(self, path: str) -> Callable[[Handler], Handler]:
        return self.add("POST", path)

    def put(self, path: str) -> Callable[[Handler], Handler]:
        return self.add("PUT", path)

    def patch(self, path: str) -> Callable[[Handler], Handler]:
        return self.add("PATCH", path)

    def delete(self, path: str) -> Callable[[Handler], Handler]:
        return self.add("DELETE", path)


def starlette_routes(state: EmulatorState, tables: list[Routes]) -> list[Route]:
    """Turn route tables into Starlette routes bound to ``state``.

    Literal path segments sort before parameters so ``/users/external_id/{x}`` wins over
    ``/users/{id}``.
    """
    by_path: dict[str, dict[str, Handler]] = {}
    for table in tables:
        for d in table.defs:
            by_path.setdefault(d.path, {})[d.method] = d.handler

    def sort_key(path: str) -> tuple[tuple[int, str], ...]:
        return tuple((1 if seg.startswith("{") else 0, seg) for seg in path.split("/"))

    routes: list[Route] = []
    for path in sorted(by_path, key=sort_key):
        methods = by_path[path]

        def make_endpoint(methods: dict[str, Handler]) -> Callable[[Request], Any]:
            async def endpoint(request: Request) -> Response:
                # HEAD is answered as GET (the middleware drops the body).
                handler = methods[request.method if request.method != "HEAD" else "GET"]
                raw = await request.body()
                ctx = Ctx(state, request, request.path_params, raw)
                with state.lock:
                    try:
                        return handler(ctx)
                    except ApiError as exc:
                        return json_response(exc.body, exc.status)
                    finally:
                        state.flush()

            return endpoint

        routes.append(Route(path, make_endpoint(methods), methods=list(methods)))
    return routes
