"""Demo data for AuthKit configuration: redirect URIs, CORS origins and the JWT template.

Six records and one singleton, so the default seed stays cheap on the console's start-up path.
"""

from __future__ import annotations

from collections.abc import Callable

from .routes.authkit_config import new_redirect_uri, set_jwt_template
from .seeder import Seeder

REDIRECT_URIS = (
    "https://app.acme-app.example/auth/callback",
    "https://staging.acme-app.example/auth/callback",
    "http://localhost:3000/auth/callback",
)
CORS_ORIGINS = (
    "https://app.acme-app.example",
    "https://staging.acme-app.example",
    "http://localhost:3000",
)
JWT_TEMPLATE = (
    '{"urn:acme:full_name": "{{user.first_name}} {{user.last_name}}", '
    '"urn:acme:email": "{{user.email}}"}'
)


RECORDS = len(REDIRECT_URIS) + len(CORS_ORIGINS) + 1


def seed_authkit(seeder: Seeder, tick: Callable[[], None]) -> None:
    """Redirect URIs, CORS origins and the JWT template (``tick`` before each)."""
    state = seeder.state
    for uri in REDIRECT_URIS:
        tick()
        new_redirect_uri(state, uri)
    for origin in CORS_ORIGINS:
        tick()
        state.create("cors_origins", {"object": "cors_origin", "origin": origin})
    tick()
    set_jwt_template(state, JWT_TEMPLATE)
