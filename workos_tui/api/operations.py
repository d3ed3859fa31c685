"""Which operation of the WorkOS API spec each service method calls.

Service methods carry ``@operation("GET", "/organizations/{id}")``: the method and the path
template of the spec (``workos_tui/reference/workos-openapi.yaml``). Nothing reads it on the
request path; tools do — the UI coverage count (``workos_tui.resources.coverage``) maps the
service methods a declaration calls to the spec's operations with it.

A method inherited by many services (``ResourceService.get``) names its path relative to the
service's collection: ``{path}`` stands for the class's ``path`` attribute. A service whose API
lacks such an operation lists the method in its ``absent_operations``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

ATTRIBUTE = "__workos_operation__"
SERVICE_PATH = "{path}"


@dataclass(frozen=True)
class Operation:
    """An operation of the spec: ``GET`` and ``/organizations/{id}``."""

    method: str
    path: str

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def operation(method: str, path: str) -> Callable[[F], F]:
    """Mark a service method as calling the spec operation ``method path``."""
    marked = Operation(method.upper(), path)

    def mark(function: F) -> F:
        setattr(function, ATTRIBUTE, marked)
        return function

    return mark


def operation_of(service: type, name: str) -> Operation | None:
    """The operation method ``name`` of ``service`` calls (``None`` if it is not marked)."""
    if name in getattr(service, "absent_operations", ()):
        return None
    function = getattr(service, name, None)
    marked = getattr(function, ATTRIBUTE, None)
    if not isinstance(marked, Operation):
        return None
    if marked.path.startswith(SERVICE_PATH):
        base = getattr(service, "path", None)
        if not isinstance(base, str):
            return None
        return Operation(marked.method, base + marked.path[len(SERVICE_PATH) :])
    return marked
