"""Vault objects: values stay hidden until revealed; versions, metadata, version-checked edits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Facade,
    Filter,
    LazyModel,
    ListRequest,
    Related,
    ResourceType,
    api_model,
    field_value,
    lookup_or_list,
    service_create,
    service_cursor,
    service_delete,
    service_get,
    service_update,
)
from workos_tui.resources.formatting import format_short_timestamp, format_timestamp
from workos_tui.resources.sources import OneShotSource, PageSource


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


def _edit_prefill(description: Any) -> Mapping[str, Any]:
    """An update starts from the current version: saving fails if someone changed it since."""
    metadata = getattr(description, "metadata", None)
    return {"version_check": getattr(metadata, "version_id", None)}


async def _rekey(workos: Facade, _item: Any, form: BaseModel | None) -> BaseModel:
    from workos_tui.resources.action_forms import DataKeyRekey
    from workos_tui.resources.results import ActionResult, plain, secret

    assert isinstance(form, DataKeyRekey)
    context = {"organization_id": form.organization_id}
    key = await workos.vault.rekey(form.encrypted_keys, context)
    return ActionResult(
        title="Data key re-encrypted",
        entries=(
            plain("Key id", key.id),
            plain("Context", key.context or context),
            plain("Encrypted keys", key.encrypted_keys),
            secret("Data key", key.data_key),
        ),
        note="Store the new encrypted keys beside the ciphertext; the data key stays the same.",
    )


def _rekey_prefill(item: Any) -> Mapping[str, Any]:
    context = field_value(item, "metadata.context") or field_value(item, "context") or {}
    return {"organization_id": context.get("organization_id", "")} if context else {}


VAULT_OBJECTS = ResourceType(
    key="vault",
    title="Vault",
    singular="vault object",
    aliases=("kv", "secrets", "vault_objects"),
    description="Encrypted key/value objects; values are shown only when revealed.",
    list=lookup_or_list(
        service_cursor(lambda w: w.vault.cursor), "name", lambda w: w.vault.read_by_name
    ),
    get=service_get(lambda w: w.vault.read),
    create=service_create(lambda w: w.vault.create),
    update=service_update(lambda w: w.vault.update),
    delete=service_delete(lambda w: w.vault.delete),
    create_model=api_model("vault", "VaultObjectCreate"),
    update_model=api_model("vault", "VaultObjectUpdate"),
    edit_source=service_get(lambda w: w.vault.get_metadata),
    edit_prefill=_edit_prefill,
    columns=(
        Column("name", "Name", width=36),
        Column("id", "ID", width=36),
        Column("updated_at", "Updated (UTC)", width=17, formatter=format_short_timestamp),
    ),
    search_param="search",
    filters=(Filter("name", "Name", placeholder="exact name (looks up one)"),),
    secret_fields=("value",),
    actions=(
        Action(
            "rekey",
            "Re-key a data key under another context",
            _rekey,
            input_model=LazyModel("workos_tui.resources.action_forms", "DataKeyRekey"),
            prefill=_rekey_prefill,
            mutates=False,
        ),
    ),
    sections=(
        DetailSection(
            "Object",
            (
                DetailField("Name", "name"),
                DetailField("ID", "id"),
                DetailField("Value", "value"),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
    related=(
        Related("Versions", "vault_versions", "object_id", _id),
        Related("Metadata", "vault_metadata", "object_id", _id),
    ),
    name_field="name",
)


def _list_versions(workos: Facade, request: ListRequest) -> PageSource:
    object_id = str(request.filters["object_id"])

    async def fetch() -> Sequence[Any]:
        versions: list[Any] = await workos.vault.list_versions(object_id)
        return versions

    return OneShotSource(fetch)


VAULT_VERSIONS = ResourceType(
    key="vault_versions",
    title="Vault versions",
    singular="version",
    top_level=False,
    supports_order=False,
    scope_params=("object_id",),
    list=_list_versions,
    columns=(
        Column("id", "Version", width=36),
        Column("current_version", "Current", width=8),
        Column("size", "Size", width=8),
        Column("created_at", "Created (UTC)", width=17, formatter=format_short_timestamp),
    ),
)


def _list_metadata(workos: Facade, request: ListRequest) -> PageSource:
    object_id = str(request.filters["object_id"])

    async def fetch() -> Sequence[Any]:
        return [await workos.vault.get_metadata(object_id)]

    return OneShotSource(fetch)


VAULT_METADATA = ResourceType(
    key="vault_metadata",
    title="Vault metadata",
    singular="metadata",
    top_level=False,
    supports_order=False,
    scope_params=("object_id",),
    list=_list_metadata,
    columns=(
        Column("name", "Name", width=30),
        Column("metadata.version_id", "Version", width=30),
        Column("metadata.updated_at", "Updated (UTC)", width=17, formatter=format_short_timestamp),
    ),
    sections=(
        DetailSection(
            "Metadata",
            (
                DetailField("Name", "name"),
                DetailField("ID", "id"),
                DetailField("Version", "metadata.version_id"),
                DetailField("Key", "metadata.key_id"),
                DetailField("Key context", "metadata.context"),
                DetailField("Environment", "metadata.environment_id"),
                DetailField("Updated by", "metadata.updated_by.name"),
                DetailField("Updated", "metadata.updated_at", format_timestamp),
            ),
        ),
    ),
)
