"""MFA, Magic Auth and email changes: services, models and resource declarations against the
emulator over real HTTP."""

from __future__ import annotations

import importlib
import inspect

import pytest
from pydantic import SecretStr
from pydantic import ValidationError as PydanticValidationError

from workos_tui.api import (
    BadRequestError,
    ConflictError,
    NotFoundError,
    UnprocessableError,
    WorkOS,
)
from workos_tui.api.models import (
    AuthenticationFactorChallenge,
    AuthenticationFactorEnroll,
    EmailChangeSend,
    MagicAuthCreate,
)
from workos_tui.api.models.base import MASK, InputModel
from workos_tui.emulator import totp
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.base import ListRequest
from workos_tui.resources.mfa import CHANGE_EMAIL, USER_AUTH_FACTORS


async def test_totp_factor_round_trip(workos: WorkOS, emulator: EmulatorHandle) -> None:
    user_id = emulator.state["users"].order[0]
    factor = await workos.mfa.enroll_factor(
        AuthenticationFactorEnroll(
            type="totp", totp_issuer="Acme", totp_user="a@x.example", user_id=user_id
        )
    )
    assert factor.totp is not None and factor.user_id == user_id
    secret = factor.totp.secret.get_secret_value()
    assert secret not in repr(factor) and factor.raw["totp"]["secret"] == MASK
    got = await workos.mfa.get_factor(factor.id)
    assert got.type == "totp" and got.totp == {"issuer": "Acme", "user": "a@x.example"}
    challenge = await workos.mfa.challenge_factor(factor.id)
    assert challenge.code is None and challenge.authentication_factor_id == factor.id
    code = totp.totp(secret, emulator.state.now_ms())
    verified = await workos.mfa.verify_challenge(challenge.id, code)
    assert verified.valid and verified.challenge.id == challenge.id
    with pytest.raises(UnprocessableError) as again:
        await workos.mfa.verify_challenge(challenge.id, code)
    assert again.value.code == "authentication_challenge_previously_verified"
    await workos.mfa.delete_factor(factor.id)
    with pytest.raises(NotFoundError):
        await workos.mfa.get_factor(factor.id)
    with pytest.raises(NotFoundError):
        await workos.mfa.delete_factor(factor.id)


async def test_generic_and_sms_factors(workos: WorkOS) -> None:
    generic = await workos.mfa.enroll_factor(AuthenticationFactorEnroll(type="generic_otp"))
    challenge = await workos.mfa.challenge_factor(generic.id)
    assert challenge.code is not None and challenge.expires_at
    assert (await workos.mfa.verify_challenge(challenge.id, "nope")).valid is False
    ok = await workos.mfa.verify_challenge(challenge.id, challenge.code.get_secret_value())
    assert ok.valid
    sms = await workos.mfa.enroll_factor(
        AuthenticationFactorEnroll(type="sms", phone_number="+15555550123")
    )
    assert sms.sms is not None and sms.sms.phone_number == "+15555550123"
    sent = await workos.mfa.challenge_factor(
        sms.id, AuthenticationFactorChallenge(sms_template="Your code: {{code}}")
    )
    assert sent.code is None
    for _ in range(5):
        await workos.mfa.verify_challenge(sent.id, "x")
    with pytest.raises(BadRequestError) as too_many:
        await workos.mfa.verify_challenge(sent.id, "x")
    assert too_many.value.code == "one_time_code_too_many_attempts"
    with pytest.raises(NotFoundError):
        await workos.mfa.challenge_factor("auth_factor_nope")
    with pytest.raises(NotFoundError):
        await workos.mfa.verify_challenge("auth_challenge_nope", "1")
    with pytest.raises(UnprocessableError):
        await workos.mfa.enroll_factor(
            AuthenticationFactorEnroll(type="generic_otp", user_id="user_nope")
        )


def test_input_models_check_requirements() -> None:
    with pytest.raises(PydanticValidationError):
        AuthenticationFactorEnroll(type="totp", totp_issuer="Acme")
    with pytest.raises(PydanticValidationError):
        AuthenticationFactorEnroll(type="sms")
    with pytest.raises(PydanticValidationError):
        AuthenticationFactorEnroll(type="sms", phone_number="555")
    with pytest.raises(PydanticValidationError):
        AuthenticationFactorChallenge(sms_template="no placeholder")
    for name in ("mfa", "magic_auth"):
        module = importlib.import_module(f"workos_tui.api.models.{name}")
        for model in vars(module).values():
            if inspect.isclass(model) and issubclass(model, InputModel) and model is not InputModel:
                for field, info in model.model_fields.items():
                    assert info.description, f"{model.__name__}.{field} has no description"


async def test_magic_auth(workos: WorkOS, emulator: EmulatorHandle) -> None:
    user = next(iter(emulator.state["users"]))
    magic = await workos.magic_auth.create(
        MagicAuthCreate(email=user["email"], ip_address="203.0.113.1", user_agent="pytest")
    )
    assert magic.user_id == user["id"] and isinstance(magic.code, SecretStr)
    assert magic.code.get_secret_value() not in repr(magic)
    again = await workos.magic_auth.get(magic.id)
    assert again.code.get_secret_value() == magic.code.get_secret_value()
    with pytest.raises(NotFoundError):
        await workos.magic_auth.get("magic_auth_nope")
    with pytest.raises(PydanticValidationError):
        MagicAuthCreate(email="not-an-email")
    with pytest.raises(PydanticValidationError):
        EmailChangeSend(new_email="nope")
    with pytest.raises(BadRequestError):
        await workos.magic_auth.create(
            MagicAuthCreate(email=user["email"], invitation_token=SecretStr("bogus"))
        )


async def test_email_change(workos: WorkOS, emulator: EmulatorHandle) -> None:
    users = emulator.state["users"]
    user_id, other_id = users.order[0], users.order[1]
    change = await workos.email_changes.send(user_id, "moved@new.example")
    assert change.new_email == "moved@new.example" and change.user.id == user_id
    code = next(iter(emulator.state["email_changes"]))["_code"]
    with pytest.raises(BadRequestError) as wrong:
        await workos.email_changes.confirm(user_id, "x" + code)
    assert wrong.value.code == "email_change_code_incorrect"
    done = await workos.email_changes.confirm(user_id, code)
    assert done.user.email == "moved@new.example"
    with pytest.raises(ConflictError) as used:
        await workos.email_changes.confirm(user_id, code)
    assert used.value.code == "email_change_code_previously_used"
    other = users.get(other_id)
    assert other is not None
    with pytest.raises(ConflictError) as taken:
        await workos.email_changes.send(user_id, other["email"])
    assert taken.value.code == "email_not_available"
    with pytest.raises(NotFoundError):
        await workos.email_changes.send("user_nope", "a@b.example")


async def test_resources(workos: WorkOS, emulator: EmulatorHandle) -> None:
    factor = next(iter(emulator.state["auth_factors"]))
    request = ListRequest(filters={"user_id": factor["user_id"]}, limit=5)
    rows = list(await USER_AUTH_FACTORS.open_list(workos, request).next_page())
    assert [r.id for r in rows] == [factor["id"]]
    for column in USER_AUTH_FACTORS.columns:
        assert isinstance(column.render(rows[0]), str)
    for section in USER_AUTH_FACTORS.sections:
        for field in section.fields:
            assert isinstance(field.render(rows[0]), str)
    assert USER_AUTH_FACTORS.get is not None and USER_AUTH_FACTORS.create is not None
    assert (await USER_AUTH_FACTORS.get(workos, rows[0].id)).id == rows[0].id  # type: ignore[attr-defined]
    prefill = dict(USER_AUTH_FACTORS.create_prefill({"user_id": factor["user_id"]}))
    form = AuthenticationFactorEnroll(**prefill, totp_issuer="Acme", totp_user="me")
    created = await USER_AUTH_FACTORS.create(workos, form)
    assert USER_AUTH_FACTORS.delete is not None
    await USER_AUTH_FACTORS.delete(workos, USER_AUTH_FACTORS.item_id(created))
    user = await workos.users.get(factor["user_id"])
    sent = await CHANGE_EMAIL.run(workos, user, EmailChangeSend(new_email="fresh@new.example"))
    assert sent is not None and sent.new_email == "fresh@new.example"  # type: ignore[attr-defined]
