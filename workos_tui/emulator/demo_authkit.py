"""Demo data for AuthKit configuration: redirect URIs, CORS origins and the JWT template.

Six records and one singleton, so the default seed stays cheap on the console's start-up path.
"""

from __future__ import annotations

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


def seed_authkit(seeder: Seeder) -> None:
    state = seeder.state
    for uri in REDIRECT_URIS:
        new_redirect_uri(state, uri)
    for origin in CORS_ORIGINS:
        state.create("cors_origins", {"object": "cors_origin", "origin": origin})
    set_jwt_template(state, JWT_TEMPLATE)
