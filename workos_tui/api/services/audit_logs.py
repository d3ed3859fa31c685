"""Audit logs: actions, schemas, events, exports (retention lives on organizations)."""

from __future__ import annotations

from typing_extensions import Unpack

from ..models.audit_logs import (
    AuditLogAction,
    AuditLogEventCreate,
    AuditLogEventSent,
    AuditLogExport,
    AuditLogExportCreate,
    AuditLogSchema,
    AuditLogSchemaCreate,
)
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import Service, path_segment

ACTIONS = "/audit_logs/actions"


class AuditLogsService(Service):
    """``/audit_logs``."""

    @staticmethod
    def _schemas_path(action: str) -> str:
        return f"{ACTIONS}/{path_segment(action)}/schemas"

    @operation("GET", "/audit_logs/actions")
    async def list_actions(self, **params: Unpack[ListParams]) -> Page[AuditLogAction]:
        return await self._fetch_page(AuditLogAction, ACTIONS, params)

    @operation("GET", "/audit_logs/actions")
    def actions_cursor(self, **params: Unpack[ListParams]) -> Cursor[AuditLogAction]:
        return self._make_cursor(AuditLogAction, ACTIONS, params)

    @operation("GET", "/audit_logs/actions/{actionName}/schemas")
    async def list_schemas(self, action: str, **params: Unpack[ListParams]) -> Page[AuditLogSchema]:
        """The schema versions of an action, newest first by default."""
        return await self._fetch_page(AuditLogSchema, self._schemas_path(action), params)

    @operation("GET", "/audit_logs/actions/{actionName}/schemas")
    def schemas_cursor(self, action: str, **params: Unpack[ListParams]) -> Cursor[AuditLogSchema]:
        return self._make_cursor(AuditLogSchema, self._schemas_path(action), params)

    @operation("POST", "/audit_logs/actions/{actionName}/schemas")
    async def create_schema(self, action: str, schema: AuditLogSchemaCreate) -> AuditLogSchema:
        """Add a schema version to an action (creating the action on its first schema)."""
        return await self._fetch(AuditLogSchema, "POST", self._schemas_path(action), body=schema)

    @operation("POST", "/audit_logs/events")
    async def create_event(self, event: AuditLogEventCreate) -> AuditLogEventSent:
        return await self._fetch(AuditLogEventSent, "POST", "/audit_logs/events", body=event)

    @operation("POST", "/audit_logs/exports")
    async def create_export(self, export: AuditLogExportCreate) -> AuditLogExport:
        return await self._fetch(AuditLogExport, "POST", "/audit_logs/exports", body=export)

    @operation("GET", "/audit_logs/exports/{auditLogExportId}")
    async def get_export(self, export_id: str) -> AuditLogExport:
        path = f"/audit_logs/exports/{path_segment(export_id)}"
        return await self._fetch(AuditLogExport, "GET", path)
