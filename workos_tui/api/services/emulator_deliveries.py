"""The workos-tui emulator's webhook delivery log (``/_emulate/webhook_deliveries``).

Not part of the WorkOS API: the emulator (``--demo`` or ``workos-tui emulator``) logs every
webhook it POSTs — status, HTTP status, attempts, last error, each attempt's outcome — and re-sends
one on request. A real WorkOS environment has no such routes: listing there raises
:class:`NotAnEmulatorError` (the server answered 404), whose message says so plainly.

The methods carry ``@operation`` with the emulator's paths for the record; the UI coverage count
leaves this service out (``workos_tui.resources.coverage.EMULATOR_ONLY_SERVICES``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..errors import NotFoundError
from ..models.base import WorkOSModel, empty_list
from ..operations import operation
from ..pagination import Page
from .base import Service, path_segment

DELIVERIES_PATH = "/_emulate/webhook_deliveries"
EMULATOR_ONLY = "Delivery logs exist only on the workos-tui emulator"

DeliveryStatus = Literal["pending", "delivered", "failed", "skipped"]


class NotAnEmulatorError(NotFoundError):
    """The server has no delivery log: it is not the workos-tui emulator (a 404 on its path)."""


class DeliveryAttempt(WorkOSModel):
    """One POST of a delivery: when, the HTTP status (if any answer came) and the error."""

    attempt: int
    at: str
    status_code: int | None = None
    error: str | None = None


class WebhookDelivery(WorkOSModel):
    """An event sent (or to be sent) to one webhook endpoint, with its attempts so far."""

    object: str = "webhook_delivery"
    id: str
    event_id: str | None = None
    event: str | None = None
    endpoint_id: str
    endpoint_url: str | None = None
    status: DeliveryStatus | str
    status_code: int | None = None
    attempts: int = 0
    last_error: str | None = None
    created_at: str | None = None
    last_attempt_at: str | None = None
    next_attempt_at: str | None = None
    delivered_at: str | None = None
    resent_from: str | None = None
    history: list[DeliveryAttempt] = Field(default_factory=empty_list)


class EmulatorDeliveriesService(Service):
    """``/_emulate/webhook_deliveries``: list (filtered), get and re-send deliveries."""

    @operation("GET", DELIVERIES_PATH)
    async def list(
        self,
        *,
        endpoint_id: str | None = None,
        event_id: str | None = None,
        status: str | None = None,
    ) -> Page[WebhookDelivery]:
        """Every logged delivery matching the filters, oldest first (one page: the whole log).

        Raises :class:`NotAnEmulatorError` when the server is not the workos-tui emulator.
        """
        wanted = {"endpoint_id": endpoint_id, "event_id": event_id, "status": status}
        params = {key: value for key, value in wanted.items() if value}
        try:
            data = await self._request("GET", DELIVERIES_PATH, params=params)
        except NotFoundError as error:
            raise NotAnEmulatorError(
                EMULATOR_ONLY,
                status=error.status,
                code=error.code,
                request_id=error.request_id,
                method=error.method,
                path=error.path,
            ) from None
        return self._page(WebhookDelivery, data, DELIVERIES_PATH)

    @operation("GET", DELIVERIES_PATH + "/{id}")
    async def get(self, delivery_id: str) -> WebhookDelivery:
        path = f"{DELIVERIES_PATH}/{path_segment(delivery_id)}"
        return await self._fetch(WebhookDelivery, "GET", path)

    @operation("POST", DELIVERIES_PATH + "/{id}/resend")
    async def resend(self, delivery_id: str) -> WebhookDelivery:
        """Send the delivery's event again to its endpoint as it is now: the new delivery."""
        path = f"{DELIVERIES_PATH}/{path_segment(delivery_id)}/resend"
        return await self._fetch(WebhookDelivery, "POST", path)
