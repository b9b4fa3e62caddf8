"""Read Markdown (markdown-it-py): markup removed, structure kept as blocks.

YAML front matter gives the title and date. Only its simple ``key: value`` lines are read:
that is all an article's front matter needs, and it keeps YAML's anchors and tags (and their
expansion attacks) out of the reader.
"""

from __future__ import annotations

import re
from typing import Any

from briefdesk.core.ingest.builder import ArticleBuilder
from briefdesk.core.ingest.encoding import decode
from briefdesk.core.model import Article, BlockKind, Metadata

__all__ = ["read_markdown", "split_front_matter"]

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
MAX_FRONT_MATTER = 64 * 1024


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return the front matter's simple fields and the Markdown after it."""
    match = _FRONT_MATTER.match(text[: MAX_FRONT_MATTER + 16])
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        kv = _KEY_VALUE.match(line)
        if kv and kv.group(2):
            value = kv.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[kv.group(1).lower()] = value
    return fields, text[match.end() :]


def read_markdown(data: bytes, *, name: str | None = None, encoding: str | None = None) -> Article:
    """Return the article in the Markdown *data*."""
    from markdown_it import MarkdownIt

    source, used = decode(data, encoding)
    fields, body = split_front_matter(source)
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    builder = ArticleBuilder()
    containers: list[str] = []
    list_depth = 0
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "blockquote_open":
            containers.append("quote")
        elif kind == "blockquote_close":
            containers.pop()
        elif kind in ("th_open", "td_open"):
            containers.append("cell")
        elif kind in ("th_close", "td_close"):
            containers.pop()
        elif kind == "heading_open":
            containers.append(token.tag)
        elif kind == "heading_close":
            containers.pop()
        elif kind == "inline":
            text = _inline_text(token.children or [])
            where = containers[-1] if containers else ""
            if where.startswith("h") and where[1:].isdigit():
                builder.add(BlockKind.HEADING, text, int(where[1:]))
            elif where == "cell":
                builder.add(BlockKind.TABLE_CELL, text)
            elif list_depth:
                builder.add(BlockKind.LIST_ITEM, text, list_depth - 1)
            elif where == "quote":
                builder.add(BlockKind.QUOTE, text)
            else:
                builder.add(BlockKind.PARAGRAPH, text)
        elif kind in ("fence", "code_block"):
            builder.add(BlockKind.PARAGRAPH, token.content)
    metadata = Metadata(
        title=fields.get("title") or builder.first_heading,
        date=_iso(fields.get("date")),
        author=fields.get("author"),
        language=fields.get("lang") or fields.get("language"),
        url=fields.get("url"),
        publisher=fields.get("publisher") or fields.get("site"),
        format="markdown",
        encoding=used,
        source_name=name,
    )
    return builder.build(metadata)


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)  # the alt text
    return "".join(parts)


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return match.group(0) if match else None
