"""Demo data for Connect and Pipes: a few applications with client secrets, the applications
some users authorized, data integrations (GitHub, Slack, Linear, a custom CRM) and a handful of
connected accounts.  About forty records, so the default seed stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import ids
from .demo_clock import DAY_MS
from .routes.connect import new_client_secret
from .routes.pipes import CUSTOM_DEFAULTS, REDIRECT_BASE
from .routes.pipes_accounts import TOKEN_TTL_MS, event_payload
from .seeder import Seeder
from .store import Record

SCOPES = ["openid", "profile", "email"]


AUTHORIZED_USERS = 8
RECORDS = 4 + AUTHORIZED_USERS + 4 + 5  # applications, authorizations, integrations, accounts


def seed_connect(
    seeder: Seeder, orgs: list[Record], users: Sequence[Record], tick: Callable[[], None]
) -> None:
    """Connect applications, authorized applications, Pipes integrations and accounts
    (``tick`` before each)."""
    if not orgs or len(users) < AUTHORIZED_USERS:
        return
    apps = _applications(seeder, orgs, tick)
    state = seeder.state
    for k, user in enumerate(users[:AUTHORIZED_USERS]):
        tick()
        seeder.not_before(user)
        app = apps[k % 3]
        org_ids = user.get("_organization_ids") or [None]
        state.create(
            "authorized_applications",
            {
                "object": "authorized_connect_application",
                "granted_scopes": SCOPES[: 2 + k % 2],
                "oauth_resource": "https://api.acme-app.example" if k % 4 == 1 else None,
                "user_id": user["id"],
                "_application_id": app["id"],
                "_organization_id": org_ids[0],
            },
        )
    _pipes(seeder, orgs, users, tick)


def _applications(seeder: Seeder, orgs: list[Record], tick: Callable[[], None]) -> list[Record]:
    state = seeder.state
    base: Record = {"object": "connect_application", "application_type": "oauth"}
    specs: list[Record] = [
        {
            "name": "Acme Console",
            "description": "The first-party web console.",
            "scopes": SCOPES,
            "redirect_uris": [
                {"uri": "https://console.acme-app.example/callback", "default": True}
            ],
            "uses_pkce": True,
            "is_first_party": True,
        },
        {
            "name": "Partner Analytics",
            "description": "Third-party reporting for a customer.",
            "scopes": ["openid", "profile"],
            "redirect_uris": [
                {"uri": "https://analytics.partner.example/oauth/callback", "default": True},
                {"uri": "http://localhost:3000/callback", "default": False},
            ],
            "uses_pkce": False,
            "is_first_party": False,
            "was_dynamically_registered": False,
            "organization_id": orgs[0]["id"],
        },
        {
            "name": "Claude MCP client",
            "description": None,
            "scopes": ["openid"],
            "redirect_uris": [{"uri": "http://127.0.0.1:33418/callback", "default": True}],
            "uses_pkce": True,
            "is_first_party": False,
            "was_dynamically_registered": True,
        },
        {
            "name": "Nightly Sync",
            "description": "Machine-to-machine data export.",
            "scopes": ["reports:read"],
            "application_type": "m2m",
            "organization_id": orgs[min(1, len(orgs) - 1)]["id"],
        },
    ]
    apps = []
    for k, spec in enumerate(specs):
        tick()
        fields = {**base, "client_id": state.new_id("client"), **spec}
        if fields["application_type"] == "m2m":
            fields.pop("redirect_uris", None)
        app = state.create("connect_applications", fields)
        for j in range(2 if k in (1, 3) else 1 if k == 0 else 0):
            secret = new_client_secret(state, app, seeder.token(40))
            if j == 0:
                secret["last_used_at"] = seeder.iso_after(0.5)
        apps.append(app)
    return apps


def _pipes(
    seeder: Seeder, orgs: list[Record], users: Sequence[Record], tick: Callable[[], None]
) -> None:
    state = seeder.state
    specs: list[Record] = [
        {
            "slug": "github",
            "description": "Repositories for code search",
            "scopes": ["repo", "read:user"],
            "auth_methods": ["oauth"],
            "credentials": {
                "type": "custom",
                "client_id": "Iv1.8a61f9b3a7aba766",
                "redacted_client_secret": "****e4b2",
            },
        },
        {
            "slug": "slack",
            "description": None,
            "scopes": ["channels:read", "chat:write"],
            "auth_methods": ["oauth"],
            "credentials": {
                "type": "organization",
                "client_id": None,
                "redacted_client_secret": None,
            },
        },
        {
            "slug": "linear",
            "description": "Issue sync with API keys",
            "scopes": None,
            "auth_methods": ["api_key"],
            "credentials": None,
        },
        {
            "slug": "acme-crm",
            "description": "In-house CRM",
            "scopes": ["contacts"],
            "auth_methods": ["oauth", "client_credentials"],
            "credentials": {
                "type": "custom",
                "client_id": "crm-client",
                "redacted_client_secret": "****9f3c",
            },
            "custom_provider": {
                **CUSTOM_DEFAULTS,
                "name": "Acme CRM",
                "authorization_url": "https://crm.acme-app.example/oauth/authorize",
                "token_url": "https://crm.acme-app.example/oauth/token",
            },
        },
    ]
    integrations = []
    for spec in specs:
        tick()
        fields: Record = {
            "object": "data_integration",
            "integration_type": spec["slug"],
            "enabled": True,
            "state": "valid",
            "redirect_uri": f"{REDIRECT_BASE}/{spec['slug']}/callback",
            "config": {},
            "custom_provider": None,
            **spec,
        }
        integrations.append(state.create("data_integrations", fields))
    slack = integrations[1]
    slack["_org_configs"] = {
        orgs[0]["id"]: {
            "enabled": True,
            "client_id": "1234567890.9876543210",
            "client_secret_last_four": "a1b2",
            "created_at": slack["created_at"],
            "updated_at": slack["updated_at"],
        }
    }
    accounts = [
        (integrations[0], 0, "connected", "oauth"),
        (integrations[0], 1, "needs_reauthorization", "oauth"),
        (integrations[1], 0, "connected", "oauth"),
        (integrations[2], 2, "connected", "api_key"),
        (integrations[3], 3, "connected", "client_credentials"),
    ]
    for integration, user_index, account_state, method in accounts:
        if user_index >= len(users):  # a small --scale has fewer users than the demo accounts
            continue
        tick()
        user = users[user_index]
        seeder.not_before(user)
        org_ids = user.get("_organization_ids") or []
        org_id = org_ids[0] if integration["slug"] == "slack" and org_ids else None
        fields = {
            "object": "connected_account",
            "user_id": user["id"],
            "organization_id": org_id,
            "scopes": list(integration.get("scopes") or [])[:1],
            "auth_method": method,
            "config": {},
            "state": account_state,
            "_integration_id": integration["id"],
        }
        if method == "oauth":
            fields["_access_token"] = "gho_" + seeder.token(30)
            fields["_refresh_token"] = "ghr_" + seeder.token(30)
            # An hour-long token: refreshed half an hour before now while the account is
            # connected; expired an hour after it was issued when reauthorization is needed.
            live = account_state == "connected"
            expires = seeder.present_ms + TOKEN_TTL_MS // 2 if live else None
            fields["_expires_at"] = (
                ids.iso(expires) if expires else seeder.iso_after(TOKEN_TTL_MS / DAY_MS)
            )
        elif method == "api_key":
            secret = "lin_api_" + seeder.token(32)
            fields.update(api_key_last_4=secret[-4:], _secret=secret)
        else:
            secret = seeder.token(32)
            fields.update(client_id="crm-m2m", client_secret_last_4=secret[-4:])
            fields["_client_secret"] = secret
        account = state.create("connected_accounts", fields)
        seeder.emit(
            "pipes.connected_account.connected", event_payload(account, integration), org_id
        )
        if method == "api_key":
            integration["_installation_id"] = account["id"]
            state["data_integrations"].put(integration)
