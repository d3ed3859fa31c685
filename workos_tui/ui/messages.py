"""Typed messages workers post back to the UI; ``@on`` handlers turn them into screen changes.

Every result carries the ``generation`` of the load that asked for it, so a handler can drop a
result that a newer refresh or filter change made stale.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel
from textual.message import Message

from workos_tui.api.errors import WorkOSError


class PageLoaded(Message):
    def __init__(self, generation: int, items: Sequence[Any], has_more: bool) -> None:
        super().__init__()
        self.generation = generation
        self.items = list(items)
        self.has_more = has_more


class PageFailed(Message):
    def __init__(self, generation: int, error: WorkOSError) -> None:
        super().__init__()
        self.generation = generation
        self.error = error


class ItemRevealed(Message):
    """A full item (e.g. a Vault object with its value) fetched for display."""

    def __init__(self, token: int, item: BaseModel) -> None:
        super().__init__()
        self.token = token
        self.item = item


class EditSourceLoaded(Message):
    """The fresh copy of an item an edit form starts from (e.g. a Vault object's version)."""

    def __init__(self, item_id: str, item: BaseModel) -> None:
        super().__init__()
        self.item_id = item_id
        self.item = item


class MutationSucceeded(Message):
    """A create, update, delete or extra action finished."""

    def __init__(self, verb: str, item: BaseModel | None, item_id: str) -> None:
        super().__init__()
        self.verb = verb
        self.item = item
        self.item_id = item_id


class MutationFailed(Message):
    def __init__(self, verb: str, error: WorkOSError) -> None:
        super().__init__()
        self.verb = verb
        self.error = error


class SaveSucceeded(Message):
    def __init__(self, item: BaseModel | None) -> None:
        super().__init__()
        self.item = item


class SaveFailed(Message):
    def __init__(self, error: WorkOSError) -> None:
        super().__init__()
        self.error = error


class ExportProgress(Message):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows


class ExportFinished(Message):
    def __init__(self, rows: int, path: str) -> None:
        super().__init__()
        self.rows = rows
        self.path = path


class ExportFailed(Message):
    def __init__(self, error: WorkOSError | OSError) -> None:
        super().__init__()
        self.error = error


class CryptoDone(Message):
    def __init__(self, token: int, output: str, direction: Literal["encrypt", "decrypt"]) -> None:
        super().__init__()
        self.token = token
        self.output = output
        self.direction = direction


class CryptoFailed(Message):
    def __init__(self, token: int, error: WorkOSError | ValueError) -> None:
        super().__init__()
        self.token = token
        self.error = error
