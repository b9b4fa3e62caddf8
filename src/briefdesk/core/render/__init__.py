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

__all__ = ["DEFAULT_TEMPLATE", "EXPORT_FORMATS", "build_layout", "export"]

EXPORT_FORMATS = {".docx": "docx", ".pdf": "pdf"}
DEFAULT_TEMPLATE = "briefing"


def build_layout(note: Note, template: str = DEFAULT_TEMPLATE) -> Layout:
    """Lay *note* out with *template* (a name or a folder); RenderError if it fails."""
    from briefdesk.core.render.templates import find_template, render_layout

    return render_layout(note, find_template(template))


def export(note: Note, path: str | os.PathLike[str], template: str = DEFAULT_TEMPLATE) -> None:
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
