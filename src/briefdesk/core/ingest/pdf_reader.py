"""Read a PDF's text layer (pypdfium2): lines grouped into paragraphs, page furniture dropped.

Repeated page headers and footers and bare page numbers are removed, hyphenated line ends
joined and typographic ligatures expanded. A PDF without a text layer (a scan) or one that
needs a password gets a clear message.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from briefdesk.core.errors import IngestCancelled, IngestError, PasswordRequired
from briefdesk.core.ingest.builder import ArticleBuilder
from briefdesk.core.model import Article, BlockKind, Metadata, canonicalize

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
_SPACES = re.compile(r"\s+")
_HYPHEN_END = re.compile(r"(\w)[-\u00ad\x02]$")


@dataclass(slots=True)
class _Line:
    text: str
    top: float
    bottom: float


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
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            if password:
                raise PasswordRequired("the PDF's password is wrong") from None
            raise PasswordRequired("the PDF is encrypted; give its password") from None
        raise IngestError(f"not a readable PDF ({error})") from None
    try:
        count = len(document)
        if count > MAX_PDF_PAGES:
            raise IngestError(f"the PDF has {count} pages; BriefDesk reads up to {MAX_PDF_PAGES}")
        pages = _read_pages(document, data, password, count, progress, cancel)
        meta = document.get_metadata_dict()
    finally:
        document.close()
    if not any(line.text.strip() for page in pages for line in page):
        raise IngestError("the PDF has no text layer (it is probably scanned); run OCR first")
    _drop_furniture(pages)
    builder = ArticleBuilder()
    for page in pages:
        for paragraph in _paragraphs(page):
            builder.add(BlockKind.PARAGRAPH, paragraph, clean="\n" not in paragraph)
    date = meta.get("CreationDate", "")
    metadata = Metadata(
        title=(meta.get("Title") or "").strip() or None,
        author=(meta.get("Author") or "").strip() or None,
        date=None if not re.match(r"D:\d{8}", date) else f"{date[2:6]}-{date[6:8]}-{date[8:10]}",
        format="pdf",
        source_name=name,
    )
    return builder.build(metadata)


PARALLEL_MIN_PAGES = 40
"""From this many pages, a process that may fork reads the second half in a child process
(pdfium builds each page's text in about a millisecond: on two cores, half the wait)."""


def _read_pages(
    document: object,
    data: bytes,
    password: str | None,
    count: int,
    progress: Callable[[float], None] | None,
    cancel: Callable[[], bool] | None,
) -> list[list[_Line]]:
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
    """Fork a child that reads pages start..stop-1 and pickles them down a pipe.

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
            import pickle

            import pypdfium2 as pdfium

            os.close(read_end)
            own = pdfium.PdfDocument(data, password=password)
            pages = [_page_lines(own, index) for index in range(start, stop)]
            payload = pickle.dumps(pages, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end


def _collect(child: tuple[int, int]) -> list[list[_Line]] | None:
    import os
    import pickle

    pid, read_end = child
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not payload:
        return None
    pages: list[list[_Line]] = pickle.loads(payload)
    return pages


def _abandon(child: tuple[int, int]) -> None:
    import os
    import signal

    pid, read_end = child
    os.kill(pid, signal.SIGKILL)
    os.close(read_end)
    os.waitpid(pid, 0)


def _page_lines(document: object, index: int) -> list[_Line]:
    """The page's text lines in content order, each with the vertical extent of its first
    character (pdfium's text includes the line breaks it inferred, so text offsets are
    character indexes)."""
    page = document[index]  # type: ignore[index]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        lines: list[_Line] = []
        # pdfium joins a line that ends in a hyphen to the next, marking the hyphen U+FFFE;
        # replace the mark one for one so offsets stay character indexes.
        text = _PDFIUM_HYPHEN.sub(lambda m: "\x00" if m.group(1).islower() else "-", text)
        ligatures = _LIGATURES.search(text) is not None  # one look per page, not per line
        position = 0
        for raw in text.split("\r\n"):
            lead = len(raw) - len(raw.lstrip())
            if raw.strip():
                _, bottom, _, top = textpage.get_charbox(position + lead, loose=True)
                line = raw.strip().replace("\x00", "")
                if ligatures:
                    line = _spell_out(line)
                # Canonical here, in the page worker, so the article needs no second pass
                # (pdfium's hyphen mark \x02, a control character, is kept for _join).
                line = canonicalize(line.replace("\x02", "\ue002")).replace("\ue002", "\x02")
                line = _SPACES.sub(" ", line).strip()
                lines.append(_Line(line, top, bottom))
            position += len(raw) + 2
        return lines
    finally:
        textpage.close()
        page.close()


def _normal(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())


def _drop_furniture(pages: list[list[_Line]]) -> None:
    """Remove page numbers, and headers or footers repeated on most pages.

    Only the first two and last two lines of a page are candidates: furniture sits there.
    """
    edges: Counter[str] = Counter()
    for page in pages:
        edges.update({_normal(line.text) for line in [*page[:2], *page[-2:]]})
    needed = max(3, 0.6 * len(pages))
    repeated = {text for text, n in edges.items() if n >= needed} if len(pages) >= 3 else set()
    for number, page in enumerate(pages):
        edge = {0, 1, len(page) - 1, len(page) - 2}
        pages[number] = [
            line
            for index, line in enumerate(page)
            if index not in edge
            or not (_PAGE_NUMBER.match(line.text.strip()) or _normal(line.text) in repeated)
        ]


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Join lines into paragraphs, breaking where the gap between lines is unusually wide."""
    if not lines:
        return []
    gaps = [a.bottom - b.top for a, b in itertools.pairwise(lines)]
    usual = sorted(g for g in gaps if g >= 0)
    normal_gap = usual[len(usual) // 2] if usual else 0.0
    heights = sorted(line.top - line.bottom for line in lines)
    height = heights[len(heights) // 2]
    paragraphs: list[list[str]] = [[lines[0].text]]
    for gap, line in zip(gaps, lines[1:], strict=False):
        if gap > normal_gap + 0.6 * height or gap < -2 * height:
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
    return [_join(parts) for parts in paragraphs]


def _spell_out(line: str) -> str:
    """Ligatures (ﬁ) and Arabic presentation forms as the plain letters a reader searches."""
    return _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m[0]), line)


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        part = part.strip()
        if not text:
            text = part
        elif _HYPHEN_END.search(text[-2:]) and part[:1].islower():
            text = text[:-1] + part
        else:
            text += " " + part
    return text.replace("\x02", "-")
