"""The `:` jump: `:orgs`, `:users acme` (open Users searching "acme")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Jump:
    target: str
    argument: str


def parse_jump(text: str) -> Jump | None:
    """Split ``:users acme`` into target ``users`` and argument ``acme``; blank gives None."""
    stripped = text.strip().lstrip(":").strip()
    if not stripped:
        return None
    target, _, argument = stripped.partition(" ")
    return Jump(target.lower(), argument.strip())
