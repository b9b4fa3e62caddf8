"""The few PDFium calls the PDF reader makes, through pypdfium2's raw bindings.

pypdfium2's object layer costs a command about 20 ms to import and wraps every page and
character box in Python objects the reader throws away; its raw bindings (the same library,
called through ctypes) are all the reader needs: open, count pages, page text with the
position of each line, metadata.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field

TYPE_CHECKING = False  # not typing's: importing typing costs 3 ms of every command's start
if TYPE_CHECKING:
    from typing import Any

__all__ = ["PageText", "PdfiumDocument", "PdfiumError", "Piece"]


class PdfiumError(Exception):
    """PDFium could not open the document; *password* tells whether a password is the cause."""

    def __init__(self, message: str, *, password: bool = False) -> None:
        super().__init__(message)
        self.password = password


@dataclass(frozen=True, slots=True)
class Piece:
    """A word, or punctuation before or after one, with its left and right edge; *joined*
    when PDFium's text has no space between it and the piece before it."""

    text: str
    left: float
    right: float
    joined: bool


@dataclass(slots=True)
class PageText:
    """A page's lines of text, each with its vertical extent (PDF units, upwards: the top of
    its first visible character, the bottom of its last): columns rather than an object per
    line, since pages hold hundreds."""

    lines: list[str]
    tops: list[float]
    bottoms: list[float]
    sizes: list[float]  # the type size of the line's first character
    words: dict[int, list[Piece]] = field(default_factory=dict)
    """For each line with right-to-left text (by index): its pieces (words, runs of
    punctuation) in PDFium's order, each with its left and right edge; PDFium's order of
    such pieces is not always the reading order, their positions tell it."""


_ERRORS = {
    1: "unknown error",
    2: "file not found or could not be opened",
    3: "not a PDF or corrupted",
    4: "password required or incorrect",
    5: "unsupported security scheme",
    6: "page not found or content error",
}
_PASSWORD = 4
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Alef then lam, as PDFium gives back the lam-alef ligature (one glyph, two letters) when it
# reverses a right-to-left line: the letters are then lam then alef.
_ALEF_LAM = re.compile("[\u0627\u0623\u0625\u0622]\u0644")
# A word with what is inside it (letters, marks such as Hebrew points or Arabic vowels, and
# the hyphens or quote marks between them), or the punctuation before or after a word: a mark
# drawn apart from its word is a piece of its own, placed by where it sits.
_LETTERS = r"\w\u0300-\u036f\u0591-\u05c7\u05f3\u05f4\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_PIECE = re.compile(
    rf"[^\s{_LETTERS}]+(?=[{_LETTERS}])|[{_LETTERS}](?:\S*[{_LETTERS}])?|[^\s{_LETTERS}]+"
)
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
        page_text = PageText([], [], [], [])
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
            sizes = page_text.sizes
            right_to_left = _RIGHT_TO_LEFT.search(text) is not None  # one look per page
            position, height, size = 0, -1.0, 0.0
            for line in text.split("\r\n"):
                if not line.isspace() and line:
                    first = position + len(line) - len(line.lstrip())
                    char = char_index(textpage, first)
                    first = first if char < 0 else char
                    char_box(textpage, first, box)
                    if right_to_left and _RIGHT_TO_LEFT.search(line):
                        line = self._lam_alef(textpage, line, position)
                        page_text.words[len(lines)] = self._words(textpage, line, position)
                    lines.append(line)
                    tops.append(box.top)
                    if abs(box.top - box.bottom - height) > 0.01:  # same box, same font and size
                        height = box.top - box.bottom
                        size = c.FPDFText_GetFontSize(textpage, first)
                    sizes.append(size)
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

    def _words(self, textpage: object, line: str, start: int) -> list[Piece]:
        """The pieces of *line* (which starts at text index *start*) with their extents."""
        c = self._c
        box = c.FS_RECTF()
        words: list[Piece] = []
        end = -1
        for match in _PIECE.finditer(line):
            left, right = float("inf"), float("-inf")
            for offset in {match.start(), match.end() - 1}:
                char = c.FPDFText_GetCharIndexFromTextIndex(textpage, start + offset)
                if c.FPDFText_GetLooseCharBox(textpage, start + offset if char < 0 else char, box):
                    left, right = min(left, box.left), max(right, box.right)
            words.append(Piece(match.group(), left, right, match.start() == end))
            end = match.end()
        return words

    def _lam_alef(self, textpage: object, line: str, start: int) -> str:
        """*line* with each lam-alef ligature PDFium read as alef-lam put right: the two
        letters of a ligature share one glyph's box, those of a real alef-lam ("ال") do not."""
        c = self._c
        box = c.FS_RECTF()
        for match in _ALEF_LAM.finditer(line):
            edges = []
            for offset in (match.start(), match.start() + 1):
                char = c.FPDFText_GetCharIndexFromTextIndex(textpage, start + offset)
                c.FPDFText_GetLooseCharBox(textpage, start + offset if char < 0 else char, box)
                edges.append((round(box.left, 2), round(box.right, 2)))
            if edges[0] == edges[1]:
                at = match.start()
                line = line[:at] + line[at + 1] + line[at] + line[at + 2 :]
        return line
