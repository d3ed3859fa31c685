"""The Pipes providers the emulator knows, and looking up a data integration by slug (shared by
the integration routes and the connected-account routes)."""

from __future__ import annotations

from ..errors import not_found
from ..state import EmulatorState
from ..store import Record

# Built-in providers: slug -> (display name, authorization URL).
PROVIDERS: dict[str, tuple[str, str]] = {
    "github": ("GitHub", "https://github.com/login/oauth/authorize"),
    "slack": ("Slack", "https://slack.com/oauth/v2/authorize"),
    "google": ("Google", "https://accounts.google.com/o/oauth2/v2/auth"),
    "salesforce": ("Salesforce", "https://login.salesforce.com/services/oauth2/authorize"),
    "hubspot": ("HubSpot", "https://app.hubspot.com/oauth/authorize"),
    "notion": ("Notion", "https://api.notion.com/v1/oauth/authorize"),
    "linear": ("Linear", "https://linear.app/oauth/authorize"),
    "openai": ("OpenAI", ""),
}


def find_integration(state: EmulatorState, slug: str) -> Record:
    rid = state["data_integrations"].index("slug").first(slug)
    record = state["data_integrations"].get(rid) if rid else None
    if record is None:
        raise not_found("Data integration", slug)
    return record


def provider_name(integration: Record) -> str:
    custom = integration.get("custom_provider")
    if custom:
        return str(custom["name"])
    slug = str(integration["slug"])
    return PROVIDERS.get(slug, (slug.title(), ""))[0]
