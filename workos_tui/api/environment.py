"""Where requests go and with which credentials: one environment per profile."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import SecretStr

DEFAULT_BASE_URL = "https://api.workos.com"
LIVE_KEY_PREFIX = "sk_live_"


@dataclass(frozen=True)
class Environment:
    """A WorkOS environment as the console connects to it.

    The API key is a ``SecretStr`` so that repr, logs and tracebacks never show it. ``source``
    names the env file(s) the settings came from (``--env-file``), for the header;
    ``cookie_password`` is an app's ``WORKOS_COOKIE_PASSWORD`` (also a ``SecretStr``), for tools
    that open its session cookies.
    """

    name: str
    api_key: SecretStr
    base_url: str = DEFAULT_BASE_URL
    read_only: bool = False
    client_id: str | None = None
    demo: bool = False
    dashboard_url: str = field(default="https://dashboard.workos.com")
    source: str | None = None
    cookie_password: SecretStr | None = None

    @property
    def is_production(self) -> bool:
        """Live keys reach production data: the UI marks them and asks for typed confirmations."""
        return self.api_key.get_secret_value().startswith(LIVE_KEY_PREFIX)
