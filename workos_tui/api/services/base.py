"""What every service shares: requests, response parsing into models, lists and cursors.

An area's service is mostly declarative: it names its collection ``path`` and ``model`` and, for
list endpoints, the ``comma_joined`` array filters; its public methods are one-line calls to the
helpers here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import quote

import pydantic

from ..errors import DecodeError, ValidationError
from ..models.base import InputModel, WorkOSModel
from ..operations import SERVICE_PATH, operation
from ..pagination import (
    Cursor,
    LazyItems,
    ListMetadata,
    Page,
    PageFetcher,
    validate_list_params,
)

if TYPE_CHECKING:
    from ..client import WorkOSClient

M = TypeVar("M", bound=WorkOSModel)

Body = InputModel | Mapping[str, Any] | None
MAX_DECODE_ISSUES = 5


def path_segment(value: str) -> str:
    """An id or name made safe to put in a path (``/`` and friends are escaped)."""
    if not isinstance(value, str) or not value:
        raise ValidationError("an id must be a non-empty string")
    return quote(value, safe="")


def _body_json(body: Body) -> Any:
    if body is None:
        return None
    if isinstance(body, InputModel):
        return body.to_body()
    return dict(body)


def _describe_validation(exc: pydantic.ValidationError) -> str:
    issues = exc.errors(include_url=False, include_input=False, include_context=False)
    shown = [
        f"{'.'.join(str(part) for part in issue['loc']) or '(body)'}: {issue['msg']}"
        for issue in issues[:MAX_DECODE_ISSUES]
    ]
    more = len(issues) - len(shown)
    return "; ".join(shown) + (f" (and {more} more)" if more > 0 else "")


class Service:
    """Base of every service: a client and the helpers to call it."""

    def __init__(self, client: WorkOSClient) -> None:
        self.client = client

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.client!r})"

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Body = None,
        comma_joined: Collection[str] = (),
        log_path: str | None = None,
    ) -> Any:
        return await self.client.request(
            method,
            path,
            params=params,
            json=_body_json(body),
            comma_joined=comma_joined,
            log_path=log_path,
        )

    @staticmethod
    def _parse(model: type[M], data: Any, method: str, path: str) -> M:
        try:
            return model.model_validate(data)
        except pydantic.ValidationError as exc:
            raise DecodeError(
                f"The response is not a valid {model.__name__}: {_describe_validation(exc)}",
                method=method,
                path=path,
            ) from None

    async def _fetch(
        self,
        model: type[M],
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Body = None,
        log_path: str | None = None,
    ) -> M:
        """Send a request and parse the body into ``model``."""
        data = await self._request(method, path, params=params, body=body, log_path=log_path)
        return self._parse(model, data, method, log_path or path)

    async def _fetch_many(self, model: type[M], method: str, path: str) -> list[M]:
        """Send a request whose body is a JSON array of ``model``."""
        data = await self._request(method, path)
        if not isinstance(data, list):
            raise DecodeError("The response is not a JSON array", method=method, path=path)
        return [self._parse(model, item, method, path) for item in data]

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Body = None,
    ) -> None:
        """Send a request whose answer carries nothing the caller needs."""
        await self._request(method, path, params=params, body=body)

    async def _fetch_page(
        self,
        model: type[M],
        path: str,
        params: Mapping[str, Any],
        *,
        comma_joined: Collection[str] = (),
    ) -> Page[M]:
        """GET one page of a list endpoint."""
        validate_list_params(params)
        data = await self._request("GET", path, params=params, comma_joined=comma_joined)
        return self._page(model, data, path)

    @staticmethod
    def _page(model: type[M], data: Any, path: str) -> Page[M]:
        """A list envelope as a page; its items are typed lazily, one odd item is no error."""
        items = data.get("data") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise DecodeError(
                "The response is not a list envelope (it has no data array)",
                method="GET",
                path=path,
            )
        extra = {
            key: value
            for key, value in data.items()
            if key not in ("object", "data", "list_metadata")
        }
        kind = data.get("object", "list")
        return Page(
            object=kind if isinstance(kind, str) else "list",
            data=LazyItems(model, items),
            list_metadata=ListMetadata.from_json(data.get("list_metadata")),
            **extra,
        )

    def _make_cursor(
        self,
        model: type[M],
        path: str,
        params: Mapping[str, Any],
        *,
        comma_joined: Collection[str] = (),
        keep_pages: bool = True,
    ) -> Cursor[M]:
        """A cursor walking the list forward from ``params['after']`` (or the start)."""
        validate_list_params(params)
        base = {key: value for key, value in params.items() if key not in ("before", "after")}

        async def fetch(after: str | None) -> Page[M]:
            return await self._fetch_page(
                model, path, {**base, "after": after}, comma_joined=comma_joined
            )

        fetcher: PageFetcher[M] = fetch
        return Cursor(fetcher, after=params.get("after"), keep_pages=keep_pages)

    def _iterate_all(
        self,
        model: type[M],
        path: str,
        params: Mapping[str, Any],
        *,
        comma_joined: Collection[str] = (),
    ) -> AsyncIterator[M]:
        """Every item of a list, fetching pages as the iteration goes (the cursor's own
        iterator: no second async generator in between). Only the page being read is held."""
        cursor = self._make_cursor(model, path, params, comma_joined=comma_joined, keep_pages=False)
        return aiter(cursor)


class ResourceService(Service, Generic[M]):
    """A service for one collection at ``path`` whose items are ``model``."""

    path: str
    model: type[M]
    comma_joined: frozenset[str] = frozenset()

    def _item_path(self, item_id: str, *suffix: str) -> str:
        return "/".join([self.path, path_segment(item_id), *suffix])

    @operation("GET", SERVICE_PATH + "/{id}")
    async def get(self, item_id: str) -> M:
        """Fetch one item by id."""
        return await self._fetch(self.model, "GET", self._item_path(item_id))

    async def _list(self, params: Mapping[str, Any]) -> Page[M]:
        return await self._fetch_page(self.model, self.path, params, comma_joined=self.comma_joined)

    def _cursor(self, params: Mapping[str, Any]) -> Cursor[M]:
        return self._make_cursor(self.model, self.path, params, comma_joined=self.comma_joined)

    def _iterate(self, params: Mapping[str, Any]) -> AsyncIterator[M]:
        return self._iterate_all(self.model, self.path, params, comma_joined=self.comma_joined)

    async def _create(self, body: Body) -> M:
        return await self._fetch(self.model, "POST", self.path, body=body)

    async def _update(self, item_id: str, body: Body, *, method: str = "PUT") -> M:
        return await self._fetch(self.model, method, self._item_path(item_id), body=body)

    async def _delete(self, item_id: str, *, params: Mapping[str, Any] | None = None) -> None:
        await self._send("DELETE", self._item_path(item_id), params=params)
