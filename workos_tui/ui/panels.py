"""Specialised panels listed beside the resource areas (e.g. Vault encrypt/decrypt)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.widget import Widget

from workos_tui.ui.context import ConsoleContext


@dataclass(frozen=True)
class Panel:
    title: str
    build: Callable[[ConsoleContext, str], Widget]


PANELS: dict[str, Panel] = {}
