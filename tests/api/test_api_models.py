"""Models: forward compatible responses, secrets kept out of repr, form-ready inputs."""

from __future__ import annotations

import importlib
import inspect
import types
import typing
from typing import Any

import pydantic
import pytest
from pydantic import SecretStr

from workos_tui.api.models import (
    Connection,
    DataKey,
    Invitation,
    InvitationSend,
    Organization,
    OrganizationMembershipCreate,
    OrganizationUpdate,
    PasswordReset,
    UserCreate,
    VaultObject,
    VaultObjectCreate,
)
from workos_tui.api.models.base import MASK, InputModel, WorkOSModel

MODEL_MODULES = [
    "common",
    "organizations",
    "users",
    "memberships",
    "invitations",
    "sso",
    "directories",
    "events",
    "vault",
    "authorization",
    "groups",
    "connect",
    "pipes",
    "authentication",
    "agents",
    "client_tokens",
]

ORGANIZATION: dict[str, Any] = {
    "object": "organization",
    "id": "org_1",
    "name": "Acme",
    "domains": [
        {
            "object": "organization_domain",
            "id": "org_domain_1",
            "domain": "acme.example",
            "state": "quantum_verified",
            "brand_new": {"nested": True},
        }
    ],
    "metadata": {},
    "external_id": None,
    "created_at": "2025-01-01T00:00:00.000Z",
    "updated_at": "2025-01-01T00:00:00.000Z",
    "field_added_tomorrow": [1, 2, 3],
}


def _all_models(base: type[pydantic.BaseModel]) -> list[type[pydantic.BaseModel]]:
    found: list[type[pydantic.BaseModel]] = []
    for name in MODEL_MODULES:
        module = importlib.import_module(f"workos_tui.api.models.{name}")
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, base)
                and value is not base
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return found


def _union_members(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def test_unknown_fields_and_enum_values_are_kept() -> None:
    org = Organization.model_validate(ORGANIZATION)
    assert org.model_extra == {"field_added_tomorrow": [1, 2, 3]}
    assert org.domains[0].state == "quantum_verified"
    assert org.domains[0].extra_fields == {"brand_new": {"nested": True}}
    assert org.raw == ORGANIZATION


def test_long_enums_accept_unknown_values() -> None:
    connection = Connection.model_validate(
        {
            "object": "connection",
            "id": "conn_1",
            "connection_type": "TomorrowSAML",
            "name": "x",
            "state": "hibernating",
            "status": "linked",
            "domains": [],
            "created_at": "t",
            "updated_at": "t",
        }
    )
    assert connection.connection_type == "TomorrowSAML" and connection.state == "hibernating"


@pytest.mark.parametrize(
    ("model", "data", "secret"),
    [
        (
            VaultObject,
            {"id": "o", "name": "n", "value": "plain-secret", "metadata": {"id": "o"}},
            "plain-secret",
        ),
        (DataKey, {"id": "k", "data_key": "a2V5LWJ5dGVz"}, "a2V5LWJ5dGVz"),
        (
            PasswordReset,
            {
                "id": "pr",
                "user_id": "u",
                "email": "e@x.io",
                "password_reset_token": "tok-123",
                "password_reset_url": "https://x/reset?token=tok-123",
                "expires_at": "t",
                "created_at": "t",
            },
            "tok-123",
        ),
        (
            Invitation,
            {
                "id": "inv",
                "email": "e@x.io",
                "state": "pending",
                "token": "inv-tok-9",
                "accept_invitation_url": "https://x/accept?t=inv-tok-9",
                "created_at": "t",
                "updated_at": "t",
            },
            "inv-tok-9",
        ),
    ],
)
def test_secrets_never_show_in_repr_str_dump_or_raw(
    model: type[WorkOSModel], data: dict[str, Any], secret: str
) -> None:
    parsed = model.model_validate(data)
    for text in (repr(parsed), str(parsed), str(parsed.model_dump()), str(parsed.raw)):
        assert secret not in text
    assert MASK in str(parsed.raw)


def test_every_input_field_has_a_description_and_a_simple_type() -> None:
    simple = {str, bool, int, SecretStr, list, dict, type(None), typing.Literal}
    inputs = _all_models(InputModel)
    assert len(inputs) >= 15
    for model in inputs:
        for name, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{name} has no description"
            for part in _union_members(info.annotation):
                if typing.get_origin(part) is typing.Annotated:  # a constrained simple type
                    part = typing.get_args(part)[0]
                origin = typing.get_origin(part) or part
                is_nested_input = inspect.isclass(origin) and issubclass(origin, InputModel)
                assert origin in simple or is_nested_input, f"{model.__name__}.{name}: {part}"


def test_input_models_check_spec_constraints() -> None:
    with pytest.raises(pydantic.ValidationError):
        InvitationSend(email="a@b.io", expires_in_days=31)
    with pytest.raises(pydantic.ValidationError):
        VaultObjectCreate(name="n", value=SecretStr("v"), key_context={})
    with pytest.raises(pydantic.ValidationError):
        UserCreate(email="a@b.io", external_id="é" * 3)
    with pytest.raises(pydantic.ValidationError):
        UserCreate(email="a@b.io", password=SecretStr("p"), password_hash=SecretStr("h"))
    with pytest.raises(pydantic.ValidationError):
        OrganizationMembershipCreate(
            user_id="u", organization_id="o", role_slug="a", role_slugs=["b"]
        )
    with pytest.raises(pydantic.ValidationError):
        InvitationSend(email="a@b.io", unknown_field=1)  # type: ignore[call-arg]


def test_input_bodies_leave_out_unset_fields_and_reveal_secrets_only_there() -> None:
    user = UserCreate(email="a@b.io", password=SecretStr("hunter2"))
    assert user.to_body() == {"email": "a@b.io", "password": "hunter2"}
    assert "hunter2" not in repr(user)
    vault_object = VaultObjectCreate(name="n", value=SecretStr("v"), key_context={"k": "v"})
    assert vault_object.to_body() == {"name": "n", "value": "v", "key_context": {"k": "v"}}


def test_update_bodies_send_null_only_for_explicitly_cleared_nullable_fields() -> None:
    assert OrganizationUpdate(name="x").to_body() == {"name": "x"}
    cleared = OrganizationUpdate(external_id=None, name=None)
    assert cleared.to_body() == {"external_id": None}
