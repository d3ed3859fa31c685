"""Writing a list to CSV, JSON or NDJSON, row by row as pages arrive."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import IO, Any, Literal

from workos_tui.resources.formatting import to_jsonable

ExportFormat = Literal["csv", "json", "ndjson"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json", "ndjson")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


class ExportWriter:
    """Streams items to an open text file in one of the export formats.

    Secret fields are masked: an export never contains a revealed value.
    """

    def __init__(
        self, stream: IO[str], export_format: ExportFormat, secret_fields: Sequence[str] = ()
    ) -> None:
        self._stream = stream
        self._format = export_format
        self._secret_fields = tuple(secret_fields)
        self._csv: Any = None
        self._columns: list[str] = []
        self.rows = 0

    def _record(self, item: Any) -> dict[str, Any]:
        data = to_jsonable(item)
        record = dict(data) if isinstance(data, dict) else {"value": data}
        for name in self._secret_fields:
            if record.get(name) is not None:
                record[name] = "••••••"
        return record

    def write(self, items: Sequence[Any]) -> None:
        for item in items:
            record = self._record(item)
            if self._format == "csv":
                if self._csv is None:
                    self._columns = list(record)
                    self._csv = csv.DictWriter(
                        self._stream, fieldnames=self._columns, extrasaction="ignore"
                    )
                    self._csv.writeheader()
                self._csv.writerow({key: _cell(record.get(key)) for key in self._columns})
            elif self._format == "ndjson":
                self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                prefix = "[\n  " if self.rows == 0 else ",\n  "
                self._stream.write(prefix + json.dumps(record, ensure_ascii=False))
            self.rows += 1

    def close(self) -> None:
        if self._format == "json":
            self._stream.write("[]\n" if self.rows == 0 else "\n]\n")
