"""The article a note is built on: canonical text, its blocks and its metadata."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from briefdesk.core.errors import ValidationError
from briefdesk.core.model.text import canonicalize, is_canonical, text_direction

__all__ = ["Article", "Block", "BlockKind", "Location", "Metadata"]

TYPE_CHECKING = False  # not typing's: importing typing costs 3 ms of every command's start
if TYPE_CHECKING:
    from typing import Any

    from briefdesk.core.model.text import Direction


class BlockKind(StrEnum):
    """What a block of the article is, as its source marked it."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE_CELL = "table_cell"
    FOOTNOTE = "footnote"


@dataclass(frozen=True, slots=True)
class Block:
    """A structural piece of the article: the span ``[start, end)`` of the text it covers.

    ``level`` is the heading level (1 = top) or list nesting depth; 0 where it means nothing.
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about the article besides its text. ``None`` means unknown.

    ``date`` is ISO 8601 (``2026-03-12`` or with a time); ``direction`` is the dominant text
    direction; ``format`` and ``encoding`` say how the source was read; ``extra`` keeps
    anything else a reader found, as strings.
    """

    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    language: str | None = None
    direction: Direction = "ltr"
    format: str | None = None
    encoding: str | None = None
    source_name: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Return the metadata as a JSON-ready dict (every key present, ``None`` kept)."""
        return {
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "publisher": self.publisher,
            "author": self.author,
            "language": self.language,
            "direction": self.direction,
            "format": self.format,
            "encoding": self.encoding,
            "source_name": self.source_name,
            "extra": dict(self.extra),
        }

    @classmethod
    def from_json(cls, data: Any) -> Metadata:
        """Build metadata from :meth:`to_json` output; raise ValidationError if malformed."""
        if not isinstance(data, dict):
            raise ValidationError("article metadata must be an object")
        values: dict[str, Any] = {}
        for name in (
            "title",
            "date",
            "url",
            "publisher",
            "author",
            "language",
            "format",
            "encoding",
            "source_name",
        ):
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                raise ValidationError(f"article metadata '{name}' must be text")
            values[name] = value
        direction = data.get("direction", "ltr")
        if direction not in ("ltr", "rtl"):
            raise ValidationError("article metadata 'direction' must be 'ltr' or 'rtl'")
        extra = data.get("extra") or {}
        if not isinstance(extra, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in extra.items()
        ):
            raise ValidationError("article metadata 'extra' must map text to text")
        return cls(direction=direction, extra=dict(extra), **values)


@dataclass(frozen=True, slots=True)
class Location:
    """Where a span sits, as a reader would cite it: 1-based paragraph and character offsets."""

    paragraph: int
    start: int
    end: int

    def __str__(self) -> str:
        return f"para {self.paragraph}, chars {self.start}–{self.end}"


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Article:
    """The source article: canonical text that never changes, blocks over it, and metadata.

    Raises ValidationError if the text is not canonical or a block falls outside it.
    """

    text: str
    blocks: tuple[Block, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    _starts: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not is_canonical(self.text):
            raise ValidationError(
                "article text is not canonical (NFC, \\n line ends, no control characters)"
            )
        previous = 0
        for block in self.blocks:
            if not 0 <= block.start < block.end <= len(self.text):
                raise ValidationError(
                    f"block [{block.start}, {block.end}) is outside the article text"
                )
            if block.start < previous:
                raise ValidationError("article blocks must be in order and must not overlap")
            previous = block.end
        object.__setattr__(self, "_starts", tuple(b.start for b in self.blocks))

    @classmethod
    def from_text(cls, raw: str, metadata: Metadata | None = None) -> Article:
        """Build an article from any text: canonicalise it and split paragraphs at blank lines.

        Leading and trailing blank space of the whole text is kept out of every block but
        stays in the text, so nothing a user pasted is silently dropped from provenance.
        """
        text = canonicalize(raw)
        blocks = tuple(
            Block(BlockKind.PARAGRAPH, start, end) for start, end in paragraph_spans(text)
        )
        meta = metadata or Metadata()
        if metadata is None or metadata.direction == "ltr":
            meta = replace(meta, direction=text_direction(text))
        return cls(text, blocks, meta)

    @property
    def sha256(self) -> str:
        """The SHA-256 of the UTF-8 text: what an export cites to prove its source."""
        import hashlib

        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def block_index(self, offset: int) -> int | None:
        """Return the index of the block holding *offset*, or ``None`` if it is between blocks."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.blocks[index].end:
            return index
        return None

    def locate(self, start: int, end: int) -> Location:
        """Say where ``[start, end)`` is, for provenance ("para 4, chars 812–840").

        Paragraphs count the article's blocks from 1; a span between two blocks counts with
        the block before it, and 0 means before the first block.
        """
        paragraph = bisect.bisect_right(self._starts, start)
        return Location(paragraph, start, end)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``[start, end)`` spans of the paragraphs of *text*, blank lines between them.

    Spans exclude surrounding whitespace, so a paragraph's text is exactly what a reader sees.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        stop = match.start() if match else len(text)
        chunk = text[position:stop]
        stripped = chunk.strip()
        if stripped:
            start = position + (len(chunk) - len(chunk.lstrip()))
            spans.append((start, start + len(stripped)))
        if match:
            position = match.end()
    return spans
