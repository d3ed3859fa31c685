"""``/_emulate/webhook_deliveries``: the webhook delivery log over HTTP (see
:mod:`.webhook_delivery`)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .http import json_response
from .webhook_delivery import WebhookDelivery


def delivery_routes(deliveries: WebhookDelivery) -> list[Route]:
    """The ``/_emulate/webhook_deliveries`` routes (see the module docstring)."""

    def not_found(delivery_id: str) -> Response:
        return json_response(
            {"message": f"Webhook delivery not found: '{delivery_id}'.", "code": "not_found"}, 404
        )

    async def collection(request: Request) -> Response:
        if request.method == "DELETE":
            deliveries.clear()
            return json_response({"deleted": True})
        q = request.query_params
        found = deliveries.deliveries(q.get("endpoint_id"), q.get("event_id"), q.get("status"))
        return json_response({"data": [d.as_json() for d in found]})

    async def one(request: Request) -> Response:
        delivery_id = request.path_params["delivery_id"]
        delivery = deliveries.get(delivery_id)
        return json_response(delivery.as_json()) if delivery else not_found(delivery_id)

    async def resend(request: Request) -> Response:
        delivery_id = request.path_params["delivery_id"]
        if deliveries.get(delivery_id) is None:
            return not_found(delivery_id)
        try:
            again = deliveries.resend(delivery_id)
        except KeyError:
            return json_response(
                {"message": "The delivery's webhook endpoint no longer exists.", "code": "gone"},
                409,
            )
        return json_response(again.as_json(), 202)

    base = "/_emulate/webhook_deliveries"
    return [
        Route(base, collection, methods=["GET", "DELETE"]),
        Route(base + "/{delivery_id}", one, methods=["GET"]),
        Route(base + "/{delivery_id}/resend", resend, methods=["POST"]),
    ]
