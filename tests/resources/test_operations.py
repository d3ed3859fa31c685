"""The spec's operations (the API console's list, the coverage count) and requests for them."""

from __future__ import annotations

import json
import shlex
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from workos_tui.resources import operations as operations_module
from workos_tui.resources.api_requests import (
    BODY_ERROR,
    KEY_PLACEHOLDER,
    curl_command,
    prepare,
    request_fields,
)
from workos_tui.resources.operations import Operation, load_operations
from workos_tui.resources.sdk_calls import python_sdk_call, sdk_method


@pytest.fixture(scope="module")
def operations(tmp_path_factory: pytest.TempPathFactory) -> list[Operation]:
    return load_operations(directory=tmp_path_factory.mktemp("cache"))


def by_id(operations: list[Operation], operation_id: str) -> Operation:
    return next(op for op in operations if op.operation_id == operation_id)


def test_every_operation_of_the_spec(operations: list[Operation]) -> None:
    assert len(operations) == 212
    assert len({(op.method, op.path) for op in operations}) == 212
    assert len({op.operation_id for op in operations}) == 212
    tags = Counter(op.tag for op in operations)
    assert len(tags) == 46 and tags["authorization"] == 40 and tags["organizations"] == 7
    listing = by_id(operations, "OrganizationsController_list")
    assert (listing.method, listing.path, listing.summary) == (
        "GET",
        "/organizations",
        "List Organizations",
    )
    assert listing.is_list and not listing.mutates and not listing.destructive
    order = next(p for p in listing.query_parameters if p.name == "order")
    assert order.schema["enum"] == ["normal", "desc", "asc"]  # the $ref is resolved
    domains = next(p for p in listing.query_parameters if p.name == "domains")
    assert domains.comma_joined


def test_destructive_means_delete_or_revoking(operations: list[Operation]) -> None:
    destructive = {(op.method, op.path) for op in operations if op.destructive}
    deletes = {(op.method, op.path) for op in operations if op.method == "DELETE"}
    assert deletes <= destructive
    assert destructive - deletes == {
        ("POST", "/api_keys/{id}/expire"),
        ("POST", "/user_management/invitations/{id}/revoke"),
        ("PUT", "/user_management/organization_memberships/{id}/deactivate"),
        ("POST", "/user_management/sessions/revoke"),
    }


def test_body_fields_merge_all_of_and_one_of(operations: list[Operation]) -> None:
    create = by_id(operations, "OrganizationsController_create")
    fields = {f.name: f.required for f in create.body_fields}
    assert fields["name"] is True and fields["external_id"] is False
    assert create.body_required and not create.body_variants
    membership = by_id(operations, "UserlandUserOrganizationMembershipsController_create")
    fields = {f.name: f.required for f in membership.body_fields}
    assert fields == {
        "user_id": True,
        "organization_id": True,
        "role_slug": False,
        "role_slugs": False,
    }
    assert membership.body_variants


def test_the_index_is_cached_by_the_specs_hash(tmp_path: Path, monkeypatch: Any) -> None:
    first = load_operations(directory=tmp_path)
    [index] = tmp_path.glob("operations-*.json")

    def no_yaml(spec_bytes: bytes) -> Any:
        raise AssertionError("the cached index is read instead")

    monkeypatch.setattr(operations_module, "_parse_yaml", no_yaml)
    assert load_operations(directory=tmp_path) == first
    # a damaged index is rebuilt, never an error
    monkeypatch.undo()
    index.write_text("{not json", encoding="utf-8")
    assert load_operations(directory=tmp_path) == first
    assert json.loads(index.read_text(encoding="utf-8"))
    # another spec gets another index
    other = tmp_path / "other.yaml"
    other.write_text("openapi: 3.1.1\npaths:\n  /x:\n    get:\n      operationId: x\n")
    assert [op.operation_id for op in load_operations(other, directory=tmp_path)] == ["x"]
    assert len(list(tmp_path.glob("operations-*.json"))) == 2


def test_an_unwritable_cache_only_costs_the_parse(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert len(load_operations(directory=blocker / "cache")) == 212


def test_prepare_checks_before_sending(operations: list[Operation]) -> None:
    listing = by_id(operations, "OrganizationsController_list")
    fields = request_fields(listing)
    bad = prepare(
        listing, fields, {"query-limit": "500", "query-order": "sideways", "query-before": ""}
    )
    assert bad.request is None
    assert bad.errors == {"query-limit": "at most 100", "query-order": bad.errors["query-order"]}
    assert "must be one of" in bad.errors["query-order"]
    assert prepare(listing, fields, {"query-limit": "ten"}).errors == {
        "query-limit": "must be a whole number"
    }
    good = prepare(listing, fields, {"query-limit": "5", "query-domains": "a.com, b.com"})
    assert good.request is not None
    assert good.request.params == {"limit": 5, "domains": ["a.com", "b.com"]}
    assert good.request.query_pairs() == [("limit", "5"), ("domains", "a.com,b.com")]

    create = by_id(operations, "OrganizationsController_create")
    fields = request_fields(create)
    assert prepare(create, fields, {}).errors == {"body-name": "required"}
    wrong_type = prepare(create, fields, {"body-name": "X", "body-metadata": "[1]"})
    assert wrong_type.errors == {"body-metadata": "must be object"}
    done = prepare(
        create,
        fields,
        {"body-name": "X", "body-allow_profiles_outside_organization": "false"},
    )
    assert done.request is not None
    assert done.request.body == {"name": "X", "allow_profiles_outside_organization": False}


def test_the_raw_body_is_checked_too(operations: list[Operation]) -> None:
    create = by_id(operations, "OrganizationsController_create")
    fields = request_fields(create)
    assert BODY_ERROR in prepare(create, fields, {}, raw_body="{oops").errors
    assert "lacks required name" in prepare(create, fields, {}, raw_body="{}").errors[BODY_ERROR]
    assert "JSON object" in prepare(create, fields, {}, raw_body="[]").errors[BODY_ERROR]
    raw = prepare(create, fields, {"body-name": "ignored"}, raw_body='{"name": "Raw"}')
    assert raw.request is not None and raw.request.body == {"name": "Raw"}


def test_path_values_are_quoted(operations: list[Operation]) -> None:
    find = by_id(operations, "OrganizationsController_find")
    prepared = prepare(find, request_fields(find), {"path-id": "../org 1?x"})
    assert prepared.request is not None
    assert prepared.request.path == "/organizations/..%2Forg%201%3Fx"
    assert prepare(find, request_fields(find), {}).errors == {"path-id": "required"}


def test_curl_never_holds_the_key_and_survives_the_shell(operations: list[Operation]) -> None:
    create = by_id(operations, "OrganizationsController_create")
    hostile = "Evil'; rm -rf / # $(whoami) `id`"
    prepared = prepare(create, request_fields(create), {"body-name": hostile})
    assert prepared.request is not None
    command = curl_command(prepared.request, "https://api.workos.com/")
    assert KEY_PLACEHOLDER in command and "sk_" not in command
    words = shlex.split(command.replace("\\\n", " "))
    assert words[:4] == ["curl", "-X", "POST", "https://api.workos.com/organizations"]
    assert json.loads(words[words.index("-d") + 1]) == {"name": hostile}


def test_python_sdk_calls(operations: list[Operation]) -> None:
    assert all(sdk_method(op) is not None for op in operations)
    listing = by_id(operations, "OrganizationsController_list")
    prepared = prepare(listing, request_fields(listing), {"query-limit": "5"})
    assert prepared.request is not None
    snippet = python_sdk_call(prepared.request)
    assert 'WorkOSClient(api_key=os.environ["WORKOS_API_KEY"])' in snippet
    assert "client.organizations.list_organizations(limit=5)" in snippet
    compile(snippet, "<snippet>", "exec")
    find = by_id(operations, "OrganizationsController_find")
    prepared = prepare(find, request_fields(find), {"path-id": "org_1"})
    assert prepared.request is not None
    snippet = python_sdk_call(prepared.request, "http://127.0.0.1:4100")
    assert "client.organizations.get_organization('org_1')" in snippet
    assert "base_url='http://127.0.0.1:4100'" in snippet
    check = by_id(operations, "AuthorizationController_check")
    prepared = prepare(
        check,
        request_fields(check),
        {
            "path-organization_membership_id": "om_1",
            "body-permission_slug": "docs:read",
            "body-resource_id": "res_1",
        },
    )
    assert prepared.request is not None
    snippet = python_sdk_call(prepared.request)
    assert "permission_slug='docs:read'" in snippet and "resource_id=" not in snippet.split("#")[0]
    assert '# not an argument of the SDK method: resource_id="res_1"' in snippet
    assert "resource_target" in snippet
    compile(snippet, "<snippet>", "exec")
    unknown = Operation("GET", "/nowhere", "x", "NoSuchController_x", "Nothing")
    prepared = prepare(unknown, [], {})
    assert prepared.request is not None
    assert python_sdk_call(prepared.request).startswith("# The workos Python SDK has no method")
