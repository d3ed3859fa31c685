"""Tokens for the browser and Standalone Connect: widget tokens (``/widgets/token``), Client API
tokens (``/client/token``) and completing an external authentication
(``/authkit/oauth2/complete``)."""

from __future__ import annotations

from ..models.client_tokens import (
    ClientApiToken,
    ClientApiTokenCreate,
    ExternalAuthComplete,
    ExternalAuthCompletion,
    WidgetScope,
    WidgetToken,
    WidgetTokenCreate,
)
from ..operations import operation
from .base import Service


class WidgetsService(Service):
    @operation("POST", "/widgets/token")
    async def get_token(
        self,
        user_id: str,
        *,
        organization_id: str | None = None,
        scopes: list[WidgetScope] | None = None,
    ) -> WidgetToken:
        """A widget session token for ``user_id`` (org-scoped widgets need ``organization_id``)."""
        body = WidgetTokenCreate(user_id=user_id, organization_id=organization_id, scopes=scopes)
        return await self._fetch(WidgetToken, "POST", "/widgets/token", body=body)


class ClientApiService(Service):
    @operation("POST", "/client/token")
    async def get_token(self, organization_id: str, user_id: str) -> ClientApiToken:
        """A short-lived Client API token for a user in an organization."""
        body = ClientApiTokenCreate(organization_id=organization_id, user_id=user_id)
        return await self._fetch(ClientApiToken, "POST", "/client/token", body=body)


class ExternalAuthService(Service):
    @operation("POST", "/authkit/oauth2/complete")
    async def complete(self, completion: ExternalAuthComplete) -> ExternalAuthCompletion:
        """Upsert the user and get the URI that hands the browser back to AuthKit."""
        return await self._fetch(
            ExternalAuthCompletion, "POST", "/authkit/oauth2/complete", body=completion
        )
