"""How many operations of the WorkOS API the console reaches, per spec tag — counted by the code.

``python -m workos_tui.resources.coverage [--missing] [--write-readme README.md]`` prints a
Markdown table (tag | dedicated | API console only | total) and a last line
``N of 212 operations reachable from the console``.

Nothing here is a hand list of what the UI covers. A *dedicated path* is a service method that
something the console offers calls:

* every resource declaration reachable in the console — a sidebar area, or one reached through
  related links from one — with its lister, getter, create/update/delete, edit source and row
  actions (:func:`declaration_calls`);
* the tools (panels) declared in :mod:`workos_tui.resources.tools`.

The calls are found in the code itself: the bytecode of those functions (and of the functions
they close over or call in their module) is read for ``<facade>.<service>.<method>`` — the
``lambda w: w.organizations.cursor`` of a declaration, or ``workos.users.list_identities(...)``
in a custom one. Each service method names its spec operation (``@operation`` in
``workos_tui.api.services``), which maps it to the spec.

The API console (:mod:`workos_tui.resources.operations`, the list the console's generic
area offers) reaches every operation of the spec; an operation only it reaches counts as
"API console only".

:data:`SIGN_IN_STEPS` names the operations that are an end user's sign-in steps (or an app's
runtime calls on a user's behalf), with the reason each is one: an admin console has no
dedicated screen for them, only the API console. Every other operation is an admin operation and
must have a dedicated path (``tests/resources/test_coverage.py``).
"""

from __future__ import annotations

import argparse
import dis
import importlib
import itertools
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from types import CodeType, FunctionType, MethodType
from typing import Any, cast

from workos_tui.api.client import WorkOSClient
from workos_tui.api.facade import WorkOS
from workos_tui.api.operations import operation_of
from workos_tui.resources.base import Action, ResourceType
from workos_tui.resources.catalog import EXTENSION_MODULES, default_registry, load_extensions
from workos_tui.resources.registry import ResourceRegistry

START, END = "<!-- ui-coverage:start -->", "<!-- ui-coverage:end -->"
METHODS = ("get", "post", "put", "patch", "delete")

OperationKey = tuple[str, str]
"""``("GET", "/organizations/{}")``: the method and the path with its parameters unnamed."""

_EXT = "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}"

SIGN_IN_STEPS: dict[tuple[str, str], str] = {
    ("GET", "/sso/authorize"): "the browser redirect that starts an SSO sign-in",
    ("GET", "/sso/logout"): "the browser redirect that ends an SSO session",
    ("POST", "/sso/logout/authorize"): "the app asks for the logout token of a signed-in user",
    ("GET", "/sso/profile"): "the app reads the signed-in user's profile with their token",
    ("POST", "/sso/token"): "the app exchanges the SSO callback's code",
    ("POST", "/user_management/authenticate"): "the app signs a user in (code, password, …)",
    ("GET", "/user_management/authorize"): "the browser redirect that starts an AuthKit sign-in",
    ("POST", "/user_management/authorize/device"): "a device asks for a user code to sign in",
    ("POST", "/user_management/radar_challenges"): "Radar challenges a signing-in user by SMS",
    ("GET", "/user_management/radar_challenges/{id}"): "the app polls that Radar challenge",
    ("GET", "/user_management/sessions/logout"): "the browser redirect that signs a user out",
    ("GET", "/sso/jwks/{clientId}"): "the app verifies session tokens with these keys",
    ("POST", "/user_management/magic_auth"): "a one-time sign-in code emailed to the user",
    ("GET", "/user_management/magic_auth/{id}"): "the app reads that sign-in code",
    ("POST", "/auth/factors/enroll"): "the user enrolls a second factor while signing in",
    ("POST", "/auth/factors/{id}/challenge"): "the user is challenged for that factor",
    ("POST", "/auth/challenges/{id}/verify"): "the user answers the challenge with a code",
    ("POST", "/user_management/users/{userlandUserId}/auth_factors"): (
        "the user enrolls TOTP during AuthKit sign-up (the secret is theirs, not an admin's)"
    ),
    ("POST", "/authkit/oauth2/complete"): "the app completes a user's OAuth consent (Connect)",
    ("PATCH", "/agents/claims/attempts"): "an agent's claim attempt is linked to the user",
    ("POST", "/agents/credentials/validate"): "the app validates an agent's credential",
    ("GET", "/agents/registrations/{id}"): "the app reads an agent registration while claiming",
    ("POST", "/client/token"): "a browser client gets a token for the client API",
    ("POST", "/user_management/users/{id}/email_verification/confirm"): (
        "the user types the code from the verification email"
    ),
    ("POST", "/user_management/password_reset/confirm"): "the user sets a new password",
    ("POST", "/user_management/users/{id}/email_change/confirm"): (
        "the user confirms the new address with the emailed code"
    ),
    ("GET", "/user_management/invitations/by_token/{token}"): "the invitee's accept page",
    ("POST", "/user_management/invitations/{id}/accept"): "the invitee accepts",
    ("POST", "/radar/attempts"): "Radar assesses a sign-in attempt as it happens",
    ("PUT", "/radar/attempts/{id}"): "the app reports that attempt's outcome",
    ("POST", "/api_keys/validations"): "the app authenticates a request carrying an API key",
    ("GET", "/user_management/email_verification/{id}"): "read by the app's verification step",
    ("GET", "/user_management/password_reset/{id}"): "read by the app's reset-password page",
    ("POST", "/data-integrations/{slug}/authorize"): "the URL a user opens to connect a provider",
    ("POST", "/data-integrations/{slug}/token"): "the app fetches a user's provider token",
    ("POST", "/data-integrations/{slug}/credentials"): "the app fetches a user's credentials",
}
"""The end user's sign-in steps (and an app's runtime calls for a user), with why each is one."""

EMULATOR_ONLY_SERVICES: dict[str, str] = {
    "emulator_deliveries": (
        "the workos-tui emulator's webhook delivery log (/_emulate/webhook_deliveries): "
        "routes of the emulator, not operations of the WorkOS API"
    ),
}
"""Facade services that call no WorkOS API operation, with why: they are not counted."""


def normalise(method: str, path: str) -> OperationKey:
    """Path templates compare equal whatever their parameters are called."""
    return method.upper(), re.sub(r"\{[^}]+\}", "{}", path)


@dataclass(frozen=True)
class SpecOperation:
    method: str
    path: str
    tag: str

    @property
    def key(self) -> OperationKey:
        return normalise(self.method, self.path)

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


SPEC_FILE = Path(__file__).resolve().parents[1] / "reference" / "workos-openapi.yaml"
"""The spec shipped in the package (``workos_tui.reference.SPEC_PATH``)."""


@cache
def spec_operations(spec_path: Path = SPEC_FILE) -> tuple[SpecOperation, ...]:
    """Every operation of the spec (method, path, first tag), in the spec's order.

    Read through the API console's operation index when it is there (parsed once, cached);
    else from the YAML.
    """
    if spec_path == SPEC_FILE:
        try:
            module = importlib.import_module("workos_tui.resources.operations")
        except ModuleNotFoundError:
            pass
        else:
            return tuple(
                SpecOperation(op.method, op.path, op.tag) for op in module.all_operations()
            )
    import yaml

    with spec_path.open("rb") as handle:
        spec = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    found: list[SpecOperation] = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is not None:
                tag = (operation.get("tags") or ["untagged"])[0]
                found.append(SpecOperation(method.upper(), path, tag))
    return tuple(found)


def sign_in_keys() -> set[OperationKey]:
    return {normalise(method, path) for method, path in SIGN_IN_STEPS}


# ------------------------------------------------------------------ what the code calls

_ATTRIBUTE_LOADS = frozenset({"LOAD_ATTR", "LOAD_METHOD"})


@cache
def facade_services() -> dict[str, type]:
    """The facade's service attributes and their classes (built without a client), less
    :data:`EMULATOR_ONLY_SERVICES`."""
    facade = WorkOS(cast(WorkOSClient, None))
    services: dict[str, type] = {}
    for name in dir(WorkOS):
        if name.startswith("_") or not hasattr(WorkOS.__dict__.get(name), "attrname"):
            continue  # only the cached properties are services
        if name in EMULATOR_ONLY_SERVICES:
            continue
        services[name] = type(getattr(facade, name))
    return services


def _code_objects(code: CodeType) -> Iterator[CodeType]:
    yield code
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            yield from _code_objects(constant)


def _service_calls(code: CodeType, services: dict[str, type]) -> Iterator[tuple[str, str]]:
    """``(service, method)`` for every ``<x>.<service>.<method>`` in ``code``."""
    loads = [
        instruction.argval if instruction.opname in _ATTRIBUTE_LOADS else None
        for instruction in dis.get_instructions(code)
    ]
    for first, second in itertools.pairwise(loads):
        if first in services and second is not None:
            yield first, second


def _ours(value: object) -> bool:
    """Project code (or an action): library functions are not followed."""
    module = getattr(value, "__module__", None) or ""
    return isinstance(value, Action) or module.startswith("workos_tui")


def _names_used(code: CodeType, namespace: dict[str, Any]) -> Iterator[object]:
    """What ``code`` names: its module's globals, and what it imports inside (lazily)."""
    module = ""
    for instruction in dis.get_instructions(code):
        value: object = None
        if instruction.opname == "LOAD_GLOBAL":
            value = namespace.get(str(instruction.argval))
        elif instruction.opname == "IMPORT_NAME":
            module = str(instruction.argval)
        elif instruction.opname == "IMPORT_FROM" and module.startswith("workos_tui."):
            value = getattr(importlib.import_module(module), str(instruction.argval), None)
        if value is not None and _ours(value):
            yield value


def called_methods(roots: Iterable[object]) -> set[tuple[str, str]]:
    """The ``(service, method)`` pairs the functions in ``roots`` (and what they reach) call.

    A function reaches the functions it closes over, the workos_tui functions of its module it
    names and those it imports inside; an :class:`Action` is followed to its runner,
    ``functools.partial`` and bound methods to their function.
    """
    services = facade_services()
    seen: set[int] = set()
    found: set[tuple[str, str]] = set()
    pending = list(roots)
    while pending:
        target = pending.pop()
        if isinstance(target, Action):
            pending.append(target.run)
            continue
        if isinstance(target, partial):
            pending.extend([target.func, *target.args, *target.keywords.values()])
            continue
        if isinstance(target, MethodType):
            target = target.__func__
        if not isinstance(target, FunctionType) or id(target) in seen:
            continue
        seen.add(id(target))
        for code in _code_objects(target.__code__):
            found.update(_service_calls(code, services))
            pending.extend(_names_used(code, target.__globals__))
        for cell in target.__closure__ or ():
            try:
                pending.append(cell.cell_contents)
            except ValueError:  # an empty cell
                continue
    return found


def declaration_calls(resource: ResourceType) -> list[object]:
    """The functions a declaration runs: lister, getter, create/update/delete, actions."""
    functions: list[object] = [
        resource.list,
        resource.get,
        resource.create,
        resource.update,
        resource.delete,
        resource.edit_source,
    ]
    functions.extend(action.run for action in resource.actions)
    return [function for function in functions if function is not None]


def full_registry() -> ResourceRegistry:
    """Every declaration: the core areas and every extension module."""
    registry = default_registry()
    load_extensions(registry, EXTENSION_MODULES)
    return registry


def reachable(registry: ResourceRegistry) -> list[ResourceType]:
    """The sidebar's areas and every list reached from them through related links."""
    found: dict[str, ResourceType] = {}
    pending = registry.top_level()
    while pending:
        resource = pending.pop()
        if resource.key in found:
            continue
        found[resource.key] = resource
        for link in registry.related_for(resource):
            if link.target in registry and link.target not in found:
                pending.append(registry[link.target])
    return list(found.values())


def tool_calls() -> list[object]:
    """The service-method references of the tools (panels) the console offers."""
    from workos_tui.resources.tools import TOOLS

    return [call for tool in TOOLS for call in tool.calls]


def dedicated_operations(
    registry: ResourceRegistry | None = None, *, tools: bool = True
) -> set[OperationKey]:
    """The spec operations some declaration, action or tool of the console calls."""
    resources = reachable(registry if registry is not None else full_registry())
    roots: list[object] = [f for resource in resources for f in declaration_calls(resource)]
    if tools:
        roots.extend(tool_calls())
    services = facade_services()
    operations: set[OperationKey] = set()
    for service, method in called_methods(roots):
        marked = operation_of(services[service], method)
        if marked is not None:
            operations.add(normalise(marked.method, marked.path))
    return operations


def console_operations() -> set[OperationKey]:
    """What the API console offers (every operation of its list), or nothing without it."""
    try:
        module = importlib.import_module("workos_tui.resources.operations")
    except ModuleNotFoundError:
        return set()
    listing: Callable[[], Iterable[Any]] = module.all_operations
    return {normalise(op.method, op.path) for op in listing()}


# ------------------------------------------------------------------ the report


@dataclass(frozen=True)
class TagCoverage:
    tag: str
    dedicated: int
    console_only: int
    total: int


def coverage() -> tuple[list[TagCoverage], int]:
    """Per tag: dedicated paths, API console only, total; and the operations reachable at all."""
    operations = spec_operations()
    dedicated = dedicated_operations()
    console = console_operations()
    rows: dict[str, list[int]] = {}
    reached = 0
    for operation in operations:
        row = rows.setdefault(operation.tag, [0, 0, 0])
        row[2] += 1
        if operation.key in dedicated:
            row[0] += 1
        elif operation.key in console:
            row[1] += 1
        reached += operation.key in dedicated or operation.key in console
    table = [TagCoverage(tag, *counts) for tag, counts in sorted(rows.items())]
    return table, reached


def missing_admin_operations() -> list[SpecOperation]:
    """Admin operations (not sign-in steps) without a dedicated path."""
    dedicated = dedicated_operations()
    excluded = sign_in_keys()
    return [op for op in spec_operations() if op.key not in dedicated and op.key not in excluded]


def report(rows: list[TagCoverage], reached: int) -> str:
    total = sum(row.total for row in rows)
    lines = ["| tag | dedicated | API console only | total |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {r.tag} | {r.dedicated} | {r.console_only} | {r.total} |" for r in rows]
    dedicated = sum(row.dedicated for row in rows)
    console_only = sum(row.console_only for row in rows)
    lines.append(
        f"| **all {len(rows)} tags** | **{dedicated}** | **{console_only}** | **{total}** |"
    )
    lines.append("")
    lines.append(f"{reached} of {total} operations reachable from the console")
    return "\n".join(lines)


def write_readme(path: Path, text: str) -> None:
    content = path.read_text(encoding="utf-8")
    start, end = content.find(START), content.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{path}: markers {START} ... {END} not found")
    path.write_text(content[: start + len(START)] + "\n" + text + "\n" + content[end:], "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--missing", action="store_true", help="list admin operations not covered")
    parser.add_argument("--write-readme", type=Path, metavar="PATH")
    args = parser.parse_args(argv)
    rows, reached = coverage()
    text = report(rows, reached)
    print(text)
    if args.missing:
        for operation in missing_admin_operations():
            print(f"no dedicated path: {operation} ({operation.tag})")
    if args.write_readme is not None:
        write_readme(args.write_readme, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
