"""The repository carries what its tests read: no test or module reaches outside the clone."""

from __future__ import annotations

from pathlib import Path

import workos_tui
from workos_tui.reference import SPEC_LICENSE_PATH, SPEC_PATH

ROOT = Path(__file__).resolve().parents[1]
# How a path to the workplace's shared reference folder was spelled before the copies moved in.
MARKERS = ('"shared" / "reference"', "shared/reference", "/work/shared")


def test_spec_and_licence_ship_with_the_package() -> None:
    package = Path(workos_tui.__file__).resolve().parent
    assert SPEC_PATH.is_relative_to(package)
    assert SPEC_PATH.read_text().startswith("openapi: 3.1")
    assert "MIT License" in SPEC_LICENSE_PATH.read_text()


def test_vectors_are_inside_the_tests() -> None:
    vectors = ROOT / "tests" / "reference" / "vectors"
    for name in ("vault-local-crypto.json", "webhook-signature.json", "sealed-session.json"):
        assert (vectors / name).is_file(), name


def test_nothing_reads_a_folder_beside_the_clone() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}"
        for folder in ("workos_tui", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if path != Path(__file__).resolve()
        and any(marker in path.read_text() for marker in MARKERS)
    ]
    assert offenders == []
