"""Spec fidelity check: validate recorded emulator exchanges against the WorkOS OpenAPI spec.

``SpecChecker(path).check(exchange)`` returns a list of human-readable violations:

* every response (unless a hook produced it, or it is ``/health`` or ``/_emulate/*``) must carry
  a status code the operation declares and a body matching that status's schema;
* every request sent by our own client (``User-Agent: workos-tui/...``) must match the
  operation's path, query parameters and body.  Security schemes are not checked.

The spec is loaded once (about 1.4 s) with ``yaml.CSafeLoader`` and without the spec validator
(the spec fails openapi-spec-validator on a harmless duplicate ``required`` entry).

Where the spec itself is wrong or silent, :data:`ALLOWED` lists the exact exceptions, each
with its reason.  Keep it short and specific; never weaken the check globally.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import yaml
from jsonschema import Draft202012Validator
from jsonschema_path import SchemaPath
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.validation.request.validators import V31RequestValidator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from werkzeug.datastructures import Headers, ImmutableMultiDict

from workos_tui.emulator import Exchange
from workos_tui.reference import SPEC_PATH

HOST_URL = "https://api.workos.com"
SPEC_URI = "urn:workos-openapi"
CLIENT_AGENT_PREFIX = "workos-tui/"
UNCHECKED_PREFIXES = ("/_emulate", "/health")
# Authorize operations a browser opens: their 200 is the emulated hosted AuthKit or identity
# provider page (HTML, see workos_tui/emulator/hosted_pages.py), not the JSON the spec lists.
HOSTED_PAGES = frozenset({("GET", "/sso/authorize"), ("GET", "/user_management/authorize")})


@dataclass(frozen=True)
class Allowance:
    method: str  # "*" for any
    path: str  # spec path template, "*" for any
    status: int
    reason: str
    body_keys: frozenset[str] = frozenset({"message"})  # keys the undeclared body must have


# Statuses the spec does not declare but WorkOS (and the emulator) legitimately answer.
ALLOWED: tuple[Allowance, ...] = (
    Allowance(
        "*",
        "*",
        401,
        "Security is declared globally (bearer) but most operations omit the 401 answer a "
        "missing or unknown API key gets; the body is still checked to have `message`.",
    ),
    Allowance(
        "DELETE",
        "/organizations/{id}",
        404,
        "Deleting an unknown organization is 404 Not Found at WorkOS; the operation declares "
        "only 200/202/403.",
    ),
    Allowance(
        "DELETE",
        "/directories/{id}",
        404,
        "Deleting an unknown directory is 404; the operation declares only 200/202/403.",
    ),
    Allowance(
        "PUT",
        "/user_management/users/{id}",
        404,
        "Updating an unknown user is 404; the operation declares only 200/400/422.",
    ),
    Allowance(
        "POST",
        "/user_management/invitations/{id}/revoke",
        404,
        "Revoking an unknown invitation is 404; the operation declares only 200/400.",
    ),
    Allowance(
        "GET",
        "/sso/authorize",
        422,
        "A request that cannot be redirected (unknown client_id, missing or malformed "
        "redirect_uri, response_type other than code) gets an error instead of a redirect; "
        "the operation declares only 200/302.",
    ),
    Allowance(
        "GET",
        "/user_management/authorize",
        422,
        "As for /sso/authorize: nowhere to redirect an invalid client_id, redirect_uri or "
        "response_type to; the operation declares only 200/302.",
    ),
    Allowance(
        "POST",
        "/user_management/radar_challenges",
        400,
        "The operation declares only 201; a pending authentication token that is unknown, "
        "expired or another user's is a 400 like the authenticate endpoint's.",
    ),
    Allowance(
        "POST",
        "/user_management/radar_challenges",
        404,
        "The operation declares only 201; an unknown user_id is 404 like every user lookup.",
    ),
    Allowance(
        "GET",
        "/webhook_endpoints",
        422,
        "A limit outside 1-100 or an unknown order is 422 like every other WorkOS list; this "
        "operation declares only 200.",
    ),
    Allowance(
        "GET",
        "/user_management/redirect_uris",
        422,
        "A limit outside 1-100 or an unknown order is 422 like every other WorkOS list; this "
        "operation declares only 200/401.",
    ),
    Allowance(
        "GET",
        "/user_management/cors_origins",
        422,
        "A limit outside 1-100 or an unknown order is 422 like every other WorkOS list; this "
        "operation declares only 200/401.",
    ),
    Allowance(
        "PUT",
        "/vault/v1/kv/{id}",
        404,
        "Updating an unknown Vault object is 404 like its GET/DELETE; the operation declares "
        "only 201/400/409.",
        frozenset({"error"}),
    ),
    Allowance(
        "PUT",
        "/user_management/users/{user_id}/connected_accounts/{slug}",
        422,
        "An invalid body (e.g. an unknown state) is 422 as on the POST of the same path; the "
        "PUT declares only 200/401/404.",
    ),
    Allowance(
        "GET",
        "/data-integrations",
        422,
        "A limit outside 1-100 or an unknown order is 422 like every other WorkOS list; this "
        "operation declares only 200/401.",
    ),
)


@dataclass(frozen=True)
class OutsideSpec:
    method: str
    path: str  # route template as the emulator registers it
    reason: str


# Routes the emulator serves that our spec copy does not have, because today's official SDKs
# still call them.  Their exchanges are not compared with the spec (nothing there to compare
# with); tests/emulator/test_official_sdk*.py checks them with the SDKs' own models instead.
# Keep this list explicit: any other path outside the spec is still a violation.
OUTSIDE_SPEC: tuple[OutsideSpec, ...] = (
    OutsideSpec(
        "POST",
        "/passwordless/sessions",
        "Magic Link sessions: deprecated by WorkOS and gone from the spec, still in the Python "
        "(passwordless.create_session) and Node (passwordless.createSession) SDKs.",
    ),
    OutsideSpec(
        "POST",
        "/passwordless/sessions/{id}/send",
        "Magic Link email: passwordless.send_session / sendSession.",
    ),
    OutsideSpec(
        "GET",
        "/passwordless/{token}/confirm",
        "The Magic Link a session's `link` points to (a browser page at WorkOS).",
    ),
    OutsideSpec(
        "GET",
        "/organizations/{organizationId}/roles",
        "The Node SDK's organizations.listOrganizationRoles (the spec has only "
        "/authorization/organizations/{organizationId}/roles).",
    ),
)


# Answers the emulator may give to any operation, which the spec describes per operation nowhere:
# (status, error code, reason).  They are accepted only with exactly that code.
CROSS_CUTTING: tuple[tuple[int, str, str], ...] = (
    (
        413,
        "request_entity_too_large",
        "A request body over the emulator's size limit (1 MiB), refused before any handler.",
    ),
    (
        400,
        "idempotency_key_reused",
        "An Idempotency-Key already used with another request (WorkOS documents the header on "
        "audit log events only; the emulator honours it on every POST).",
    ),
)


def _cross_cutting(ex: Exchange) -> bool:
    for status, code, _reason in CROSS_CUTTING:
        if ex.status != status:
            continue
        try:
            body = json.loads(ex.response_body)
        except ValueError:
            return False
        if isinstance(body, dict) and body.get("code") == code and "message" in body:
            return code != "idempotency_key_reused" or "idempotency-key" in ex.request_headers
    return False


class _Request:
    def __init__(self, ex: Exchange, host_url: str = HOST_URL) -> None:
        self.host_url = host_url
        self.path = ex.path
        self.method = ex.method.lower()
        self.body: bytes | None = ex.request_body or None
        self.content_type = ex.request_headers.get("content-type", "application/json")
        pairs = parse_qsl(ex.query_string, keep_blank_values=True)
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(pairs),
            header=Headers(list(ex.request_headers.items())),
            cookie=ImmutableMultiDict(),
        )

    @property
    def full_url_pattern(self) -> str:
        return self.host_url + self.path


class _Response:
    def __init__(self, ex: Exchange) -> None:
        self.status_code = ex.status
        self.data: bytes | None = ex.response_body
        self.headers = Headers(list(ex.response_headers.items()))
        self.content_type = ex.response_headers.get("content-type", "application/json")


class _NoSecurityRequestValidator(V31RequestValidator):
    """Request validation of path, query and body only (no security schemes)."""

    def _get_security(self, *args: Any, **kwargs: Any) -> None:
        return None


def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    with path.open("rb") as fh:
        data: dict[str, Any] = yaml.load(fh, Loader=yaml.CSafeLoader)
    _drop_unmapped_discriminators(data)
    return data


def _drop_unmapped_discriminators(node: Any) -> None:
    """Remove ``discriminator`` hints that have no ``mapping`` over inline alternatives.

    The spec's two discriminators (``ApiKey.owner`` and a validation request body) name no
    mapping, so openapi-core resolves ``type: organization`` to a ``#/components/schemas/
    organization`` that does not exist and rejects every valid object. The ``oneOf`` they hint
    at is kept and still validated in full; only the unusable hint goes.
    """
    if isinstance(node, dict):
        hint = node.get("discriminator")
        alternatives = node.get("oneOf") or node.get("anyOf") or []
        if (
            isinstance(hint, dict)
            and "mapping" not in hint
            and alternatives
            and not any("$ref" in alt for alt in alternatives)
        ):
            del node["discriminator"]
        for value in node.values():
            _drop_unmapped_discriminators(value)
    elif isinstance(node, list):
        for value in node:
            _drop_unmapped_discriminators(value)


def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts if p))


class SpecChecker:
    def __init__(self, path: Path = SPEC_PATH) -> None:
        self.spec = load_spec(path)
        self.openapi = OpenAPI(
            SchemaPath.from_dict(self.spec),
            config=Config(
                spec_validator_cls=None, request_validator_cls=_NoSecurityRequestValidator
            ),
        )
        templates = list(self.spec["paths"])
        # Literal segments before parameters, like a router would match.
        templates.sort(key=lambda t: [(1 if s.startswith("{") else 0, s) for s in t.split("/")])
        self._templates = [(t, _template_regex(t)) for t in templates]
        self._events = _EventListValidator(self.spec)
        self._outside = [(o.method, _template_regex(o.path)) for o in OUTSIDE_SPEC]

    def outside_spec(self, method: str, path: str) -> bool:
        """Whether ``method path`` is one of the routes :data:`OUTSIDE_SPEC` lists."""
        return any(m == method and rx.fullmatch(path) for m, rx in self._outside)

    def template_for(self, path: str) -> str | None:
        for template, regex in self._templates:
            if regex.fullmatch(path):
                return template
        return None

    def host_for(self, method: str, template: str) -> str:
        """The operation's own server (e.g. ``https://auth.workos.com`` for SSO logout), else
        the API host: openapi-core finds an operation only under a server it declares."""
        op = self.spec["paths"][template].get(method.lower(), {})
        servers = op.get("servers") or self.spec["paths"][template].get("servers") or []
        return str(servers[0]["url"]).rstrip("/") if servers else HOST_URL

    def declared_statuses(self, method: str, template: str) -> set[str]:
        op = self.spec["paths"][template].get(method.lower(), {})
        return set(op.get("responses", {}))

    def _allowance(self, method: str, template: str, status: int) -> Allowance | None:
        for a in ALLOWED:
            if a.status == status and a.method in ("*", method) and a.path in ("*", template):
                return a
        return None

    def check(self, ex: Exchange) -> list[str]:
        if ex.path.startswith(UNCHECKED_PREFIXES):
            return []
        where = f"{ex.method} {ex.path}{'?' + ex.query_string if ex.query_string else ''}"
        template = self.template_for(ex.path)
        if ex.method == "HEAD":
            # Answered as the GET (or 404/405), without a body; nothing else to compare.
            has_get = (
                template is not None and "get" in self.spec["paths"][template]
            ) or self.outside_spec("GET", ex.path)
            if ex.response_body or (not has_get and ex.status not in (404, 405)):
                return [f"{where}: HEAD answered {ex.status} with {len(ex.response_body)} bytes"]
            return []
        if _cross_cutting(ex) and not ex.hooked:
            return []
        if template is None or ex.method.lower() not in self.spec["paths"][template]:
            if self.outside_spec(ex.method, ex.path):
                return []
            if ex.status in (404, 405) and not ex.hooked:
                return []  # unknown route answered as such: nothing in the spec to compare
            return [f"{where}: no such operation in the spec (status {ex.status})"]
        problems: list[str] = []
        host = self.host_for(ex.method, template)
        agent = ex.request_headers.get("user-agent", "")
        if agent.startswith(CLIENT_AGENT_PREFIX):
            for err in self.openapi.request_validator.iter_errors(_Request(ex, host)):
                problems.append(f"{where}: request invalid: {_describe(err)}")
        if ex.hooked:
            return problems
        declared = self.declared_statuses(ex.method, template)
        if str(ex.status) not in declared:
            allowance = self._allowance(ex.method, template, ex.status)
            if allowance is None:
                problems.append(
                    f"{where}: status {ex.status} is not declared "
                    f"(declared: {', '.join(sorted(declared))}); body {ex.response_body[:200]!r}"
                )
            else:
                problems.extend(_check_error_body(where, ex, allowance))
            return problems
        if template == "/events" and ex.method == "GET" and ex.status == 200:
            problems.extend(f"{where}: response 200 invalid: {p}" for p in self._events.check(ex))
            return problems
        if (ex.method, template) in HOSTED_PAGES and ex.status == 200:
            # The hosted sign-in page a browser sees (outside the JSON API): only its type.
            if not ex.response_headers.get("content-type", "").startswith("text/html"):
                problems.append(f"{where}: a 200 from a hosted sign-in page must be text/html")
            return problems
        for err in self.openapi.response_validator.iter_errors(_Request(ex, host), _Response(ex)):
            problems.append(f"{where}: response {ex.status} invalid: {_describe(err)}")
        return problems

    def check_all(self, exchanges: Iterable[Exchange]) -> list[str]:
        out: list[str] = []
        for ex in exchanges:
            out.extend(self.check(ex))
        return out


class _EventListValidator:
    """Fast, equivalent validation of ``GET /events`` pages.

    ``EventSchema`` is ``allOf[base, oneOf[~100 alternatives]]`` and every alternative pins
    ``event`` to a distinct ``const``, so an event satisfies the ``oneOf`` exactly when it
    satisfies the one alternative whose ``const`` equals its ``event``.  Validating against
    that alternative (plus the base) gives the same verdict as the generic validator at a
    fraction of the cost (a 100-event page took ~2 s generically).
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        registry: Registry[Any] = Registry().with_resource(
            SPEC_URI, Resource.from_contents(spec, default_specification=DRAFT202012)
        )
        schemas = spec["components"]["schemas"]
        event_schema = schemas["EventSchema"]
        base_ptr = "/components/schemas/EventSchema/allOf/0"
        alternatives = event_schema["allOf"][1]["oneOf"]
        assert event_schema["allOf"][0]["type"] == "object", "EventSchema layout changed"

        def validator(pointer: str) -> Draft202012Validator:
            return Draft202012Validator(
                {"$ref": f"{SPEC_URI}#{pointer}"},
                registry=registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )

        self.base = validator(base_ptr)
        self.by_event: dict[str, list[Draft202012Validator]] = {}
        for i, alt in enumerate(alternatives):
            name = alt["properties"]["event"]["const"]
            ptr = f"/components/schemas/EventSchema/allOf/1/oneOf/{i}"
            self.by_event.setdefault(name, []).append(validator(ptr))
        envelope = json.loads(json.dumps(schemas["EventList"]))
        envelope["properties"]["data"]["items"] = {}
        self.envelope = Draft202012Validator(envelope, registry=registry)

    def check(self, ex: Exchange) -> list[str]:
        try:
            body = json.loads(ex.response_body)
        except ValueError:
            return ["body is not JSON"]
        problems = [_short(e) for e in self.envelope.iter_errors(body)]
        if problems or not isinstance(body.get("data"), list):
            return problems
        for n, event in enumerate(body["data"]):
            problems.extend(f"data/{n}: {_short(e)}" for e in self.base.iter_errors(event))
            name = event.get("event") if isinstance(event, dict) else None
            candidates = self.by_event.get(name) if isinstance(name, str) else None
            if not candidates:
                problems.append(f"data/{n}: event type {name!r} is not in the spec")
                continue
            matching = [v for v in candidates if v.is_valid(event)]
            if len(matching) != 1:
                errors = [e for v in candidates for e in v.iter_errors(event)][:5]
                problems.append(
                    f"data/{n} ({name}): matches {len(matching)} alternatives; "
                    + "; ".join(_short(e) for e in errors)
                )
        return problems


def _check_error_body(where: str, ex: Exchange, allowance: Allowance) -> list[str]:
    try:
        body = json.loads(ex.response_body)
    except ValueError:
        return [f"{where}: allowed status {ex.status} without a JSON body"]
    if not isinstance(body, dict) or not allowance.body_keys <= set(body):
        return [f"{where}: allowed status {ex.status} body lacks {sorted(allowance.body_keys)}"]
    return []


def _describe(err: BaseException) -> str:
    parts = [str(err)]
    cause: BaseException | None = err.__cause__
    seen = 0
    while cause is not None and seen < 4:
        inner = getattr(cause, "schema_errors", None)
        if inner:
            parts.extend(_short(e) for e in list(inner)[:5])
            break
        parts.append(str(cause)[:300])
        cause = cause.__cause__
        seen += 1
    return " | ".join(parts)


def _short(e: Any) -> str:
    path = "/".join(str(p) for p in getattr(e, "absolute_path", []))
    message = str(getattr(e, "message", e))
    if len(message) > 300:
        message = message[:300] + "..."
    return f"at /{path}: {message}"
