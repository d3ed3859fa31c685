"""Magic Auth codes and email changes (``/user_management/magic_auth``,
``/user_management/users/{id}/email_change/...``)."""

from __future__ import annotations

from ..models.magic_auth import (
    EmailChange,
    EmailChangeConfirm,
    EmailChangeConfirmation,
    EmailChangeSend,
    MagicAuth,
    MagicAuthCreate,
)
from ..operations import operation
from .base import Service, path_segment


class MagicAuthService(Service):
    """Create and fetch Magic Auth codes."""

    @operation("POST", "/user_management/magic_auth")
    async def create(self, request: MagicAuthCreate) -> MagicAuth:
        return await self._fetch(MagicAuth, "POST", "/user_management/magic_auth", body=request)

    @operation("GET", "/user_management/magic_auth/{id}")
    async def get(self, magic_auth_id: str) -> MagicAuth:
        path = f"/user_management/magic_auth/{path_segment(magic_auth_id)}"
        return await self._fetch(MagicAuth, "GET", path)


class EmailChangesService(Service):
    """Send and confirm a user's email change."""

    @staticmethod
    def _path(user_id: str, step: str) -> str:
        return f"/user_management/users/{path_segment(user_id)}/email_change/{step}"

    @operation("POST", "/user_management/users/{id}/email_change/send")
    async def send(self, user_id: str, new_email: str) -> EmailChange:
        body = EmailChangeSend(new_email=new_email)
        return await self._fetch(EmailChange, "POST", self._path(user_id, "send"), body=body)

    @operation("POST", "/user_management/users/{id}/email_change/confirm")
    async def confirm(self, user_id: str, code: str) -> EmailChangeConfirmation:
        body = EmailChangeConfirm(code=code)
        path = self._path(user_id, "confirm")
        return await self._fetch(EmailChangeConfirmation, "POST", path, body=body)
