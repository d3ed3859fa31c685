"""Audit-log exports: create one, wait for it, download it, read it, and count it (no UI).

:func:`run_export` creates an export (``POST /audit_logs/exports``) and polls it until it is
ready, reporting each state; :func:`download` streams the CSV at the export's URL to a file
with a plain HTTP client (the URL is presigned: the API key is never sent there).
:func:`parse_export` reads the CSV into :class:`AuditRecord` rows, whatever the casing or
spelling of its headers; :func:`facets` counts them by actor, action, target type and day, and
:func:`matching` filters them by facet values and free text.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx

from workos_tui.api.models.audit_logs import AuditLogExport, AuditLogExportCreate
from workos_tui.resources.base import Facade

FACETS: tuple[str, ...] = ("actor", "action", "target", "day")
POLL_SECONDS = 1.0
MAX_POLLS = 600
DOWNLOAD_CHUNK = 64 * 1024

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "event_id"),
    "action": ("action", "event", "event_action", "action_name"),
    "occurred_at": ("occurred_at", "timestamp", "time", "created_at", "date"),
    "actor_id": ("actor_id", "actor"),
    "actor_name": ("actor_name",),
    "actor_type": ("actor_type",),
    "targets": ("targets", "target", "target_types", "target_type"),
    "location": ("location", "context_location", "ip_address"),
    "user_agent": ("user_agent", "context_user_agent"),
}


class ExportFailed(Exception):
    """The export ended in a state other than ready (or never got ready)."""


@dataclass(frozen=True)
class AuditRecord:
    id: str
    action: str
    occurred_at: str
    actor_id: str
    actor_name: str
    targets: tuple[str, ...]
    """Target types."""
    text: str
    """Every cell of the row, for the full-text filter."""

    @property
    def actor(self) -> str:
        return self.actor_name or self.actor_id

    @property
    def day(self) -> str:
        return self.occurred_at[:10]

    def facet_values(self, facet: str) -> tuple[str, ...]:
        if facet == "target":
            return self.targets
        value = {"actor": self.actor, "action": self.action, "day": self.day}[facet]
        return (value,) if value else ()


async def run_export(
    workos: Facade,
    request: AuditLogExportCreate,
    progress: Callable[[AuditLogExport, int], None] | None = None,
    *,
    interval: float = POLL_SECONDS,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> AuditLogExport:
    """Create the export and poll it until it is ready; ``progress(export, polls)`` each time."""
    export = await workos.audit_logs.create_export(request)
    polls = 0
    while True:
        if progress is not None:
            progress(export, polls)
        if export.state == "ready" and export.url:
            return export
        if export.state not in ("pending",):
            raise ExportFailed(f"The export is {export.state}.")
        if polls >= MAX_POLLS:
            raise ExportFailed("The export was not ready in time.")
        await sleep(interval)
        polls += 1
        export = await workos.audit_logs.get_export(export.id)


async def download(
    url: str,
    path: Path,
    progress: Callable[[int], None] | None = None,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> int:
    """Stream ``url`` to ``path`` (a ``.part`` file renamed when complete); the bytes written."""
    partial = path.with_name(path.name + ".part")
    written = 0
    try:
        async with (
            httpx.AsyncClient(transport=transport, follow_redirects=True, timeout=60) as http,
            http.stream("GET", url) as response,
        ):
            response.raise_for_status()
            with partial.open("wb") as out:
                async for chunk in response.aiter_bytes(DOWNLOAD_CHUNK):
                    out.write(chunk)
                    written += len(chunk)
                    if progress is not None:
                        progress(written)
    except BaseException:  # failed or cancelled: no half file left behind
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    return written


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", header.strip().lower()).strip("_")


def _target_types(raw: str) -> tuple[str, ...]:
    raw = raw.strip()
    if not raw:
        return ()
    if raw.startswith("["):
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        if isinstance(data, list):
            types = [str(t.get("type", "")) if isinstance(t, dict) else str(t) for t in data]
            return tuple(t for t in types if t)
    parts = [p.strip() for p in re.split(r"[;|,]", raw) if p.strip()]
    return tuple(p.split(":", 1)[0].strip() for p in parts)


def parse_export(text: str) -> list[AuditRecord]:
    """The rows of an export's CSV (headers matched loosely: ``Actor Name``, ``actor_name`` …)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
    except StopIteration:
        return []
    keys = [_key(h) for h in header]
    column: dict[str, int] = {}
    for field, names in ALIASES.items():
        for name in names:
            if name in keys:
                column[field] = keys.index(name)
                break

    def cell(row: list[str], field: str) -> str:
        index = column.get(field)
        return row[index] if index is not None and index < len(row) else ""

    records: list[AuditRecord] = []
    for row in reader:
        if not any(row):
            continue
        records.append(
            AuditRecord(
                id=cell(row, "id"),
                action=cell(row, "action"),
                occurred_at=cell(row, "occurred_at"),
                actor_id=cell(row, "actor_id"),
                actor_name=cell(row, "actor_name"),
                targets=_target_types(cell(row, "targets")),
                text=" ".join(row).lower(),
            )
        )
    return records


def facets(records: Iterable[AuditRecord]) -> dict[str, Counter[str]]:
    """Per facet, how many records carry each value (a record counts once per target type)."""
    counts: dict[str, Counter[str]] = {facet: Counter() for facet in FACETS}
    for record in records:
        for facet in FACETS:
            counts[facet].update(set(record.facet_values(facet)))
    return counts


def matching(
    records: Iterable[AuditRecord], chosen: Mapping[str, str], text: str = ""
) -> list[AuditRecord]:
    """The records with every chosen facet value whose cells contain ``text`` (any case)."""
    needle = text.strip().lower()
    return [
        r
        for r in records
        if all(value in r.facet_values(facet) for facet, value in chosen.items())
        and (not needle or needle in r.text)
    ]
