"""The generic form machinery: prefill of nested models, emptied fields, and input bounds."""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest
import yaml

from workos_tui.api.models.authkit import JwtTemplateUpdate
from workos_tui.api.models.common import (
    DOCUMENT_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
    NAME_MAX_LENGTH,
    TEXT_MAX_LENGTH,
)
from workos_tui.api.models.connect import (
    ConnectApplication,
    ConnectApplicationUpdate,
    ConnectRedirectUri,
)
from workos_tui.api.models.invitations import InvitationSend
from workos_tui.api.models.organizations import OrganizationCreate, OrganizationUpdate
from workos_tui.api.models.users import UserCreate, UserUpdate
from workos_tui.api.models.vault import VaultObjectCreate, VaultObjectUpdate
from workos_tui.reference import SPEC_PATH
from workos_tui.resources.forms import emptied_fields, form_fields, parse_form
from workos_tui.resources.organization_forms import (
    OrganizationCreateForm,
    OrganizationUpdateForm,
)


def spec_of(model: type[Any]) -> dict[str, Any]:
    return {spec.name: spec for spec in form_fields(model)}


def test_nested_models_prefill_as_json_that_validates_back() -> None:
    app = ConnectApplication(
        id="conn_app_1",
        client_id="client_1",
        name="Partner Analytics",
        application_type="oauth",
        redirect_uris=[
            ConnectRedirectUri(uri="https://a.example/cb", default=True),
            ConnectRedirectUri(uri="http://localhost:3000/cb"),
        ],
        created_at="2024-01-01T00:00:00.000Z",
        updated_at="2024-01-01T00:00:00.000Z",
    )
    field = spec_of(ConnectApplicationUpdate)["redirect_uris"]
    text = field.to_text(app.redirect_uris)
    assert isinstance(text, str)
    assert json.loads(text) == [
        {"uri": "https://a.example/cb", "default": True},
        {"uri": "http://localhost:3000/cb", "default": False},
    ]
    result = parse_form(ConnectApplicationUpdate, {"redirect_uris": text})
    assert result.errors == {}
    assert result.model is not None
    assert result.model.model_dump(exclude_none=True)["redirect_uris"][1]["default"] is False


def _edit(model: type[Any], initial: dict[str, str], raw: dict[str, str]) -> Any:
    specs = form_fields(model)
    return parse_form(model, raw, only=set(raw), cleared=emptied_fields(specs, initial, raw))


def test_an_emptied_required_field_is_an_error() -> None:
    result = _edit(OrganizationUpdateForm, {"name": "Nakatomi Trading"}, {"name": ""})
    assert result.model is None
    assert "cannot be empty" in result.errors["name"]


def test_an_emptied_clearable_field_is_sent_as_null() -> None:
    result = _edit(OrganizationUpdateForm, {"external_id": "crm-1"}, {"external_id": ""})
    assert result.errors == {}
    body = result.model.to_update(None).to_body()
    assert body == {"external_id": None}
    user = _edit(UserUpdate, {"locale": "en-US"}, {"locale": ""})
    assert user.model.to_body() == {"locale": None}


def test_an_emptied_list_is_sent_empty_and_other_fields_are_explained() -> None:
    scopes = _edit(ConnectApplicationUpdate, {"scopes": "read, write"}, {"scopes": ""})
    assert scopes.model.to_body() == {"scopes": []}
    stripe = _edit(OrganizationUpdate, {"stripe_customer_id": "cus_1"}, {"stripe_customer_id": ""})
    assert stripe.model is None
    assert "cannot clear" in stripe.errors["stripe_customer_id"]


@pytest.mark.parametrize(
    ("model", "raw", "field"),
    [
        (OrganizationCreateForm, {"name": "N" * 100_000}, "name"),
        (OrganizationCreate, {"name": "N" * (NAME_MAX_LENGTH + 1)}, "name"),
        (UserCreate, {"email": "a" * 300 + "@example.com"}, "email"),
        (UserCreate, {"email": "a@" + "b" * 64 + ".example"}, "email"),
        (UserCreate, {"email": "ada@example.com", "first_name": "F" * 100_000}, "first_name"),
        (InvitationSend, {"email": "not an email"}, "email"),
        (VaultObjectCreate, {"name": "v" * 201, "value": "x"}, "name"),
        (ConnectApplicationUpdate, {"description": "d" * (TEXT_MAX_LENGTH + 1)}, "description"),
    ],
)
def test_over_long_or_malformed_input_is_a_field_error(
    model: type[Any], raw: dict[str, str], field: str
) -> None:
    result = parse_form(model, raw)
    assert result.model is None
    assert field in result.errors


def test_documents_and_secrets_may_be_long_but_not_unbounded() -> None:
    certificate = "-----BEGIN CERTIFICATE-----" + "A" * 10_000
    vault = parse_form(VaultObjectUpdate, {"value": certificate})
    assert vault.errors == {}
    template = parse_form(JwtTemplateUpdate, {"content": '{"a": "' + "b" * 10_000 + '"}'})
    assert template.errors == {}
    assert "too long" in parse_form(VaultObjectUpdate, {"value": "x" * 100_000}).errors["value"]


def test_every_form_field_has_a_bound() -> None:
    for model in (OrganizationCreateForm, OrganizationUpdateForm, UserCreate, UserUpdate):
        for spec in form_fields(model):
            limit = TEXT_MAX_LENGTH if spec.kind == "text" else DOCUMENT_MAX_LENGTH
            assert spec.max_length <= limit, (model.__name__, spec.name)
    assert spec_of(UserCreate)["email"].max_length == EMAIL_MAX_LENGTH
    assert spec_of(OrganizationUpdateForm)["name"].max_length == NAME_MAX_LENGTH


@functools.cache
def _spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.load(SPEC_PATH.read_text(), Loader=_LOADER)
    return loaded


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _body_schema(path: str, method: str) -> dict[str, Any]:
    spec = _spec()

    def resolve(node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            target: Any = spec
            for part in node["$ref"].split("/")[1:]:
                target = target[part]
            node = target
        return node

    def properties(schema: Any) -> dict[str, Any]:
        schema = resolve(schema)
        found = {name: resolve(value) for name, value in schema.get("properties", {}).items()}
        for key in ("allOf", "oneOf", "anyOf"):
            for part in schema.get(key, ()):
                found.update(properties(part))
        return found

    body = resolve(spec["paths"][path][method]["requestBody"])
    return properties(body["content"]["application/json"]["schema"])


@pytest.mark.parametrize(
    ("path", "method", "model"),
    [
        ("/organizations", "post", OrganizationCreate),
        ("/organizations/{id}", "put", OrganizationUpdate),
        ("/user_management/users", "post", UserCreate),
        ("/user_management/users/{id}", "put", UserUpdate),
        ("/user_management/invitations", "post", InvitationSend),
        ("/vault/v1/kv", "post", VaultObjectCreate),
    ],
)
def test_the_spec_limits_hold_in_the_input_models(path: str, method: str, model: type[Any]) -> None:
    properties = _body_schema(path, method)
    fields = spec_of(model)
    for name, schema in properties.items():
        if name not in fields:
            continue
        limit = schema.get("maxLength")
        if limit is not None:
            assert fields[name].max_length <= limit, (model.__name__, name)
        if schema.get("format") == "email":
            assert fields[name].max_length == EMAIL_MAX_LENGTH, (model.__name__, name)
            assert parse_form(model, {name: "no-at-sign"}).errors.get(name), (model.__name__, name)
