"""The coverage script: counts from the spec and the route tables, README markers."""

from __future__ import annotations

from pathlib import Path

from spec_check import OUTSIDE_SPEC, load_spec

from workos_tui.emulator import coverage


def test_every_route_is_a_spec_operation() -> None:
    spec = load_spec()
    spec_ops = {
        (m, coverage._normalise(p))
        for p, item in spec["paths"].items()
        for m in item
        if m in coverage.METHODS
    }
    extra = coverage.implemented_operations() - spec_ops
    # Only the routes today's SDKs call that spec_check lists as outside our spec copy.
    assert extra == {(o.method.lower(), coverage._normalise(o.path)) for o in OUTSIDE_SPEC}


def test_table_and_readme(tmp_path: Path) -> None:
    rows = coverage.coverage(load_spec())
    by_tag = {tag: (hit, total) for tag, hit, total in rows}
    assert by_tag["organizations"] == (7, 7)
    assert by_tag["vault"] == (11, 11)
    assert sum(total for _, total in by_tag.values()) == 212
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- coverage:start -->\nold\n<!-- coverage:end -->\nrest\n")
    assert coverage.main(["--write-readme", str(readme)]) == 0
    text = readme.read_text()
    assert "old" not in text and "| organizations | 7 | 7 |" in text and text.endswith("rest\n")
