"""Project-wide checks that belong in the test command: lint, strict typing, layering."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workos_tui"

# Which top-level packages of workos_tui each layer may import. ui → resources → api;
# the emulator stands beside them and imports none of them. ``reference`` is data (the spec's
# path), usable from every layer.
ALLOWED_IMPORTS: dict[str, set[str]] = {
    "api": {"api", "reference"},
    "resources": {"api", "resources", "reference"},
    "emulator": {"emulator", "reference"},
}
FORBIDDEN_THIRD_PARTY: dict[str, set[str]] = {
    "api": {"textual", "rich"},
    "resources": {"textual"},
    "emulator": {"textual"},
}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            # Relative imports stay inside the file's own package by construction only if the
            # level does not climb above the layer; resolve them to an absolute name.
            parts = path.relative_to(ROOT).with_suffix("").parts[: -node.level]
            base = ".".join(parts)
            names.add(f"{base}.{node.module}" if node.module else base)
    return names


def layering_violations(layer: str) -> list[str]:
    problems: list[str] = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for module in _imported_modules(path):
            top = module.split(".")[0]
            if top in FORBIDDEN_THIRD_PARTY[layer]:
                problems.append(f"{path.relative_to(ROOT)} imports {module}")
            if top == "workos_tui" and module != "workos_tui":
                inner = module.split(".")[1]
                if inner not in ALLOWED_IMPORTS[layer] and not inner.startswith("_"):
                    problems.append(f"{path.relative_to(ROOT)} imports {module}")
    return problems


@pytest.mark.parametrize("layer", sorted(ALLOWED_IMPORTS))
def test_layers_import_only_downwards(layer: str) -> None:
    assert layering_violations(layer) == []


def test_layering_check_detects_a_textual_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import textual.app\nfrom workos_tui.ui import app\n", encoding="utf-8")
    assert {"textual.app", "workos_tui.ui"} <= _imported_modules(bad)


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    executable = shutil.which(tool, path=str(Path(sys.executable).parent))
    if executable is None:
        pytest.fail(f"{tool} is not installed in this environment (pip install -e '.[test]')")
    return subprocess.run(
        [executable, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_lint_is_clean() -> None:
    result = _run("ruff", "check", "workos_tui", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _run("ruff", "format", "--check", "workos_tui", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_package() -> None:
    result = _run("mypy", "--no-error-summary", "workos_tui")
    assert result.returncode == 0, result.stdout + result.stderr
