"""Form descriptions derived from the service layer's input models (``*Create`` / ``*Update``).

The UI renders a :class:`FieldSpec` per model field, reads the user's text back through
:func:`parse_form` (pydantic validates before anything is sent) and shows :func:`diff_changes`
before saving.
"""

from __future__ import annotations

import json
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, SecretStr
from pydantic import ValidationError as PydanticValidationError
from pydantic.fields import FieldInfo
from pydantic_core import to_jsonable_python

from workos_tui.api.models.common import DOCUMENT_MAX_LENGTH, TEXT_MAX_LENGTH, Picks

FieldKind = Literal["text", "secret", "integer", "number", "bool", "choice", "list", "json"]
RawValue = str | bool


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: FieldKind
    required: bool
    description: str = ""
    choices: tuple[str, ...] = ()
    default: Any = None
    max_length: int = TEXT_MAX_LENGTH
    """The longest input accepted, in characters (the model's bound, else a generous one)."""
    min_length: int = 0
    empty: Any = None
    """What an emptied field sends in an edit: ``[]`` for a list; ``None`` (leave unchanged,
    or ``null`` where the model lists the field as clearable) otherwise."""
    picks: Picks | None = None
    """The field names an object of another area: the form offers a picker over it."""

    def to_text(self, value: Any) -> RawValue:
        """The text (or bool) a form widget shows for a current value."""
        if self.kind == "bool":
            return bool(value)
        if value is None:
            return ""
        if isinstance(value, SecretStr):
            return ""
        if isinstance(value, Enum):
            return str(value.value)
        if self.kind == "list" and isinstance(value, Sequence) and not isinstance(value, str):
            return ", ".join(_element_text(v) for v in value)
        if self.kind == "json":
            return json.dumps(plain_json(value), ensure_ascii=False)
        return str(value)

    def parse(self, raw: RawValue) -> Any:
        """The Python value for the raw input; ``None`` means "leave unset"."""
        if self.kind == "bool":
            return bool(raw)
        text = str(raw).strip()
        if text == "":
            return None
        if len(text) > self.max_length:
            raise ValueError(f"too long: {len(text):,} characters (at most {self.max_length:,})")
        if self.kind == "list":
            return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]
        if self.kind == "json":
            try:
                return json.loads(text)
            except json.JSONDecodeError as error:
                raise ValueError(f"not valid JSON: {error.msg}") from error
        return text


def plain_json(value: Any) -> Any:
    """JSON-ready data for any value a record holds: models (nested in lists and mappings too),
    enums, dates. The form shows it as the API takes it (aliases, ``mode="json"``)."""
    return to_jsonable_python(value, by_alias=True)


def _element_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    data = plain_json(value)
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    origin = get_origin(annotation)
    if origin is Union or origin is types.UnionType:
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        optional = len(args) != len(get_args(annotation))
        if len(args) == 1:
            return args[0], optional
        return annotation, optional
    return annotation, False


def _kind_of(annotation: Any) -> tuple[FieldKind, tuple[str, ...]]:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _kind_of(get_args(annotation)[0])
    if origin is Literal:
        return "choice", tuple(str(arg) for arg in get_args(annotation))
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return "bool", ()
        if issubclass(annotation, Enum):
            return "choice", tuple(str(member.value) for member in annotation)
        if issubclass(annotation, SecretStr):
            return "secret", ()
        if issubclass(annotation, int):
            return "integer", ()
        if issubclass(annotation, float):
            return "number", ()
        if issubclass(annotation, str):
            return "text", ()
        if issubclass(annotation, BaseModel):
            return "json", ()
    if origin in (list, tuple, set, frozenset, Sequence):
        args = get_args(annotation)
        element = _unwrap_optional(args[0])[0] if args else str
        if element is str or get_origin(element) is Literal:
            return "list", ()
        return "json", ()
    if origin in (dict, Mapping):
        return "json", ()
    if origin is Union or origin is types.UnionType:
        return "json", ()
    return "text", ()


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _constraint(info: FieldInfo, annotation: Any, attribute: str) -> int | None:
    """A length bound declared on the field or inside its (optional) annotated type."""
    sources = list(info.metadata)
    if get_origin(annotation) is Annotated:
        sources.extend(get_args(annotation)[1:])
    for source in sources:
        value = getattr(source, attribute, None)
        if isinstance(value, int):
            return value
    return None


def _picks(info: FieldInfo, annotation: Any) -> Picks | None:
    """The :class:`Picks` marker of a field (``OrganizationRef`` and the like), if any."""
    sources = list(info.metadata)
    if get_origin(annotation) is Annotated:
        sources.extend(get_args(annotation)[1:])
    return next((source for source in sources if isinstance(source, Picks)), None)


def _is_list(annotation: Any) -> bool:
    if get_origin(annotation) is Annotated:
        return _is_list(get_args(annotation)[0])
    return get_origin(annotation) in (list, tuple, set, frozenset, Sequence)


def form_fields(model: type[BaseModel]) -> list[FieldSpec]:
    """One :class:`FieldSpec` per field of an input model, in declaration order."""
    specs: list[FieldSpec] = []
    for name, info in model.model_fields.items():
        annotation, optional = _unwrap_optional(info.annotation)
        kind, choices = _kind_of(annotation)
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        textual = kind in ("text", "secret", "integer", "number")
        declared_max = _constraint(info, annotation, "max_length") if textual else None
        # lists, JSON (metadata's 50 keys of 600 characters) and secrets (keys, certificates)
        # get the document bound; other text the free-text one
        bound = TEXT_MAX_LENGTH if kind in ("text", "integer", "number") else DOCUMENT_MAX_LENGTH
        specs.append(
            FieldSpec(
                name=name,
                label=info.title or _label(name),
                kind=kind,
                required=info.is_required() and not optional,
                description=info.description or "",
                choices=choices,
                default=default,
                max_length=declared_max or bound,
                min_length=(_constraint(info, annotation, "min_length") or 0) if textual else 0,
                empty=[] if _is_list(annotation) else None,
                picks=_picks(info, annotation),
            )
        )
    return specs


@dataclass(frozen=True)
class FormResult:
    """A validated input model, or the per-field errors that stopped it."""

    model: BaseModel | None
    errors: dict[str, str]
    data: dict[str, Any]


def collect_values(
    model: type[BaseModel],
    raw: Mapping[str, RawValue],
    *,
    only: set[str] | None = None,
    cleared: set[str] | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """The typed values of the form's fields (``only`` those), and per-field errors.

    ``cleared`` names fields the user emptied in an edit form: a list becomes ``[]``, a field
    the model may clear (``clearable_fields``) is sent as ``null``, a field that must have a
    value is an error, and any other is an error that says the API cannot clear it.
    """
    data: dict[str, Any] = {}
    errors: dict[str, str] = {}
    clearable: frozenset[str] = getattr(model, "clearable_fields", frozenset())
    for spec in form_fields(model):
        if spec.name not in raw or (only is not None and spec.name not in only):
            continue
        try:
            value = spec.parse(raw[spec.name])
        except ValueError as error:
            errors[spec.name] = str(error)
            continue
        if value is None and spec.kind != "bool":
            if spec.required:
                errors[spec.name] = "required"
            elif cleared is not None and spec.name in cleared:
                _clear(spec, clearable, data, errors)
            continue
        data[spec.name] = value
    return data, errors


def _clear(
    spec: FieldSpec, clearable: frozenset[str], data: dict[str, Any], errors: dict[str, str]
) -> None:
    if spec.min_length > 0:
        errors[spec.name] = "required: it cannot be empty"
    elif spec.name in clearable:
        data[spec.name] = None
    elif spec.empty is not None:
        data[spec.name] = spec.empty
    else:
        errors[spec.name] = "the API cannot clear this field: enter a value, or undo the change"


def emptied_fields(
    specs: Sequence[FieldSpec], initial: Mapping[str, RawValue], raw: Mapping[str, RawValue]
) -> set[str]:
    """Fields that had a value when the form opened and are empty now."""
    return {
        spec.name
        for spec in specs
        if spec.kind != "bool"
        and str(initial.get(spec.name, "")).strip()
        and not str(raw.get(spec.name, "")).strip()
    }


def parse_form(
    model: type[BaseModel],
    raw: Mapping[str, RawValue],
    *,
    only: set[str] | None = None,
    cleared: set[str] | None = None,
) -> FormResult:
    """Validate the form's raw values with the model; ``only`` limits to changed fields,
    ``cleared`` names those emptied in an edit (see :func:`collect_values`)."""
    data, errors = collect_values(model, raw, only=only, cleared=cleared)
    if errors:
        return FormResult(None, errors, data)
    try:
        instance = model.model_validate(data)
    except PydanticValidationError as error:
        for detail in error.errors():
            location = detail.get("loc") or ("",)
            name = str(location[0]) if location else ""
            errors.setdefault(name or "__form__", str(detail.get("msg", "invalid")))
        return FormResult(None, errors, data)
    return FormResult(instance, {}, data)


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


def changed_fields(
    specs: Sequence[FieldSpec], initial: Mapping[str, RawValue], raw: Mapping[str, RawValue]
) -> set[str]:
    """The fields whose input differs from what the form was opened with."""
    changed: set[str] = set()
    for spec in specs:
        before = initial.get(spec.name, False if spec.kind == "bool" else "")
        after = raw.get(spec.name, before)
        if spec.kind == "bool":
            if bool(before) != bool(after):
                changed.add(spec.name)
        elif str(before).strip() != str(after).strip():
            changed.add(spec.name)
    return changed


def diff_changes(
    specs: Sequence[FieldSpec],
    initial: Mapping[str, RawValue],
    raw: Mapping[str, RawValue],
    *,
    fields: set[str] | None = None,
    editing: bool = False,
) -> list[Change]:
    """Old → new for each changed field (secrets shown masked; in an edit, a secret's current
    value is never in the form, so it reads "(current value, hidden)", not "(empty)")."""
    names = fields if fields is not None else changed_fields(specs, initial, raw)
    changes: list[Change] = []
    for spec in specs:
        if spec.name not in names:
            continue

        def show(value: RawValue, spec: FieldSpec = spec) -> str:
            if spec.kind == "secret":
                return "••••••" if str(value) else "(empty)"
            text = str(value).strip() if not isinstance(value, bool) else str(value).lower()
            return text or "(empty)"

        before = initial.get(spec.name, False if spec.kind == "bool" else "")
        after = raw.get(spec.name, before)
        shown_before = show(before)
        if editing and spec.kind == "secret" and not str(before):
            shown_before = "(current value, hidden)"
        changes.append(Change(spec.name, shown_before, show(after)))
    return changes


def server_field_errors(
    model: type[BaseModel],
    fields: Mapping[str, str],
    *,
    code: str | None = None,
    message: str = "",
) -> dict[str, str]:
    """A failed save's errors on the form's fields.

    ``fields`` are the server's per-field messages (``domain_data.0.domain`` counts for
    ``domain_data``). A model may name, in a ``server_error_fields`` mapping, the form field a
    request field or an error code belongs to (its form shows ``domains`` for ``domain_data``).
    """
    aliases: Mapping[str, str] = getattr(model, "server_error_fields", {})
    names = set(model.model_fields)
    result: dict[str, str] = {}
    for key, text in fields.items():
        head = key.split(".")[0].split("[")[0]
        target = aliases.get(head, head)
        if target in names:
            result.setdefault(target, text)
    if code and aliases.get(code) in names and message:
        result.setdefault(aliases[code], message)
    return result
