"""SSO connections (list/get/delete)."""

from __future__ import annotations

from starlette.responses import Response

from .. import render
from ..errors import validation
from ..http import Ctx, Routes, empty, json_response
from ..pagination import Predicate
from ..seeder import connection_event
from ..store import Record
from .common import fetch, list_page

routes = Routes()

CONNECTION_TYPES = frozenset(
    [
        "ADFSSAML",
        "AdpOidc",
        "AppleOAuth",
        "Auth0Migration",
        "Auth0SAML",
        "AzureSAML",
        "BitbucketOAuth",
        "CasSAML",
        "ClassLinkSAML",
        "CleverOIDC",
        "CloudflareSAML",
        "CyberArkSAML",
        "DiscordOAuth",
        "DuoSAML",
        "EntraIdOIDC",
        "GenericOIDC",
        "GenericSAML",
        "GitHubOAuth",
        "GithubOAuth",
        "GitLabOAuth",
        "GoogleOAuth",
        "GoogleOIDC",
        "GoogleSAML",
        "GrokOAuth",
        "XOAuth",
        "IntuitOAuth",
        "JumpCloudSAML",
        "KeycloakSAML",
        "LastPassSAML",
        "LinkedInOAuth",
        "LoginGovOidc",
        "MagicLink",
        "MicrosoftOAuth",
        "MiniOrangeSAML",
        "NetIqSAML",
        "OktaOIDC",
        "OktaSAML",
        "OneLoginSAML",
        "OracleSAML",
        "PingFederateSAML",
        "PingOneSAML",
        "RipplingSAML",
        "SalesforceSAML",
        "ShibbolethGenericSAML",
        "ShibbolethSAML",
        "SimpleSamlPhpSAML",
        "SalesforceOAuth",
        "SlackOAuth",
        "TestIdp",
        "VercelMarketplaceOAuth",
        "VercelOAuth",
        "VMwareSAML",
        "XeroOAuth",
    ]
)


def _all(preds: list[Predicate]) -> Predicate | None:
    if not preds:
        return None
    return lambda r: all(p(r) for p in preds)


@routes.get("/connections")
def list_connections(ctx: Ctx) -> Response:
    state = ctx.state
    preds: list[Predicate] = []
    ctype = ctx.query.get("connection_type")
    if ctype:
        if ctype not in CONNECTION_TYPES:
            raise validation("connection_type", "invalid_enum_value")
        preds.append(lambda r: r["connection_type"] == ctype)
    domain = (ctx.query.get("domain") or "").lower()
    if domain:
        preds.append(lambda r: any(d["domain"].lower() == domain for d in r["domains"]))
    search = (ctx.query.get("search") or "").lower()
    if search:

        def matches(r: Record) -> bool:
            return search in r["name"].lower() or any(
                search in d["domain"].lower() for d in r["domains"]
            )

        preds.append(matches)
    org_id = ctx.query.get("organization_id")
    candidates = state["connections"].index("organization_id").get(org_id) if org_id else None
    return list_page(
        ctx,
        "connections",
        candidates=candidates,
        predicate=_all(preds),
        render=lambda r: render.connection(state, r),
    )


@routes.get("/connections/{id}")
def get_connection(ctx: Ctx) -> Response:
    conn = fetch(ctx.state, "connections", ctx.params["id"], "Connection")
    return json_response(render.connection(ctx.state, conn))


@routes.delete("/connections/{id}")
def delete_connection(ctx: Ctx) -> Response:
    state = ctx.state
    conn = fetch(state, "connections", ctx.params["id"], "Connection")
    state["connections"].delete(conn["id"])
    state.emit("connection.deleted", connection_event(conn, deleted=True), conn["organization_id"])
    return empty(204)
