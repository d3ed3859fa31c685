"""What every view needs from the running console, passed down explicitly."""

from __future__ import annotations

from dataclasses import dataclass, field

from workos_tui.api.environment import Environment
from workos_tui.resources.base import Facade
from workos_tui.resources.registry import ResourceRegistry


@dataclass(frozen=True)
class ConsoleContext:
    """The connected environment and the options that shape the screens."""

    environment: Environment
    workos: Facade
    registry: ResourceRegistry
    page_size: int | None = None
    reveal_seconds: float = 30.0
    open_browser: bool = True
    detail_delay: float = 0.08
    organization_names: dict[str, str] = field(default_factory=dict)
    """Organization id → name, filled as lists need names for ids (``resource_names.py``)."""

    @property
    def read_only(self) -> bool:
        return self.environment.read_only
