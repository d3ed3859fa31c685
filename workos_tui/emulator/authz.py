"""Role-based access control shared by the authorization, permissions and groups routes.

Roles live in ``state["roles"]`` (``_organization_id`` is ``None`` for environment roles),
permissions in ``state["permissions"]``.  Authorization resources form trees under their
organization; the organization itself is the root every assignment without a resource targets.
Role assignments a group's members inherit are stored as ``source.type == "group"`` records, so
every list is an index walk.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import ApiError, error, not_found
from .http import public
from .state import EmulatorState
from .store import Record

ORGANIZATION_TYPE = "organization"


# -- roles and permissions ---------------------------------------------------------------------


def find_role(state: EmulatorState, slug: str, org_id: str | None) -> Record | None:
    """The role ``slug`` as seen from ``org_id``: its custom role first, else the environment's."""
    col = state["roles"]
    fallback: Record | None = None
    for rid in col.index("slug").get(slug):
        role = col.items[rid]
        owner = role.get("_organization_id")
        if owner is not None and owner == org_id:
            return role
        if owner is None:
            fallback = role
    return fallback


def role_event(role: Record) -> Record:
    """The payload of ``role.*`` (environment roles) and ``organization_role.*`` events."""
    keys = ("slug", "resource_type_slug", "permissions", "created_at", "updated_at")
    if role.get("_organization_id") is None:
        return {"object": "role", **{k: role[k] for k in keys}}
    return {
        "object": "organization_role",
        "organization_id": role["_organization_id"],
        "name": role["name"],
        "description": role.get("description"),
        **{k: role[k] for k in keys},
    }


def role_event_prefix(role: Record) -> str:
    return "role" if role.get("_organization_id") is None else "organization_role"


def check_permission_slugs(state: EmulatorState, slugs: Any, field: str) -> list[str]:
    """A list of existing permission slugs (422 otherwise), without duplicates, in order."""
    if not isinstance(slugs, list) or not all(isinstance(s, str) for s in slugs):
        raise error(422, f"{field} must be an array of permission slugs.")
    index = state["permissions"].index("slug")
    for slug in slugs:
        if not index.get(slug):
            raise error(422, f"Permission '{slug}' does not exist.", "permission_not_found")
    return list(dict.fromkeys(slugs))


def permissions_of(state: EmulatorState, role_slugs: Iterable[str], org_id: str) -> set[str]:
    out: set[str] = set()
    for slug in role_slugs:
        role = find_role(state, slug, org_id)
        if role is not None:
            out.update(role["permissions"])
    return out


# -- resources ---------------------------------------------------------------------------------


def resource_key(org_id: str, type_slug: str, external_id: str) -> str:
    return f"{org_id}|{type_slug}|{external_id}"


def resource_by_external_id(
    state: EmulatorState, org_id: str, type_slug: str, external_id: str
) -> Record | None:
    col = state["authorization_resources"]
    rid = col.index("_key").first(resource_key(org_id, type_slug, external_id))
    return None if rid is None else col.items[rid]


def fetch_resource_by_external_id(
    state: EmulatorState, org_id: str, type_slug: str, external_id: str
) -> Record:
    resource = resource_by_external_id(state, org_id, type_slug, external_id)
    if resource is None:
        raise not_found("Authorization resource", f"{type_slug}:{external_id}")
    return resource


def ancestors(state: EmulatorState, resource: Record) -> list[str]:
    """The ids of ``resource``, its parents up to the root, and its organization."""
    col = state["authorization_resources"]
    chain: list[str] = []
    current: Record | None = resource
    while current is not None and current["id"] not in chain:
        chain.append(current["id"])
        parent = current.get("parent_resource_id")
        current = col.get(parent) if parent else None
    chain.append(resource["organization_id"])
    return chain


def target_of(resource: Record) -> Record:
    """The ``resource`` object of an assignment on an authorization resource."""
    return {
        "id": resource["id"],
        "external_id": resource["external_id"],
        "resource_type_slug": resource["resource_type_slug"],
    }


def organization_target(org: Record) -> Record:
    """The ``resource`` object of an assignment on the organization itself."""
    return {
        "id": org["id"],
        "external_id": org.get("external_id") or org["id"],
        "resource_type_slug": ORGANIZATION_TYPE,
    }


def resolve_target(
    state: EmulatorState,
    body: dict[str, Any],
    org_id: str,
    *,
    required: bool,
    prefix: str = "resource_",
    status: int = 422,
) -> Record:
    """The assignment target named by ``resource_id`` or ``resource_external_id`` + type.

    Without either (when not ``required``) it is the organization.  An unknown resource is a
    404; one of another organization, or a half-given external reference, is a ``status``.
    """
    rid = body.get(f"{prefix}id")
    external = body.get(f"{prefix}external_id")
    type_slug = body.get(f"{prefix}type_slug")
    if rid is not None and (external is not None or type_slug is not None):
        raise error(status, f"Give {prefix}id or {prefix}external_id with the type, not both.")
    if rid is not None:
        if not isinstance(rid, str):
            raise error(status, f"{prefix}id must be a string.")
        if rid == org_id:
            return organization_target(state["organizations"].items[org_id])
        resource = state["authorization_resources"].get(rid)
        if resource is None:
            raise not_found("Authorization resource", rid)
    elif external is not None or type_slug is not None:
        if not isinstance(external, str) or not isinstance(type_slug, str):
            raise error(status, f"{prefix}external_id and {prefix}type_slug go together.")
        resource = fetch_resource_by_external_id(state, org_id, type_slug, external)
    elif required:
        raise error(status, f"Give {prefix}id, or {prefix}external_id and {prefix}type_slug.")
    else:
        return organization_target(state["organizations"].items[org_id])
    if resource["organization_id"] != org_id:
        raise error(status, "The resource belongs to another organization.")
    return target_of(resource)


def check_role_fits(role: Record, target: Record) -> None:
    if role["resource_type_slug"] != target["resource_type_slug"]:
        raise error(
            422,
            f"Role '{role['slug']}' applies to {role['resource_type_slug']} resources, "
            f"not {target['resource_type_slug']}.",
            "role_resource_type_mismatch",
        )


def assignable_role(state: EmulatorState, body: dict[str, Any], org_id: str) -> Record:
    slug = body.get("role_slug")
    if not isinstance(slug, str) or not slug:
        raise error(422, "role_slug is required.")
    role = find_role(state, slug, org_id)
    if role is None:
        raise error(422, f"Role '{slug}' does not exist.", "role_not_found")
    return role


# -- effective permissions ---------------------------------------------------------------------


def membership_permissions(
    state: EmulatorState, om: Record, scope: list[str], *, direct_only: bool = False
) -> set[str]:
    """Permissions ``om`` holds on the resource whose ancestor chain is ``scope``.

    ``direct_only`` counts only assignments on ``scope[0]`` itself.
    """
    org_id = om["organization_id"]
    wanted = scope[:1] if direct_only else scope
    slugs: set[str] = set()
    if not direct_only or wanted[0] == org_id:
        slugs.update(r["slug"] for r in om.get("roles") or [om.get("role") or {"slug": ""}])
    col = state["role_assignments"]
    for aid in col.index("organization_membership_id").get(om["id"]):
        assignment = col.items[aid]
        if assignment["_resource_id"] in wanted:
            slugs.add(assignment["role"]["slug"])
    return permissions_of(state, slugs, org_id)


# -- role assignments --------------------------------------------------------------------------


def new_assignment(
    state: EmulatorState,
    om_id: str,
    role: Record,
    target: Record,
    group_assignment_id: str | None = None,
) -> Record:
    return state.create(
        "role_assignments",
        {
            "object": "role_assignment",
            "organization_membership_id": om_id,
            "role": {"slug": role["slug"]},
            "resource": dict(target),
            "source": {
                "type": "group" if group_assignment_id else "direct",
                "group_role_assignment_id": group_assignment_id,
            },
            "_resource_id": target["id"],
            "_gra_id": group_assignment_id,
        },
    )


def inherit(state: EmulatorState, gra: Record, member_ids: Iterable[str]) -> None:
    """Give ``member_ids`` the assignment their group got."""
    role = {"slug": gra["role"]["slug"]}
    for om_id in member_ids:
        new_assignment(state, om_id, role, gra["resource"], gra["id"])


def disinherit(state: EmulatorState, gra_id: str, om_id: str | None = None) -> None:
    """Drop what members inherited from group assignment ``gra_id`` (one member, or all)."""
    col = state["role_assignments"]
    for aid in list(col.index("_gra_id").get(gra_id)):
        if om_id is None or col.items[aid]["organization_membership_id"] == om_id:
            col.delete(aid)


def delete_group_assignment(state: EmulatorState, gra: Record) -> None:
    disinherit(state, gra["id"])
    state["group_role_assignments"].delete(gra["id"])


def role_in_use(state: EmulatorState, role: Record) -> ApiError | None:
    """The 409 deleting an organization role gets while something still uses it."""
    org_id = role["_organization_id"]
    slug = role["slug"]
    groups = state["groups"].index("organization_id").get(org_id)
    gcol = state["group_role_assignments"]
    for gid in groups:
        if any(gcol.items[a]["role"]["slug"] == slug for a in gcol.index("group_id").get(gid)):
            return error(409, f"Role '{slug}' is mapped to groups.", "role_has_group_role_mappings")
    mcol = state["organization_memberships"]
    acol = state["role_assignments"]
    for mid in mcol.index("organization_id").get(org_id):
        om = mcol.items[mid]
        if any(r.get("slug") == slug for r in om.get("roles") or []) or any(
            acol.items[a]["role"]["slug"] == slug
            for a in acol.index("organization_membership_id").get(mid)
        ):
            return error(409, f"Role '{slug}' is still assigned.", "role_has_assignments")
    return None


def render_role(role: Record) -> Record:
    return public(role)
