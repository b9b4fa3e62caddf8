"""Reading and writing notes: the ``.briefdesk`` file, atomic saves, autosave and recovery.

Names load on first use (PEP 562): telling a note from an article needs none of the model.
"""

from __future__ import annotations

from briefdesk.core.lazy import lazy_names

TYPE_CHECKING = False  # not typing's: importing typing costs 3 ms of every command's start

if TYPE_CHECKING:
    from briefdesk.core.store.autosave import (
        AUTOSAVE_INTERVAL_S,
        Autosaver,
        Recovery,
        discard,
        find_recoverable,
    )
    from briefdesk.core.store.detect import MIMETYPE, is_note_file
    from briefdesk.core.store.notefile import SCHEMA, load, note_from_json, note_to_json, save

__all__ = [
    "AUTOSAVE_INTERVAL_S",
    "MIMETYPE",
    "SCHEMA",
    "Autosaver",
    "Recovery",
    "discard",
    "find_recoverable",
    "is_note_file",
    "load",
    "note_from_json",
    "note_to_json",
    "save",
]

_WHERE: dict[str, str] = {
    "AUTOSAVE_INTERVAL_S": "briefdesk.core.store.autosave",
    "Autosaver": "briefdesk.core.store.autosave",
    "Recovery": "briefdesk.core.store.autosave",
    "discard": "briefdesk.core.store.autosave",
    "find_recoverable": "briefdesk.core.store.autosave",
    "MIMETYPE": "briefdesk.core.store.detect",
    "is_note_file": "briefdesk.core.store.detect",
    "SCHEMA": "briefdesk.core.store.notefile",
    "load": "briefdesk.core.store.notefile",
    "note_from_json": "briefdesk.core.store.notefile",
    "note_to_json": "briefdesk.core.store.notefile",
    "save": "briefdesk.core.store.notefile",
}


__getattr__, __dir__ = lazy_names(__name__, _WHERE)
