"""The console's start: the garbage collector the command paused for start-up comes back on
after the first rows (structure only: timings are in tests/bench_ui.py)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest
from ui_helpers import SIZE, current_view, settle

from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.collection_pause import (
    collection_paused,
    pause_collection,
    resume_collection,
)


@pytest.fixture
def paused_collector() -> Iterator[None]:
    assert gc.isenabled()
    pause_collection()
    try:
        yield
    finally:
        resume_collection(freeze=False)
        gc.enable()
        gc.unfreeze()


@pytest.mark.usefixtures("paused_collector")
async def test_the_collector_comes_back_after_the_first_rows(
    console_factory: Callable[..., WorkOSConsole],
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert current_view(app).items
        while not app.idle_work_done:
            await pilot.pause(0.05)
        assert not collection_paused() and gc.isenabled()
        assert gc.get_freeze_count() > 0  # what start-up built is kept out of collections


@pytest.mark.usefixtures("paused_collector")
async def test_the_collector_comes_back_without_rows(
    console_factory: Callable[..., WorkOSConsole], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workos_tui.ui.app.COLLECTION_PAUSE_LIMIT", 0.1)
    app = console_factory(start_area="vault-crypto")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        assert not collection_paused() and gc.isenabled()
