"""Read plain text: the first line may be a title, blank lines separate paragraphs."""

from __future__ import annotations

import re

from briefdesk.core.ingest.encoding import decode
from briefdesk.core.model import Article, Metadata
from briefdesk.core.model.text import canonicalize

__all__ = ["read_text"]

_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_MAX_TITLE = 160
_DATE_WINDOW = 400  # a dateline sits at the top: only look there


def read_text(data: bytes, *, name: str | None = None, encoding: str | None = None) -> Article:
    """Return the article in the text file *data*; raise IngestError if it cannot be decoded."""
    raw, used = decode(data, encoding)
    return article_from_text(raw, Metadata(format="text", encoding=used, source_name=name))


def article_from_text(raw: str, metadata: Metadata) -> Article:
    """Build an article from text, taking a title and an ISO dateline from its top if present."""
    article = Article.from_text(canonicalize(raw), metadata)
    text = article.text
    title = metadata.title
    if title is None and article.blocks:
        first = article.blocks[0]
        candidate = text[first.start : first.end]
        if (
            "\n" not in candidate
            and len(candidate) <= _MAX_TITLE
            and not candidate.rstrip().endswith((".", ":", ";", ","))
            and len(article.blocks) > 1
            and not _ISO_DATE.fullmatch(candidate.strip().split()[-1])
        ):
            title = candidate.strip()
    date = metadata.date
    if date is None:
        match = _ISO_DATE.search(text[:_DATE_WINDOW])
        if match:
            date = match.group(0)
    from dataclasses import replace

    return Article(article.text, article.blocks, replace(article.metadata, title=title, date=date))
