"""Agent auth: read a registration, validate an agent credential, link a claim attempt.

No operation of the spec creates registrations: :func:`register_agent` does (the demo seeds a
few, tests make their own). Each registration has a claim-attempt token (``_claim_token``), an
agent API key (``_api_key``) and may get RS256 access tokens (:func:`agent_access_token`,
``sub`` = the registration id) that ``POST /agents/credentials/validate`` checks.
"""

from __future__ import annotations

import hmac
from typing import Any

from starlette.responses import Response

from .. import ids, jws
from ..errors import ApiError
from ..http import Ctx, Routes, json_response, public
from ..oauth import ISSUER, now_s
from ..sessions import active_memberships
from ..state import EmulatorState
from ..store import Record
from .common import fetch
from .external_auth import create_external_user, email_taken, valid_email

routes = Routes()

CLAIM_TTL_MS = 3_600_000
API_KEY_TTL_MS = 3_650 * 86_400_000
ACCESS_TOKEN_TTL_S = 3_600
USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ"
TOKEN_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
INVALID: dict[str, Any] = {"valid": False, "registration_id": None, "expires_at": None}


def _random(state: EmulatorState, n: int, alphabet: str = TOKEN_ALPHABET) -> str:
    return "".join(state.rng.choice(alphabet) for _ in range(n))


def register_agent(
    state: EmulatorState,
    organization_id: str,
    *,
    kind: str = "service_auth",
    status: str = "unverified",
    user_id: str | None = None,
    claim: bool = True,
    claimed: bool = False,
    claim_ttl_ms: int = CLAIM_TTL_MS,
) -> Record:
    """A new agent registration with its agent identity, claim, claim token and API key."""
    _, ms, now = state.stamp()
    claim_record: Record | None = None
    if claim:
        completion: Record | None = None
        if claimed:
            completion = {
                "id": state.new_id("agent_reg_claim_attempt", ms),
                "created_at": now,
                "updated_at": now,
                "expires_at": ids.iso(ms + claim_ttl_ms),
                "claimed_at": now,
            }
        claim_record = {
            "id": state.new_id("agent_reg_claim", ms),
            "claim_completion": completion,
            "created_at": now,
            "updated_at": now,
            "expires_at": ids.iso(ms + claim_ttl_ms),
        }
    return state.create(
        "agent_registrations",
        {
            "agent_identity": {
                "id": state.new_id("agent_identity", ms),
                "userland_user_id": user_id,
                "created_at": now,
                "updated_at": now,
            },
            "organization_id": organization_id,
            "status": status,
            "kind": kind,
            "claim": claim_record,
            "_claim_token": "cla_tkn_" + _random(state, 26) if claim else None,
            "_api_key": "sk_agent_" + _random(state, 32),
            "_api_key_expires_ms": ms + API_KEY_TTL_MS,
            "_user_code": None,
        },
    )


def agent_access_token(
    state: EmulatorState, registration: Record, *, audience: str | None = None
) -> str:
    """An RS256 access token for the registration (what an agent would present)."""
    issued = now_s(state)
    claims: dict[str, Any] = {
        "iss": f"{ISSUER}/agents",
        "sub": registration["id"],
        "org_id": registration["organization_id"],
        "jti": state.new_id("jti"),
        "iat": issued,
        "exp": issued + ACCESS_TOKEN_TTL_S,
    }
    if audience is not None:
        claims["aud"] = audience
    return jws.sign(state, claims)


def _error(status: int, code: str, message: str, **extra: Any) -> ApiError:
    return ApiError(status, {"code": code, "message": message, **extra})


def _invalid_request(message: str) -> ApiError:
    return _error(400, "invalid_request", message)


def _body(ctx: Ctx) -> dict[str, Any]:
    try:
        return ctx.json(status=400)
    except ApiError as exc:
        raise _invalid_request(str(exc)) from None


@routes.get("/agents/registrations/{id}")
def get_registration(ctx: Ctx) -> Response:
    return json_response(
        public(fetch(ctx.state, "agent_registrations", ctx.params["id"], "Agent registration"))
    )


def _live(state: EmulatorState, registration: Record | None) -> Record | None:
    return registration if registration and registration["status"] == "verified" else None


def _validate_api_key(state: EmulatorState, credential: str) -> dict[str, Any]:
    for registration in state["agent_registrations"]:
        key = registration.get("_api_key")
        if isinstance(key, str) and hmac.compare_digest(key.encode(), credential.encode()):
            expires_ms = int(registration["_api_key_expires_ms"])
            if _live(state, registration) is None or expires_ms <= state.now_ms():
                return INVALID
            return {
                "valid": True,
                "registration_id": registration["id"],
                "expires_at": ids.iso(expires_ms),
            }
    return INVALID


def _validate_access_token(
    state: EmulatorState, credential: str, audience: str | None
) -> dict[str, Any]:
    try:
        claims = jws.verify(state, credential)
    except jws.JwsError:
        return INVALID
    exp, sub, aud = claims.get("exp"), claims.get("sub"), claims.get("aud")
    if not isinstance(exp, int) or exp <= now_s(state) or not isinstance(sub, str):
        return INVALID
    if audience is not None and audience != aud and not (isinstance(aud, list) and audience in aud):
        return INVALID
    if _live(state, state["agent_registrations"].get(sub)) is None:
        return INVALID
    return {"valid": True, "registration_id": sub, "expires_at": ids.iso(exp * 1000)}


@routes.post("/agents/credentials/validate")
def validate_credential(ctx: Ctx) -> Response:
    body = _body(ctx)
    kind, credential, audience = body.get("type"), body.get("credential"), body.get("audience")
    if kind not in ("api_key", "access_token"):
        raise _invalid_request("type must be api_key or access_token.")
    if not isinstance(credential, str) or not credential:
        raise _invalid_request("credential must be a non-empty string.")
    if audience is not None and (kind != "access_token" or not isinstance(audience, str)):
        raise _invalid_request("audience is a non-empty string, for access tokens only.")
    if kind == "api_key":
        return json_response(_validate_api_key(ctx.state, credential))
    return json_response(_validate_access_token(ctx.state, credential, audience or None))


def _claim_user(body: dict[str, Any]) -> tuple[str, str]:
    user = body.get("user")
    if not isinstance(user, dict):
        raise _invalid_request("user must be an object with email and external_id.")
    email, external_id = user.get("email"), user.get("external_id")
    if not isinstance(email, str) or not valid_email(email):
        raise _invalid_request("user.email must be a valid email address.")
    if not isinstance(external_id, str) or not external_id:
        raise _invalid_request("user.external_id must be a non-empty string.")
    return email, external_id


def _claimed_registration(state: EmulatorState, token: str) -> Record:
    col = state["agent_registrations"]
    rid = col.index("_claim_token").first(token)
    registration = col.get(rid) if rid else None
    claim = registration.get("claim") if registration else None
    if registration is None or not claim:
        raise _error(400, "invalid_claim", "The claim attempt token is not valid.")
    if registration["status"] == "revoked":
        raise _error(403, "claim_denied", "The agent registration was revoked.")
    if claim.get("claim_completion"):
        raise _error(409, "already_claimed", "The claim was already completed.")
    if registration["status"] == "expired" or ids.parse_iso(claim["expires_at"]) <= state.now_ms():
        raise _error(410, "claim_expired", "The claim attempt has expired.")
    return registration


def _user_for_claim(state: EmulatorState, email: str, external_id: str) -> Record:
    users = state["users"]
    uid = users.index("external_id").first(external_id)
    if uid is not None:
        user = users.items[uid]
        if user["email"].lower() != email.lower():
            raise _error(400, "email_mismatch", "The email does not match the external user's.")
        return user
    if email_taken(state, email, None):
        raise _error(409, "email_already_in_use", "The email belongs to another user.")
    return create_external_user(state, email, external_id)


@routes.patch("/agents/claims/attempts")
def link_claim_attempt(ctx: Ctx) -> Response:
    state = ctx.state
    body = _body(ctx)
    if body.get("type") != "link_external_user":
        raise _invalid_request("type must be link_external_user.")
    token = body.get("claim_attempt_token")
    if not isinstance(token, str) or not token:
        raise _invalid_request("claim_attempt_token must be a non-empty string.")
    email, external_id = _claim_user(body)
    org_id = body.get("organization_id")
    if org_id is not None and (not isinstance(org_id, str) or not org_id):
        raise _invalid_request("organization_id must be a non-empty string.")
    registration = _claimed_registration(state, token)
    linked = registration["agent_identity"].get("userland_user_id")
    user = _user_for_claim(state, email, external_id)
    if linked and linked != user["id"]:
        raise _error(400, "wrong_account", "The claim attempt is linked to another user.")
    orgs = []
    for om in active_memberships(state, user["id"]):
        org = state["organizations"].get(om["organization_id"])
        if org is not None:
            orgs.append({"id": org["id"], "name": org["name"]})
    if org_id is not None:
        if not any(o["id"] == org_id for o in orgs):
            raise _error(
                400, "invalid_organization", "The user is not a member of that organization."
            )
    elif len(orgs) > 1:
        raise _error(
            409,
            "organization_selection_required",
            "The user belongs to several organizations: retry with organization_id.",
            organizations=orgs,
        )
    elif orgs:
        org_id = orgs[0]["id"]
    now = ids.iso(state.now_ms())
    registration["agent_identity"] = {
        **registration["agent_identity"],
        "userland_user_id": user["id"],
        "updated_at": now,
    }
    registration["organization_id"] = org_id or registration["organization_id"]
    code = _random(state, 8, USER_CODE_ALPHABET)
    registration["_user_code"] = f"{code[:4]}-{code[4:]}"
    state.touch("agent_registrations", registration)
    return json_response(
        {
            "id": registration["id"],
            "status": registration["status"],
            "user_code": registration["_user_code"],
            "organizations": orgs,
        }
    )
