"""Multi-factor authentication (``/auth/factors``, ``/auth/challenges``)."""

from __future__ import annotations

from ..models.mfa import (
    AuthenticationChallenge,
    AuthenticationFactor,
    AuthenticationFactorChallenge,
    AuthenticationFactorEnroll,
    ChallengeVerification,
    ChallengeVerify,
    EnrolledAuthenticationFactor,
)
from ..operations import operation
from .base import Service, path_segment


class MfaService(Service):
    """Enroll, fetch and delete factors; challenge them and verify the codes."""

    @operation("POST", "/auth/factors/enroll")
    async def enroll_factor(
        self, factor: AuthenticationFactorEnroll
    ) -> EnrolledAuthenticationFactor:
        return await self._fetch(
            EnrolledAuthenticationFactor, "POST", "/auth/factors/enroll", body=factor
        )

    @operation("GET", "/auth/factors/{id}")
    async def get_factor(self, factor_id: str) -> AuthenticationFactor:
        return await self._fetch(
            AuthenticationFactor, "GET", f"/auth/factors/{path_segment(factor_id)}"
        )

    @operation("DELETE", "/auth/factors/{id}")
    async def delete_factor(self, factor_id: str) -> None:
        await self._send("DELETE", f"/auth/factors/{path_segment(factor_id)}")

    @operation("POST", "/auth/factors/{id}/challenge")
    async def challenge_factor(
        self, factor_id: str, options: AuthenticationFactorChallenge | None = None
    ) -> AuthenticationChallenge:
        path = f"/auth/factors/{path_segment(factor_id)}/challenge"
        body = options or AuthenticationFactorChallenge()
        return await self._fetch(AuthenticationChallenge, "POST", path, body=body)

    @operation("POST", "/auth/challenges/{id}/verify")
    async def verify_challenge(self, challenge_id: str, code: str) -> ChallengeVerification:
        path = f"/auth/challenges/{path_segment(challenge_id)}/verify"
        body = ChallengeVerify(code=code)
        return await self._fetch(ChallengeVerification, "POST", path, body=body)
