"""Base classes for response models (permissive) and input models (strict, form-friendly).

Response models keep fields WorkOS adds later (``extra="allow"``) and the JSON exactly as it came
(:attr:`WorkOSModel.raw`, with secret-bearing fields masked). Enumerations are typed
``Literal[...] | str`` so an unknown value is kept as a string instead of raising.

Input models (``*Create`` / ``*Update``) forbid unknown fields, carry a human description and the
spec's constraints on every field (the UI builds forms from them), and serialise with
:meth:`InputModel.to_body`.

Both build their validators on first use (``defer_build``), not at import: an area's module
defines many models, and a session uses few of them (the first list needs two). Fields
(``model_fields``) are known at import either way.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    ModelWrapValidatorHandler,
    PrivateAttr,
    SecretStr,
    model_validator,
)

MASK = "**********"


def empty_list() -> list[Any]:
    """A new empty list: the default factory of list fields.

    Not ``list`` itself: pydantic reads a default factory's signature when it builds the model,
    and the first builtin it reads that way costs milliseconds (``inspect`` tokenises the
    builtin's text signature); a plain function's signature is cheap.
    """
    return []


def _mentions_secret(annotation: Any) -> bool:
    return annotation is SecretStr or any(_mentions_secret(arg) for arg in get_args(annotation))


def _shown(value: Any) -> Any:
    if isinstance(value, WorkOSModel):
        return value.raw
    if isinstance(value, list):
        return [_shown(item) for item in value]
    return value


class WorkOSModel(BaseModel):
    """A WorkOS object as the API returned it."""

    model_config = ConfigDict(
        extra="allow", populate_by_name=True, protected_namespaces=(), defer_build=True
    )

    secret_fields: ClassVar[frozenset[str]] = frozenset()
    _raw: dict[str, Any] | None = PrivateAttr(default=None)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.secret_fields = frozenset(
            name for name, info in cls.model_fields.items() if _mentions_secret(info.annotation)
        )

    @model_validator(mode="wrap")
    @classmethod
    def _remember_raw(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        model = handler(data)
        if isinstance(data, dict):
            model._raw = data
        return model

    @property
    def raw(self) -> dict[str, Any]:
        """The JSON object as received, with secret-bearing fields masked."""
        shown = dict(self._raw) if self._raw is not None else self.model_dump(mode="json")
        for name, info in type(self).model_fields.items():
            key = info.alias or name
            if key not in shown:
                continue
            if name in self.secret_fields:
                shown[key] = None if shown[key] is None else MASK
            else:
                value = getattr(self, name)
                if isinstance(value, WorkOSModel | list):
                    shown[key] = _shown(value)
        return shown

    @property
    def extra_fields(self) -> dict[str, Any]:
        """Fields this version of the console does not know (yet)."""
        return dict(self.model_extra or {})


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
