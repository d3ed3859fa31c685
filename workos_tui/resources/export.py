"""Writing a list to CSV, JSON or NDJSON, row by row as pages arrive.

* **CSV** holds what the list's columns show (domains as names, not the domain objects with
  their verification tokens), one column per declared column, headed by its key. A spreadsheet
  runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula (OWASP "CSV injection"):
  such a cell is written with a leading single quote, and control characters (tab, carriage
  return, escape sequences …) are removed from every cell.
* **JSON / NDJSON** hold every item's full JSON as the API returned it, minus secrets (the
  model's secret-bearing fields and the declaration's ``secret_fields`` are masked).

A page of the service layer (``LazyItems``) is written from its JSON rows: exporting builds no
models. Other sources (a list of models) are read through their models.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any, Final, Literal

from workos_tui.api.models.base import MASK, WorkOSModel
from workos_tui.api.pagination import LazyItems
from workos_tui.resources.base import Column, field_value
from workos_tui.resources.formatting import format_short_timestamp, format_value, to_jsonable
from workos_tui.resources.text_safety import UNSAFE_CHARACTERS

ExportFormat = Literal["csv", "json", "ndjson"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json", "ndjson")
FORMULA_START: Final = frozenset("=+-@")
"""First characters that make a spreadsheet evaluate a cell (tab and CR are removed anyway)."""


def safe_cell(text: str) -> str:
    """A CSV cell no spreadsheet runs: controls removed, a formula-leading cell quoted."""
    if not text.isprintable():  # fast check; the pattern decides what goes
        text = UNSAFE_CHARACTERS.sub("", text)
    if text[:1] in FORMULA_START:
        return "'" + text
    return text


_UTC_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|\+00:00)\Z")


def _plain_text(value: Any) -> str:
    """``format_value`` for a JSON value, with the common scalar types first."""
    kind = type(value)
    if kind is str:
        text: str = value
        return text
    if kind is bool:
        return "yes" if value else "no"
    if kind is int or kind is float:
        return str(value)
    return format_value(value)


def _short_time(value: Any) -> str:
    """``format_short_timestamp``; a UTC ISO-8601 string (what the API sends) is sliced."""
    if type(value) is str and _UTC_ISO.match(value):
        return f"{value[:10]} {value[11:16]}"
    return format_short_timestamp(value)


def _renderer(column: Column) -> Callable[[Any], str]:
    if column.formatter is format_value:
        return _plain_text
    if column.formatter is format_short_timestamp:
        return _short_time
    return column.formatter


def default_export_path(resource_key: str, export_format: ExportFormat = "csv") -> Path:
    """Where an export goes unless the user says otherwise: the downloads (or documents) folder.

    Never the current directory silently; an existing file is not overwritten (``-2``, ``-3`` …).
    """
    import platformdirs

    folder = Path.home()
    for candidate in (platformdirs.user_downloads_dir(), platformdirs.user_documents_dir()):
        if candidate and Path(candidate).is_dir():
            folder = Path(candidate)
            break
    path = folder / f"{resource_key}.{export_format}"
    number = 2
    while path.exists():
        path = folder / f"{resource_key}-{number}.{export_format}"
        number += 1
    return path


class ExportWriter:
    """Streams items to an open text file in one of the export formats.

    ``columns`` are the list's columns (what CSV holds); ``secret_fields`` the declaration's
    secret fields. An export never contains a revealed secret.
    """

    def __init__(
        self,
        stream: IO[str],
        export_format: ExportFormat,
        secret_fields: Sequence[str] = (),
        columns: Sequence[Column] = (),
    ) -> None:
        self._stream = stream
        self._format = export_format
        self._secret_fields = tuple(secret_fields)
        self._columns = tuple(columns)
        self._csv: Any = None
        self._paths: dict[type[WorkOSModel] | None, list[str]] = {}
        self.rows = 0

    # ------------------------------------------------------------------ records (JSON)

    def _mask(self, record: dict[str, Any]) -> dict[str, Any]:
        for name in self._secret_fields:
            if record.get(name) is not None:
                record[name] = MASK
        return record

    def _records(self, items: Sequence[Any]) -> Iterable[dict[str, Any]]:
        if isinstance(items, LazyItems):
            for row in items.json_rows():
                yield self._mask(row)
            return
        for item in items:
            data = item.raw if isinstance(item, WorkOSModel) else to_jsonable(item)
            yield self._mask(dict(data) if isinstance(data, dict) else {"value": data})

    # ------------------------------------------------------------------ rows (CSV)

    def _column_paths(self, model: type[WorkOSModel] | None) -> list[str]:
        """Each column's path in the item's JSON (a field's alias where it has one)."""
        paths = self._paths.get(model)
        if paths is None:
            fields = model.model_fields if model is not None else {}
            paths = []
            for column in self._columns:
                head, dot, rest = column.key.partition(".")
                info = fields.get(head)
                alias = info.alias if info is not None and info.alias else head
                paths.append(alias + dot + rest)
            self._paths[model] = paths
        return paths

    def _csv_rows(self, items: Sequence[Any]) -> Iterable[list[str]]:
        secret = {column.key for column in self._columns} & set(self._secret_fields)
        if isinstance(items, LazyItems):
            rows: Iterable[Any] = items.json_rows()
            paths = self._column_paths(items.model)
        else:
            rows = items
            paths = [column.key for column in self._columns]
        plan = [
            (path, "." in path or not isinstance(items, LazyItems), column.key in secret, render)
            for column, path in zip(self._columns, paths, strict=True)
            for render in (_renderer(column),)
        ]
        for row in rows:
            cells: list[str] = []
            for path, nested, masked, render in plan:
                value = field_value(row, path) if nested else row.get(path)
                if value is None or value == "":
                    cells.append("")
                elif masked:
                    cells.append(MASK)
                else:
                    cells.append(safe_cell(render(value)))
            yield cells

    def _write_csv(self, items: Sequence[Any]) -> None:
        if self._csv is None:
            self._csv = csv.writer(self._stream)
            self._csv.writerow([safe_cell(column.key) for column in self._columns])
        for cells in self._csv_rows(items):
            self._csv.writerow(cells)
            self.rows += 1

    # ------------------------------------------------------------------ writing

    def write(self, items: Sequence[Any]) -> None:
        if self._format == "csv":
            self._write_csv(items)
            return
        for record in self._records(items):
            if self._format == "ndjson":
                self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                prefix = "[\n  " if self.rows == 0 else ",\n  "
                self._stream.write(prefix + json.dumps(record, ensure_ascii=False))
            self.rows += 1

    def close(self) -> None:
        if self._format == "json":
            self._stream.write("[]\n" if self.rows == 0 else "\n]\n")
