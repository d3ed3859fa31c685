"""Agent auth (``/agents/*``): registrations, credential validation, claim attempts."""

from __future__ import annotations

from pydantic import SecretStr

from ..models.agents import (
    AgentCredentialValidate,
    AgentCredentialValidation,
    AgentRegistration,
    ClaimAttemptLink,
    ClaimAttemptLinked,
)
from ..operations import operation
from .base import Service, path_segment


class AgentsService(Service):
    @operation("GET", "/agents/registrations/{id}")
    async def get_registration(self, registration_id: str) -> AgentRegistration:
        path = f"/agents/registrations/{path_segment(registration_id)}"
        return await self._fetch(AgentRegistration, "GET", path)

    @operation("POST", "/agents/credentials/validate")
    async def validate_credential(
        self, credential: AgentCredentialValidate
    ) -> AgentCredentialValidation:
        """Check an agent API key or access token (read-only: nothing is consumed)."""
        return await self._fetch(
            AgentCredentialValidation, "POST", "/agents/credentials/validate", body=credential
        )

    @operation("POST", "/agents/credentials/validate")
    async def validate_api_key(self, api_key: SecretStr | str) -> AgentCredentialValidation:
        return await self.validate_credential(
            AgentCredentialValidate(type="api_key", credential=_secret(api_key))
        )

    @operation("POST", "/agents/credentials/validate")
    async def validate_access_token(
        self, access_token: SecretStr | str, *, audience: str | None = None
    ) -> AgentCredentialValidation:
        return await self.validate_credential(
            AgentCredentialValidate(
                type="access_token", credential=_secret(access_token), audience=audience
            )
        )

    @operation("PATCH", "/agents/claims/attempts")
    async def link_claim_attempt(self, link: ClaimAttemptLink) -> ClaimAttemptLinked:
        """Link a claim attempt to an external user; the answer holds the agent's user code."""
        return await self._fetch(ClaimAttemptLinked, "PATCH", "/agents/claims/attempts", body=link)


def _secret(value: SecretStr | str) -> SecretStr:
    return value if isinstance(value, SecretStr) else SecretStr(value)
