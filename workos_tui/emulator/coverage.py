"""Which spec operations the emulator implements, per spec tag.

``python -m workos_tui.emulator.coverage [--spec PATH] [--write-readme README.md]`` prints a
Markdown table (tag | implemented | total) computed from the OpenAPI spec and the emulator's
route tables; ``--write-readme`` replaces the text between ``<!-- coverage:start -->`` and
``<!-- coverage:end -->`` in that file.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from ..reference import SPEC_PATH
from .routes import all_tables

METHODS = ("get", "post", "put", "patch", "delete")
START, END = "<!-- coverage:start -->", "<!-- coverage:end -->"
DEFAULT_SPEC = SPEC_PATH


def _normalise(path: str) -> str:
    """Path templates compare equal whatever their parameter names."""
    return re.sub(r"\{[^}]+\}", "{}", path)


def implemented_operations() -> set[tuple[str, str]]:
    return {(d.method.lower(), _normalise(d.path)) for t in all_tables() for d in t.defs}


def coverage(spec: dict[str, Any]) -> list[tuple[str, int, int]]:
    done = implemented_operations()
    total: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for path, item in spec["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            tag = (op.get("tags") or ["untagged"])[0]
            total[tag] += 1
            if (method, _normalise(path)) in done:
                hit[tag] += 1
    return sorted(((tag, hit[tag], total[tag]) for tag in total), key=lambda r: (-r[1], r[0]))


def table(rows: list[tuple[str, int, int]]) -> str:
    lines = ["| tag | implemented | total |", "| --- | ---: | ---: |"]
    lines += [f"| {tag} | {hit} | {total} |" for tag, hit, total in rows]
    done = sum(r[1] for r in rows)
    total = sum(r[2] for r in rows)
    lines.append(f"| **all {len(rows)} tags** | **{done}** | **{total}** |")
    return "\n".join(lines)


def write_readme(path: Path, text: str) -> None:
    content = path.read_text(encoding="utf-8")
    start, end = content.find(START), content.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{path}: markers {START} ... {END} not found")
    new = content[: start + len(START)] + "\n" + text + "\n" + content[end:]
    path.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--write-readme", type=Path, metavar="PATH")
    args = parser.parse_args(argv)
    with args.spec.open("rb") as fh:
        spec = yaml.load(fh, Loader=yaml.CSafeLoader)
    text = table(coverage(spec))
    print(text)
    if args.write_readme is not None:
        write_readme(args.write_readme, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
