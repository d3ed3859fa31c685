"""A request for any spec operation, from a generated form: fields, checks, curl.

:func:`request_fields` turns an :class:`~workos_tui.resources.operations.Operation`'s path and
query parameters and its body's top-level properties into :class:`RequestField`\\ s (a
:class:`~workos_tui.resources.forms.FieldSpec` each, so the console's form widgets render them).
:func:`prepare` reads the typed text back, checks it against the schema (required, type, enum,
bounds, JSON shape) and returns a :class:`PreparedRequest`, or the per-field errors: nothing
invalid is ever sent. :func:`curl_command` renders a request for a shell, the API key always
as ``$WORKOS_API_KEY``.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import quote, urlencode

from workos_tui.api.query import QueryValue, encode_query
from workos_tui.resources.forms import FieldKind, FieldSpec, RawValue
from workos_tui.resources.operations import PATH_PARAMETER, Operation, Schema

FieldLocation = Literal["path", "query", "body"]
SECRET_NAMES = re.compile(r"(password|secret|token|api_key|code_verifier)", re.IGNORECASE)
KEY_PLACEHOLDER = "$WORKOS_API_KEY"
BODY_ERROR = "__body__"
"""The error key for the raw JSON body as a whole."""


@dataclass(frozen=True)
class RequestField:
    """One input of the request form: where it goes, its name in the API, and its form spec."""

    location: FieldLocation
    name: str
    spec: FieldSpec
    schema: Schema = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Unique within an operation, and usable in a widget id."""
        return self.spec.name


def _types(schema: Schema) -> set[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        return {str(k) for k in kind if k != "null"}
    return {str(kind)} if kind else set()


def field_kind(schema: Schema, name: str = "") -> tuple[FieldKind, tuple[str, ...]]:
    """The form widget for a schema: text, secret, integer, number, bool, choice, list or JSON."""
    if "const" in schema:
        return "choice", (str(schema["const"]),)
    if isinstance(schema.get("enum"), list):
        return "choice", tuple(str(value) for value in schema["enum"] if value is not None)
    types = _types(schema)
    if types == {"boolean"}:  # a select, so that "not given" differs from false
        return "choice", ("true", "false")
    if types == {"integer"}:
        return "integer", ()
    if types == {"number"}:
        return "number", ()
    if types == {"array"}:
        items = schema.get("items") or {}
        return ("list", ()) if _types(items) <= {"string"} and "$ref" not in items else ("json", ())
    if types == {"string"}:
        return ("secret", ()) if SECRET_NAMES.search(name) else ("text", ())
    if not types and not schema:
        return "text", ()
    return "json", ()


def _spec_for(
    location: FieldLocation, name: str, schema: Schema, required: bool, description: str
) -> FieldSpec:
    kind, choices = field_kind(schema, name)
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", name)
    return FieldSpec(
        name=f"{location}-{safe}",
        label=f"{name}" if location == "body" else f"{name} ({location})",
        kind=kind,
        required=required,
        description=description or str(schema.get("description") or ""),
        choices=choices,
        default=schema.get("default"),
    )


def request_fields(operation: Operation) -> list[RequestField]:
    """Path parameters, then query parameters, then the body's properties (headers are set by
    the client: the idempotency key of a POST)."""
    fields: list[RequestField] = []
    for parameter in (*operation.path_parameters, *operation.query_parameters):
        location: FieldLocation = "path" if parameter.location == "path" else "query"
        spec = _spec_for(
            location,
            parameter.name,
            parameter.schema,
            parameter.required or location == "path",
            parameter.description,
        )
        fields.append(RequestField(location, parameter.name, spec, parameter.schema))
    for prop in operation.body_fields:
        spec = _spec_for("body", prop.name, prop.schema, prop.required, prop.description)
        fields.append(RequestField("body", prop.name, spec, prop.schema))
    return fields


# ------------------------------------------------------------------ checking values


def _check_bounds(value: float, schema: Schema) -> None:
    low, high = schema.get("minimum"), schema.get("maximum")
    if isinstance(low, int | float) and value < low:
        raise ValueError(f"at least {low}")
    if isinstance(high, int | float) and value > high:
        raise ValueError(f"at most {high}")


def _check_json_type(value: Any, schema: Schema) -> None:
    types = _types(schema)
    if not types:
        return
    python = {"object": dict, "array": list, "string": str, "boolean": bool}
    if value is None and "null" in str(schema.get("type")):
        return
    allowed = [python[t] for t in types if t in python]
    numbers = types & {"integer", "number"}
    if numbers and isinstance(value, int | float) and not isinstance(value, bool):
        return
    if allowed and not any(isinstance(value, kind) for kind in allowed):
        raise ValueError(f"must be {' or '.join(sorted(types))}")


def coerce(request_field: RequestField, raw: RawValue) -> Any:
    """The typed value of one input; ``None`` when left empty. Raises ``ValueError``."""
    spec, schema = request_field.spec, request_field.schema
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip()
    if text == "":
        return None
    if spec.kind == "integer":
        try:
            number = int(text)
        except ValueError:
            raise ValueError("must be a whole number") from None
        _check_bounds(number, schema)
        return number
    if spec.kind == "number":
        try:
            decimal = float(text)
        except ValueError:
            raise ValueError("must be a number") from None
        _check_bounds(decimal, schema)
        return decimal
    if spec.kind == "choice":
        if text not in spec.choices:
            raise ValueError(f"must be one of {', '.join(spec.choices)}")
        if _types(schema) == {"boolean"}:
            return text == "true"
        original = [v for v in (schema.get("enum") or [schema.get("const")]) if str(v) == text]
        return original[0] if original else text
    if spec.kind == "list":
        items = [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]
        allowed = (schema.get("items") or {}).get("enum")
        wrong = [item for item in items if isinstance(allowed, list) and item not in allowed]
        if wrong:
            raise ValueError(f"{', '.join(wrong)}: not one of {', '.join(map(str, allowed or []))}")
        return items
    if spec.kind == "json":
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"not valid JSON: {error.msg}") from None
        _check_json_type(value, schema)
        return value
    low, high = schema.get("minLength"), schema.get("maxLength")
    if isinstance(low, int) and len(text) < low:
        raise ValueError(f"at least {low} characters")
    if isinstance(high, int) and len(text) > high:
        raise ValueError(f"at most {high} characters")
    return text


# ------------------------------------------------------------------ the prepared request


@dataclass(frozen=True)
class PreparedRequest:
    """A checked request, ready for ``WorkOSClient.request``."""

    operation: Operation
    path: str
    path_values: tuple[str, ...] = ()
    params: dict[str, QueryValue] = field(default_factory=dict)
    body: Any = None
    comma_joined: frozenset[str] = frozenset()

    @property
    def method(self) -> str:
        return self.operation.method

    def with_params(self, **changes: QueryValue) -> PreparedRequest:
        """The same request with query parameters replaced (``None`` removes one): paging."""
        params = {**self.params, **changes}
        return PreparedRequest(
            self.operation,
            self.path,
            self.path_values,
            {k: v for k, v in params.items() if v is not None},
            self.body,
            self.comma_joined,
        )

    def query_pairs(self) -> list[tuple[str, str]]:
        return encode_query(self.params, comma_joined=self.comma_joined)


@dataclass(frozen=True)
class Prepared:
    """What :func:`prepare` gives: a request, or the errors that stopped it (field key → text)."""

    request: PreparedRequest | None
    errors: dict[str, str]


def _query_value(value: Any) -> QueryValue:
    if isinstance(value, list):
        return [item if isinstance(item, str | int | float | bool) else str(item) for item in value]
    return value  # type: ignore[no-any-return]


def draft_body(fields: Sequence[RequestField], raw: Mapping[str, RawValue]) -> dict[str, Any]:
    """The body the form's valid values make (invalid ones left out): the raw editor's start."""
    body: dict[str, Any] = {}
    for request_field in fields:
        if request_field.location != "body" or request_field.key not in raw:
            continue
        try:
            value = coerce(request_field, raw[request_field.key])
        except ValueError:
            continue
        if value is not None:
            body[request_field.name] = value
    return body


def _check_raw_body(operation: Operation, raw_body: str) -> tuple[Any, str | None]:
    try:
        body = json.loads(raw_body) if raw_body.strip() else None
    except json.JSONDecodeError as error:
        return None, f"The body is not valid JSON: {error.msg} (line {error.lineno})"
    if body is None:
        return None, "The body is required." if operation.body_required else None
    schema = operation.body_schema or {}
    if _types(schema) == {"object"} or operation.body_fields:
        if not isinstance(body, dict):
            return None, "The body must be a JSON object."
        missing = [f.name for f in operation.body_fields if f.required and f.name not in body]
        if missing:
            return None, f"The body lacks required {', '.join(missing)}."
    return body, None


def prepare(
    operation: Operation,
    fields: Sequence[RequestField],
    raw: Mapping[str, RawValue],
    *,
    raw_body: str | None = None,
) -> Prepared:
    """Check the form (and, when given, the raw JSON body instead of the body fields)."""
    errors: dict[str, str] = {}
    path_values: dict[str, str] = {}
    params: dict[str, QueryValue] = {}
    body: dict[str, Any] = {}
    for request_field in fields:
        if request_field.location == "body" and raw_body is not None:
            continue
        try:
            value = coerce(request_field, raw.get(request_field.key, ""))
        except ValueError as error:
            errors[request_field.key] = str(error)
            continue
        if value is None:
            if request_field.spec.required:
                errors[request_field.key] = "required"
            continue
        if request_field.location == "path":
            path_values[request_field.name] = str(value)
        elif request_field.location == "query" and isinstance(value, dict):
            # an object parameter: one parameter per key (OpenAPI's form style, exploded)
            params.update({str(k): _query_value(v) for k, v in value.items()})
        elif request_field.location == "query":
            params[request_field.name] = _query_value(value)
        else:
            body[request_field.name] = value
    final_body: Any = body if body or operation.body_required else None
    if raw_body is not None:
        final_body, problem = _check_raw_body(operation, raw_body)
        if problem:
            errors[BODY_ERROR] = problem
    if errors:
        return Prepared(None, errors)
    path = PATH_PARAMETER.sub(
        lambda match: quote(path_values.get(match.group(1), ""), safe=""), operation.path
    )
    comma = frozenset(p.name for p in operation.query_parameters if p.comma_joined)
    ordered = tuple(path_values[name] for name in PATH_PARAMETER.findall(operation.path))
    return Prepared(PreparedRequest(operation, path, ordered, params, final_body, comma), {})


def curl_command(request: PreparedRequest, base_url: str) -> str:
    """The request as a ``curl`` command; the key is ``$WORKOS_API_KEY``, never its value."""
    url = base_url.rstrip("/") + request.path
    pairs = request.query_pairs()
    if pairs:
        url += "?" + urlencode(pairs)
    lines = [f"curl -X {request.method} {shlex.quote(url)}"]
    lines.append(f'  -H "Authorization: Bearer {KEY_PLACEHOLDER}"')
    if request.body is not None:
        lines.append("  -H 'Content-Type: application/json'")
        lines.append(f"  -d {shlex.quote(json.dumps(request.body, ensure_ascii=False))}")
    return " \\\n".join(lines)
