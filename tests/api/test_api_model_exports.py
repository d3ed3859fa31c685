"""``workos_tui.api.models`` exports every area's models, lazily: the table in ``_exports`` and
the areas' ``__all__`` agree, and importing the package builds no model."""

from __future__ import annotations

import importlib
import subprocess
import sys

from workos_tui.api import models
from workos_tui.api.models._exports import AREAS


def test_the_table_and_the_areas_all_agree() -> None:
    exported: set[str] = set()
    for area, names in AREAS.items():
        module = importlib.import_module(f"workos_tui.api.models.{area}")
        assert set(names) <= set(getattr(module, "__all__", names)), area
        exported.update(names)
        for name in names:
            assert getattr(models, name) is getattr(module, name)
    for area in AREAS:
        module = importlib.import_module(f"workos_tui.api.models.{area}")
        assert set(getattr(module, "__all__", ())) <= exported, area
    assert sorted(exported) == models.__all__


def test_importing_the_package_loads_no_area() -> None:
    code = (
        "import sys, workos_tui.api.models as m; "
        "print(sorted(k for k in sys.modules if k.startswith('workos_tui.api.models.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['workos_tui.api.models._exports']"
