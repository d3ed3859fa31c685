"""Environment diff: the configuration of two environments, compared item by item (no UI).

:func:`read_configuration` reads one environment's configuration through its facade: roles and
their permissions, permissions, redirect URIs, CORS origins, the JWT template, webhook endpoints
and their events, feature flags, audit-log action schemas, and the authorization resource types
its roles and permissions name. Each item is a key (a slug, a URL) and a flat dict of the
values worth comparing (never ids, times or secrets). :func:`compare` pairs two of them:
``added`` (only in B), ``removed`` (only in A), ``changed`` (both, differing; the fields that
differ), ``same``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

from workos_tui.resources.base import Facade

Status = Literal["added", "removed", "changed", "same"]
Values = dict[str, Any]

KINDS: tuple[str, ...] = (
    "role",
    "permission",
    "redirect_uri",
    "cors_origin",
    "jwt_template",
    "webhook_endpoint",
    "feature_flag",
    "audit_log_action",
    "resource_type",
)
KIND_TITLES: dict[str, str] = {
    "role": "Roles",
    "permission": "Permissions",
    "redirect_uri": "Redirect URIs",
    "cors_origin": "CORS origins",
    "jwt_template": "JWT template",
    "webhook_endpoint": "Webhook endpoints",
    "feature_flag": "Feature flags",
    "audit_log_action": "Audit-log actions",
    "resource_type": "Resource types",
}


@dataclass(frozen=True)
class ConfigItem:
    kind: str
    key: str
    values: Values


Configuration = dict[tuple[str, str], ConfigItem]


@dataclass(frozen=True)
class DiffEntry:
    kind: str
    key: str
    status: Status
    left: Values | None
    right: Values | None
    fields: tuple[str, ...] = ()
    """The fields that differ (``changed`` only)."""

    def describe(self) -> str:
        mark = {"added": "+", "removed": "-", "changed": "~", "same": "="}[self.status]
        text = f"{mark} {KIND_TITLES[self.kind]}: {self.key}"
        if self.status == "changed":
            parts = []
            for name in self.fields:
                a = (self.left or {}).get(name)
                b = (self.right or {}).get(name)
                parts.append(f"{name}: {_short(a)} → {_short(b)}")
            text += " (" + "; ".join(parts) + ")"
        return text


def _short(value: Any, limit: int = 60) -> str:
    text = ", ".join(value) if isinstance(value, list) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def _all(iterator: Any) -> list[Any]:
    return [item async for item in iterator]


async def _roles(workos: Facade) -> list[ConfigItem]:
    return [
        ConfigItem(
            "role",
            r.slug,
            {
                "name": r.name,
                "description": r.description,
                "resource_type": r.resource_type_slug,
                "permissions": sorted(r.permissions),
            },
        )
        for r in await workos.roles.list()
    ]


async def _permissions(workos: Facade) -> list[ConfigItem]:
    return [
        ConfigItem(
            "permission",
            p.slug,
            {"name": p.name, "description": p.description, "resource_type": p.resource_type_slug},
        )
        for p in await _all(workos.permissions.iterate(limit=100))
    ]


async def _redirect_uris(workos: Facade) -> list[ConfigItem]:
    items = await _all(workos.redirect_uris.iterate(limit=100))
    return [ConfigItem("redirect_uri", u.uri, {"default": u.default}) for u in items]


async def _cors_origins(workos: Facade) -> list[ConfigItem]:
    items = await _all(workos.cors_origins.iterate(limit=100))
    return [ConfigItem("cors_origin", o.origin, {}) for o in items]


async def _jwt_template(workos: Facade) -> list[ConfigItem]:
    template = await workos.jwt_template.get()
    return [ConfigItem("jwt_template", "template", {"content": template.content})]


async def _webhook_endpoints(workos: Facade) -> list[ConfigItem]:
    items = await _all(workos.webhook_endpoints.iterate(limit=100))
    return [
        ConfigItem(
            "webhook_endpoint",
            e.endpoint_url,
            {"status": str(e.status), "events": sorted(e.events)},
        )
        for e in items
    ]


async def _feature_flags(workos: Facade) -> list[ConfigItem]:
    items = await _all(workos.feature_flags.iterate(limit=100))
    return [
        ConfigItem(
            "feature_flag",
            f.slug,
            {"name": f.name, "enabled": f.enabled, "default_value": f.default_value},
        )
        for f in items
    ]


async def _audit_log_actions(workos: Facade) -> list[ConfigItem]:
    items: list[ConfigItem] = []
    async for action in workos.audit_logs.actions_cursor(limit=100):
        schema = action.schema_
        values: Values = {"targets": [], "actor_metadata": [], "metadata": []}
        if schema is not None:
            values = {
                "targets": sorted(t.type for t in schema.targets),
                "actor_metadata": sorted((schema.actor.metadata or {}) if schema.actor else {}),
                "metadata": sorted(schema.metadata or {}),
            }
        items.append(ConfigItem("audit_log_action", action.name, values))
    return items


READERS: tuple[Callable[[Facade], Awaitable[list[ConfigItem]]], ...] = (
    _roles,
    _permissions,
    _redirect_uris,
    _cors_origins,
    _jwt_template,
    _webhook_endpoints,
    _feature_flags,
    _audit_log_actions,
)


def _resource_types(items: list[ConfigItem]) -> list[ConfigItem]:
    used: dict[str, set[str]] = {}
    for item in items:
        slug = item.values.get("resource_type")
        if item.kind in ("role", "permission") and isinstance(slug, str) and slug:
            used.setdefault(slug, set()).add(item.kind)
    return [ConfigItem("resource_type", slug, {}) for slug in sorted(used)]


async def read_configuration(workos: Facade) -> Configuration:
    """Every configuration item of the environment ``workos`` reaches."""
    parts = await asyncio.gather(*(reader(workos) for reader in READERS))
    items = [item for part in parts for item in part]
    items += _resource_types(items)
    return {(item.kind, item.key): item for item in items}


def compare(left: Configuration, right: Configuration) -> list[DiffEntry]:
    """Every item of either side, by kind (in :data:`KINDS` order) then key."""
    entries: list[DiffEntry] = []
    order = {kind: k for k, kind in enumerate(KINDS)}
    for kind, key in sorted(set(left) | set(right), key=lambda p: (order[p[0]], p[1])):
        a, b = left.get((kind, key)), right.get((kind, key))
        if a is None and b is not None:
            entries.append(DiffEntry(kind, key, "added", None, b.values))
        elif b is None and a is not None:
            entries.append(DiffEntry(kind, key, "removed", a.values, None))
        elif a is not None and b is not None:
            names = sorted(set(a.values) | set(b.values))
            fields = tuple(n for n in names if a.values.get(n) != b.values.get(n))
            status: Status = "changed" if fields else "same"
            entries.append(DiffEntry(kind, key, status, a.values, b.values, fields))
    return entries


async def diff_environments(left: Facade, right: Facade) -> list[DiffEntry]:
    a, b = await asyncio.gather(read_configuration(left), read_configuration(right))
    return compare(a, b)


def differences(entries: list[DiffEntry]) -> list[DiffEntry]:
    return [e for e in entries if e.status != "same"]


# -- copying one item across ----------------------------------------------------------------

COPYABLE = frozenset(
    {
        "role",
        "permission",
        "redirect_uri",
        "cors_origin",
        "jwt_template",
        "webhook_endpoint",
        "feature_flag",
    }
)


def copy_plan(entry: DiffEntry, to_right: bool) -> str | None:
    """What copying ``entry`` from one side to the other does, or None when it cannot be copied
    (the source side does not have it, the targets are the same, or the kind is not copyable)."""
    source, target = (entry.left, entry.right) if to_right else (entry.right, entry.left)
    if entry.kind not in COPYABLE or source is None or entry.status == "same":
        return None
    if entry.kind == "feature_flag" and target is None:
        return None  # a flag is made in the dashboard; only its state can be copied
    title = KIND_TITLES[entry.kind]
    if target is None:
        return f"Create {title[:-1] if title.endswith('s') else title} {entry.key}: " + ", ".join(
            f"{k}={_short(v)}" for k, v in source.items()
        )
    return f"Set {title} {entry.key}: " + "; ".join(
        f"{name}: {_short(target.get(name))} → {_short(source.get(name))}" for name in entry.fields
    )


async def copy_item(target: Facade, entry: DiffEntry, to_right: bool) -> None:
    """Make ``target`` (the other side's facade) hold the source side's ``entry``."""
    from workos_tui.api.models.authkit import (
        CorsOriginCreate,
        JwtTemplateUpdate,
        RedirectUriCreate,
    )
    from workos_tui.api.models.authorization import PermissionCreate, PermissionUpdate, RoleCreate
    from workos_tui.api.models.webhooks import WebhookEndpointCreate, WebhookEndpointUpdate

    source = entry.left if to_right else entry.right
    exists = (entry.right if to_right else entry.left) is not None
    if source is None or copy_plan(entry, to_right) is None:
        raise ValueError(f"{entry.key} cannot be copied that way.")
    kind, key = entry.kind, entry.key
    if kind == "role":
        if not exists:
            await target.roles.create(
                RoleCreate(
                    slug=key,
                    name=source["name"],
                    description=source["description"],
                    resource_type_slug=source["resource_type"],
                )
            )
        await target.roles.set_permissions(key, list(source["permissions"]))
    elif kind == "permission":
        if exists:
            await target.permissions.update(key, PermissionUpdate(name=source["name"]))
        else:
            await target.permissions.create(
                PermissionCreate(
                    slug=key, name=source["name"], resource_type_slug=source["resource_type"]
                )
            )
    elif kind == "redirect_uri":
        await target.redirect_uris.create(RedirectUriCreate(uri=key))
    elif kind == "cors_origin":
        await target.cors_origins.create(CorsOriginCreate(origin=key))
    elif kind == "jwt_template":
        await target.jwt_template.update(JwtTemplateUpdate(content=source["content"]))
    elif kind == "webhook_endpoint":
        events = list(source["events"])
        if exists:
            endpoints = await _all(target.webhook_endpoints.iterate(limit=100))
            endpoint = next(e for e in endpoints if e.endpoint_url == key)
            await target.webhook_endpoints.update(endpoint.id, WebhookEndpointUpdate(events=events))
        else:
            await target.webhook_endpoints.create(
                WebhookEndpointCreate(endpoint_url=key, events=events)
            )
    elif kind == "feature_flag":
        if source["enabled"]:
            await target.feature_flags.enable(key)
        else:
            await target.feature_flags.disable(key)
