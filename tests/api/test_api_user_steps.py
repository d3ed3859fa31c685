"""The service methods for the last six operations (email verification get/confirm, password
reset get/confirm, invitation accept, a user's TOTP factor) against the emulator over HTTP."""

from __future__ import annotations

import pytest

from workos_tui.api import BadRequestError, WorkOS
from workos_tui.api.models.invitations import InvitationSend
from workos_tui.api.models.mfa import UserAuthFactorEnroll
from workos_tui.api.models.users import UserCreate
from workos_tui.emulator.testing import EmulatorHandle


async def _new_user(workos: WorkOS, email: str) -> str:
    return (await workos.users.create(UserCreate(email=email))).id


async def test_email_verification_is_read_then_confirmed(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    user_id = await _new_user(workos, "verify-me@example.com")
    await workos.users.send_verification_email(user_id)
    verification_id = emulator.state["email_verifications"].index("user_id").get(user_id)[-1]
    verification = await workos.users.get_email_verification(verification_id)
    assert verification.user_id == user_id and "code" in verification.secret_fields
    with pytest.raises(BadRequestError):
        await workos.users.confirm_email_verification(user_id, "000000-wrong")
    user = await workos.users.confirm_email_verification(
        user_id, verification.code.get_secret_value()
    )
    assert user.id == user_id and user.email_verified


async def test_password_reset_is_read_then_confirmed(workos: WorkOS) -> None:
    user_id = await _new_user(workos, "forgot@example.com")
    sent = await workos.users.send_password_reset("forgot@example.com")
    fetched = await workos.users.get_password_reset(sent.id)
    assert fetched.user_id == user_id
    token = fetched.password_reset_token.get_secret_value()
    user = await workos.users.confirm_password_reset(token, "a new passphrase 42!")
    assert user.id == user_id
    with pytest.raises(BadRequestError):  # the token is spent
        await workos.users.confirm_password_reset(token, "another one 43!")


async def test_an_invitation_is_accepted(workos: WorkOS, emulator: EmulatorHandle) -> None:
    organization_id = emulator.state["organizations"].order[0]
    invitation = await workos.invitations.send(
        InvitationSend(email="joiner@example.com", organization_id=organization_id)
    )
    accepted = await workos.invitations.accept(invitation.id)
    assert accepted.id == invitation.id and accepted.state == "accepted"


async def test_a_users_totp_factor_is_enrolled(workos: WorkOS) -> None:
    user_id = await _new_user(workos, "totp@example.com")
    enrolled = await workos.users.create_auth_factor(
        user_id, UserAuthFactorEnroll(totp_issuer="Acme", totp_user="totp@example.com")
    )
    factor = enrolled.authentication_factor
    assert factor.user_id == user_id and factor.totp is not None
    assert enrolled.authentication_challenge.authentication_factor_id == factor.id
    listed = await workos.users.list_auth_factors(user_id)
    assert [f.id for f in listed.data] == [factor.id]
