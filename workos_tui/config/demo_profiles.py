"""The demo's profiles: ``demo`` and ``demo-staging`` (the same demo with deliberate drift, see
:mod:`workos_tui.emulator.demo_drift`), so the profile picker and ``:envdiff demo demo-staging``
work in ``workos-tui --demo``.

``demo-staging``'s emulator is started by the launcher's ``start_staging`` the first time the
profile is loaded (``--demo`` starts no faster or slower for it) and stopped by :meth:`stop`.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from typing import Protocol

from workos_tui.api.environment import Environment
from workos_tui.config.errors import ConfigError

STAGING = "demo-staging"


class Emulator(Protocol):
    @property
    def base_url(self) -> str: ...

    def stop(self) -> None: ...


class DemoProfiles:
    """A profile source (:class:`workos_tui.ui.profiles.ProfileSource`) of the demo's two
    environments; ``demo`` is the running one, ``demo-staging`` starts when first loaded."""

    def __init__(self, demo: Environment, start_staging: Callable[[], Emulator]) -> None:
        self.demo = demo
        self._start_staging = start_staging
        self._staging: Emulator | None = None
        self._lock = threading.Lock()

    def names(self) -> list[str]:
        return [self.demo.name, STAGING]

    @property
    def staging_started(self) -> bool:
        return self._staging is not None

    def load(self, name: str) -> Environment:
        if name == self.demo.name:
            return self.demo
        if name != STAGING:
            known = ", ".join(self.names())
            raise ConfigError(f"No profile called {name!r} in the demo (known: {known}).")
        with self._lock:
            if self._staging is None:
                self._staging = self._start_staging()
            base_url = self._staging.base_url.rstrip("/")
        return dataclasses.replace(self.demo, name=STAGING, base_url=base_url)

    def stop(self) -> None:
        """Stop demo-staging's emulator if it was started."""
        with self._lock:
            staging, self._staging = self._staging, None
        if staging is not None:
            staging.stop()
