"""Read a Word document: paragraphs, headings, lists, tables and footnotes, in reading order."""

from __future__ import annotations

import io
import re
from typing import Any

from briefdesk.core.errors import IngestError
from briefdesk.core.ingest.builder import ArticleBuilder
from briefdesk.core.ingest.zipsafety import check_zip
from briefdesk.core.model import Article, BlockKind, Metadata

__all__ = ["read_docx"]

_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"(?:heading|überschrift|titre)\s*(\d)", re.I)


def read_docx(data: bytes, *, name: str | None = None) -> Article:
    """Return the article in the DOCX *data*; raise IngestError if it is damaged or hostile."""
    check_zip(data, "Word document")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise IngestError(f"not a Word document, or a damaged one ({error})") from None
    except Exception as error:  # lxml raises XMLSyntaxError for damaged parts
        if type(error).__module__.startswith("lxml"):
            raise IngestError(f"the Word document is damaged ({error})") from None
        raise
    builder = ArticleBuilder()
    title_style: str | None = None
    # Style names by id, read once: python-docx's paragraph.style scans every style of the
    # document on each call, which made a 100,000-word document take seconds.
    names = {
        style.get(f"{_W}styleId"): (style.find(f"{_W}name").get(f"{_W}val") or "")
        for style in document.styles.element.iter(f"{_W}style")
        if style.find(f"{_W}name") is not None
    }
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            _table(item, builder)
            continue
        style = names.get(item._p.style, "") if item._p.style else ""
        text = item.text
        if style == "Title":
            title_style = title_style or text.strip()
            builder.add(BlockKind.HEADING, text, 1)
        elif match := _HEADING.match(style):
            builder.add(BlockKind.HEADING, text, int(match.group(1)))
        elif _is_list(item, style):
            builder.add(BlockKind.LIST_ITEM, text, _list_level(item))
        else:
            builder.add(BlockKind.PARAGRAPH, text)
    _footnotes(document, builder)
    props = document.core_properties
    metadata = Metadata(
        title=(props.title or "").strip() or title_style or builder.first_heading,
        author=(props.author or "").strip() or None,
        language=((props.language or "").split("-")[0].lower() or None),
        format="docx",
        source_name=name,
    )
    return builder.build(metadata)


def _is_list(paragraph: Any, style: str) -> bool:
    ppr = paragraph._p.pPr
    return "List" in style or (ppr is not None and ppr.numPr is not None)


def _list_level(paragraph: Any) -> int:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None and ppr.numPr.ilvl is not None:
        return int(ppr.numPr.ilvl.val)
    return 0


def _table(table: Any, builder: ArticleBuilder) -> None:
    """Add each cell once, row by row (merged cells repeat in python-docx's grid)."""
    seen: dict[int, Any] = {}  # holds the elements too, so their ids cannot be reused
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen[id(cell._tc)] = cell._tc
            builder.add(BlockKind.TABLE_CELL, "\n".join(p.text for p in cell.paragraphs))
            for inner in cell.tables:
                _table(inner, builder)


def _footnotes(document: Any, builder: ArticleBuilder) -> None:
    from lxml import etree

    part = next(
        (
            rel.target_part
            for rel in document.part.rels.values()
            if rel.reltype == _FOOTNOTES and not rel.is_external
        ),
        None,
    )
    if part is None:
        return
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(part.blob, parser)
    except etree.XMLSyntaxError:
        return
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p")]
        builder.add(BlockKind.FOOTNOTE, "\n".join(paragraphs))
