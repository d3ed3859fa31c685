"""What the API console's workers post back: the operation index, a response, picker items."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message

from workos_tui.api.errors import WorkOSError
from workos_tui.resources.api_requests import PreparedRequest
from workos_tui.resources.operations import Operation


@dataclass(frozen=True)
class Exchange:
    """A request the console sent and what came back (a body, or the error with its body)."""

    request: PreparedRequest
    status: int | None
    duration_ms: float | None
    """``None`` when not measured (the screenshots' example)."""
    request_id: str | None
    body: Any
    error: WorkOSError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class OperationsLoaded(Message):
    def __init__(self, operations: list[Operation] | None, problem: str = "") -> None:
        super().__init__()
        self.operations = operations
        self.problem = problem


class ResponseArrived(Message):
    def __init__(self, token: int, exchange: Exchange) -> None:
        super().__init__()
        self.token = token
        self.exchange = exchange


class PickerItemsLoaded(Message):
    def __init__(self, token: int, items: list[tuple[str, str]], problem: str = "") -> None:
        super().__init__()
        self.token = token
        self.items = items
        self.problem = problem
