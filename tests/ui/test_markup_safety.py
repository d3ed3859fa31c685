"""Structural check: no widget in the console parses text it was handed as markup.

``Label("…")`` and ``Static("…")`` parse a ``str`` as Textual markup, so a name such as
``[@click=app.quit]`` would become an action. Every ``Label``/``Static``/``Markdown`` in
``workos_tui/ui`` therefore gets a string literal (our own words), a ``Content``/``Text`` built
without markup (``plain(…)`` above all), a call to a method of the same module that returns
``Content``/``Text``, ``Content.from_markup`` of a literal template (its ``$variables`` are
inserted as text), or an explicit ``markup=`` argument.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "workos_tui" / "ui"
WIDGETS = {"Label", "Static", "Markdown"}
SAFE_BUILDERS = {"plain", "Content", "Text", "styled", "assemble", "Syntax", "Table", "Group"}
SAFE_RETURNS = {"Content", "Text"}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _returning_content(tree: ast.Module) -> set[str]:
    """Functions and methods of a module annotated to return ``Content`` or ``Text``."""
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.returns is not None
        and ast.unparse(node.returns).strip("'\"") in SAFE_RETURNS
    }


def _is_template(node: ast.Call) -> bool:
    first = node.args[0] if node.args else None
    return (
        _name(node.func) == "from_markup"
        and isinstance(first, ast.Constant)
        and isinstance(first.value, str)
    )


def _unsafe_calls(path: Path, root: Path = UI.parent) -> list[str]:
    tree = ast.parse(path.read_text())
    safe = SAFE_BUILDERS | _returning_content(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _name(node.func) in WIDGETS and node.args):
            continue
        if any(keyword.arg == "markup" for keyword in node.keywords):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            continue
        if isinstance(first, ast.Call) and (_name(first.func) in safe or _is_template(first)):
            continue
        found.append(f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_every_widget_text_is_a_literal_or_plain_content() -> None:
    found = [problem for path in sorted(UI.rglob("*.py")) for problem in _unsafe_calls(path)]
    assert found == [], "text that would be parsed as markup:\n" + "\n".join(found)


def test_the_check_finds_an_unsafe_label(tmp_path: Path) -> None:
    module = tmp_path / "careless.py"
    module.write_text(
        "from textual.widgets import Label\n"
        "def compose(name):\n"
        "    yield Label(f'Hello {name}')\n"
        "    yield Label(name, markup=False)\n"
        "    yield Label('fixed words')\n"
        "    yield Label(Content.from_markup(name))\n"
    )
    lines = [problem.split(":")[1] for problem in _unsafe_calls(module, tmp_path)]
    assert lines == ["3", "6"]
