"""The vocabulary of resource declarations.

A :class:`ResourceType` says everything the console's generic screens need to browse one kind of
WorkOS object: how to list, get, create, update and delete it, which columns and filters to show,
how to lay out its detail, which related resources are one key away, and which extra actions apply.
Adding an API area is, as far as possible, writing one of these.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from workos_tui.api.facade import WorkOS
from workos_tui.resources.formatting import format_value
from workos_tui.resources.sources import OneShotSource, PageSource

Facade = WorkOS
"""The service layer: declarations reach service methods through it (``w.organizations.get``)."""

Item = BaseModel
"""A row: any pydantic model the service layer returns."""

FilterKind = Literal["text", "select", "multi", "date_range"]
Order = Literal["desc", "asc"]


@dataclass(frozen=True)
class ListRequest:
    """What a list call asks for: the spec's filters, the order and the page size."""

    filters: Mapping[str, Any]
    order: Order = "desc"
    limit: int = 100


Lister = Callable[[Facade, ListRequest], PageSource]
Getter = Callable[[Facade, str], Awaitable[Item]]
Creator = Callable[[Facade, BaseModel], Awaitable[Item]]
Updater = Callable[[Facade, str, BaseModel], Awaitable[Item]]
Deleter = Callable[[Facade, str], Awaitable[None]]
ActionRunner = Callable[[Facade, Item, BaseModel | None], Awaitable[Item | None]]
Formatter = Callable[[Any], str]


Ref = Callable[[Facade], Callable[..., Any]]
"""A service method reached from the facade: ``lambda w: w.organizations.cursor``.

Declarations name the methods they call this way (not as strings), so that the type checker
checks the name and the signature, and the coverage count (``resources/coverage.py``) finds them.
"""

CursorRef = Callable[[Facade], Callable[..., PageSource]]
GetRef = Callable[[Facade], Callable[[str], Awaitable[Item]]]
CreateRef = Callable[[Facade], Callable[[Any], Awaitable[Item]]]
UpdateRef = Callable[[Facade], Callable[[str, Any], Awaitable[Item]]]
DeleteRef = Callable[[Facade], Callable[[str], Awaitable[object]]]
ActionRef = Callable[[Facade], Callable[[str], Awaitable[Item | None]]]


def service_cursor(method: CursorRef, *, ordered: bool = True) -> Lister:
    """The usual lister: ``method(limit=, order=, **filters)``."""

    def make(workos: Facade, request: ListRequest) -> PageSource:
        options: dict[str, Any] = {"limit": request.limit, **request.filters}
        if ordered:
            options["order"] = request.order
        return method(workos)(**options)

    return make


def scoped_cursor(method: CursorRef, scope_param: str, *, ordered: bool = True) -> Lister:
    """A lister for nested lists: ``method(<scope value>, limit=, …)``."""

    def make(workos: Facade, request: ListRequest) -> PageSource:
        filters = dict(request.filters)
        owner = filters.pop(scope_param)
        options: dict[str, Any] = {"limit": request.limit, **filters}
        if ordered:
            options["order"] = request.order
        return method(workos)(owner, **options)

    return make


def service_get(method: GetRef) -> Getter:
    """``method(id)``."""

    async def get(workos: Facade, item_id: str) -> Item:
        return await method(workos)(item_id)

    return get


def service_create(method: CreateRef) -> Creator:
    """``method(input_model)``."""

    async def create(workos: Facade, model: BaseModel) -> Item:
        return await method(workos)(model)

    return create


def service_update(method: UpdateRef) -> Updater:
    """``method(id, input_model)``."""

    async def update(workos: Facade, item_id: str, model: BaseModel) -> Item:
        return await method(workos)(item_id, model)

    return update


def service_delete(method: DeleteRef) -> Deleter:
    """``method(id)``."""

    async def delete(workos: Facade, item_id: str) -> None:
        await method(workos)(item_id)

    return delete


def service_action(method: ActionRef, id_field: str = "id") -> ActionRunner:
    """An action calling ``method(row.<id_field>)``; returns the new row."""

    async def run(workos: Facade, item: Any, _input: BaseModel | None) -> Item | None:
        return await method(workos)(str(field_value(item, id_field)))

    return run


def lookup_or_list(lister: Lister, param: str, lookup: GetRef) -> Lister:
    """``lister``, except that a ``param`` filter fetches the one row it names with ``lookup``
    (an organization by external id, a Vault object by name)."""

    def make(workos: Facade, request: ListRequest) -> PageSource:
        wanted = request.filters.get(param)
        if not wanted:
            return lister(workos, request)

        async def fetch_one() -> list[Any]:
            return [await lookup(workos)(str(wanted))]

        return OneShotSource(fetch_one)

    return make


def field_value(item: Any, path: str) -> Any:
    """Read ``a.b.c`` from a model or mapping (extra fields included); a missing step is None."""
    value: Any = item
    for part in path.split("."):
        if value is None:
            return None
        value = value.get(part) if isinstance(value, Mapping) else getattr(value, part, None)
    return value


@dataclass(frozen=True)
class LazyModel:
    """An input model named by module and class, imported when a form first needs it.

    Declarations use it so that listing an area never pays for building every area's models.
    """

    module: str
    name: str

    def resolve(self) -> type[BaseModel]:
        import importlib

        model = getattr(importlib.import_module(self.module), self.name)
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            raise TypeError(f"{self.module}.{self.name} is not a pydantic model")
        return model


ModelSource = type[BaseModel] | LazyModel


def resolve_model(source: ModelSource | None) -> type[BaseModel] | None:
    """The model class of a declaration's model (a class or a :class:`LazyModel`)."""
    if source is None or isinstance(source, type):
        return source
    return source.resolve()


def api_model(area: str, name: str) -> LazyModel:
    """``api_model("organizations", "OrganizationCreate")`` → workos_tui.api.models.<area>."""
    return LazyModel(f"workos_tui.api.models.{area}", name)


@dataclass(frozen=True)
class Column:
    """One column of the resource table."""

    key: str
    title: str
    width: int | None = None
    formatter: Formatter = format_value

    def render(self, item: Any) -> str:
        return self.formatter(field_value(item, self.key))


@dataclass(frozen=True)
class Filter:
    """A filter shown in the filter bar.

    ``param`` is the query parameter the spec names (for a date range, the start parameter, and
    ``end_param`` the end). A filter with ``server=False`` is applied to the loaded rows instead,
    for endpoints that cannot filter on that field.
    """

    key: str
    label: str
    kind: FilterKind = "text"
    param: str = ""
    end_param: str | None = None
    choices: tuple[str, ...] | Callable[[], tuple[str, ...]] = ()
    server: bool = True
    placeholder: str = ""

    @property
    def query_param(self) -> str:
        return self.param or self.key

    def options(self) -> tuple[str, ...]:
        """The choices of a select filter (computed on first use when given as a callable)."""
        return self.choices() if callable(self.choices) else self.choices


@dataclass(frozen=True)
class DetailField:
    """A labelled value in a detail section."""

    label: str
    path: str
    formatter: Formatter = format_value

    def render(self, item: Any) -> str:
        return self.formatter(field_value(item, self.path))


@dataclass(frozen=True)
class DetailSection:
    title: str
    fields: tuple[DetailField, ...]


@dataclass(frozen=True)
class Related:
    """A related resource one key away: opens ``target`` filtered by ``param`` = value(row)."""

    title: str
    target: str
    param: str
    value: Callable[[Any], str | None]
    key: str = ""


@dataclass(frozen=True)
class Action:
    """An extra action on the selected row (verify a domain, revoke an invitation, …).

    ``input_model`` asks for input with a generated form first; ``prefill`` seeds that form from
    the row. ``mutates`` actions are refused in read-only mode; ``confirm`` asks before running.
    """

    key: str
    title: str
    run: ActionRunner
    binding: str | None = None
    input_model: ModelSource | None = None
    prefill: Callable[[Any], Mapping[str, Any]] | None = None
    mutates: bool = True
    confirm: bool = False
    applies: Callable[[Any], bool] = lambda _item: True


def _no_prefill(_scope: Mapping[str, Any]) -> Mapping[str, Any]:
    return {}


@dataclass(frozen=True)
class ResourceType:
    """The declaration of one kind of WorkOS resource."""

    key: str
    title: str
    singular: str
    columns: tuple[Column, ...]
    list: Lister
    aliases: tuple[str, ...] = ()
    get: Getter | None = None
    create: Creator | None = None
    update: Updater | None = None
    delete: Deleter | None = None
    create_model: ModelSource | None = None
    update_model: ModelSource | None = None
    create_prefill: Callable[[Mapping[str, Any]], Mapping[str, Any]] = _no_prefill
    edit_source: Getter | None = None
    edit_prefill: Callable[[Any], Mapping[str, Any]] | None = None
    filters: tuple[Filter, ...] = ()
    search_param: str | None = None
    sections: tuple[DetailSection, ...] = ()
    related: tuple[Related, ...] = ()
    actions: tuple[Action, ...] = ()
    name_field: str = "id"
    id_field: str = "id"
    dashboard_path: str | None = None
    supports_order: bool = True
    scope_params: tuple[str, ...] = ()
    top_level: bool = True
    secret_fields: tuple[str, ...] = ()
    description: str = ""
    page_size: int = 100
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def jump_names(self) -> tuple[str, ...]:
        return (self.key, *self.aliases)

    def item_id(self, item: Any) -> str:
        return str(field_value(item, self.id_field) or "")

    def item_name(self, item: Any) -> str:
        """What a typed delete confirmation asks for: the name when there is one, else the id."""
        name = field_value(item, self.name_field)
        return str(name) if name not in (None, "") else self.item_id(item)

    def dashboard_url(self, item: Any, dashboard_base: str) -> str | None:
        if self.dashboard_path is None:
            return None
        path = self.dashboard_path.format(id=self.item_id(item))
        return dashboard_base.rstrip("/") + "/" + path.lstrip("/")

    def open_list(self, workos: Facade, request: ListRequest) -> PageSource:
        """The page source for a list request; scoped to one id, it is that single item."""
        item_id = request.filters.get(self.id_field)
        getter = self.get
        if item_id and getter is not None:

            async def fetch_one() -> list[Any]:
                return [await getter(workos, str(item_id))]

            return OneShotSource(fetch_one)
        return self.list(workos, request)

    def server_filters(self) -> tuple[Filter, ...]:
        return tuple(f for f in self.filters if f.server)

    def client_filters(self) -> tuple[Filter, ...]:
        return tuple(f for f in self.filters if not f.server)
