"""Demo agent registrations: one verified and claimed, one with an expired claim, one revoked.

Three records, so the default seed stays cheap. Their claim tokens and API keys are internal
fields (``_claim_token``, ``_api_key``) of the ``agent_registrations`` records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .routes.agents import register_agent
from .seeder import Seeder
from .store import Record

RECORDS = 3


def seed_agents(
    seeder: Seeder, orgs: list[Record], users: Sequence[Record], tick: Callable[[], None]
) -> None:
    """Three agent registrations (``tick`` before each)."""
    if not orgs:
        return
    state = seeder.state
    owner = users[0]["id"] if users else None
    tick()
    register_agent(state, orgs[0]["id"], status="verified", user_id=owner, claimed=True)
    tick()
    register_agent(state, orgs[1 % len(orgs)]["id"], kind="anonymous", status="expired")
    tick()
    register_agent(
        state, orgs[2 % len(orgs)]["id"], kind="identity_assertion", status="revoked", claim=False
    )
