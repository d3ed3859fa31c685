"""AuthKit users: CRUD, identities, sessions, verification and password-reset emails, factors."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator

from typing_extensions import Unpack

from ..models.users import (
    AuthenticationFactor,
    EmailVerificationSent,
    PasswordReset,
    PasswordResetSend,
    User,
    UserCreate,
    UserIdentity,
    UserSession,
    UserUpdate,
)
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, path_segment


class UserListParams(ListParams, total=False):
    """Filters of ``GET /user_management/users``."""

    email: str | None
    organization_id: str | None


class UsersService(ResourceService[User]):
    """``/user_management/users``."""

    path = "/user_management/users"
    model = User

    async def list(self, **params: Unpack[UserListParams]) -> Page[User]:
        """One page of users, optionally filtered by email or organization."""
        return await self._list(params)

    def cursor(self, **params: Unpack[UserListParams]) -> Cursor[User]:
        return self._cursor(params)

    def iterate(self, **params: Unpack[UserListParams]) -> AsyncIterator[User]:
        return self._iterate(params)

    async def get_by_external_id(self, external_id: str) -> User:
        path = f"{self.path}/external_id/{path_segment(external_id)}"
        return await self._fetch(self.model, "GET", path)

    async def create(self, user: UserCreate) -> User:
        return await self._create(user)

    async def update(self, user_id: str, changes: UserUpdate) -> User:
        return await self._update(user_id, changes)

    async def delete(self, user_id: str) -> None:
        await self._delete(user_id)

    async def list_identities(self, user_id: str) -> builtins.list[UserIdentity]:
        """External (OAuth) identities linked to the user."""
        return await self._fetch_many(UserIdentity, "GET", self._item_path(user_id, "identities"))

    async def list_sessions(self, user_id: str, **params: Unpack[ListParams]) -> Page[UserSession]:
        path = self._item_path(user_id, "sessions")
        return await self._fetch_page(UserSession, path, params)

    def sessions_cursor(self, user_id: str, **params: Unpack[ListParams]) -> Cursor[UserSession]:
        return self._make_cursor(UserSession, self._item_path(user_id, "sessions"), params)

    async def list_auth_factors(
        self, user_id: str, **params: Unpack[ListParams]
    ) -> Page[AuthenticationFactor]:
        path = self._item_path(user_id, "auth_factors")
        return await self._fetch_page(AuthenticationFactor, path, params)

    def auth_factors_cursor(
        self, user_id: str, **params: Unpack[ListParams]
    ) -> Cursor[AuthenticationFactor]:
        path = self._item_path(user_id, "auth_factors")
        return self._make_cursor(AuthenticationFactor, path, params)

    async def send_verification_email(self, user_id: str) -> User:
        """Email the user a code to verify their address; returns the user."""
        path = self._item_path(user_id, "email_verification", "send")
        sent = await self._fetch(EmailVerificationSent, "POST", path)
        return sent.user

    async def send_password_reset(self, email: str) -> PasswordReset:
        """Email a password-reset link to the user with this address."""
        body = PasswordResetSend(email=email)
        return await self._fetch(
            PasswordReset, "POST", "/user_management/password_reset", body=body
        )
