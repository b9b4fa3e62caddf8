"""Reading and writing notes: the ``.briefdesk`` file, atomic saves, autosave and recovery."""

from briefdesk.core.store.notefile import (
    MIMETYPE,
    SCHEMA,
    is_note_file,
    load,
    note_from_json,
    note_to_json,
    save,
)

__all__ = ["MIMETYPE", "SCHEMA", "is_note_file", "load", "note_from_json", "note_to_json", "save"]
