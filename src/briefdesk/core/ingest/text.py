"""Read plain text: blank lines separate paragraphs; a short first line is the title."""

from __future__ import annotations

from dataclasses import replace

from briefdesk.core.ingest.encoding import decode
from briefdesk.core.model import Article, Metadata

__all__ = ["article_from_text", "read_text"]

_MAX_TITLE = 160


def read_text(data: bytes, *, name: str | None = None, encoding: str | None = None) -> Article:
    """Return the article in the text file *data*; raise IngestError if it cannot be decoded."""
    raw, used = decode(data, encoding)
    return article_from_text(raw, Metadata(format="text", encoding=used, source_name=name))


def article_from_text(raw: str, metadata: Metadata) -> Article:
    """Build an article from text, taking a title from its first line if that reads as one.

    A title is a single short line that does not end like a sentence and is followed by more
    text; a dateline ("Oslo, 12 March 2026") is not one.
    """
    article = Article.from_text(raw, metadata)
    if metadata.title is not None or len(article.blocks) < 2:
        return article
    first = article.blocks[0]
    candidate = article.text[first.start : first.end]
    if (
        "\n" in candidate
        or len(candidate) > _MAX_TITLE
        or candidate.endswith((".", ":", ";", ","))
        or sum(ch.isdigit() for ch in candidate) > len(candidate) // 3
    ):
        return article
    return Article(article.text, article.blocks, replace(article.metadata, title=candidate))
