"""A response body as a foldable tree, and as table rows when it is a list.

Labels are :class:`rich.text.Text` built from parts, never markup: a key or value from the server
is shown as the characters it is (``printable`` makes control characters visible).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from workos_tui.resources.text_safety import printable

MAX_NODES = 3000
MAX_VALUE_CHARS = 300
PREFERRED_COLUMNS = ("id", "name", "email", "slug", "state", "status", "type", "created_at")
MAX_COLUMNS = 7
MAX_CELL_WIDTH = 40
SECRET_KEYS = re.compile(
    r"(secret|token|password|private_key|data_key|encrypted_keys|code_verifier|^value$|^key$)",
    re.IGNORECASE,
)
"""Keys whose string values are masked until revealed (API key values, tokens, Vault values)."""
MASK = "•••••• (F2 reveals)"


def is_secret(key: str | None, value: Any) -> bool:
    return key is not None and isinstance(value, str) and bool(SECRET_KEYS.search(key))


def _scalar(value: Any) -> Text:
    if isinstance(value, str):
        shown = value if len(value) <= MAX_VALUE_CHARS else value[:MAX_VALUE_CHARS] + "…"
        return Text(json.dumps(printable(shown), ensure_ascii=False), style="green")
    if value is None:
        return Text("null", style="dim italic")
    if isinstance(value, bool):
        return Text("true" if value else "false", style="magenta")
    return Text(str(value), style="cyan")


def _label(key: str | None, value: Any, reveal: bool = False) -> Text:
    label = Text()
    if key is not None:
        label.append(printable(key), style="bold")
        label.append(": ")
    if not reveal and is_secret(key, value):
        label.append(MASK, style="dim")
    elif isinstance(value, dict):
        label.append(f"{{…}} {len(value)} keys", style="dim")
    elif isinstance(value, list):
        label.append(f"[…] {len(value)} items", style="dim")
    else:
        label.append_text(_scalar(value))
    return label


def fill_tree(tree: Tree[Any], body: Any, *, reveal: bool = False) -> None:
    """Replace the tree's content with ``body``; the first two levels start expanded.

    String values under secret-looking keys are masked unless ``reveal``.
    """
    tree.clear()
    tree.root.set_label(_label(None, body))
    tree.root.data = body
    budget = [MAX_NODES]

    def add(parent: TreeNode[Any], value: Any, depth: int) -> None:
        entries: Sequence[tuple[str, Any]]
        if isinstance(value, dict):
            entries = [(str(key), item) for key, item in value.items()]
        elif isinstance(value, list):
            entries = [(f"[{index}]", item) for index, item in enumerate(value)]
        else:
            return
        for key, item in entries:
            if budget[0] <= 0:
                parent.add_leaf(Text("… more not shown (see the table or copy the JSON)", "dim"))
                return
            budget[0] -= 1
            if isinstance(item, dict | list) and item:
                child = parent.add(_label(key, item), data=item, expand=depth < 1)
                add(child, item, depth + 1)
            else:
                parent.add_leaf(_label(key, item, reveal), data=item)

    add(tree.root, body, 0)
    tree.root.expand()


def list_items(body: Any) -> list[dict[str, Any]] | None:
    """The items of a list response (``{"data": [...]}``), or ``None`` when it is not one."""
    items: list[Any]
    if isinstance(body, dict) and isinstance(body.get("data"), list):
        items = body["data"]
    elif isinstance(body, list):
        items = body
    else:
        return None
    return (
        [item for item in items if isinstance(item, dict)]
        if all(isinstance(item, dict) for item in items)
        else None
    )


def table_columns(items: Sequence[dict[str, Any]], width: int = 0) -> list[str]:
    """The columns worth showing: the usual identifying keys first, then other scalar keys, as
    the first two always, then as many as fit ``width`` cells whole (``0``: up to
    ``MAX_COLUMNS``)."""
    keys: list[str] = []
    for item in items[:50]:
        for key, value in item.items():
            if key not in keys and not isinstance(value, dict | list):
                keys.append(key)
    preferred = [key for key in PREFERRED_COLUMNS if key in keys]
    others = [key for key in keys if key not in preferred and key != "object"]
    chosen: list[str] = []
    used = 0
    for key in (preferred + others)[:MAX_COLUMNS]:
        cells = max([len(key), *(len(cell_text(item.get(key))) for item in items[:50])])
        needed = min(cells, MAX_CELL_WIDTH) + 2
        if len(chosen) >= 2 and width and used + needed > width:
            break
        chosen.append(key)
        used += needed
    return chosen


def cell_text(value: Any, key: str | None = None, reveal: bool = False) -> str:
    if not reveal and is_secret(key, value):
        return "••••••"
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def list_cursors(body: Any) -> tuple[str | None, str | None]:
    """``(before, after)`` of a list response's ``list_metadata``."""
    metadata = body.get("list_metadata") if isinstance(body, dict) else None
    if not isinstance(metadata, dict):
        return None, None
    before, after = metadata.get("before"), metadata.get("after")
    return (
        before if isinstance(before, str) and before else None,
        after if isinstance(after, str) and after else None,
    )
