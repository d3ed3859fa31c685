"""The service methods each tool (a panel beside the resource areas) calls.

The panels themselves live in the UI (``workos_tui/ui/panels.py``, keyed the same); this is
what they call, named as declarations name their calls, so that the coverage count
(:mod:`workos_tui.resources.coverage`) sees them without importing the UI.
``tests/resources/test_coverage.py`` checks that every tool here is a panel there.
"""

from __future__ import annotations

from dataclasses import dataclass

from workos_tui.resources.base import Ref


@dataclass(frozen=True)
class Tool:
    key: str
    """The panel's key in ``workos_tui.ui.panels.PANELS``."""
    calls: tuple[Ref, ...]


TOOLS: tuple[Tool, ...] = (
    Tool(
        "vault-crypto",
        (lambda w: w.vault.create_data_key, lambda w: w.vault.decrypt_data_key),
    ),
    Tool(
        "tool-session",
        (lambda w: w.authentication.authenticate_with_refresh_token,),
    ),
    Tool(
        "tool-test-sign-in",
        (
            lambda w: w.sso.get_authorization_url,
            lambda w: w.sso.get_profile_and_token,
            lambda w: w.authentication.get_authorization_url,
            lambda w: w.authentication.authenticate_with_code,
        ),
    ),
)
