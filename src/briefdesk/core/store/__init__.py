"""Reading and writing notes: the ``.briefdesk`` file, atomic saves, autosave and recovery."""

from briefdesk.core.store.autosave import (
    AUTOSAVE_INTERVAL_S,
    Autosaver,
    Recovery,
    discard,
    find_recoverable,
)
from briefdesk.core.store.notefile import (
    MIMETYPE,
    SCHEMA,
    is_note_file,
    load,
    note_from_json,
    note_to_json,
    save,
)

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
