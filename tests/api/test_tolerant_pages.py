"""One item that does not fit its model costs that item, not the page (issue 9, item 8).

The emulator's fault injection serves a real organizations page in which one item carries a
wrong-typed field, as a server drifting from the spec would; the typed API still returns every
item, and the odd one is an unparsed item naming the field.
"""

from __future__ import annotations

import copy
from typing import Any

import httpx

from workos_tui.api import WorkOS
from workos_tui.api.models.base import MASK
from workos_tui.api.models.organizations import Organization
from workos_tui.api.models.webhooks import WebhookEndpoint
from workos_tui.api.pagination import LazyItems
from workos_tui.emulator.testing import EmulatorHandle


def serve_page_with_one_odd_item(emulator: EmulatorHandle, limit: int = 10) -> dict[str, Any]:
    """Hook GET /organizations to answer a real page whose item 3 has ``domains[0].state: 42``."""
    with emulator.client() as client:
        page = client.get("/organizations", params={"limit": limit}).json()
    odd = copy.deepcopy(page)
    item = next(i for i in odd["data"] if i["domains"])
    item["domains"][0]["state"] = 42  # the spec says a string
    odd["list_metadata"] = {"before": None, "after": None}
    hook = {"method": "GET", "path": "/organizations", "status": 200, "body": odd, "count": 1}
    assert httpx.post(f"{emulator.base_url}/_emulate/hooks", json=hook).status_code == 201
    return odd


async def test_a_page_with_one_odd_item_keeps_every_item(
    emulator: EmulatorHandle, workos: WorkOS
) -> None:
    served = serve_page_with_one_odd_item(emulator)
    page = await workos.organizations.list(limit=10)

    assert [item.id for item in page.data] == [raw["id"] for raw in served["data"]]
    odd = [item for item in page.data if item.shape_issues]
    assert len(odd) == 1
    (item,) = odd
    assert isinstance(item, Organization)
    assert [issue.path for issue in item.shape_issues] == ["domains[0].state"]
    raw = next(r for r in served["data"] if r["id"] == item.id)
    assert item.raw == raw  # the JSON as it came, for the detail pane
    # the others are ordinary typed models
    for other in page.data:
        if other is not item:
            assert not other.shape_issues
            assert all(isinstance(domain.domain, str) for domain in other.domains)


async def test_a_cursor_walks_past_the_odd_item(emulator: EmulatorHandle, workos: WorkOS) -> None:
    served = serve_page_with_one_odd_item(emulator)
    items = [item async for item in workos.organizations.iterate(limit=10)]
    assert [item.id for item in items] == [raw["id"] for raw in served["data"]]
    odd = [[issue.path for issue in item.shape_issues] for item in items if item.shape_issues]
    assert odd == [["domains[0].state"]]
    assert [item.raw for item in items] == served["data"]
    assert all(isinstance(item, Organization) for item in items)


def webhook_rows(count: int) -> list[Any]:
    """A page's JSON of ``count`` webhook endpoints, each with a secret."""
    return [
        {
            "object": "webhook_endpoint",
            "id": f"we_{n}",
            "endpoint_url": "https://example.com/hook",
            "secret": f"whsec_{n}",
            "status": "enabled",
            "events": ["user.created"],
            "created_at": "2024-01-01T00:00:00.000Z",
            "updated_at": "2024-01-01T00:00:00.000Z",
        }
        for n in range(count)
    ]


def test_items_are_typed_when_read_and_json_rows_mask_secrets() -> None:
    rows = webhook_rows(3)
    items = LazyItems(WebhookEndpoint, rows)
    assert len(items) == 3
    assert [row["secret"] for row in items.json_rows()] == [MASK] * 3
    assert rows[0]["secret"] == "whsec_0"  # the page's JSON is not changed
    endpoint = items[1]
    assert isinstance(endpoint, WebhookEndpoint) and endpoint.id == "we_1"
    assert endpoint.raw["secret"] == MASK and items[1] is endpoint
    assert items[-1].id == "we_2" and [i.id for i in items[:2]] == ["we_0", "we_1"]


def test_a_page_read_through_is_typed_at_once_and_keeps_each_json() -> None:
    rows = webhook_rows(3)
    items = LazyItems(WebhookEndpoint, rows)
    typed = items.read_all()
    assert [endpoint.id for endpoint in typed] == ["we_0", "we_1", "we_2"]
    assert all(isinstance(endpoint, WebhookEndpoint) for endpoint in typed)
    assert [endpoint.raw["secret"] for endpoint in typed] == [MASK] * 3
    assert typed[0].raw["endpoint_url"] == "https://example.com/hook"
    assert items[1] is typed[1]  # read once: indexing gives the same models
    assert items.read_all() == typed
