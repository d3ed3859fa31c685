"""Low-level builders that put seed objects into an :class:`EmulatorState`.

Used by the deterministic demo (:mod:`.demo`) and by YAML seed files (:mod:`.seed`).  Each
builder advances the seeding clock (:mod:`.demo_clock`), so ids and ``created_at`` follow
insertion order.
"""

from __future__ import annotations

import base64
import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from . import ids, render
from .demo_clock import DAY_MS, SeedClock
from .state import EmulatorState
from .store import Record

ENVIRONMENT_ID = "environment_01HZEMULATOR00000000000000"


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off for a block (seeding a million users allocates tens of
    millions of short-lived objects and no cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Seeder(SeedClock):
    """Builders of the seed objects, one method per kind, on the seeding clock."""

    # -- organizations ------------------------------------------------------------------------

    def organization(
        self,
        name: str,
        *,
        external_id: str | None = None,
        metadata: dict[str, str] | None = None,
        stripe_customer_id: str | None = None,
        rid: str | None = None,
    ) -> Record:
        fields: Record = {
            "object": "organization",
            "name": name,
            "allow_profiles_outside_organization": False,
            "metadata": metadata or {},
            "external_id": external_id,
        }
        if rid:
            fields["id"] = rid
        if stripe_customer_id:
            fields["stripe_customer_id"] = stripe_customer_id
        return self._create("organizations", fields)

    def _create(self, collection: str, fields: Record) -> Record:
        rid = fields.pop("id", None)
        record = self.state.create(collection, fields)
        if rid:
            col = self.state[collection]
            col.delete(record["id"])
            record["id"] = rid
            col.put(record)
        return record

    def domain(
        self, org: Record, domain: str, state: str = "verified", strategy: str | None = None
    ) -> Record:
        d = self._create(
            "organization_domains",
            {
                "object": "organization_domain",
                "organization_id": org["id"],
                "domain": domain.lower(),
                "state": state,
                "verification_prefix": f"superapp-domain-verification-{self.token(6).lower()}",
                "verification_token": self.token(25),
                "verification_strategy": strategy or ("dns" if state != "verified" else "manual"),
            },
        )
        return d

    def organization_created(self, org: Record) -> None:
        self.emit("organization.created", render.organization_event(self.state, org), org["id"])

    # -- users --------------------------------------------------------------------------------

    def user(
        self,
        email: str,
        first_name: str | None = None,
        last_name: str | None = None,
        *,
        email_verified: bool = True,
        external_id: str | None = None,
        metadata: dict[str, str] | None = None,
        last_sign_in_at: str | None = None,
        locale: str | None = None,
        rid: str | None = None,
        organization_ids: list[str] | None = None,
    ) -> Record:
        """A user; ``organization_ids`` pre-links memberships made with ``link_user=False``."""
        fields: Record = {
            "object": "user",
            "first_name": first_name,
            "last_name": last_name,
            "name": " ".join(p for p in (first_name, last_name) if p) or None,
            "profile_picture_url": None,
            "email": email,
            "email_verified": email_verified,
            "external_id": external_id,
            "metadata": metadata or {},
            "last_sign_in_at": last_sign_in_at,
            "locale": locale,
            "_organization_ids": list(organization_ids or []),
        }
        if rid:
            fields["id"] = rid
        u = self._create("users", fields)
        if self.events:
            # As created: the user had not signed in yet.
            self.emit("user.created", {**render.user(u), "last_sign_in_at": None}, None)
        return u

    def membership(
        self,
        user: Record,
        org: Record,
        role: str = "member",
        status: str = "active",
        directory_managed: bool = False,
        *,
        link_user: bool = True,
    ) -> Record:
        om = self.state.create(
            "organization_memberships",
            {
                "object": "organization_membership",
                "user_id": user["id"],
                "organization_id": org["id"],
                "status": status,
                "directory_managed": directory_managed,
                "custom_attributes": {},
                "role": {"slug": role},
                "roles": [{"slug": role}],
            },
        )
        if link_user:
            user["_organization_ids"] = [*user.get("_organization_ids", []), org["id"]]
            self.state["users"].put(user)
        if self.events:
            self.emit("organization_membership.created", render.membership_event(om), org["id"])
        return om

    def invitation(
        self,
        email: str,
        org: Record | None,
        state: str = "pending",
        *,
        inviter: Record | None = None,
        accepted_user: Record | None = None,
        role_slug: str | None = "member",
        expires_in_days: float = 7,
        settled_after_days: float = 0,
    ) -> Record:
        """An invitation sent now, and what became of it: ``accepted`` or ``revoked``
        ``settled_after_days`` later, ``expired`` ``expires_in_days`` later, or still
        ``pending``.  Its ``invitation.created`` event shows it as sent."""
        token = self.token(25)
        inv = self.state.create(
            "invitations",
            {
                "object": "invitation",
                "email": email,
                "state": "pending",
                "accepted_at": None,
                "revoked_at": None,
                "expires_at": self.iso_after(expires_in_days),
                "organization_id": org["id"] if org else None,
                "inviter_user_id": inviter["id"] if inviter else None,
                "accepted_user_id": None,
                "role_slug": role_slug,
                "token": token,
                "accept_invitation_url": f"https://auth.workos.example/invite?invitation_token={token}",
            },
        )
        self.emit("invitation.created", render.invitation_event(inv), inv["organization_id"])
        settled = ids.iso(ids.parse_iso(inv["created_at"]) + int(settled_after_days * DAY_MS))
        if state == "accepted":
            inv.update(accepted_at=settled, updated_at=settled)
            inv["accepted_user_id"] = accepted_user["id"] if accepted_user else None
        elif state == "revoked":
            inv.update(revoked_at=settled, updated_at=settled)
        elif state == "expired":
            inv["updated_at"] = inv["expires_at"]
        inv["state"] = state
        return self.state["invitations"].put(inv)

    def session_origin(self) -> tuple[str, str]:
        """Where a sign-in came from: an IP address and an authentication method."""
        ip = f"203.0.113.{self.rng.randint(1, 254)}"
        return ip, self.rng.choice(("password", "sso", "oauth", "magic_code"))

    def session(
        self,
        user: Record,
        org: Record | None,
        status: str = "active",
        *,
        origin: tuple[str, str] | None = None,
        expires_in_days: float = 7,
        ended_after_days: float = 0,
    ) -> Record:
        """A session the user signed in to now (their last sign-in is no earlier); a session
        that is not ``active`` ended ``ended_after_days`` later."""
        ip, method = origin or self.session_origin()
        session = self.state.create(
            "sessions",
            {
                "object": "session",
                "ip_address": ip,
                "organization_id": org["id"] if org else None,
                "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15",
                "user_id": user["id"],
                "auth_method": method,
                "status": status,
                "expires_at": self.iso_after(expires_in_days),
                "ended_at": None,
            },
        )
        created = ids.parse_iso(session["created_at"])
        if status != "active":
            session["ended_at"] = ids.iso(created + int(ended_after_days * DAY_MS))
            session["updated_at"] = session["ended_at"]
            self.state["sessions"].put(session)
        last = user.get("last_sign_in_at")
        if last is None or ids.parse_iso(last) < created:
            user["last_sign_in_at"] = session["created_at"]
            self.state["users"].put(user)
        return session

    def auth_factor(self, user: Record, issuer: str) -> Record:
        return self.state.create(
            "auth_factors",
            {
                "object": "authentication_factor",
                "type": "totp",
                "user_id": user["id"],
                "totp": {"issuer": issuer, "user": user["email"]},
                "_secret": base64.b32encode(self.rng.randbytes(20)).decode(),
            },
        )

    # -- SSO and directory sync ---------------------------------------------------------------

    def connection(
        self,
        org: Record,
        connection_type: str,
        name: str,
        state: str = "active",
        domains: list[str] | None = None,
    ) -> Record:
        conn_domains = [
            {
                "id": ids.prefixed("conn_domain", self.state.now_ms(), self.state.rng),
                "object": "connection_domain",
                "domain": d,
            }
            for d in domains or []
        ]
        conn = self.state.create(
            "connections",
            {
                "object": "connection",
                "organization_id": org["id"],
                "connection_type": connection_type,
                "name": name,
                "state": state,
                "status": "linked" if state == "active" else "unlinked",
                "domains": conn_domains,
                "_external_key": self.token(16),
            },
        )
        if state == "active":
            self.emit("connection.activated", connection_event(conn), org["id"])
        return conn

    def directory(
        self,
        org: Record,
        dir_type: str,
        name: str,
        state: str = "linked",
        domain: str | None = None,
    ) -> Record:
        fields: Record = {
            "object": "directory",
            "organization_id": org["id"],
            "external_key": self.token(16),
            "type": dir_type,
            "state": state,
            "name": name,
        }
        if domain:
            fields["domain"] = domain
        d = self.state.create("directories", fields)
        if state == "linked":
            self.emit("dsync.activated", directory_event(self.state, d), org["id"])
        return d

    def directory_group(self, directory: Record, name: str) -> Record:
        g = self.state.create(
            "directory_groups",
            {
                "object": "directory_group",
                "idp_id": self.token(20),
                "directory_id": directory["id"],
                "organization_id": directory["organization_id"],
                "name": name,
                "raw_attributes": {"displayName": name},
            },
        )
        self.emit("dsync.group.created", render.any_record(g), directory["organization_id"])
        return g

    def directory_user(
        self,
        directory: Record,
        email: str,
        first_name: str,
        last_name: str,
        *,
        groups: list[Record] | None = None,
        state: str = "active",
        job_title: str | None = None,
        department: str | None = None,
    ) -> Record:
        username = email.split("@")[0]
        du = self.state.create(
            "directory_users",
            {
                "object": "directory_user",
                "directory_id": directory["id"],
                "organization_id": directory["organization_id"],
                "idp_id": hashlib.sha1(email.encode()).hexdigest()[:20],
                "email": email,
                "first_name": first_name,
                "last_name": last_name,
                "name": f"{first_name} {last_name}",
                "emails": [{"primary": True, "type": "work", "value": email}],
                "job_title": job_title,
                "username": username,
                "state": state,
                "raw_attributes": {"userName": email, "active": state == "active"},
                "custom_attributes": {"department": department} if department else {},
                "role": {"slug": "member"},
                "roles": [{"slug": "member"}],
                "_group_ids": [g["id"] for g in groups or []],
            },
        )
        self.emit(
            "dsync.user.created", render.directory_user(self.state, du), du["organization_id"]
        )
        return du

    # -- vault ----------------------------------------------------------------------------------

    def vault_object(
        self,
        name: str,
        values: list[str],
        context: dict[str, str],
        actor: str = "Emulator seed",
        *,
        every_days: float = 0,
    ) -> Record:
        """A Vault object created now with ``values[0]``, each later value a new version
        ``every_days`` after the previous one (at least a millisecond)."""
        from .vault_crypto import key_id_for

        obj = self.state.create(
            "vault_objects",
            {
                "name": name,
                "value": values[-1],
                "context": dict(context),
                "key_id": key_id_for(self.state, context),
                "environment_id": ENVIRONMENT_ID,
                "updated_by": {"id": "key_01HZEMULATORSEED000000000", "name": actor},
                "_versions": [],
            },
        )
        created = ids.parse_iso(obj["created_at"])
        for k, value in enumerate(values):
            ms = created + max(k, int(k * every_days * DAY_MS))
            version: Record = {
                "id": ids.uuid7(ms, self.state.rng),
                "etag": hashlib.md5(value.encode()).hexdigest(),
                "size": len(value.encode()),
                "created_at": ids.iso(ms),
                "value": value,
            }
            obj["_versions"].append(version)
            obj["updated_at"] = version["created_at"]
        return self.state["vault_objects"].put(obj)


def connection_event(conn: Record, *, deleted: bool = False) -> Record:
    out: Record = {
        "object": "connection",
        "id": conn["id"],
        "state": conn["state"] if conn["state"] != "requires_type" else "draft",
        "name": conn["name"],
        "connection_type": conn["connection_type"],
        "organization_id": conn["organization_id"],
        "created_at": conn["created_at"],
        "updated_at": conn["updated_at"],
    }
    if not deleted:
        out["external_key"] = conn.get("_external_key", "")
        out["status"] = conn["status"]
        out["domains"] = conn["domains"]
    return out


DIRECTORY_EVENT_STATE = {"linked": "active", "unlinked": "inactive"}


def directory_event(state: EmulatorState, d: Record, *, deleted: bool = False) -> Record:
    out: Record = {
        "object": "directory",
        "id": d["id"],
        "organization_id": d["organization_id"],
        "type": d["type"],
        "state": DIRECTORY_EVENT_STATE.get(d["state"], d["state"]),
        "name": d["name"],
        "created_at": d["created_at"],
        "updated_at": d["updated_at"],
    }
    if not deleted:
        out["external_key"] = d["external_key"]
        out["domains"] = [
            {"object": "organization_domain", "id": x["id"], "domain": x["domain"]}
            for x in render.domains_of(state, d["organization_id"])
        ]
    return out
