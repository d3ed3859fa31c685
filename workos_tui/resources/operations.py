"""Every operation of the WorkOS OpenAPI spec, as the API console and the coverage count see them.

``all_operations()`` reads the spec that ships with the package
(:data:`workos_tui.reference.SPEC_PATH`) into a list of :class:`Operation`: method, path, tag,
operation id, summary, parameters, request body schema (``$ref`` resolved) and whether the
method is destructive. Parsing the 1.4 MB of YAML takes most of a second, so the result is kept
as a compact JSON index in the user cache directory (``WORKOS_TUI_CACHE_DIR`` overrides it),
named by the spec's SHA-256: the next start reads it in a few milliseconds, and a changed spec
gets a new index. A cache that cannot be read or written is skipped, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from workos_tui.reference import SPEC_PATH

METHODS = ("get", "post", "put", "patch", "delete")
CACHE_DIR_ENV = "WORKOS_TUI_CACHE_DIR"
INDEX_VERSION = 1
MAX_REF_DEPTH = 8
DESTRUCTIVE_ACTIONS = frozenset({"revoke", "expire", "deactivate", "delete", "remove"})
"""A POST/PUT whose last path segment is one of these undoes something, like a DELETE."""

Location = Literal["path", "query", "header"]
Schema = dict[str, Any]


@dataclass(frozen=True)
class Parameter:
    """A path, query or header parameter."""

    name: str
    location: Location
    required: bool
    description: str = ""
    schema: Schema = field(default_factory=dict)
    comma_joined: bool = False
    """An array sent as one comma-joined value (``style: form, explode: false``)."""


@dataclass(frozen=True)
class BodyField:
    """A top-level property of a JSON request body."""

    name: str
    required: bool
    description: str = ""
    schema: Schema = field(default_factory=dict)


@dataclass(frozen=True)
class Operation:
    method: str
    """Upper case: ``GET``, ``POST``, ``PUT``, ``PATCH``, ``DELETE``."""
    path: str
    """The spec's path template, e.g. ``/organizations/{id}``."""
    tag: str
    operation_id: str
    summary: str
    description: str = ""
    parameters: tuple[Parameter, ...] = ()
    body_schema: Schema | None = None
    body_required: bool = False
    body_fields: tuple[BodyField, ...] = ()
    body_variants: bool = False
    """The body is one of several shapes (``oneOf``): the form shows the union of their fields."""

    @property
    def destructive(self) -> bool:
        """DELETE, or a POST/PUT that revokes, expires or deactivates something."""
        if self.method == "DELETE":
            return True
        last = self.path.rstrip("/").rsplit("/", 1)[-1]
        return self.method in ("POST", "PUT") and last in DESTRUCTIVE_ACTIONS

    @property
    def mutates(self) -> bool:
        return self.method not in ("GET", "HEAD")

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")

    @property
    def query_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "query")

    @property
    def is_list(self) -> bool:
        """A GET that pages with ``before``/``after``."""
        names = {p.name for p in self.query_parameters}
        return self.method == "GET" and {"before", "after"} <= names

    @property
    def title(self) -> str:
        return self.summary or self.operation_id

    def matches(self, query: str) -> bool:
        """Whether every word of ``query`` is in the id, summary, path, method or tag."""
        haystack = " ".join(
            (self.operation_id, self.summary, self.path, self.method, self.tag)
        ).lower()
        return all(word in haystack for word in query.lower().split())


# ------------------------------------------------------------------ reading the spec


def _resolver(components: Mapping[str, Any]) -> Any:
    def resolve(node: Any, seen: tuple[str, ...] = (), depth: int = 0) -> Any:
        if isinstance(node, list):
            return [resolve(item, seen, depth) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
            if name in seen or depth >= MAX_REF_DEPTH or name not in components:
                return {"$ref": ref, "title": name}  # recursion: left as a reference
            merged = {k: v for k, v in node.items() if k != "$ref"}
            target = resolve(components[name], (*seen, name), depth + 1)
            return {**target, **merged} if isinstance(target, dict) else target
        return {key: resolve(value, seen, depth) for key, value in node.items()}

    return resolve


def _object_parts(schema: Schema) -> Iterable[tuple[Schema, bool]]:
    """The object schemas a body is made of, each with whether its ``required`` list holds."""
    yield schema, True
    for part in schema.get("allOf", ()):
        if isinstance(part, dict):
            yield from _object_parts(part)
    for keyword in ("oneOf", "anyOf"):
        for part in schema.get(keyword, ()):
            if isinstance(part, dict):
                for inner, _ in _object_parts(part):
                    yield inner, False


def body_fields(schema: Schema) -> tuple[list[BodyField], bool]:
    """The top-level properties of a body schema (all of ``allOf``, the union of ``oneOf``)."""
    fields: dict[str, BodyField] = {}
    variants = bool(schema.get("oneOf") or schema.get("anyOf"))
    for part, binding in _object_parts(schema):
        required = set(part.get("required", ())) if binding else set()
        if part is not schema and (part.get("oneOf") or part.get("anyOf")):
            variants = True
        for name, prop in (part.get("properties") or {}).items():
            if not isinstance(prop, dict) or set(prop) <= {"x-exclude-from-lint"}:
                continue
            existing = fields.get(name)
            if existing is not None:
                if name in required and not existing.required:
                    fields[name] = BodyField(name, True, existing.description, existing.schema)
                continue
            fields[name] = BodyField(
                name, name in required, str(prop.get("description") or ""), prop
            )
    return list(fields.values()), variants


def _parameter(raw: Mapping[str, Any], resolve: Any) -> Parameter:
    schema = resolve(raw.get("schema") or {})
    location = raw.get("in", "query")
    return Parameter(
        name=str(raw["name"]),
        location=location if location in ("path", "query", "header") else "query",
        required=bool(raw.get("required", location == "path")),
        description=str(raw.get("description") or ""),
        schema=schema,
        comma_joined=schema.get("type") == "array" and raw.get("explode") is False,
    )


def build_operations(spec: Mapping[str, Any]) -> list[Operation]:
    """The operations of a parsed spec, in the spec's order."""
    resolve = _resolver(spec.get("components", {}).get("schemas", {}))
    operations: list[Operation] = []
    for path, item in spec.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            parameters = [_parameter(p, resolve) for p in (*shared, *op.get("parameters", []))]
            body = op.get("requestBody") or {}
            content: dict[str, Any] = body.get("content") or {}
            media: dict[str, Any] = content.get("application/json") or {}
            body_schema = resolve(media["schema"]) if media.get("schema") else None
            fields, variants = body_fields(body_schema) if body_schema else ([], False)
            operations.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    tag=(op.get("tags") or ["untagged"])[0],
                    operation_id=str(op.get("operationId") or f"{method} {path}"),
                    summary=str(op.get("summary") or ""),
                    description=str(op.get("description") or ""),
                    parameters=tuple(parameters),
                    body_schema=body_schema,
                    body_required=bool(body.get("required")),
                    body_fields=tuple(fields),
                    body_variants=variants,
                )
            )
    return operations


# ------------------------------------------------------------------ the cached index


def _to_json(operation: Operation) -> dict[str, Any]:
    return {
        "method": operation.method,
        "path": operation.path,
        "tag": operation.tag,
        "operation_id": operation.operation_id,
        "summary": operation.summary,
        "description": operation.description,
        "parameters": [
            [p.name, p.location, p.required, p.description, p.schema, p.comma_joined]
            for p in operation.parameters
        ],
        "body_schema": operation.body_schema,
        "body_required": operation.body_required,
        "body_fields": [
            [f.name, f.required, f.description, f.schema] for f in operation.body_fields
        ],
        "body_variants": operation.body_variants,
    }


def _from_json(data: Mapping[str, Any]) -> Operation:
    return Operation(
        method=data["method"],
        path=data["path"],
        tag=data["tag"],
        operation_id=data["operation_id"],
        summary=data["summary"],
        description=data["description"],
        parameters=tuple(Parameter(*row) for row in data["parameters"]),
        body_schema=data["body_schema"],
        body_required=data["body_required"],
        body_fields=tuple(BodyField(*row) for row in data["body_fields"]),
        body_variants=data["body_variants"],
    )


def cache_dir() -> Path:
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("workos-tui"))


def index_path(spec_bytes: bytes, directory: Path) -> Path:
    digest = hashlib.sha256(spec_bytes).hexdigest()[:20]
    return directory / f"operations-v{INDEX_VERSION}-{digest}.json"


def _parse_yaml(spec_bytes: bytes) -> Mapping[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spec: Mapping[str, Any] = yaml.load(spec_bytes, Loader=loader)  # a safe loader
    return spec


def load_operations(
    spec_path: Path = SPEC_PATH, *, directory: Path | None = None, use_cache: bool = True
) -> list[Operation]:
    """The spec's operations, from the cached index when there is one for this spec."""
    spec_bytes = spec_path.read_bytes()
    target = index_path(spec_bytes, directory or cache_dir()) if use_cache else None
    if target is not None:
        try:
            rows = json.loads(target.read_text(encoding="utf-8"))
            return [_from_json(row) for row in rows]
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no index yet, or a damaged one: build it again
    operations = build_operations(_parse_yaml(spec_bytes))
    if target is not None:
        _write_index(target, [_to_json(op) for op in operations])
    return operations


def _write_index(target: Path, rows: list[dict[str, Any]]) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(rows, out, separators=(",", ":"))
        os.replace(temporary, target)
    except OSError:
        pass  # a read-only cache directory only costs the next start the YAML parse


@cache
def all_operations() -> list[Operation]:
    """Every operation of the shipped spec (212), in the spec's order; read once per process."""
    return load_operations()


def operations_by_tag(operations: Iterable[Operation]) -> dict[str, list[Operation]]:
    """Operations grouped by spec tag, tags in alphabetical order."""
    grouped: dict[str, list[Operation]] = {}
    for operation in operations:
        grouped.setdefault(operation.tag, []).append(operation)
    return {tag: grouped[tag] for tag in sorted(grouped)}


PATH_PARAMETER = re.compile(r"\{([^}]+)\}")
