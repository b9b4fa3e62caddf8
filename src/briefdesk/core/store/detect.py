"""Tell a note file from an article by its first bytes, without loading the note model."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["MIMETYPE", "is_note_file"]

MIMETYPE = "application/vnd.briefdesk+zip"


def is_note_file(path: str | os.PathLike[str]) -> bool:
    """Tell whether *path* is a BriefDesk note, by its first bytes (or, if unreadable, its name)."""
    source = Path(path)
    try:
        with source.open("rb") as handle:
            head = handle.read(38 + len(MIMETYPE))
    except OSError:
        return source.suffix.lower() == ".briefdesk"
    if head.startswith(b"PK\x03\x04") and head[30:38] == b"mimetype":
        return True
    return source.suffix.lower() == ".briefdesk"
