"""What the console does once the first rows are on screen, a step at a time (:class:`IdleWork`):
register the extension areas, then prepare the main areas — mounted hidden, first page fetched —
so that opening one shows its rows at once.

Last, what was built so far is moved out of the garbage collector's sight (``gc.freeze``):
modules, widgets and prepared areas live as long as the console, and a full collection that
walks them all stalled the UI for 100-400 ms every few seconds while paging through a long list.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import partial
from typing import Any

from textual.app import App
from textual.containers import Container
from textual.widget import Widget

from workos_tui.resources.catalog import EXTENSION_MODULES, load_extensions
from workos_tui.resources.registry import ResourceRegistry
from workos_tui.ui.collection_pause import collection_paused, resume_collection
from workos_tui.ui.idle_work import IdleWork
from workos_tui.ui.widgets.area_list import AreaList

STEP_SECONDS = 0.12
"""Pause between two steps: keys pressed meanwhile are handled between them."""


BuildArea = Callable[[str, str | None], Widget | None]
"""The console's ``area_widget(key, search)``: the widget of an area, not mounted yet."""


class AreaPreparation:
    """Extension areas and prepared areas of one console."""

    def __init__(
        self,
        console: App[Any],
        registry: ResourceRegistry,
        build_area: BuildArea,
        *,
        prepare_areas: bool,
    ) -> None:
        self._console = console
        self._registry = registry
        self._build_area = build_area
        self.prepare_areas = prepare_areas
        self.work = IdleWork(console, STEP_SECONDS)
        self._started = False
        self._areas_queued = False
        self._loaded_modules: set[str] = set()
        self._main_areas = [resource.key for resource in registry.top_level()]

    @property
    def extensions_loaded(self) -> bool:
        return self._loaded_modules.issuperset(EXTENSION_MODULES)

    @property
    def done(self) -> bool:
        """The work queued after the first rows has run."""
        return self._started and self.work.pending == 0

    def first_page_shown(self, ok: bool) -> None:
        """Queue the work: the extension areas always, the main areas once a list loaded."""
        if not self._started:
            self._started = True
            if collection_paused():
                self.work.add(resume_collection)  # first, once the rows' frame is out
            for module in EXTENSION_MODULES:
                if module not in self._loaded_modules:
                    self.work.add(partial(self.load_modules, (module,)))
        if ok and self.prepare_areas and not self._areas_queued:
            self._areas_queued = True
            for key in self._main_areas:
                self.work.add(partial(self.prepare_area, key))
            self.work.add(freeze_long_lived_objects)

    def restart(self) -> None:
        """Another environment: its first rows queue again what is left."""
        self.work.cancel()
        self._started = self._areas_queued = False

    def load_modules(self, modules: tuple[str, ...]) -> None:
        """Register the areas of extension ``modules`` not loaded yet; list them in the sidebar."""
        wanted = tuple(module for module in modules if module not in self._loaded_modules)
        if not wanted:
            return
        self._loaded_modules.update(wanted)
        added = load_extensions(self._registry, wanted)
        sidebar = self._console.query_one(AreaList)
        sidebar.add_areas([(r.key, r.title) for r in added if r.top_level])

    def prepare_area(self, key: str) -> None:
        """Mount area ``key`` hidden (its first page loads) unless it is mounted already."""
        content = self._console.query_one("#area-content", Container)
        if content.query(f"#area-{key}"):
            return
        created = self._build_area(key, None)
        if created is not None:
            created.display = False
            content.mount(created)


def freeze_long_lived_objects() -> None:
    """Collect what is garbage now, then keep the survivors out of later collections."""
    gc.collect()
    gc.freeze()
