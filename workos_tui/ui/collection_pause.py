"""The garbage collector is off from the command's start until the console's first rows.

Start-up allocates some 140,000 long-lived objects (modules, classes, widgets, the first page)
and hardly any garbage. With the collector on, the growing heap sets off a dozen collections
that walk it, full ones included: ~60-70 ms of the ~450 ms to the first rows, spent finding
~7,000 unreachable objects. Paused, nothing is walked until the rows are on screen; then one
collection frees what start-up left and ``gc.freeze`` keeps the survivors, which live as long
as the console, out of later collections.

Only a pause this module made is resumed: a program that turned the collector off keeps it off.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collection() -> None:
    """Turn the collector off until :func:`resume_collection` (if it is on)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def collection_paused() -> bool:
    """Whether :func:`pause_collection` turned the collector off and it is still off."""
    return _paused


def resume_collection(*, freeze: bool = True) -> None:
    """Turn the collector back on; with ``freeze``, first collect start-up's garbage and freeze
    the survivors (without: when the console has closed, whatever follows collects as usual).

    Does nothing unless :func:`pause_collection` paused it (so it may be called more than once).
    """
    global _paused
    if not _paused:
        return
    _paused = False
    if freeze:
        gc.collect()
        gc.freeze()
    gc.enable()
