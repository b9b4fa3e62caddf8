"""Opening whatever a user points BriefDesk at: a ``.briefdesk`` note or a source article."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from briefdesk.core import ingest, store
from briefdesk.core.model import Note, Source

__all__ = ["open_document"]


def open_document(
    path: str | os.PathLike[str],
    *,
    password: str | None = None,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Note:
    """Return the note at *path*, or a new note on the article at *path*.

    A note from a newer BriefDesk comes back read-only. Raises the core's errors (NoteFileError,
    IngestError, PasswordRequired for an encrypted PDF) with a message naming the file.
    """
    source = Path(path)
    if store.is_note_file(source):
        note = store.load(source, allow_newer=True)
        if progress is not None:
            progress(1.0)
        return note
    data = ingest.read_file_bytes(source)
    try:
        article = ingest.read_bytes(
            data, name=source.name, password=password, progress=progress, cancel=cancel
        )
    except ingest.IngestError as error:
        raise type(error)(f"{source.name}: {error}") from None
    return Note(article, source=Source(source.name, data))
