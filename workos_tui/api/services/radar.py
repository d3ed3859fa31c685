"""Standalone Radar (``/radar/*``): assess attempts, report outcomes, edit allow/block lists."""

from __future__ import annotations

from ..models.authentication import (
    RadarAssessment,
    RadarAttemptCreate,
    RadarAttemptUpdate,
    RadarListAction,
    RadarListType,
)
from ..operations import operation
from .base import Service, path_segment


class RadarService(Service):
    @operation("POST", "/radar/attempts")
    async def assess(self, attempt: RadarAttemptCreate) -> RadarAssessment:
        return await self._fetch(RadarAssessment, "POST", "/radar/attempts", body=attempt)

    @operation("PUT", "/radar/attempts/{id}")
    async def update_attempt(self, attempt_id: str, changes: RadarAttemptUpdate) -> None:
        await self._send("PUT", f"/radar/attempts/{path_segment(attempt_id)}", body=changes)

    @operation("POST", "/radar/lists/{type}/{action}")
    async def add_list_entry(
        self, list_type: RadarListType, action: RadarListAction, entry: str
    ) -> bool:
        """Add ``entry``; ``False`` when it was already on the list."""
        path = f"/radar/lists/{path_segment(list_type)}/{path_segment(action)}"
        data = await self._request("POST", path, body={"entry": entry})
        return data is None

    @operation("DELETE", "/radar/lists/{type}/{action}")
    async def remove_list_entry(
        self, list_type: RadarListType, action: RadarListAction, entry: str
    ) -> None:
        path = f"/radar/lists/{path_segment(list_type)}/{path_segment(action)}"
        await self._send("DELETE", path, body={"entry": entry})
