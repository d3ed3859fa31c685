"""Demo content worth diagnosing: sign-in and sync activity, and one organization in trouble.

Seeded last (after everything else), so the rest of the demo keeps its ids and values:

* every active connection has had successful SSO sign-ins over the last weeks, and every linked
  directory a ``dsync.user.updated`` within the last hours (so that the health views call
  them healthy);
* :data:`TROUBLED` ("Acme Rockets") has a SAML connection that worked until its certificate
  expired three days ago, was deactivated, and has failed every sign-in since; an Okta SCIM
  directory still linked whose last sync event is a week old; an invitation that expired
  unaccepted two days ago; a domain whose DNS verification failed; and an API key that expires
  in five days.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from . import ids, names, render
from .http import public
from .routes.api_keys import new_api_key
from .seeder import Seeder, connection_event
from .store import Record

TROUBLED = "Acme Rockets"
HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS
AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15"
CERTIFICATE_ERROR = (
    "invalid_saml_response",
    "The SAML response was signed with a certificate that is not the connection's "
    "(the IdP certificate expired and was replaced).",
)
INACTIVE_ERROR = ("connection_inactive", "The SSO connection is inactive.")
GROUPS = ("Engineering", "Flight Operations", "Finance")


def _sign_in(
    seeder: Seeder, conn: Record, email: str, k: int, error: tuple[str, str] | None = None
) -> None:
    data: Record = {
        "type": "sso",
        "status": "failed" if error else "succeeded",
        "ip_address": f"198.51.100.{10 + k % 200}",
        "user_agent": AGENT,
        "user_id": None,
        "email": email,
        "sso": {
            "organization_id": conn["organization_id"],
            "connection_id": conn["id"],
            "session_id": None,
        },
    }
    if error:
        data["error"] = {"code": error[0], "message": error[1]}
    name = "authentication.sso_failed" if error else "authentication.sso_succeeded"
    seeder.emit(name, data, conn["organization_id"])


def _email(k: int, domain: str) -> str:
    first = names.FIRST_NAMES[(k * 7) % len(names.FIRST_NAMES)]
    last = names.LAST_NAMES[(k * 11) % len(names.LAST_NAMES)]
    return f"{first}.{last}@{domain}".lower()


def seed_health(seeder: Seeder, orgs: list[Record]) -> None:
    """The activity and the troubled organization above (the clock is rewound into history)."""
    state = seeder.state
    present = seeder.present_ms
    start = present - 45 * DAY_MS
    seeder.backdate(start, present, 1)  # rewinds the clock; the steps below go forward
    steps: list[tuple[int, Callable[[], None]]] = []
    troubled = next(o for o in orgs if o["name"] == TROUBLED)
    domain = next(d for n, d in names.COMPANIES if n == TROUBLED)

    # Sign-ins through the active connections, spread over the last two weeks.
    active = [c for c in state["connections"] if c["state"] == "active"]
    for k, conn in enumerate(active):
        for j in range(3):
            at = present - (14 - 4 * j) * DAY_MS - (k * 37 % 23) * HOUR_MS
            email = _email(k * 3 + j, "example.com")
            steps.append((at, partial(_sign_in, seeder, conn, email, k + j)))
    # A recent change from every linked directory.
    for k, d in enumerate(list(state["directories"])):
        if d["state"] != "linked":
            continue
        members = state["directory_users"].index("directory_id").get(d["id"])
        if members:
            du = state["directory_users"].get(members[k % len(members)])
            if du is None:
                continue
            at = present - (1 + k % 9) * HOUR_MS
            steps.append((at, partial(_user_updated, seeder, du)))

    # The troubled organization's story, oldest first.
    box: dict[str, Any] = {}

    def sign_in(k: int, email: str, error: tuple[str, str] | None = None) -> None:
        _sign_in(seeder, box["connection"], email, k, error)

    def directory() -> None:
        d = seeder.directory(troubled, "okta scim v2.0", f"{TROUBLED} Okta SCIM", "linked", domain)
        box["directory"] = d
        box["groups"] = [seeder.directory_group(d, g) for g in GROUPS]

    steps.append((present - 40 * DAY_MS, directory))
    for k in range(9):
        at = present - 40 * DAY_MS + k * 4 * DAY_MS + k * HOUR_MS  # last: a week ago

        def directory_user(k: int = k) -> None:
            groups: list[Record] = box["groups"]
            email = _email(100 + k, domain)
            first, last = email.split("@")[0].split(".")
            seeder.directory_user(
                box["directory"],
                email,
                first.capitalize(),
                last.capitalize(),
                groups=[groups[k % len(groups)]],
                job_title=names.JOB_TITLES[k % len(names.JOB_TITLES)],
                department=groups[k % len(groups)]["name"],
            )

        steps.append((at, directory_user))

    def connection() -> None:
        box["connection"] = seeder.connection(
            troubled, "OktaSAML", f"{TROUBLED} Okta SAML", "active", [domain]
        )

    steps.append((present - 30 * DAY_MS, connection))
    for k in range(8):  # people signed in fine until the certificate expired
        at = present - (29 - 3 * k) * DAY_MS - 5 * HOUR_MS  # last: 8 days ago
        steps.append((at, partial(sign_in, k, _email(k, domain))))
    expired = present - 3 * DAY_MS
    for k in range(3):  # the IdP signs with a new certificate WorkOS does not hold
        at = expired + (k + 1) * HOUR_MS
        steps.append((at, partial(sign_in, k, _email(k + 2, domain), CERTIFICATE_ERROR)))

    def deactivate() -> None:
        conn = box["connection"]
        conn.update(state="inactive", status="unlinked", updated_at=ids.iso(seeder.next_ms()))
        state["connections"].put(conn)
        seeder.emit("connection.deactivated", connection_event(conn), troubled["id"])

    steps.append((expired + 5 * HOUR_MS, deactivate))
    for k in range(5):  # and every attempt since fails
        at = expired + (10 + 12 * k) * HOUR_MS
        steps.append((at, partial(sign_in, k, _email(k + 4, domain), INACTIVE_ERROR)))

    def domain_failed() -> None:
        seeder.domain(troubled, domain.replace(".example", "-launch.example"), "failed", "dns")

    steps.append((present - 20 * DAY_MS, domain_failed))

    def invitation() -> None:
        seeder.invitation(
            _email(200, domain), troubled, "expired", role_slug="admin", expires_in_days=7
        )

    steps.append((present - 9 * DAY_MS, invitation))

    def api_key() -> None:
        owner = {"type": "organization", "id": troubled["id"]}
        expires = ids.iso(present + 5 * DAY_MS)
        key, _ = new_api_key(
            state, owner, "Launch telemetry", ["posts:read"], expires, "sk_" + seeder.token(40)
        )
        seeder.emit("api_key.created", public(key), troubled["id"])

    steps.append((present - 25 * DAY_MS, api_key))

    for at, step in sorted(steps, key=lambda s: s[0]):
        seeder.at(at)
        step()


def _user_updated(seeder: Seeder, du: Record) -> None:
    data = render.directory_user(seeder.state, du)
    seeder.emit("dsync.user.updated", data, du["organization_id"])
