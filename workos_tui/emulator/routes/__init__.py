"""Route tables, one module per area of the WorkOS API."""

from __future__ import annotations

from ..http import Routes


def all_tables() -> list[Routes]:
    from . import (
        admin_portal,
        agents,
        api_keys,
        audit_logs,
        authenticate,
        authkit_config,
        authorize,
        authz_resources,
        client_tokens,
        connect,
        directories,
        events,
        external_auth,
        feature_flags,
        groups,
        magic_auth,
        memberships,
        mfa,
        organizations,
        passwordless,
        pipes,
        pipes_accounts,
        radar,
        role_assignments,
        roles,
        sso,
        sso_auth,
        user_auth,
        users,
        vault,
        webhooks,
    )

    return [
        organizations.routes,
        users.routes,
        memberships.routes,
        sso.routes,
        directories.routes,
        events.routes,
        vault.routes,
        webhooks.routes,
        api_keys.routes,
        audit_logs.routes,
        feature_flags.routes,
        roles.routes,
        role_assignments.routes,
        authz_resources.routes,
        groups.routes,
        admin_portal.routes,
        authkit_config.routes,
        mfa.routes,
        magic_auth.routes,
        passwordless.routes,
        connect.routes,
        pipes.routes,
        pipes_accounts.routes,
        sso_auth.routes,
        authorize.routes,
        authenticate.routes,
        user_auth.routes,
        radar.routes,
        agents.routes,
        client_tokens.routes,
        external_auth.routes,
    ]


def hosted_sign_in_routes() -> Routes:
    """The hosted sign-in pages' form posts (``/_emulate/...``: not API operations)."""
    from .sign_in_form import hosted

    return hosted


def export_download_routes() -> Routes:
    """The audit-log exports' CSV files (``/_emulate/...``: the presigned URLs' stand-in)."""
    from .audit_logs import downloads

    return downloads
