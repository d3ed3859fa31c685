"""workos-tui: a keyboard-first terminal admin console for WorkOS."""

__version__ = "0.1.0"
