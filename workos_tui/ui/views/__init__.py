"""Specialised views: developer tools and other screens that are not a resource list.

Each is one module (or package) and is built by a panel in :mod:`workos_tui.ui.panels`; none
imports the app. The developer tools: :mod:`.webhook_verify` (``:webhook-verify``),
:mod:`.session_inspector` (``:session``) and :mod:`.test_sign_in` (``:test-sign-in``).
"""
