"""The API console (``:api``): every operation of the WorkOS spec from one generic view.

Operations come from :func:`workos_tui.resources.operations.all_operations`; forms, checks and
"copy as curl" from :mod:`workos_tui.resources.api_requests`; the SDK call from
:mod:`workos_tui.resources.sdk_calls`. Nothing here imports the app.
"""

from workos_tui.ui.views.api_console.console import ApiConsole

__all__ = ["ApiConsole"]
