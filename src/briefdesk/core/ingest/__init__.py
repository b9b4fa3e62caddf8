"""Reading source articles: one reader per format, all giving one canonical Article.

The format is told by content first and the file name second, so a ``.txt`` that is really a
web page is read as one. Heavy libraries are imported only by the reader that needs them, so
reading plain text stays fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from briefdesk.core.errors import IngestCancelled, IngestError, PasswordRequired
from briefdesk.core.ingest.metadata import (
    complete_metadata,
    find_date,
    guess_language,
    parse_date,
)
from briefdesk.core.ingest.sniff import looks_like_docx, looks_like_html, looks_like_pdf
from briefdesk.core.ingest.text import read_text
from briefdesk.core.model import Article

__all__ = [
    "FORMATS",
    "MAX_SOURCE_BYTES",
    "IngestCancelled",
    "IngestError",
    "PasswordRequired",
    "complete_metadata",
    "detect_format",
    "find_date",
    "from_string",
    "guess_language",
    "parse_date",
    "read",
    "read_bytes",
    "read_file_bytes",
]

MAX_SOURCE_BYTES = 100 * 1024 * 1024
"""The largest source BriefDesk reads (100 MiB): far beyond any article, and still safe."""

FORMATS = ("text", "html", "markdown", "docx", "pdf")
"""The formats BriefDesk reads, by the names ``--format`` takes."""

_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".pdf": "pdf",
}
_REFUSED = {
    ".doc": "old Word .doc files: save the file as .docx first",
    ".odt": "OpenDocument text yet: save the file as .docx first",
    ".rtf": "RTF yet: save the file as .docx first",
}


def detect_format(data: bytes, name: str | None = None) -> str:
    """Return the format of *data*: by its content, else by the extension of *name*.

    Raises IngestError for a file kind BriefDesk does not read, naming what to do instead.
    """
    suffix = Path(name or "").suffix.lower()
    if looks_like_pdf(data):
        return "pdf"
    if looks_like_docx(data):
        return "docx"
    if data.startswith(b"PK\x03\x04") or suffix in _REFUSED:
        raise IngestError(f"BriefDesk does not read {_REFUSED.get(suffix, suffix + ' files')}")
    if looks_like_html(data):
        return "html"
    if suffix in _BY_EXTENSION:
        kind = _BY_EXTENSION[suffix]
        # A "page" with no markup at all is text that was merely named .html.
        return "text" if kind == "html" and b"<" not in data[:65536] else kind
    if data.lstrip(b"\xef\xbb\xbf").startswith(b"---\n"):
        return "markdown"
    return "text"


def read_file_bytes(path: str | os.PathLike[str]) -> bytes:
    """Return the bytes of the source file at *path*, refusing files over MAX_SOURCE_BYTES.

    Raises IngestError naming the file and the reason.
    """
    source = Path(path)
    try:
        size = source.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise IngestError(
                f"{source.name} is {size // 2**20} MiB; BriefDesk reads sources up to "
                f"{MAX_SOURCE_BYTES // 2**20} MiB"
            )
        with source.open("rb") as handle:
            return handle.read(MAX_SOURCE_BYTES + 1)
    except IsADirectoryError:
        raise IngestError(f"{source} is a folder, not an article") from None
    except OSError as error:
        raise IngestError(f"cannot read {source}: {error.strerror or error}") from None


def read(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    encoding: str | None = None,
    password: str | None = None,
) -> Article:
    """Read the article in the file at *path*, with its date and language.

    Raises IngestError naming the file and the reason if it cannot be read.
    """
    source = Path(path)
    data = read_file_bytes(source)
    try:
        return read_bytes(
            data, name=source.name, format=format, encoding=encoding, password=password
        )
    except IngestError as error:
        raise type(error)(f"{source.name}: {error}") from None


def read_bytes(
    data: bytes,
    *,
    name: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
    password: str | None = None,
    language: bool = True,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Article:
    """Read an article from *data*; *name* (a file name) hints at the format.

    With *language* false the article's language is left unknown unless the document
    declares it (guessing it costs a model load). *progress* gets fractions from 0 to 1 and
    *cancel*, checked between pages, stops a long read with IngestCancelled. Raises
    IngestError for an unsupported format, undecodable, empty or hostile input.
    """
    if len(data) > MAX_SOURCE_BYTES:
        raise IngestError(f"the source is larger than {MAX_SOURCE_BYTES // 2**20} MiB")
    if format is not None and format not in FORMATS:
        raise IngestError(f"unknown format '{format}' (choose from {', '.join(FORMATS)})")
    kind = format or detect_format(data, name)
    if kind == "html":
        from briefdesk.core.ingest.html_reader import read_html

        article = read_html(data, name=name, encoding=encoding)
    elif kind == "docx":
        from briefdesk.core.ingest.docx_reader import read_docx

        article = read_docx(data, name=name)
    elif kind == "pdf":
        from briefdesk.core.ingest.pdf_reader import read_pdf

        article = read_pdf(data, name=name, password=password, progress=progress, cancel=cancel)
    elif kind == "markdown":
        from briefdesk.core.ingest.markdown_reader import read_markdown

        article = read_markdown(data, name=name, encoding=encoding)
    else:
        article = read_text(data, name=name, encoding=encoding)
    if not article.text.strip():
        raise IngestError("the article is empty")
    if cancel is not None and cancel():
        raise IngestCancelled("reading cancelled")
    article = complete_metadata(article, language=language)
    if progress is not None:
        progress(1.0)
    return article


def from_string(text: str, *, name: str | None = None) -> Article:
    """Build an article from text already in memory (pasted text); HTML is read as HTML."""
    data = text.encode("utf-8")
    return read_bytes(data, name=name or "pasted.txt")
