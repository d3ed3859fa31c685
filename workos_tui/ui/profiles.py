"""How the console lists and switches profiles, supplied by whoever launches it (the CLI)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from workos_tui.api.environment import Environment


class ProfileSource(Protocol):
    """The profiles the user configured; ``load`` returns a ready Environment for one of them."""

    def names(self) -> Sequence[str]: ...

    def load(self, name: str) -> Environment: ...
