"""Reading source articles: one reader per format, all giving one canonical Article."""

from __future__ import annotations

import os
from pathlib import Path

from briefdesk.core.errors import IngestError
from briefdesk.core.ingest.text import article_from_text, read_text
from briefdesk.core.model import Article

__all__ = ["FORMATS", "MAX_SOURCE_BYTES", "from_string", "read", "read_bytes", "read_file_bytes"]

MAX_SOURCE_BYTES = 100 * 1024 * 1024
"""The largest source file BriefDesk reads (100 MiB): far beyond any article, and still safe."""

FORMATS = ("text",)
"""The formats BriefDesk can read so far."""

_EXTENSIONS = {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text", "": "text"}


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
    path: str | os.PathLike[str], *, format: str | None = None, encoding: str | None = None
) -> Article:
    """Read the article in the file at *path*.

    Raises IngestError naming the file and the reason if it cannot be read.
    """
    source = Path(path)
    data = read_file_bytes(source)
    try:
        return read_bytes(data, name=source.name, format=format, encoding=encoding)
    except IngestError as error:
        raise IngestError(f"{source.name}: {error}") from None


def read_bytes(
    data: bytes,
    *,
    name: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
) -> Article:
    """Read an article from *data*; *name* (a file name) hints at the format.

    Raises IngestError for an unsupported format, undecodable or empty input.
    """
    if len(data) > MAX_SOURCE_BYTES:
        raise IngestError(f"the source is larger than {MAX_SOURCE_BYTES // 2**20} MiB")
    kind = format or _EXTENSIONS.get(Path(name or "").suffix.lower())
    if kind is None:
        suffix = Path(name or "").suffix
        raise IngestError(f"BriefDesk cannot read {suffix} files yet (it reads plain text)")
    if kind not in FORMATS:
        raise IngestError(f"unknown format '{kind}' (choose from {', '.join(FORMATS)})")
    article = read_text(data, name=name, encoding=encoding)
    if not article.text.strip():
        raise IngestError("the article is empty")
    return article


def from_string(text: str, *, name: str | None = None) -> Article:
    """Build an article from text already in memory (pasted text)."""
    from briefdesk.core.model import Metadata

    article = article_from_text(text, Metadata(format="text", source_name=name))
    if not article.text.strip():
        raise IngestError("the article is empty")
    return article
