"""The emulated SSO flow after the browser's part: token exchange, profile, logout, JWKS.

``GET /sso/authorize`` (in :mod:`.authorize`) shows the identity provider's page; its form
signs a profile in (:func:`create_profile`) and redirects to ``redirect_uri`` with a one-time
``code``. ``POST /sso/token`` exchanges client id, client secret (an accepted API key) and the code
for the profile and an RS256 access token that ``GET /sso/profile`` accepts and ``GET
/sso/jwks/{clientId}`` verifies.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from starlette.responses import Response

from .. import jws
from ..errors import ApiError, error
from ..http import Ctx, Routes, json_response, public
from ..oauth import (
    ACCESS_TOKEN_TTL_S,
    CLIENT_ID,
    ISSUER,
    check_client,
    consume,
    now_s,
    oauth_error,
    redirect,
    with_query,
)
from ..state import EmulatorState
from ..store import Record

routes = Routes()

OAUTH_PROVIDERS = frozenset(
    {
        "AppleOAuth",
        "BitbucketOAuth",
        "GitHubOAuth",
        "GitLabOAuth",
        "GoogleOAuth",
        "IntuitOAuth",
        "LinkedInOAuth",
        "MicrosoftOAuth",
        "SalesforceOAuth",
        "SlackOAuth",
        "VercelMarketplaceOAuth",
        "VercelOAuth",
        "XeroOAuth",
    }
)
LOGOUT_TTL_S = 600
LOGGED_OUT_URL = "https://auth.workos.example/sso/logged-out"
SLO_CONNECTION_TYPES = frozenset({"GenericOIDC"})


def _signed_in_user(state: EmulatorState, org_id: str | None, hint: str | None) -> Record | None:
    if hint:
        ids_ = state["users"].index("email").get(hint.lower())
        return state["users"].items[ids_[0]] if ids_ else None
    if org_id:
        oms = state["organization_memberships"].index("organization_id").get(org_id)
        if oms:
            return state["users"].get(state["organization_memberships"].items[oms[0]]["user_id"])
    return None


def create_profile(
    state: EmulatorState, conn: Record | None, ctype: str, hint: str | None
) -> Record:
    org_id = conn["organization_id"] if conn else None
    user = _signed_in_user(state, org_id, hint)
    if user is not None:
        email, first, last = user["email"], user["first_name"], user["last_name"]
    else:
        email = hint or "jane.doe@example.com"
        local = email.partition("@")[0].replace(".", " ").replace("_", " ").split()
        first = local[0].title() if local else None
        last = local[-1].title() if len(local) > 1 else None
    name = " ".join(p for p in (first, last) if p) or None
    idp_id = str(state.rng.randrange(10**11, 10**12))
    return state.create(
        "profiles",
        {
            "object": "profile",
            "organization_id": org_id,
            "connection_id": conn["id"] if conn else f"conn_{ctype.lower()}",
            "connection_type": ctype,
            "idp_id": idp_id,
            "email": email,
            "first_name": first,
            "last_name": last,
            "name": name,
            "role": {"slug": "member"},
            "roles": [{"slug": "member"}],
            "groups": [],
            "custom_attributes": {},
            "raw_attributes": {"email": email, "id": idp_id},
        },
    )


def render_profile(profile: Record) -> Record:
    out = public(profile)
    out.pop("created_at", None)
    out.pop("updated_at", None)
    return out


def token_params(ctx: Ctx) -> dict[str, Any]:
    """Parameters from the query, a JSON body or a form body (later ones win)."""
    params: dict[str, Any] = dict(ctx.query)
    ctype = ctx.request.headers.get("content-type", "")
    if ctype.startswith("application/x-www-form-urlencoded"):
        params.update(parse_qsl(ctx.raw_body.decode("utf-8", "replace")))
    else:
        params.update(ctx.json(status=422, required=False))
    return params


@routes.post("/sso/token")
def sso_token(ctx: Ctx) -> Response:
    state = ctx.state
    params = token_params(ctx)
    for name in ("client_id", "client_secret", "code", "grant_type"):
        if not isinstance(params.get(name), str) or not params[name]:
            raise error(422, f"{name} is required.")
    if params["grant_type"] != "authorization_code":
        raise oauth_error(400, "unsupported_grant_type", "The grant type is not supported.")
    check_client(ctx, params["client_id"], params["client_secret"], secret_required=True)
    grant = consume(state, "sso_code", params["code"])
    profile = state["profiles"].get(grant["profile_id"]) if grant else None
    if profile is None:
        raise oauth_error(400, "invalid_grant", "The code has expired or has already been used.")
    issued = now_s(state)
    access_token = jws.sign(
        state,
        {
            "iss": ISSUER,
            "sub": profile["id"],
            "aud": CLIENT_ID,
            "iat": issued,
            "exp": issued + ACCESS_TOKEN_TTL_S,
            "jti": ctx.state.new_id("jti"),
            "token_use": "sso_access",
        },
    )
    return json_response(
        {
            "token_type": "Bearer",
            "access_token": access_token,
            "expires_in": ACCESS_TOKEN_TTL_S,
            "profile": render_profile(profile),
        }
    )


def _unauthorized() -> ApiError:
    return ApiError(401, {"error": "Unauthorized"})


@routes.get("/sso/profile")
def sso_profile(ctx: Ctx) -> Response:
    state = ctx.state
    scheme, _, token = ctx.request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized()
    try:
        claims = jws.verify(state, token.strip())
    except jws.JwsError:
        raise _unauthorized() from None
    exp = claims.get("exp")
    if claims.get("token_use") != "sso_access" or not isinstance(exp, int) or exp < now_s(state):
        raise _unauthorized()
    profile = state["profiles"].get(str(claims.get("sub")))
    if profile is None:
        raise error(404, f"Profile not found: '{claims.get('sub')}'.", "entity_not_found")
    return json_response(render_profile(profile))


@routes.post("/sso/logout/authorize")
def sso_logout_authorize(ctx: Ctx) -> Response:
    state = ctx.state
    profile_id = ctx.json(status=400).get("profile_id")
    if not isinstance(profile_id, str) or not profile_id:
        raise oauth_error(400, "unauthorized_client", "profile_id is required.")
    profile = state["profiles"].get(profile_id)
    if profile is None:
        raise error(404, f"Profile not found: '{profile_id}'.", "entity_not_found")
    if profile["connection_type"] not in SLO_CONNECTION_TYPES:
        raise oauth_error(
            400,
            "connection_invalid",
            "Single Logout is only supported for GenericOIDC connections.",
        )
    issued = now_s(state)
    token = jws.sign(
        state,
        {
            "profile_id": profile_id,
            "iat": issued,
            "exp": issued + LOGOUT_TTL_S,
            "token_use": "sso_logout",
        },
    )
    base = str(ctx.request.base_url).rstrip("/")
    return json_response(
        {"logout_url": with_query(f"{base}/sso/logout", {"token": token}), "logout_token": token}
    )


@routes.get("/sso/logout")
def sso_logout(ctx: Ctx) -> Response:
    state = ctx.state
    token = ctx.query.get("token") or ""
    try:
        claims = jws.verify(state, token)
    except jws.JwsError:
        claims = {}
    exp = claims.get("exp")
    live = claims.get("token_use") == "sso_logout" and isinstance(exp, int) and exp >= now_s(state)
    profile = state["profiles"].get(str(claims.get("profile_id"))) if live else None
    if profile is None:
        raise error(404, "Logout token not found or expired.", "entity_not_found")
    return redirect(LOGGED_OUT_URL)


@routes.get("/sso/jwks/{clientId}")
def sso_jwks(ctx: Ctx) -> Response:
    client_id = ctx.params["clientId"]
    if client_id != CLIENT_ID:
        raise error(404, f"Client not found: '{client_id}'.", "entity_not_found")
    return json_response(jws.jwks(ctx.state))
