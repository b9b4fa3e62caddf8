"""Read a PDF's text layer (pypdfium2): lines grouped into paragraphs, page furniture dropped.

Repeated page headers and footers and bare page numbers are removed, hyphenated line ends
joined and typographic ligatures expanded. A PDF without a text layer (a scan) or one that
needs a password gets a clear message.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from briefdesk.core.errors import IngestCancelled, IngestError, PasswordRequired
from briefdesk.core.ingest.builder import ArticleBuilder
from briefdesk.core.model import Article, BlockKind, Metadata, canonicalize
from briefdesk.core.model.text import is_canonical

TYPE_CHECKING = False
if TYPE_CHECKING:
    from briefdesk.core.ingest.pdfium import PageText, PdfiumDocument

__all__ = ["MAX_PDF_PAGES", "IngestCancelled", "PasswordRequired", "read_pdf"]

MAX_PDF_PAGES = 5_000
"""Longer PDFs are refused: no article runs to this, and reading them would take minutes."""

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page\s+|p\.\s*|seite\s+|עמוד\s+|صفحة\s+)?\d{1,4}"
    r"(?:\s*(?:/|of|von|de|מתוך|من)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.I,
)
# Latin ligatures (ﬁ, ﬂ …) and Arabic presentation forms (shaped letters some PDFs map their
# glyphs to) are spelt out as the plain letters a reader searches for.
_LIGATURES = re.compile("[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefc]+")
_PDFIUM_HYPHEN = re.compile("\ufffe(?=(.))", re.S)
# pdfium reports a hyphen that ends a line as U+0002 where it keeps the line break;
# soft hyphens and real ones join too.
_DIGITS = re.compile(r"\d+")
_HYPHEN_END = re.compile(r"(\w)[-\u00ad\x02]$")


def read_pdf(
    data: bytes,
    *,
    name: str | None = None,
    password: str | None = None,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Article:
    """Return the article in the PDF *data*.

    Raises PasswordRequired for an encrypted PDF without the right *password*, and
    IngestError for a damaged PDF or one with no text layer.
    """
    from briefdesk.core.ingest.pdfium import PdfiumDocument, PdfiumError

    try:
        document = PdfiumDocument(data, password)
    except PdfiumError as error:
        if error.password:
            if password:
                raise PasswordRequired("the PDF's password is wrong") from None
            raise PasswordRequired("the PDF is encrypted; give its password") from None
        raise IngestError(f"not a readable PDF ({error})") from None
    with document:
        count = len(document)
        if count > MAX_PDF_PAGES:
            raise IngestError(f"the PDF has {count} pages; BriefDesk reads up to {MAX_PDF_PAGES}")
        pages = _read_pages(document, data, password, count, progress, cancel)
        meta = {key: document.metadata(key) for key in ("Title", "Author", "CreationDate")}
    if not any(page.lines for page in pages):
        raise IngestError("the PDF has no text layer (it is probably scanned); run OCR first")
    _drop_furniture(pages)
    builder = ArticleBuilder()
    for page in pages:
        for paragraph in _paragraphs(page):
            builder.add(BlockKind.PARAGRAPH, paragraph, clean="\n" not in paragraph)
    # When the file was made is not when the article was published (a page saved as PDF is
    # dated the day it was saved): kept as "created", the date only if the text has none.
    created = meta.get("CreationDate", "")
    metadata = Metadata(
        title=(meta.get("Title") or "").strip() or None,
        author=(meta.get("Author") or "").strip() or None,
        format="pdf",
        source_name=name,
        extra=(
            {"created": f"{created[2:6]}-{created[6:8]}-{created[8:10]}"}
            if re.match(r"D:\d{8}", created)
            else {}
        ),
    )
    return builder.build(metadata)


PARALLEL_MIN_PAGES = 40
"""From this many pages, a process that may fork reads the second half in a child process
(pdfium builds each page's text in about a millisecond: on two cores, half the wait)."""


def _read_pages(
    document: PdfiumDocument,
    data: bytes,
    password: str | None,
    count: int,
    progress: Callable[[float], None] | None,
    cancel: Callable[[], bool] | None,
) -> list[PageText]:
    half = count // 2
    child = _fork_reader(data, password, half, count) if count >= PARALLEL_MIN_PAGES else None
    stop = half if child is not None else count
    pages = []
    try:
        for index in range(stop):
            if cancel is not None and cancel():
                raise IngestCancelled("reading the PDF was cancelled")
            pages.append(_page_lines(document, index))
            if progress is not None:
                progress((index + 1) / count)
    except BaseException:
        if child is not None:
            _abandon(child)
        raise
    if child is not None:
        rest = _collect(child)
        if rest is None:  # the child failed: read its half here
            rest = [_page_lines(document, index) for index in range(half, count)]
        pages.extend(rest)
        if progress is not None:
            progress(1.0)
    return pages


def _fork_reader(
    data: bytes, password: str | None, start: int, stop: int
) -> tuple[int, int] | None:
    """Fork a child that reads pages start..stop-1 and sends them down a pipe.

    Only where forking is safe: a POSIX process with no other thread running (the command
    line; the GUI reads in a worker thread, so it never forks).
    """
    import os
    import threading

    if not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 1
        try:
            import marshal

            from briefdesk.core.ingest.pdfium import PdfiumDocument

            os.close(read_end)
            own = PdfiumDocument(data, password)
            pages = [_page_lines(own, index) for index in range(start, stop)]
            # Lists of str and float through marshal: a fraction of what pickle costs.
            payload = marshal.dumps([(p.lines, p.tops, p.bottoms, p.sizes) for p in pages])
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end


def _collect(child: tuple[int, int]) -> list[PageText] | None:
    import marshal
    import os

    from briefdesk.core.ingest.pdfium import PageText

    pid, read_end = child
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not payload:
        return None
    return [PageText(*page) for page in marshal.loads(payload)]


def _abandon(child: tuple[int, int]) -> None:
    import os
    import signal

    pid, read_end = child
    os.kill(pid, signal.SIGKILL)
    os.close(read_end)
    os.waitpid(pid, 0)


def _page_lines(document: PdfiumDocument, index: int) -> PageText:
    """The page's lines in content order, canonical, each one line with single spaces.

    The page is cleaned as one string (a line break per line) rather than line by line, and
    the common case (ASCII text, no control characters) takes only the quick checks.
    """
    page = document.page_text(index)
    if not page.lines:
        return page
    if page.words:
        from briefdesk.core.ingest.pdf_order import put_in_reading_order

        put_in_reading_order(page)
    # Any run of white space, a line or paragraph separator inside the line included, is one
    # space: no line splits or merges, so each keeps its box.
    text = "\n".join([" ".join(line.split()) for line in page.lines])
    if "\ufffe" in text:  # pdfium joined a line ending in a hyphen to the next, marking it so
        text = _PDFIUM_HYPHEN.sub(lambda m: "" if m.group(1).islower() else "-", text)
    if not text.isascii() and _LIGATURES.search(text) is not None:
        text = _spell_out(text)
    if not is_canonical(text):
        # pdfium's mark for a hyphen ending a line, \x02, is a control character: kept for _join.
        text = canonicalize(text.replace("\x02", "\ue002")).replace("\ue002", "\x02")
        text = "\n".join([" ".join(line.split()) for line in text.split("\n")])
    lines = text.split("\n")
    if all(lines):
        page.lines = lines
        return page
    kept = [i for i, line in enumerate(lines) if line]  # lines only of control characters
    page.lines = [lines[i] for i in kept]
    page.tops = [page.tops[i] for i in kept]
    page.bottoms = [page.bottoms[i] for i in kept]
    page.sizes = [page.sizes[i] for i in kept]
    return page


def _normal(text: str) -> str:
    return _DIGITS.sub("#", text.casefold())


def _drop_furniture(pages: list[PageText]) -> None:
    """Remove page numbers, and headers or footers repeated on most pages.

    Only the first two and last two lines of a page are candidates: furniture sits there.
    """
    edges = []  # per page: (index, normal form) of each edge line, last first
    for page in pages:
        count = len(page.lines)
        indexes = sorted({i for i in (0, 1, count - 2, count - 1) if 0 <= i < count}, reverse=True)
        edges.append([(i, _normal(page.lines[i])) for i in indexes])
    seen: Counter[str] = Counter()
    for page_edges in edges:
        seen.update({normal for _, normal in page_edges})
    needed = max(3, 0.6 * len(pages))
    repeated = {text for text, n in seen.items() if n >= needed} if len(pages) >= 3 else set()
    for page, page_edges in zip(pages, edges, strict=True):
        for index, normal in page_edges:
            if normal in repeated or _PAGE_NUMBER.match(page.lines[index]):
                del page.lines[index], page.tops[index], page.bottoms[index], page.sizes[index]


def _paragraphs(page: PageText) -> list[str]:
    """Join lines into paragraphs, breaking where the gap between lines is unusually wide."""
    lines, tops, bottoms, sizes = page.lines, page.tops, page.bottoms, page.sizes
    heights = sorted(top - bottom for top, bottom in zip(tops, bottoms, strict=True))
    if not lines:
        return []
    gaps = [above - below for above, below in zip(bottoms, tops[1:], strict=False)]
    height = heights[len(heights) // 2]
    # The gap between two lines of one paragraph: the lower quartile, since on a short page
    # most gaps may be between paragraphs.
    usual = sorted(g for g in gaps if g >= 0)
    normal_gap = usual[len(usual) // 4] if usual else 0.0
    wide, overlap = normal_gap + 0.6 * height, -2 * height
    paragraphs: list[list[str]] = [[lines[0]]]
    # A change of type size (a heading and its text) starts a paragraph too.
    for gap, line, size, before in zip(gaps, lines[1:], sizes[1:], sizes, strict=False):
        if (
            gap > wide
            or gap < overlap
            or (size != before and abs(size - before) > 0.15 * max(size, before))
        ):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [_join(parts) for parts in paragraphs]


def _spell_out(line: str) -> str:
    """Ligatures (ﬁ) and Arabic presentation forms as the plain letters a reader searches."""
    return _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m[0]), line)


def _join(lines: list[str]) -> str:
    """Join a paragraph's lines with spaces, or without the hyphen where a word was split."""
    pieces = [lines[0]]
    for line in lines[1:]:
        if _HYPHEN_END.search(pieces[-1][-2:]) and line[:1].islower():
            pieces[-1] = pieces[-1][:-1]
        else:
            pieces.append(" ")
        pieces.append(line)
    return "".join(pieces).replace("\x02", "-")
