"""Webhook endpoints: where WorkOS delivers events, and the secret that signs them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr

from .base import InputModel, WorkOSModel, empty_list

WebhookEndpointStatus = Literal["enabled", "disabled"]


class WebhookEndpoint(WorkOSModel):
    """A URL that receives the events it subscribes to."""

    object: str = "webhook_endpoint"
    id: str
    endpoint_url: str
    secret: SecretStr | None = None
    status: WebhookEndpointStatus | str
    events: list[str] = Field(default_factory=empty_list)
    created_at: str
    updated_at: str


class WebhookEndpointCreate(InputModel):
    """Create a webhook endpoint."""

    endpoint_url: str = Field(min_length=1, description="The HTTPS URL WorkOS delivers events to.")
    events: list[str] = Field(
        min_length=1, description="The event types sent to the endpoint, e.g. user.created."
    )


class WebhookEndpointUpdate(InputModel):
    """Change a webhook endpoint; fields left empty stay as they are."""

    endpoint_url: str | None = Field(
        default=None, min_length=1, description="The HTTPS URL WorkOS delivers events to."
    )
    status: WebhookEndpointStatus | None = Field(
        default=None, description="Whether events are delivered: enabled or disabled."
    )
    events: list[str] | None = Field(
        default=None, min_length=1, description="The event types sent to the endpoint."
    )


__all__ = [
    "WebhookEndpoint",
    "WebhookEndpointCreate",
    "WebhookEndpointUpdate",
]
