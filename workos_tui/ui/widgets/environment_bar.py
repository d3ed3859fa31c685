"""The header: app title, profile, base URL, PRODUCTION and READ-ONLY markers. Never the key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label

from workos_tui.api.environment import Environment
from workos_tui.ui.safe_text import plain


class EnvironmentBar(Horizontal):
    """Always visible: which environment every action goes to."""

    DEFAULT_CSS = """
    EnvironmentBar {
        height: 1;
        dock: top;
        background: $panel;
        color: $foreground;
    }
    EnvironmentBar Label { padding: 0 1; }
    EnvironmentBar #env-title { text-style: bold; color: $accent; }
    EnvironmentBar #env-area { width: 1fr; color: $text-muted; }
    EnvironmentBar #env-production { background: $error; color: $text; text-style: bold; }
    EnvironmentBar #env-read-only { background: $warning; color: $background; text-style: bold; }
    EnvironmentBar #env-demo { background: $success 40%; }
    """

    area_title: reactive[str] = reactive("")

    def __init__(self, environment: Environment, *, base_url_label: str | None = None) -> None:
        super().__init__()
        self._environment = environment
        self._base_url_label = base_url_label

    def compose(self) -> ComposeResult:
        env = self._environment
        yield Label("WorkOS", id="env-title")
        yield Label(plain(self.area_title), id="env-area")
        yield Label(plain(f"profile: {env.name}"), id="env-profile")
        yield Label(plain(self._base_url_label or env.base_url), id="env-base-url")
        if env.source:
            yield Label(plain(f"from {env.source}"), id="env-source")
        if env.demo:
            yield Label(" DEMO ", id="env-demo")
        if env.is_production:
            yield Label(" PRODUCTION ", id="env-production")
        if env.read_only:
            yield Label(" READ-ONLY ", id="env-read-only")

    def watch_area_title(self, title: str) -> None:
        if self.is_mounted:
            self.query_one("#env-area", Label).update(plain(title))

    def show_environment(self, environment: Environment) -> None:
        """Re-render for another profile."""
        self._environment = environment
        self._base_url_label = None
        self.refresh(recompose=True)
