"""Read a saved web page: the article body only, with its metadata.

Main-content extraction is trafilatura's (navigation, cookie banners, share buttons, related
links and footers stay out); this module maps its structured output to blocks and reads the
page's own metadata (``<title>``, ``<meta>``, Open Graph, JSON-LD, ``lang``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from briefdesk.core.errors import IngestError
from briefdesk.core.ingest.builder import ArticleBuilder
from briefdesk.core.ingest.encoding import decode
from briefdesk.core.model import Article, BlockKind, Metadata

__all__ = ["read_html"]

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def _decode_html(data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding is None and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _CHARSET.search(data[:4096])
        if declared:
            try:
                return decode(data, declared.group(1).decode("ascii"))
            except IngestError:
                pass  # a wrong declaration is common; fall back to detection
    return decode(data, encoding)


def read_html(data: bytes, *, name: str | None = None, encoding: str | None = None) -> Article:
    """Return the article in the web page *data*; raise IngestError if it holds none."""
    import trafilatura
    from lxml import etree

    markup, used = _decode_html(data, encoding)
    page_meta = _page_metadata(markup)
    try:
        extracted = trafilatura.extract(
            markup,
            output_format="xml",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_formatting=False,
            deduplicate=False,
        )
    except (ValueError, RecursionError, etree.LxmlError):
        extracted = None
    if not extracted:
        raise IngestError("no article text found in the page")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        doc = etree.fromstring(extracted.encode("utf-8"), parser)
    except etree.XMLSyntaxError as error:  # pragma: no cover - trafilatura writes valid XML
        raise IngestError(f"the page could not be read ({error})") from None
    builder = ArticleBuilder()
    main = doc.find("main")
    if main is not None:
        _walk(main, builder, 0)
    if not len(builder):
        raise IngestError("no article text found in the page")
    title = doc.get("title") or page_meta.get("title") or builder.first_heading
    metadata = Metadata(
        title=title,
        date=_iso(doc.get("date")) or _iso(page_meta.get("date")),
        url=doc.get("url") or page_meta.get("url"),
        publisher=doc.get("sitename") or page_meta.get("publisher"),
        author=_author(doc.get("author")),
        language=page_meta.get("language"),
        format="html",
        encoding=used,
        source_name=name,
    )
    return builder.build(metadata)


def _text(element: Any) -> str:
    """The element's text in document order, line breaks (``<lb/>``) kept."""
    for brk in element.iter("lb"):
        brk.tail = "\n" + (brk.tail or "")
    return "".join(element.itertext())


def _walk(parent: Any, builder: ArticleBuilder, depth: int) -> None:
    for child in parent:
        tag = child.tag
        if tag == "head":
            rend = child.get("rend") or ""
            level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
            builder.add(BlockKind.HEADING, _text(child), level)
        elif tag == "p":
            builder.add(BlockKind.PARAGRAPH, _text(child))
        elif tag == "list":
            for item in child:
                if item.tag == "item":
                    nested = [sub for sub in item if sub.tag == "list"]
                    for sub in nested:
                        item.remove(sub)
                    builder.add(BlockKind.LIST_ITEM, _text(item), depth)
                    for sub in nested:
                        _walk(_wrap(sub), builder, depth + 1)
        elif tag == "quote":
            builder.add(BlockKind.QUOTE, _text(child))
        elif tag == "table":
            for row in child.iter("row"):
                for cell in row.iter("cell"):
                    builder.add(BlockKind.TABLE_CELL, _text(cell))
        elif tag in ("div", "main", "section"):
            _walk(child, builder, depth)
        else:
            builder.add(BlockKind.PARAGRAPH, _text(child))


def _wrap(element: Any) -> Any:
    from lxml import etree

    holder = etree.Element("div")
    holder.append(element)
    return holder


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return match.group(0) if match else None


def _author(value: str | None) -> str | None:
    if not value:
        return None
    cleaned = value.strip(" ·|,;-–—")
    return cleaned or None


def _page_metadata(markup: str) -> dict[str, str]:
    """Read title, date, publisher, URL and language from the page head (no network, no files)."""
    from lxml import etree, html

    try:
        root = html.fromstring(markup[:2_000_000])
    except (etree.ParserError, ValueError):
        return {}
    found: dict[str, str] = {}
    language = root.get("lang") or root.get("xml:lang")
    if not language:
        for meta in root.iter("meta"):
            equiv = (meta.get("http-equiv") or "").lower() == "content-language"
            locale = (meta.get("property") or "") == "og:locale"
            if equiv or (locale and not language):
                language = meta.get("content")
    if language:
        found["language"] = language.strip().replace("_", "-").split("-")[0].lower()
    titles = root.findtext(".//title")
    metas = {
        (meta.get("property") or meta.get("name") or "").lower(): meta.get("content") or ""
        for meta in root.iter("meta")
    }
    found_title = metas.get("og:title") or metas.get("twitter:title") or (titles or "").strip()
    if found_title:
        found["title"] = found_title
    for key in ("article:published_time", "date", "dc.date", "pubdate", "og:published_time"):
        if metas.get(key):
            found["date"] = metas[key]
            break
    if metas.get("og:site_name"):
        found["publisher"] = metas["og:site_name"]
    if metas.get("og:url"):
        found["url"] = metas["og:url"]
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            _json_ld(script.text, found)
    return found


def _json_ld(text: str, found: dict[str, str]) -> None:
    try:
        data = json.loads(text[:1_000_000])
    except (ValueError, RecursionError):
        return
    items = data if isinstance(data, list) else data.get("@graph", [data])
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        if "headline" in item and "title" not in found:
            found["title"] = str(item["headline"])
        if "datePublished" in item and "date" not in found:
            found["date"] = str(item["datePublished"])
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and publisher.get("name") and "publisher" not in found:
            found["publisher"] = str(publisher["name"])
