"""Assemble an Article from the blocks a reader found, in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefdesk.core.errors import IngestError
from briefdesk.core.model import Article, Block, BlockKind, Metadata
from briefdesk.core.model.text import canonicalize, text_direction

__all__ = ["MAX_BLOCKS", "ArticleBuilder"]

_SPACES = re.compile(r"[ \t]+")
MAX_BLOCKS = 200_000
"""More blocks than this is not an article; a reader stops with a clear message."""


@dataclass(slots=True)
class _Piece:
    kind: BlockKind
    text: str
    level: int


class ArticleBuilder:
    """Collects blocks (paragraphs, headings, list items …) and joins them with blank lines.

    Each block's text is made canonical and stripped; blank blocks are dropped, so readers can
    add whatever they find without checking.
    """

    def __init__(self) -> None:
        self._pieces: list[_Piece] = []

    def add(self, kind: BlockKind, text: str, level: int = 0, *, clean: bool = False) -> None:
        """Add a block of *kind*; *text* may hold single line breaks, never blank lines.

        *clean* says the caller has already made *text* canonical, one line with single
        spaces and no edges (the PDF reader does it in its page workers).
        """
        if not clean:
            text = "\n".join(
                line.strip() for line in _SPACES.sub(" ", canonicalize(text)).split("\n")
            )
            text = "\n".join(line for line in text.split("\n") if line)
        if not text:
            return
        if len(self._pieces) >= MAX_BLOCKS:
            raise IngestError(f"the document has more than {MAX_BLOCKS} blocks")
        self._pieces.append(_Piece(kind, text, level))

    def __len__(self) -> int:
        return len(self._pieces)

    @property
    def first_heading(self) -> str | None:
        """The text of the first heading, if any (a title when the source names none)."""
        return next((p.text for p in self._pieces if p.kind is BlockKind.HEADING), None)

    def build(self, metadata: Metadata) -> Article:
        """Return the article; raise IngestError if no text was found."""
        parts: list[str] = []
        blocks: list[Block] = []
        position = 0
        for piece in self._pieces:
            if parts:
                parts.append("\n\n")
                position += 2
            blocks.append(Block(piece.kind, position, position + len(piece.text), piece.level))
            parts.append(piece.text)
            position += len(piece.text)
        text = "".join(parts)
        if not text.strip():
            raise IngestError("the document holds no text")
        if metadata.direction == "ltr":
            metadata = replace(metadata, direction=text_direction(text))
        return Article(text, tuple(blocks), metadata)
