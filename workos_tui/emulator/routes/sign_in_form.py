"""``POST /_emulate/authorize``: the hosted sign-in pages' form (see :mod:`..hosted_pages`).

The form's fields are checked again like the authorize request they carry; a valid choice
redirects to ``redirect_uri`` with a one-time code, an invalid one shows the page again (400).
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl

from starlette.responses import Response

from .. import render
from ..errors import ApiError, error
from ..http import Ctx, Routes
from ..oauth import issue, redirect, with_query
from ..sessions import active_memberships
from ..state import EmulatorState
from ..store import Record
from .authorize import (
    FORM_FIELDS,
    SSO,
    USER_MANAGEMENT,
    AuthorizeFailure,
    Target,
    check_authorize_request,
    failed_redirect,
    is_member,
    organization_page,
    page_for,
    target_for,
    user_by_email,
)
from .common import check_email
from .sso_auth import create_profile

hosted = Routes()  # not in the spec: served under /_emulate, outside the API's route tables

# What hosted AuthKit does on its own pages before it issues a code.
DONE_ON_HOSTED_PAGES = ["email_verification", "mfa"]


class FormProblem(Exception):
    """The page's form was filled in wrongly: the page comes back with this message."""


@hosted.post("/_emulate/authorize")
def submit(ctx: Ctx) -> Response:
    form: dict[str, str] = {}
    for key, value in parse_qsl(ctx.raw_body.decode("utf-8", "replace"), keep_blank_values=True):
        form[key] = value
    flow = form.get("flow")
    if flow not in (USER_MANAGEMENT, SSO):
        raise error(400, "flow must be user_management or sso.", "invalid_request")
    q = {k: v for k, v in form.items() if k not in FORM_FIELDS}
    redirect_uri = check_authorize_request(q)
    try:
        target = target_for(ctx.state, flow, q)
    except AuthorizeFailure as failure:
        return failed_redirect(redirect_uri, failure, q)
    try:
        if flow == SSO:
            return _finish_sso(ctx.state, target, q, form, redirect_uri)
        return _finish_user_management(ctx.state, target, q, form, redirect_uri)
    except FormProblem as problem:
        return page_for(ctx.state, target, q, form, str(problem)).response(400)


def _chosen(state: EmulatorState, target: Target, form: Mapping[str, str]) -> Record | None:
    """The account picked or typed (``None``: an email that names no account)."""
    email = form.get("email", "").strip()
    if email:
        return user_by_email(state, email)
    user_id = form.get("user_id", "")
    user = state["users"].get(user_id) if user_id else None
    if user is None:
        raise FormProblem("Choose an account or type an email.")
    return user


def _finish_sso(
    state: EmulatorState, target: Target, q: Mapping[str, str], form: Mapping[str, str], back: str
) -> Response:
    user = _chosen(state, target, form)
    email = user["email"] if user is not None else form.get("email", "").strip()
    if "@" not in email:
        raise FormProblem("Type a valid email address.")
    if (
        user is not None
        and target.organization_id
        and not is_member(state, user, target.organization_id)
    ):
        raise FormProblem(f"{user['email']} is not a member of the connection's organization.")
    profile = create_profile(state, target.connection, target.provider, email)
    code = issue(state, "sso_code", {"profile_id": profile["id"], "redirect_uri": back})
    return redirect(with_query(back, {"code": code, "state": q.get("state")}))


def _sign_up(state: EmulatorState, target: Target, form: Mapping[str, str]) -> Record:
    try:
        email = check_email(form.get("email", "").strip())
    except ApiError:
        raise FormProblem("Type a valid email address.") from None
    if user_by_email(state, email) is not None:
        raise FormProblem("An account with this email already exists: sign in instead.")
    first = form.get("first_name", "").strip() or None
    last = form.get("last_name", "").strip() or None
    user = state.create(
        "users",
        {
            "object": "user",
            "first_name": first,
            "last_name": last,
            "name": " ".join(p for p in (first, last) if p) or None,
            "profile_picture_url": None,
            "email": email,
            "email_verified": True,
            "external_id": None,
            "metadata": {},
            "last_sign_in_at": None,
            "locale": None,
            "_organization_ids": [],
            "_password": None,
        },
    )
    state.emit("user.created", render.user(user))
    org_id = target.organization_id
    if org_id:
        om = state.create(
            "organization_memberships",
            {
                "object": "organization_membership",
                "user_id": user["id"],
                "organization_id": org_id,
                "status": "active",
                "directory_managed": False,
                "custom_attributes": {},
                "role": {"slug": "member"},
                "roles": [{"slug": "member"}],
            },
        )
        user["_organization_ids"] = [org_id]
        state["users"].put(user)
        state.emit("organization_membership.created", render.membership_event(om), org_id)
    return user


def _finish_user_management(
    state: EmulatorState, target: Target, q: Mapping[str, str], form: Mapping[str, str], back: str
) -> Response:
    if target.sign_up:
        user = _sign_up(state, target, form)
    else:
        found = _chosen(state, target, form)
        if found is None:
            raise FormProblem(
                "No account has this email." + (" Sign up?" if target.authkit else "")
            )
        user = found
    org_id = target.organization_id
    if org_id and not is_member(state, user, org_id):
        org = state["organizations"].get(org_id)
        raise FormProblem(f"{user['email']} is not a member of {org['name'] if org else org_id}.")
    if org_id is None and len(active_memberships(state, user["id"])) > 1:
        return organization_page(state, q, user).response()
    if not user["email_verified"]:
        user["email_verified"] = True
        state.touch("users", user)
        state.emit("user.updated", render.user(user))
    code = issue(
        state,
        "authorization_code",
        {
            "user_id": user["id"],
            "organization_id": org_id,
            "method": target.method,
            "code_challenge": q.get("code_challenge"),
            "done": DONE_ON_HOSTED_PAGES,
        },
    )
    return redirect(with_query(back, {"code": code, "state": q.get("state")}))
