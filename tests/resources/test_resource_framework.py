"""The declaration framework without a UI: forms, queries, registry, formatting, export."""

from __future__ import annotations

import io
import json
from typing import Literal

import pytest
from pydantic import BaseModel, Field, SecretStr

from workos_tui.resources.base import Filter, ListRequest, ResourceType, api_model, resolve_model
from workos_tui.resources.catalog import default_registry, load_extensions
from workos_tui.resources.export import ExportWriter
from workos_tui.resources.formatting import (
    format_short_timestamp,
    format_timestamp,
    format_value,
)
from workos_tui.resources.forms import changed_fields, diff_changes, form_fields, parse_form
from workos_tui.resources.query import client_match, quick_match, server_query


class Sample(BaseModel):
    name: str = Field(min_length=1, description="The name.")
    kind: Literal["a", "b"] = "a"
    enabled: bool | None = None
    count: int | None = None
    tags: list[str] | None = None
    metadata: dict[str, str] | None = None
    secret: SecretStr | None = None


def test_form_fields_follow_the_model() -> None:
    specs = {spec.name: spec for spec in form_fields(Sample)}
    assert specs["name"].required and specs["name"].kind == "text"
    assert specs["name"].description == "The name."
    assert specs["kind"].kind == "choice" and specs["kind"].choices == ("a", "b")
    assert specs["enabled"].kind == "bool" and not specs["enabled"].required
    assert specs["count"].kind == "integer"
    assert specs["tags"].kind == "list"
    assert specs["metadata"].kind == "json"
    assert specs["secret"].kind == "secret"


def test_parse_form_validates_with_pydantic_and_reports_fields() -> None:
    raw = {"name": "", "count": "x", "metadata": "{bad", "tags": "a, b"}
    result = parse_form(Sample, raw)
    assert result.model is None
    assert set(result.errors) == {"name", "metadata"}  # count is caught by pydantic only later
    ok = parse_form(Sample, {"name": "n", "count": "3", "tags": "a, b", "metadata": '{"k": "v"}'})
    assert ok.model is not None
    assert ok.model.count == 3 and ok.model.tags == ["a", "b"] and ok.model.metadata == {"k": "v"}
    bad_count = parse_form(Sample, {"name": "n", "count": "x"})
    assert "count" in bad_count.errors


def test_only_changed_fields_are_sent_and_diffed() -> None:
    specs = form_fields(Sample)
    initial = {"name": "old", "kind": "a", "enabled": False, "secret": ""}
    raw = {"name": "new", "kind": "a", "enabled": True, "secret": "hunter2"}
    changed = changed_fields(specs, initial, raw)
    assert changed == {"name", "enabled", "secret"}
    diff = {change.field: (change.old, change.new) for change in diff_changes(specs, initial, raw)}
    assert diff["name"] == ("old", "new")
    assert diff["secret"] == ("(empty)", "••••••")
    result = parse_form(Sample, raw, only=changed)
    assert result.model is not None
    assert result.model.model_fields_set == {"name", "enabled", "secret"}


def test_server_query_maps_filters_to_spec_params() -> None:
    registry = default_registry()
    events = registry["events"]
    values = {
        "events": ["user.created"],
        "organization_id": "org_1",
        "range": ("2024-01-31", "2024-02-01T10:00:00Z"),
    }
    query = server_query(events, values, {})
    assert query == {
        "events": ["user.created"],
        "organization_id": "org_1",
        "range_start": "2024-01-31T00:00:00.000Z",
        "range_end": "2024-02-01T10:00:00Z",
    }
    organizations = registry["organizations"]
    assert server_query(organizations, {"__search__": "acme"}, {}) == {"search": "acme"}


def test_client_filters_and_quick_filter() -> None:
    connections = default_registry()["connections"]
    state = next(f for f in connections.filters if f.key == "state")
    assert not state.server
    assert "active" in state.options()

    class Row(BaseModel):
        state: str

    assert client_match(connections, {"state": "draft"}, Row(state="draft"))
    assert not client_match(connections, {"state": "draft"}, Row(state="active"))
    assert quick_match(["Acme Rockets", "org_1"], "rock")
    assert not quick_match(["Acme"], "globex")


def test_registry_resolves_aliases_and_prefixes() -> None:
    registry = default_registry()
    assert registry.resolve("orgs").key == "organizations"  # type: ignore[union-attr]
    assert registry.resolve("sso").key == "connections"  # type: ignore[union-attr]
    assert registry.resolve("dir").key == "directories"  # type: ignore[union-attr]
    assert registry.resolve("nothing") is None
    top = [resource.key for resource in registry.top_level()]
    assert top[:3] == ["organizations", "users", "invitations"]
    with pytest.raises(ValueError):
        registry.register(registry["users"])


def test_extensions_register_and_link_into_core_areas() -> None:
    registry = default_registry()
    before = len(registry)
    added = load_extensions(registry)
    assert added and len(registry) == before + len(added)
    organization_links = {link.target for link in registry.related_for(registry["organizations"])}
    assert {"domains", "memberships"} <= organization_links
    assert load_extensions(registry) == []  # idempotent


def test_every_declaration_is_consistent() -> None:
    registry = default_registry()
    load_extensions(registry)
    for resource in registry:
        assert resource.columns, resource.key
        for link in registry.related_for(resource):
            assert link.target in registry, (resource.key, link.target)
        for model in (resource.create_model, resource.update_model):
            resolved = resolve_model(model)
            assert resolved is None or issubclass(resolved, BaseModel)
        if resource.update is not None:
            assert resource.update_model is not None, resource.key


def test_lazy_models_resolve() -> None:
    model = resolve_model(api_model("organizations", "OrganizationCreate"))
    assert model is not None and "name" in model.model_fields


def test_formatting_is_absolute_and_stable() -> None:
    assert format_timestamp("2024-05-15T09:00:00.000Z") == "2024-05-15 09:00 UTC"
    assert format_short_timestamp("2024-05-15T09:00:00Z") == "2024-05-15 09:00"
    assert format_value(None) == "—"
    assert format_value(True) == "yes"
    assert format_value(SecretStr("x")) == "••••••"
    assert format_value({"a": 1}) == "a=1"


@pytest.mark.parametrize("export_format", ["csv", "json", "ndjson"])
def test_export_writer_masks_secrets(export_format: Literal["csv", "json", "ndjson"]) -> None:
    class Row(BaseModel):
        id: str
        value: str | None = None

    stream = io.StringIO()
    writer = ExportWriter(stream, export_format, secret_fields=("value",))
    writer.write([Row(id="a", value="secret"), Row(id="b")])
    writer.close()
    text = stream.getvalue()
    assert "secret" not in text
    assert writer.rows == 2
    if export_format == "json":
        assert [row["id"] for row in json.loads(text)] == ["a", "b"]


def test_filter_and_list_request_defaults() -> None:
    assert Filter("x", "X").query_param == "x"
    request = ListRequest({"a": 1})
    assert request.order == "desc" and request.limit == 100
    assert isinstance(default_registry()["organizations"], ResourceType)
