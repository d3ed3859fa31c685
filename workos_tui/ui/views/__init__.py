"""Specialised views: developer tools and other screens that are not a resource list.

Each is one module (or package) and is built by a panel in :mod:`workos_tui.ui.panels`; none
imports the app. The developer tools: :mod:`.webhook_verify` (``:webhook-verify``),
:mod:`.session_inspector` (``:session``) and :mod:`.test_sign_in` (``:test-sign-in``).
"""

from __future__ import annotations

from textual.containers import Vertical


class ToolView(Vertical):
    """A developer tool: a view that can fill itself with a worked example.

    ``show_example`` is what the screenshots show; it is deterministic (fixed times, no random
    values on screen), so regenerating the screenshots gives the same files.
    """

    async def show_example(self) -> None:
        """Fill the inputs with an example and show its result (default: nothing)."""
