"""Exporting a note: a layout tree, then a DOCX or PDF writer over it.

The writers and their libraries load on first export, not when the app starts.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from briefdesk.core.errors import RenderError

if TYPE_CHECKING:
    from briefdesk.core.model import Note
    from briefdesk.core.render.layout import Layout

__all__ = ["EXPORT_FORMATS", "TEMPLATES", "build_layout", "export"]

EXPORT_FORMATS = {".docx": "docx", ".pdf": "pdf"}
TEMPLATES = {"briefing": "Civil-service briefing note: banner, heading block, sections."}
"""The templates this build ships, by name, with a one-line description."""


def build_layout(note: Note, template: str = "briefing") -> Layout:
    """Lay *note* out with *template*; raise RenderError for an unknown template."""
    if template not in TEMPLATES:
        raise RenderError(f"unknown template '{template}' (choose from {', '.join(TEMPLATES)})")
    from briefdesk.core.render.briefing import build_briefing

    return build_briefing(note)


def export(note: Note, path: str | os.PathLike[str], template: str = "briefing") -> None:
    """Export *note* to *path*, as DOCX or PDF by its extension, atomically.

    Raises RenderError for an unknown format or template, text the output cannot show, or a
    file that cannot be written; any earlier file at *path* is then left untouched.
    """
    target = Path(path)
    kind = EXPORT_FORMATS.get(target.suffix.lower())
    if kind is None:
        raise RenderError(f"cannot export to '{target.suffix or target.name}': use .docx or .pdf")
    import io

    from briefdesk.core.atomic import atomic_write

    layout = build_layout(note, template)
    if kind == "docx":
        from briefdesk.core.render.docx_writer import write_docx as write
    else:
        from briefdesk.core.render.pdf_writer import write_pdf as write
    # Render in memory first: a failure there leaves no file behind, and an OSError below
    # can only be about writing the output.
    buffer = io.BytesIO()
    write(layout, buffer)
    try:
        atomic_write(target, lambda handle: handle.write(buffer.getvalue()))
    except OSError as error:
        raise RenderError(f"cannot write {target}: {error.strerror or error}") from None
