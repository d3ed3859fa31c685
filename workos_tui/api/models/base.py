"""Base classes for response models (permissive) and input models (strict, form-friendly).

Response models keep fields WorkOS adds later (``extra="allow"``) and the JSON exactly as it came
(:attr:`WorkOSModel.raw`, with secret-bearing fields masked). Enumerations are typed
``Literal[...] | str`` so an unknown value is kept as a string instead of raising.

An object that does not fit its model at all (a field of the wrong type: a server drifting from
the spec) does not have to be an error: :meth:`WorkOSModel.parse_tolerant` returns an *unparsed
item*, an instance of the model built from the JSON as it is, unvalidated, whose
:attr:`~WorkOSModel.shape_issues` name the fields that did not fit. Lists use it so that one odd
item does not cost the whole page.

Input models (``*Create`` / ``*Update``) forbid unknown fields, carry a human description and the
spec's constraints on every field (the UI builds forms from them), and serialise with
:meth:`InputModel.to_body`.

Both build their validators on first use (``defer_build``), not at import: an area's module
defines many models, and a session uses few of them (the first list needs two). Fields
(``model_fields``) are known at import either way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self, cast, get_args

import pydantic
from pydantic import BaseModel, ConfigDict, SecretStr

MASK = "**********"
MAX_SHAPE_ISSUES = 5

_RAW = "_raw"
_SHAPE = "_shape"


def empty_list() -> list[Any]:
    """A new empty list: the default factory of list fields.

    Not ``list`` itself: pydantic reads a default factory's signature when it builds the model,
    and the first builtin it reads that way costs milliseconds (``inspect`` tokenises the
    builtin's text signature); a plain function's signature is cheap.
    """
    return []


def _mentions_secret(annotation: Any) -> bool:
    return annotation is SecretStr or any(_mentions_secret(arg) for arg in get_args(annotation))


def _nested_models(annotation: Any) -> tuple[type[WorkOSModel], ...]:
    """The response models an annotation can hold (directly, in a list, optional or a union)."""
    if isinstance(annotation, type) and issubclass(annotation, WorkOSModel):
        return (annotation,)
    found: list[type[WorkOSModel]] = []
    for arg in get_args(annotation):
        found.extend(model for model in _nested_models(arg) if model not in found)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class ShapeIssue:
    """One place where an object did not fit its model: ``domains[0].state`` and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _step(path: str, key: str) -> str:
    """``path.key``; a key that is not a plain name (it came from the server) is quoted JSON."""
    if key.isidentifier() and key.isascii():
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key)}]"


def shape_issues(exc: pydantic.ValidationError, data: Any) -> tuple[ShapeIssue, ...]:
    """The first few places ``data`` did not fit, as JSON paths (``domains[0].state``).

    A path follows the JSON itself: the steps pydantic adds for a union's members
    (``literal[…]``, ``str``) are not keys of the data and are left out.
    """
    shown: dict[str, ShapeIssue] = {}
    for issue in exc.errors(include_url=False, include_input=False, include_context=False):
        path, node = "", data
        for part in issue["loc"]:
            if isinstance(part, int) and isinstance(node, list) and -len(node) <= part < len(node):
                path, node = f"{path}[{part}]", node[part]
            elif isinstance(part, str) and isinstance(node, dict) and part in node:
                path, node = _step(path, part), node[part]
            elif isinstance(part, str) and isinstance(node, dict) and issue["type"] == "missing":
                path, node = _step(path, part), None
        path = path or "(object)"
        if path not in shown:
            shown[path] = ShapeIssue(path, issue["msg"])
        if len(shown) == MAX_SHAPE_ISSUES:
            break
    return tuple(shown.values())


_LIST_VALIDATORS: dict[type[Any], Callable[[Any], Any]] = {}
"""A list-of-model validator per response model, built on first use."""


class WorkOSModel(BaseModel):
    """A WorkOS object as the API returned it."""

    model_config = ConfigDict(
        extra="allow", populate_by_name=True, protected_namespaces=(), defer_build=True
    )

    secret_fields: ClassVar[frozenset[str]] = frozenset()
    _mask_plan: ClassVar[dict[str, tuple[type[WorkOSModel], ...]] | None] = None

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.secret_fields = frozenset(
            name for name, info in cls.model_fields.items() if _mentions_secret(info.annotation)
        )
        cls._mask_plan = None

    # The JSON an instance came from rides in pydantic's per-instance private slot: a declared
    # private attribute (or a wrap validator) would cost every validation, nested ones included.

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """Validate ``obj``; the JSON object is kept as received (see :attr:`raw`)."""
        model = super().model_validate(obj, **options)
        if isinstance(obj, dict):
            _remember(model, {_RAW: obj})
        return model

    @classmethod
    def parse_tolerant(cls, data: Any) -> Self:
        """``data`` as this model, or an unparsed item when it does not fit (never raises)."""
        return cls.tolerant_parser()(data)

    @classmethod
    def tolerant_parser(cls) -> Callable[[Any], Self]:
        """:meth:`parse_tolerant` as a function for many items (a page's): lookups done once."""
        if not cls.__pydantic_complete__:
            cls.model_rebuild()  # builds the validator on first use (``defer_build``)
        validate = cls.__pydantic_validator__.validate_python
        error = pydantic.ValidationError
        set_private = object.__setattr__

        def parse(data: Any) -> WorkOSModel:
            try:
                model: WorkOSModel = validate(data)
            except error as exc:
                return cls.unparsed(data, shape_issues(exc, data))
            if type(data) is dict:
                set_private(model, "__pydantic_private__", {_RAW: data})
            return model

        return cast(Callable[[Any], Self], parse)

    @classmethod
    def tolerant_list_parser(cls) -> Callable[[list[Any]], list[Self]]:
        """:meth:`tolerant_parser` for a whole list (a page read through): one validator call
        for the list, item by item only when some item does not fit."""
        parse_one = cls.tolerant_parser()  # builds the model's own validator first
        validate = _LIST_VALIDATORS.get(cls)
        if validate is None:
            validate = pydantic.TypeAdapter(list[cls]).validate_python  # type: ignore[valid-type]
            _LIST_VALIDATORS[cls] = validate
        error = pydantic.ValidationError
        set_private = object.__setattr__

        def parse(items: list[Any]) -> list[WorkOSModel]:
            try:
                models: list[WorkOSModel] = validate(items)
            except error:
                return [parse_one(item) for item in items]
            for model, data in zip(models, items, strict=True):
                if type(data) is dict:
                    set_private(model, "__pydantic_private__", {_RAW: data})
            return models

        return cast(Callable[[list[Any]], list[Self]], parse)

    @classmethod
    def unparsed(cls, data: Any, issues: tuple[ShapeIssue, ...]) -> Self:
        """An unparsed item: the JSON as this model's instance, unvalidated, with its issues.

        Its fields hold the JSON values as they came (nested objects stay dicts); read it through
        :attr:`raw` unless :attr:`shape_issues` is empty.
        """
        raw = data if isinstance(data, dict) else {"value": data}
        fields = {
            name: raw[key]
            for name, info in cls.model_fields.items()
            if (key := info.alias or name) in raw
        }
        model = cast(Self, cls.model_construct(None, **fields))
        _remember(model, {_RAW: raw, _SHAPE: issues})
        return model

    @property
    def shape_issues(self) -> tuple[ShapeIssue, ...]:
        """Why this object did not fit its model; empty for an ordinary, validated object."""
        private = self.__pydantic_private__
        issues: tuple[ShapeIssue, ...] = private.get(_SHAPE, ()) if private else ()
        return issues

    @property
    def raw(self) -> dict[str, Any]:
        """The JSON object as received, with secret-bearing fields masked."""
        private = self.__pydantic_private__
        data = private.get(_RAW) if private else None
        if data is None:
            data = self.model_dump(mode="json", by_alias=True)
        return masked_json(type(self), data)

    @property
    def extra_fields(self) -> dict[str, Any]:
        """Fields this version of the console does not know (yet)."""
        return dict(self.model_extra or {})

    @classmethod
    def _secrets_and_nested(cls) -> dict[str, tuple[type[WorkOSModel], ...]]:
        """JSON key → the models nested under it; secret keys map to an empty tuple."""
        plan = cls.__dict__.get("_mask_plan")
        if plan is None:
            plan = {}
            for name, info in cls.model_fields.items():
                key = info.alias or name
                if name in cls.secret_fields:
                    plan[key] = ()
                elif nested := _nested_models(info.annotation):
                    plan[key] = nested
            cls._mask_plan = plan
        return plan


def _remember(model: BaseModel, values: dict[str, Any]) -> None:
    private = model.__pydantic_private__
    if private is None:
        object.__setattr__(model, "__pydantic_private__", values)
    else:
        private.update(values)


def masked_json(model: type[WorkOSModel], data: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON object of ``model`` with its secret-bearing fields masked, nested objects too.

    Works on the JSON alone (no model is built): exports stream rows through it.
    """
    shown = dict(data)
    for key, nested in model._secrets_and_nested().items():
        value = shown.get(key)
        if value is None:
            continue
        if not nested:
            shown[key] = MASK
        elif isinstance(value, Mapping):
            shown[key] = _masked_nested(nested, value)
        elif isinstance(value, list):
            shown[key] = [
                _masked_nested(nested, element) if isinstance(element, Mapping) else element
                for element in value
            ]
    return shown


def _masked_nested(models: tuple[type[WorkOSModel], ...], data: Mapping[str, Any]) -> Any:
    shown: dict[str, Any] = dict(data)
    for model in models:  # a union of models: what is secret in any of them is masked
        shown = masked_json(model, shown)
    return shown


class InputModel(BaseModel):
    """The body of a create or update request.

    ``None`` means "leave unchanged" and is not sent, except for the fields named in
    ``clearable_fields`` (the spec lets them be ``null``): set explicitly to ``None`` they are
    sent as ``null``, which clears them.
    """

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, populate_by_name=True, defer_build=True
    )

    clearable_fields: ClassVar[frozenset[str]] = frozenset()

    def to_body(self) -> dict[str, Any]:
        """The JSON body: unset/``None`` fields left out, secrets revealed for sending only."""
        body = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            key = info.alias or name
            if isinstance(value, SecretStr):
                body[key] = value.get_secret_value()
            elif value is None and name in self.clearable_fields and name in self.model_fields_set:
                body[key] = None
        return body
