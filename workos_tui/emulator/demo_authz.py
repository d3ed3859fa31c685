"""Demo data for authorization: permissions, roles, custom roles, groups, resources, assignments.

A few dozen records, so the default seed stays cheap on the console's start-up path.
"""

from __future__ import annotations

from collections.abc import Callable

from . import authz
from .http import public
from .routes.groups import add_member, group_body
from .seeder import Seeder
from .store import Record

# slug, name, resource type
PERMISSIONS = (
    ("users:read", "View users", "organization"),
    ("users:write", "Manage users", "organization"),
    ("billing:read", "View billing", "organization"),
    ("billing:manage", "Manage billing", "organization"),
    ("settings:manage", "Manage settings", "organization"),
    ("audit-logs:read", "View audit logs", "organization"),
    ("projects:read", "View projects", "project"),
    ("projects:write", "Edit projects", "project"),
    ("projects:delete", "Delete projects", "project"),
    ("documents:read", "View documents", "project"),
    ("documents:write", "Edit documents", "project"),
)
_ALL = tuple(p[0] for p in PERMISSIONS)
_PROJECT = ("projects:read", "projects:write", "documents:read", "documents:write")
# slug, name, description, resource type, permissions
ENVIRONMENT_ROLES = (
    ("admin", "Admin", "Full access to the organization.", "organization", _ALL),
    ("member", "Member", "Default role of new members.", "organization", ("users:read",)),
    (
        "billing-admin",
        "Billing admin",
        "Manages invoices and payment methods.",
        "organization",
        ("users:read", "billing:read", "billing:manage"),
    ),
    ("viewer", "Viewer", "Read-only access.", "organization", ("users:read", "audit-logs:read")),
    ("workspace-admin", "Workspace admin", None, "workspace", (*_PROJECT, "projects:delete")),
    ("project-editor", "Project editor", None, "project", _PROJECT),
    ("project-viewer", "Project viewer", None, "project", ("projects:read", "documents:read")),
)
CUSTOM_ROLES = (
    (0, "org-support-agent", "Support agent", ("users:read", "audit-logs:read")),
    (0, "org-auditor", "Auditor", ("audit-logs:read",)),
    (1, "org-finance", "Finance", ("billing:read", "billing:manage")),
)
GROUPS = ("Engineering", "Finance", "Support")
# org index, external id, name, parent external id (None: top level), type
RESOURCES = (
    (0, "ws-main", "Main workspace", None, "workspace"),
    (0, "proj-website", "Website redesign", "ws-main", "project"),
    (0, "proj-mobile", "Mobile app", "ws-main", "project"),
    (0, "proj-api", "Public API", "ws-main", "project"),
    (1, "ws-research", "Research", None, "workspace"),
    (1, "proj-lab", "Lab notebook", "ws-research", "project"),
)
# membership index in org 0, role, resource external id
ASSIGNMENTS = (
    (0, "workspace-admin", "ws-main"),
    (1, "project-editor", "proj-website"),
    (2, "project-viewer", "proj-mobile"),
)


def _role(
    seeder: Seeder,
    slug: str,
    name: str,
    description: str | None,
    type_slug: str,
    perms: tuple[str, ...],
    org: Record | None,
) -> Record:
    role = seeder.state.create(
        "roles",
        {
            "object": "role",
            "slug": slug,
            "name": name,
            "description": description,
            "type": "EnvironmentRole" if org is None else "OrganizationRole",
            "resource_type_slug": type_slug,
            "permissions": list(perms),
            "_organization_id": None if org is None else org["id"],
        },
    )
    prefix = authz.role_event_prefix(role)
    seeder.emit(f"{prefix}.created", authz.role_event(role), role["_organization_id"])
    return role


ENVIRONMENT_RECORDS = len(PERMISSIONS) + len(ENVIRONMENT_ROLES)
GROUP_ORGS = 4  # the first organizations have groups
ORGANIZATION_RECORDS = (
    len(CUSTOM_ROLES)
    + len(RESOURCES)
    + len(ASSIGNMENTS)
    + sum(len(GROUPS) - k % 2 for k in range(GROUP_ORGS))
)


def seed_roles(seeder: Seeder, tick: Callable[[], None]) -> dict[str, Record]:
    """The environment's permissions and roles (``tick`` before each), by role slug."""
    state = seeder.state
    for slug, name, type_slug in PERMISSIONS:
        tick()
        perm = state.create(
            "permissions",
            {
                "object": "permission",
                "slug": slug,
                "name": name,
                "description": None,
                "system": False,
                "resource_type_slug": type_slug,
            },
        )
        seeder.emit("permission.created", public(perm), None)
    roles: dict[str, Record] = {}
    for slug, name, description, type_slug, perms in ENVIRONMENT_ROLES:
        tick()
        roles[slug] = _role(seeder, slug, name, description, type_slug, perms, None)
    return roles


def seed_authorization(
    seeder: Seeder, orgs: list[Record], roles: dict[str, Record], tick: Callable[[], None]
) -> None:
    """Custom roles, resources, role assignments and groups of the first organizations."""
    state = seeder.state
    for k, slug, name, perms in CUSTOM_ROLES:
        tick()
        _role(seeder, slug, name, None, "organization", perms, orgs[k])
    resources: dict[str, Record] = {}
    for k, external_id, name, parent, type_slug in RESOURCES:
        tick()
        org_id = orgs[k]["id"]
        resources[external_id] = state.create(
            "authorization_resources",
            {
                "object": "authorization_resource",
                "name": name,
                "description": None,
                "organization_id": org_id,
                "parent_resource_id": resources[parent]["id"] if parent else None,
                "external_id": external_id,
                "resource_type_slug": type_slug,
                "_key": authz.resource_key(org_id, type_slug, external_id),
            },
        )
    members = state["organization_memberships"].index("organization_id").get(orgs[0]["id"])
    for index, slug, external_id in ASSIGNMENTS:
        if index >= len(members):  # a small --scale leaves the first organization few members
            continue
        tick()
        seeder.not_before(state["organization_memberships"].get(members[index]))
        target = authz.target_of(resources[external_id])
        authz.new_assignment(state, members[index], roles[slug], target)
    for k, org in enumerate(orgs[:GROUP_ORGS]):
        oms = state["organization_memberships"].index("organization_id").get(org["id"])
        for j, name in enumerate(GROUPS[: 3 - k % 2]):
            tick()
            member_ids = oms[3 + j * 3 : 6 + j * 3]
            seeder.not_before(*(state["organization_memberships"].get(m) for m in member_ids))
            group = state.create(
                "groups",
                {
                    "object": "group",
                    "organization_id": org["id"],
                    "name": name,
                    "description": f"The {name.lower()} team",
                    "_member_ids": [],
                },
            )
            seeder.emit("group.created", group_body(group), org["id"])
            if k == 0 and j == 0:
                state.create(
                    "group_role_assignments",
                    {
                        "object": "group_role_assignment",
                        "group_id": group["id"],
                        "role": {"slug": "project-editor"},
                        "resource": authz.target_of(resources["proj-api"]),
                        "_resource_id": resources["proj-api"]["id"],
                    },
                )
            for om_id in member_ids:
                add_member(state, group, om_id)
