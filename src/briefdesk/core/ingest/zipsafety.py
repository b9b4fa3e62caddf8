"""Refuse ZIP containers (DOCX) that would unpack to far more than any document needs."""

from __future__ import annotations

import io
import zipfile

from briefdesk.core.errors import IngestError

__all__ = ["MAX_UNPACKED_BYTES", "MAX_ZIP_MEMBERS", "check_zip"]

MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""All members of a DOCX together may unpack to at most this (512 MiB)."""
MAX_ZIP_MEMBERS = 10_000
"""A DOCX with more members than this is not a document."""
_MAX_RATIO = 200  # deflate reaches ~1000:1 only on degenerate data: a bomb, not a document


def check_zip(data: bytes, what: str) -> None:
    """Raise IngestError if *data* is not a readable ZIP or looks like a ZIP bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise IngestError(f"not a valid {what} (the ZIP container is damaged)") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise IngestError(f"the {what} holds {len(infos)} parts, more than a document has")
        total = sum(info.file_size for info in infos)
        if total > MAX_UNPACKED_BYTES:
            raise IngestError(
                f"the {what} would unpack to {total // 2**20} MiB, more than the "
                f"{MAX_UNPACKED_BYTES // 2**20} MiB BriefDesk allows"
            )
        for info in infos:
            if (
                info.compress_size
                and info.file_size > 1_000_000
                and (info.file_size / info.compress_size > _MAX_RATIO)
            ):
                raise IngestError(f"the {what} looks like a ZIP bomb ('{info.filename}')")
