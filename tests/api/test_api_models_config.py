"""The configuration areas' models follow the models' rules (descriptions, secrets)."""

from __future__ import annotations

import importlib
import inspect

import pytest
from pydantic import SecretStr

from workos_tui.api.models.base import MASK, InputModel
from workos_tui.api.models.webhooks import WebhookEndpoint

MODULES = ("webhooks", "api_keys", "audit_logs", "feature_flags")


@pytest.mark.parametrize("name", MODULES)
def test_every_input_field_has_a_description(name: str) -> None:
    module = importlib.import_module(f"workos_tui.api.models.{name}")
    inputs = [
        v
        for v in vars(module).values()
        if inspect.isclass(v) and issubclass(v, InputModel) and v.__module__ == module.__name__
    ]
    for model in inputs:
        for field, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{field} has no description"


def test_webhook_secret_is_masked() -> None:
    endpoint = WebhookEndpoint.model_validate(
        {
            "id": "we_1",
            "endpoint_url": "https://x.example",
            "secret": "whsec-xyz",
            "status": "paused",
            "events": [],
            "created_at": "t",
            "updated_at": "t",
        }
    )
    assert isinstance(endpoint.secret, SecretStr) and endpoint.status == "paused"
    assert "whsec-xyz" not in repr(endpoint) and endpoint.raw["secret"] == MASK
