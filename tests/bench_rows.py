"""The rows a benchmark script contributes to the README's benchmark table.

Each script prints its figures for people and, given ``--json PATH``, also writes them here as
rows (what, measured, baseline measured in the same run, ratio, aim, met); ``bench_report.py``
runs every script twice and turns the two runs into the table between the README's
``<!-- benchmarks:start -->`` and ``<!-- benchmarks:end -->`` markers. Not a pytest module.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Figure:
    """One row of one run: ``what`` names the row (the same in every run)."""

    what: str
    measured: str
    baseline: str
    ratio: str
    aim: str
    met: bool | None  # None: no aim, the row is for information


FIGURES: list[Figure] = []


def record(
    what: str, measured: str, baseline: str, ratio: str, aim: str = "", met: bool | None = None
) -> None:
    FIGURES.append(Figure(what, measured, baseline, ratio, aim, met))


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", type=Path, metavar="PATH", help="also write the figures as rows for the README"
    )


def write_json(path: Path | None) -> None:
    if path is not None:
        path.write_text(json.dumps([asdict(figure) for figure in FIGURES], indent=1) + "\n")


def read_json(path: Path) -> list[Figure]:
    return [Figure(**row) for row in json.loads(path.read_text())]
