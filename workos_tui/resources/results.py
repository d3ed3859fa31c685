"""What an action hands back to show, rather than a changed row: a token, a URL, a new secret.

An :class:`~workos_tui.resources.base.Action` whose runner returns an :class:`ActionResult` gets
a result dialog: plain values are shown, secret values stay hidden until revealed, each can be
copied (and a link opened). Secrets are ``SecretStr`` so a ``repr`` or a log line never shows
them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, SecretStr

from workos_tui.resources.base import ResourceType, field_value
from workos_tui.resources.formatting import EMPTY, format_value


class ResultEntry(BaseModel):
    """One labelled value of a result: plain text, a link, or a secret."""

    model_config = ConfigDict(frozen=True)

    label: str
    text: str = ""
    secret: SecretStr | None = None
    link: bool = False

    @property
    def is_secret(self) -> bool:
        return self.secret is not None

    def value(self) -> str:
        """The value to copy or open (a secret's real value: never log or notify it)."""
        return self.secret.get_secret_value() if self.secret is not None else self.text


class ActionResult(BaseModel):
    """A dialog's worth of values; ``reload`` asks the list to refresh once it is shown."""

    model_config = ConfigDict(frozen=True)

    title: str
    entries: tuple[ResultEntry, ...]
    note: str = ""
    reload: bool = False


def plain(label: str, value: Any) -> ResultEntry:
    return ResultEntry(label=label, text=format_value(value))


def secret(label: str, value: SecretStr | str) -> ResultEntry:
    hidden = value if isinstance(value, SecretStr) else SecretStr(value)
    return ResultEntry(label=label, secret=hidden)


def link(label: str, url: str) -> ResultEntry:
    return ResultEntry(label=label, text=url, link=True)


def present(entries: Iterable[ResultEntry | None]) -> tuple[ResultEntry, ...]:
    """The entries that have a value (``None`` entries and empty texts are dropped)."""
    return tuple(e for e in entries if e is not None and (e.is_secret or e.text not in ("", EMPTY)))


def created_secrets(resource: ResourceType, item: Any) -> ActionResult | None:
    """The one-time secret values of a newly created row, if its type has any and they came back.

    A client secret (for instance) returns its value only in the create response: the list
    reloaded afterwards no longer has it, so it is shown now, once.
    """
    entries: list[ResultEntry] = []
    for name in resource.secret_fields:
        value = field_value(item, name)
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if isinstance(text, str) and text:
            entries.append(secret(name.replace("_", " ").capitalize(), text))
    if not entries:
        return None
    return ActionResult(
        title=f"New {resource.singular}",
        entries=(plain("ID", resource.item_id(item)), *entries),
        note="The value is shown this once: copy it now. It is hidden until revealed.",
        reload=True,
    )
