"""Tell a source's format from its first bytes, cheaply (no reader is imported)."""

from __future__ import annotations

import re

__all__ = ["looks_like_docx", "looks_like_html", "looks_like_pdf"]

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S,
)
_TAG = re.compile(rb"<(p|div|span|a|br|h[1-6]|li|table|article)\b", re.I)


def looks_like_html(data: bytes) -> bool:
    """Tell whether *data* is HTML by its content: a doctype or opening tags near the top."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(head)) >= 5


def looks_like_docx(data: bytes) -> bool:
    """Tell whether *data* is a Word document: a ZIP that names ``word/`` parts."""
    return data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]


def looks_like_pdf(data: bytes) -> bool:
    """Tell whether *data* is a PDF by its signature (allowing junk before it, as readers do)."""
    return b"%PDF-" in data[:1024]
