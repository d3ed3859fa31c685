"""The official ``workos`` Python SDK's method for each spec operation: "copy as Python SDK call".

The table (:mod:`workos_tui.resources.sdk_methods`) was read from the method signatures of
``workos`` 10.8.0 (PyPI), whose generated client calls each operation from one method:
``client.<service>.<method>``. Path parameters are its positional arguments, in path order;
query parameters and body properties its keyword arguments, by the spec's names except where
:data:`RENAMED`, :data:`COMBINED` or :data:`FILLED_BY_SDK` say otherwise. Four operations are
URL builders in the SDK (authorize / logout redirects): the call returns a URL, no request.
"""

from __future__ import annotations

import json
from typing import Any

from workos_tui.resources.api_requests import PreparedRequest
from workos_tui.resources.operations import Operation
from workos_tui.resources.sdk_methods import SDK_METHODS

DEFAULT_BASE_URL = "https://api.workos.com"

URL_BUILDERS = frozenset(
    {
        "SsoController_authorize",
        "SsoController_logout",
        "UserlandSsoController_authorize",
        "UserlandSessionsController_logout",
    }
)
BODY_ARGUMENT = frozenset(
    {"ApplicationsController_create", "UserlandSessionsController_authenticate[0]"}
)
"""Operations whose body has variants: the SDK takes it whole, as ``body=``."""

RENAMED: dict[str, dict[str, str]] = {
    "AuthorizationRolePermissionsController_addPermission": {"slug": "body_slug"},
    "AuthorizationOrganizationRolePermissionsController_addPermission": {"slug": "body_slug"},
    "JumpWireWeb.DataVaultController.index": {"updatedAfter": "updated_after"},
    "AuditLogsRetentionController_updateAuditLogsRetention": {
        "retention_period_in_days": "retention"
    },
}
"""Spec name → SDK keyword, where the SDK names an argument otherwise."""

FILLED_BY_SDK: dict[str, frozenset[str]] = {
    "SsoController_token": frozenset({"client_id", "client_secret", "grant_type"}),
}
"""Spec names the SDK fills in itself (from the client's configuration): left out."""

_RESOURCE = frozenset({"resource_id", "resource_external_id", "resource_type_slug"})
_PARENT = frozenset(
    {"parent_resource_id", "parent_resource_external_id", "parent_resource_type_slug"}
)
_ROLE = frozenset({"role_slug", "role_slugs"})
_PASSWORD_HASH = frozenset({"password_hash", "password_hash_type", "password_salt_position"})
COMBINED: dict[str, tuple[frozenset[str], str]] = {
    "AuthorizationController_check": (_RESOURCE, "resource_target"),
    "AuthorizationRoleAssignmentsController_assignRole": (_RESOURCE, "resource_target"),
    "AuthorizationRoleAssignmentsController_removeRoleByCriteria": (_RESOURCE, "resource_target"),
    "AuthorizationController_listResourcesForMembership": (_PARENT, "parent_resource"),
    "AuthorizationResourcesByExternalIdController_updateByExternalId": (_PARENT, "parent_resource"),
    "AuthorizationResourcesController_create": (_PARENT, "parent_resource"),
    "AuthorizationResourcesController_update": (_PARENT, "parent_resource"),
    "AuthorizationResourcesController_list": (
        frozenset({"parent_resource_id", "parent_external_id", "parent_resource_type_slug"}),
        "parent",
    ),
    "UserlandUserOrganizationMembershipsController_create": (_ROLE, "role"),
    "UserlandUserOrganizationMembershipsController_update": (_ROLE, "role"),
    "UserlandUsersController_create[0]": (_PASSWORD_HASH, "(no argument)"),
    "UserlandUsersController_update[0]": (_PASSWORD_HASH, "(no argument)"),
}
"""Spec names the SDK method takes combined in one argument of its own (a typed object): the
snippet lists them in a comment naming that argument instead of passing them."""


def sdk_method(operation: Operation) -> str | None:
    """``service.method`` of the SDK for an operation, or ``None`` when it has none."""
    for service, methods in SDK_METHODS.items():
        name = methods.get(operation.operation_id)
        if name is not None:
            return f"{service}.{name}"
    return None


def _literal(value: Any) -> str:
    """A Python literal for a JSON value (``true`` → ``True``, strings quoted)."""
    return repr(value)


def python_sdk_call(request: PreparedRequest, base_url: str = DEFAULT_BASE_URL) -> str:
    """A runnable snippet with the SDK call for the request; the key comes from the environment."""
    operation = request.operation
    method = sdk_method(operation)
    if method is None:
        return (
            f"# The workos Python SDK has no method for {operation.method} {operation.path}\n"
            f"# ({operation.operation_id}); use the HTTP API directly (copy as curl)."
        )
    arguments = [_literal(value) for value in request.path_values]
    unmapped: list[str] = []
    renamed = RENAMED.get(operation.operation_id, {})
    skipped = FILLED_BY_SDK.get(operation.operation_id, frozenset())
    combined, combined_into = COMBINED.get(operation.operation_id, (frozenset(), ""))
    values: dict[str, Any] = dict(request.params)
    if operation.operation_id in BODY_ARGUMENT:
        arguments.append(f"body={_literal(request.body)}")
    elif isinstance(request.body, dict):
        values.update(request.body)
    elif request.body is not None:
        unmapped.append(f"body={json.dumps(request.body)}")
    for name, value in values.items():
        if name in skipped:
            continue
        keyword = renamed.get(name, name)
        if name in combined:
            unmapped.append(f"{name}={json.dumps(value)} (the SDK takes it in {combined_into})")
        elif keyword.isidentifier():
            arguments.append(f"{keyword}={_literal(value)}")
        else:
            unmapped.append(f"{name}={json.dumps(value)}")
    client_arguments = 'api_key=os.environ["WORKOS_API_KEY"]'
    if base_url.rstrip("/") != DEFAULT_BASE_URL:
        client_arguments += f", base_url={base_url.rstrip('/')!r}"
    lines = [
        "import os",
        "",
        "from workos import WorkOSClient",
        "",
        f"client = WorkOSClient({client_arguments})",
    ]
    if operation.operation_id in URL_BUILDERS:
        lines.append("# builds the redirect URL; no request is sent")
    lines.append(f"result = client.{method}({', '.join(arguments)})")
    lines.extend(f"# not an argument of the SDK method: {item}" for item in unmapped)
    lines.append("print(result)")
    return "\n".join(lines)
