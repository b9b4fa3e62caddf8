"""The few PDFium calls the PDF reader makes, through pypdfium2's raw bindings.

pypdfium2's object layer costs a command about 20 ms to import and wraps every page and
character box in Python objects the reader throws away; its raw bindings (the same library,
called through ctypes) are all the reader needs: open, count pages, page text with the
position of each line, metadata.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

TYPE_CHECKING = False  # not typing's: importing typing costs 3 ms of every command's start
if TYPE_CHECKING:
    from typing import Any

__all__ = ["PageText", "PdfiumDocument", "PdfiumError"]


class PdfiumError(Exception):
    """PDFium could not open the document; *password* tells whether a password is the cause."""

    def __init__(self, message: str, *, password: bool = False) -> None:
        super().__init__(message)
        self.password = password


@dataclass(slots=True)
class PageText:
    """A page's lines of text, each with its vertical extent (PDF units, upwards: the top of
    its first visible character, the bottom of its last): columns rather than an object per
    line, since pages hold hundreds."""

    lines: list[str]
    tops: list[float]
    bottoms: list[float]


_ERRORS = {
    1: "unknown error",
    2: "file not found or could not be opened",
    3: "not a PDF or corrupted",
    4: "password required or incorrect",
    5: "unsupported security scheme",
    6: "page not found or content error",
}
_PASSWORD = 4
_initialised = False


def _library() -> Any:
    global _initialised
    import pypdfium2_raw as pdfium_c

    if not _initialised:  # PDFium ignores a second initialisation (pypdfium2's own, say)
        config = pdfium_c.FPDF_LIBRARY_CONFIG(
            version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0
        )
        pdfium_c.FPDF_InitLibraryWithConfig(config)
        _initialised = True
    return pdfium_c


class PdfiumDocument:
    """An open PDF held in memory; close it when done (or use it as a context manager)."""

    def __init__(self, data: bytes, password: str | None = None) -> None:
        self._c = _library()
        self._data = data  # PDFium reads from this buffer for as long as the document is open
        secret = password.encode("utf-8") if password else None
        self._handle = self._c.FPDF_LoadMemDocument64(data, len(data), secret)
        if not self._handle:
            code = self._c.FPDF_GetLastError()
            raise PdfiumError(_ERRORS.get(code, f"error {code}"), password=code == _PASSWORD)

    def __enter__(self) -> PdfiumDocument:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._handle:
            self._c.FPDF_CloseDocument(self._handle)
            self._handle = None

    def __len__(self) -> int:
        return int(self._c.FPDF_GetPageCount(self._handle))

    def metadata(self, key: str) -> str:
        """The value of *key* (Title, Author, CreationDate …) in the document's info, or ''."""
        tag = key.encode("ascii")
        size = self._c.FPDF_GetMetaText(self._handle, tag, None, 0)
        if size <= 2:
            return ""
        buffer = ctypes.create_string_buffer(size)
        self._c.FPDF_GetMetaText(self._handle, tag, buffer, size)
        return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")

    def page_text(self, index: int) -> PageText:
        """The text of page *index* split at the line breaks PDFium inferred, blank lines left out.

        A page PDFium cannot load reads as no lines: one damaged page does not lose the rest.
        """
        c = self._c
        page_text = PageText([], [], [])
        page = c.FPDF_LoadPage(self._handle, index)
        if not page:
            return page_text
        textpage = c.FPDFText_LoadPage(page)
        try:
            count = c.FPDFText_CountChars(textpage) if textpage else 0
            if count <= 0:
                return page_text
            # Two UTF-16 units per character at most, and the terminator.
            units = (ctypes.c_ushort * (2 * count + 2))()
            written = c.FPDFText_GetText(textpage, 0, count, units)
            text = bytes(units)[: max(written - 1, 0) * 2].decode("utf-16-le", errors="ignore")
            box = c.FS_RECTF()
            char_index, char_box = c.FPDFText_GetCharIndexFromTextIndex, c.FPDFText_GetLooseCharBox
            lines, tops, bottoms = page_text.lines, page_text.tops, page_text.bottoms
            position = 0
            for line in text.split("\r\n"):
                if not line.isspace() and line:
                    first = position + len(line) - len(line.lstrip())
                    char = char_index(textpage, first)
                    char_box(textpage, first if char < 0 else char, box)
                    lines.append(line)
                    tops.append(box.top)
                    if "\ufffe" in line:
                        # pdfium joined a word hyphenated over two lines into this one: its
                        # bottom is that of the lower line, where its last character sits.
                        last = position + len(line.rstrip()) - 1
                        char = char_index(textpage, last)
                        char_box(textpage, last if char < 0 else char, box)
                    bottoms.append(box.bottom)
                position += len(line) + 2
            return page_text
        finally:
            if textpage:
                c.FPDFText_ClosePage(textpage)
            c.FPDF_ClosePage(page)
