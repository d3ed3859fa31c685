"""Actions on a user's row (support tasks: re-send the verification email, a password reset, an
email change) and on a session's (revoke it).

Loaded with the Users area, so it stays light: models load when an action runs.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from workos_tui.resources.base import Action, Facade, Item, api_model


async def _send_verification(workos: Facade, user: Any, _form: BaseModel | None) -> Item:
    return await workos.users.send_verification_email(str(user.id))


async def _send_password_reset(workos: Facade, user: Any, _form: BaseModel | None) -> BaseModel:
    from workos_tui.resources.results import ActionResult, plain

    reset = await workos.users.send_password_reset(str(user.email))
    return ActionResult(
        title=f"Password reset sent to {user.email}",
        entries=(plain("Reset", reset.id), plain("Expires", reset.expires_at)),
        note="The link went to the user's inbox; it is not shown here.",
    )


async def _send_email_change(workos: Facade, user: Any, form: BaseModel | None) -> Item:
    from workos_tui.api.models.magic_auth import EmailChangeSend

    assert isinstance(form, EmailChangeSend)
    return await workos.email_changes.send(str(user.id), form.new_email)


async def _revoke_session(workos: Facade, session: Any, _form: BaseModel | None) -> None:
    await workos.authentication.revoke_session(str(session.id))


CHANGE_EMAIL = Action(
    "change_email",
    "Change email (sends a code to the new address)",
    _send_email_change,
    input_model=api_model("magic_auth", "EmailChangeSend"),
    mutates=False,
)

USER_ACTIONS = (
    Action(
        "send_verification",
        "Send the verification email again",
        _send_verification,
        mutates=False,
        applies=lambda user: not getattr(user, "email_verified", False),
    ),
    Action(
        "send_password_reset",
        "Send a password reset email",
        _send_password_reset,
        mutates=False,
        confirm=True,
    ),
    CHANGE_EMAIL,
)

SESSION_ACTIONS = (
    Action(
        "revoke",
        "Revoke the session (signs the user out)",
        _revoke_session,
        confirm=True,
        applies=lambda session: getattr(session, "status", None) == "active",
    ),
)
