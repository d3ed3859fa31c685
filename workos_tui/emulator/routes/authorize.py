"""Browser sign-in: ``GET /user_management/authorize`` and ``GET /sso/authorize`` show the page
hosted AuthKit or the identity provider would show (see :mod:`..hosted_pages` for the form's
contract); the form posts to ``POST /_emulate/authorize`` (:mod:`.sign_in_form`), which
redirects to ``redirect_uri`` with a one-time ``code``.

What hosted AuthKit does on its own pages before it issues a code is done here: the account's
email counts as verified (marked so, with a ``user.updated`` event), its MFA as passed, and an
account in several organizations picks one. ``POST /user_management/authenticate`` then checks
the PKCE ``code_verifier`` against the ``code_challenge`` (S256) of the authorize request.

Requests that cannot be redirected (unknown ``client_id``, bad ``redirect_uri``, ``response_type``
other than ``code``) get a 422; other problems redirect with ``error``/``error_description``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from starlette.responses import Response

from ..errors import error
from ..hosted_pages import Choice, Field, Page
from ..http import Ctx, Routes
from ..oauth import CLIENT_ID, is_http_url, missing_parameter, redirect, with_query
from ..sessions import active_memberships, membership_of
from ..state import EmulatorState
from ..store import Record
from .sso_auth import OAUTH_PROVIDERS

routes = Routes()

USER_MANAGEMENT, SSO = "user_management", "sso"
FORM_FIELDS = frozenset({"flow", "user_id", "email", "first_name", "last_name"})
LISTED = 25  # accounts offered on a page (more can be typed by email)


class AuthorizeFailure(Exception):
    """Reported to the application as ``error`` / ``error_description`` on its redirect URI."""

    def __init__(self, code: str, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


@dataclass(frozen=True)
class Target:
    """Where an authorize request signs in."""

    flow: str
    authkit: bool  # hosted AuthKit's page (else the identity provider's)
    method: str  # the authenticate response's authentication_method
    organization_id: str | None
    connection: Record | None
    provider: str  # connection type or OAuth provider, for the page
    sign_up: bool = False


def check_authorize_request(q: Mapping[str, str]) -> str:
    """Validate what must be right before any redirect is possible; return ``redirect_uri``."""
    for name in ("client_id", "redirect_uri", "response_type"):
        if not q.get(name):
            raise missing_parameter(name)
    if q["client_id"] != CLIENT_ID:
        raise error(422, f"Invalid client ID: '{q['client_id']}'.", "invalid_client_id")
    if not is_http_url(q["redirect_uri"]):
        raise error(422, "redirect_uri must be an absolute http(s) URL.", "invalid_redirect_uri")
    if q["response_type"] != "code":
        raise error(422, "response_type must be 'code'.", "invalid_response_type")
    return q["redirect_uri"]


def _user_management_target(state: EmulatorState, q: Mapping[str, str]) -> Target:
    provider, conn_id, org_id = q.get("provider"), q.get("connection_id"), q.get("organization_id")
    if not (provider or conn_id or org_id):
        raise AuthorizeFailure(
            "invalid_request", "One of provider, connection_id or organization_id is required."
        )
    if provider and provider != "authkit" and provider not in OAUTH_PROVIDERS:
        raise AuthorizeFailure("invalid_request", f"Unsupported provider '{provider}'.")
    method = "Password" if provider == "authkit" else provider or "SSO"
    conn = None
    if conn_id:
        conn = state["connections"].get(conn_id)
        if conn is None or conn["state"] != "active":
            raise AuthorizeFailure(
                "invalid_connection", "The connection does not exist or is not active."
            )
        org_id = org_id or conn["organization_id"]
        method = "SSO"
    if org_id and state["organizations"].get(org_id) is None:
        raise AuthorizeFailure("organization_not_found", "The organization does not exist.")
    if q.get("code_challenge") and q.get("code_challenge_method", "S256") != "S256":
        raise AuthorizeFailure("invalid_request", "code_challenge_method must be S256.")
    authkit = provider == "authkit" and not conn_id
    shown = conn["connection_type"] if conn else (provider if provider != "authkit" else "SSO")
    return Target(
        flow=USER_MANAGEMENT,
        authkit=authkit,
        method=method,
        organization_id=org_id,
        connection=conn,
        provider=shown or "SSO",
        sign_up=authkit and q.get("screen_hint") == "sign-up",
    )


def _sso_target(state: EmulatorState, q: Mapping[str, str]) -> Target:
    """The connection to sign in through (by ``connection``, ``organization``, ``domain``), or a
    bare OAuth ``provider``."""
    conns = state["connections"]
    if q.get("connection"):
        conn = conns.get(q["connection"])
        if conn is None:
            raise AuthorizeFailure("connection_invalid", "The connection does not exist.")
    elif q.get("organization"):
        if state["organizations"].get(q["organization"]) is None:
            raise AuthorizeFailure("organization_invalid", "The organization does not exist.")
        candidates = [conns.items[c] for c in conns.index("organization_id").get(q["organization"])]
        active = [c for c in candidates if c["state"] == "active"]
        if not active:
            raise AuthorizeFailure(
                "organization_invalid", "The organization has no active SSO connection."
            )
        conn = active[0]
    elif q.get("domain"):
        domain = q["domain"].lower()
        found = [c for c in conns if any(d["domain"].lower() == domain for d in c["domains"])]
        if not found:
            raise AuthorizeFailure("domain_invalid", "No connection is set up for the domain.")
        conn = found[0]
    elif q.get("provider"):
        if q["provider"] not in OAUTH_PROVIDERS:
            raise AuthorizeFailure("invalid_provider", "The provider is not supported.")
        return Target(SSO, False, q["provider"], None, None, q["provider"])
    else:
        raise AuthorizeFailure(
            "invalid_request", "One of connection, organization, domain or provider is required."
        )
    if conn["state"] != "active":
        raise AuthorizeFailure("connection_invalid", "The connection is not active.")
    ctype = conn["connection_type"]
    return Target(SSO, False, "SSO", conn["organization_id"], conn, ctype)


def target_for(state: EmulatorState, flow: str, q: Mapping[str, str]) -> Target:
    return _sso_target(state, q) if flow == SSO else _user_management_target(state, q)


def failed_redirect(redirect_uri: str, failure: AuthorizeFailure, q: Mapping[str, str]) -> Response:
    return redirect(
        with_query(
            redirect_uri,
            {
                "error": failure.code,
                "error_description": failure.description,
                "state": q.get("state"),
            },
        )
    )


def _show(ctx: Ctx, flow: str) -> Response:
    q = {k: v for k, v in ctx.request.query_params.multi_items() if k not in FORM_FIELDS}
    redirect_uri = check_authorize_request(q)
    try:
        target = target_for(ctx.state, flow, q)
    except AuthorizeFailure as failure:
        return failed_redirect(redirect_uri, failure, q)
    return page_for(ctx.state, target, q, {}).response()


@routes.get("/user_management/authorize")
def authorize(ctx: Ctx) -> Response:
    """Hosted AuthKit's page (``provider=authkit``) or the identity provider's."""
    return _show(ctx, USER_MANAGEMENT)


@routes.get("/sso/authorize")
def sso_authorize(ctx: Ctx) -> Response:
    """The identity provider's page for the connection (or OAuth provider)."""
    return _show(ctx, SSO)


# -- the pages --------------------------------------------------------------------------------


def label(user: Record) -> str:
    name = " ".join(p for p in (user.get("first_name"), user.get("last_name")) if p)
    return f"{name} <{user['email']}>" if name else str(user["email"])


def _accounts(state: EmulatorState, org_id: str | None, hint: str | None) -> list[Record]:
    users = state["users"]
    if org_id:
        oms = state["organization_memberships"]
        listed = []
        for om_id in oms.index("organization_id").get(org_id):
            om = oms.items[om_id]
            user = users.get(om["user_id"]) if om.get("status", "active") == "active" else None
            if user is not None:
                listed.append(user)
            if len(listed) >= LISTED:
                break
    else:
        listed = [users.items[u] for u in users.order[:LISTED]]
    hinted = user_by_email(state, hint)
    if (
        hinted is not None
        and hinted not in listed
        and (not org_id or is_member(state, hinted, org_id))
    ):
        listed.insert(0, hinted)
    return listed


def user_by_email(state: EmulatorState, email: str | None) -> Record | None:
    if not email:
        return None
    found = state["users"].index("email").get(email.strip().lower())
    return state["users"].items[found[0]] if found else None


def is_member(state: EmulatorState, user: Record, org_id: str) -> bool:
    return membership_of(state, user["id"], org_id) is not None


def page_for(
    state: EmulatorState,
    target: Target,
    q: Mapping[str, str],
    form: Mapping[str, str],
    problem: str | None = None,
) -> Page:
    hidden = {"flow": target.flow, **q}
    org = state["organizations"].get(target.organization_id or "")
    where = f" to {org['name']}" if org else ""
    if target.sign_up:
        switch: dict[str, str | None] = {k: v for k, v in q.items() if k != "screen_hint"}
        return Page(
            title="Sign up",
            heading=f"Create an account{where}",
            note="Emulated hosted AuthKit: the new account's email counts as verified.",
            hidden=hidden,
            fields=(
                Field("email", "Email", form.get("email", q.get("login_hint", "")), "email", True),
                Field("first_name", "First name", form.get("first_name", "")),
                Field("last_name", "Last name", form.get("last_name", "")),
            ),
            error=problem,
            submit="Sign up",
            link=(with_query("/user_management/authorize", switch), "Already have an account?"),
        )
    hint = q.get("login_hint")
    accounts = _accounts(state, target.organization_id, hint)
    hinted = user_by_email(state, hint)
    selected = form.get("user_id") or (hinted["id"] if hinted in accounts else None)
    typed = form.get("email", "" if hinted is not None else hint or "")
    choices = [Choice(u["id"], label(u)) for u in accounts]
    if target.authkit:
        heading, note = f"Sign in{where}", "Emulated hosted AuthKit: no password is asked."
        link = (
            with_query("/user_management/authorize", {**q, "screen_hint": "sign-up"}),
            "Sign up",
        )
    else:
        heading = f"{target.provider}: sign in{where}"
        note = "Emulated identity provider: choose who signs in."
        link = None
    return Page(
        title="Sign in",
        heading=heading,
        note=note,
        hidden=hidden,
        select=("user_id", "Account", choices, selected or (choices[0].value if choices else None)),
        fields=(Field("email", "Or an email (wins over the account above)", typed, "email"),),
        error=problem,
        submit="Sign in",
        link=link,
    )


def organization_page(state: EmulatorState, q: Mapping[str, str], user: Record) -> Page:
    orgs = [
        state["organizations"].get(om["organization_id"])
        for om in active_memberships(state, user["id"])
    ]
    return Page(
        title="Choose an organization",
        heading="Choose an organization",
        note=f"{label(user)} belongs to several organizations.",
        hidden={"flow": USER_MANAGEMENT, **q, "user_id": user["id"]},
        select=(
            "organization_id",
            "Organization",
            [Choice(o["id"], o["name"]) for o in orgs if o is not None],
            None,
        ),
        submit="Continue",
    )
