from briefdesk.core import ingest
from briefdesk.core.model import BlockKind

MARKDOWN = """---
title: "Norway and Japan sign defence MoU"
date: 2026-03-12
lang: en
---

# Norway and Japan sign defence MoU

Norway and **Japan** have signed a [Memorandum of Understanding](https://example.org/mou)
on *Defence Cooperation* in Oslo.

## Areas

- maritime domain awareness
- cold-weather `operations`
  - nested: ice navigation

> "A practical step, not a symbolic one."

| Party | Signatory |
|---|---|
| Norway | Ingrid Solberg Haugen |
"""


def test_markup_removed_structure_kept() -> None:
    article = ingest.read_bytes(MARKDOWN.encode(), name="mou.md")
    blocks = [(b.kind, b.level, article.text[b.start : b.end]) for b in article.blocks]
    assert blocks == [
        (BlockKind.HEADING, 1, "Norway and Japan sign defence MoU"),
        (
            BlockKind.PARAGRAPH,
            0,
            "Norway and Japan have signed a Memorandum of Understanding "
            "on Defence Cooperation in Oslo.",
        ),
        (BlockKind.HEADING, 2, "Areas"),
        (BlockKind.LIST_ITEM, 0, "maritime domain awareness"),
        (BlockKind.LIST_ITEM, 0, "cold-weather operations"),
        (BlockKind.LIST_ITEM, 1, "nested: ice navigation"),
        (BlockKind.QUOTE, 0, '"A practical step, not a symbolic one."'),
        (BlockKind.TABLE_CELL, 0, "Party"),
        (BlockKind.TABLE_CELL, 0, "Signatory"),
        (BlockKind.TABLE_CELL, 0, "Norway"),
        (BlockKind.TABLE_CELL, 0, "Ingrid Solberg Haugen"),
    ]
    meta = article.metadata
    assert (meta.title, meta.date, meta.language, meta.format) == (
        "Norway and Japan sign defence MoU",
        "2026-03-12",
        "en",
        "markdown",
    )


def test_without_front_matter_title_is_the_first_heading() -> None:
    article = ingest.read_bytes(b"Intro line.\n\n# The Heading\n\nBody.", name="x.md")
    assert article.metadata.title == "The Heading"
    assert article.metadata.date is None


def test_yaml_tricks_in_front_matter_are_plain_text() -> None:
    data = b'---\ntitle: &a !!python/object:os.system ["rm -rf /"]\n---\n\nBody text.\n'
    article = ingest.read_bytes(data, name="x.md")
    assert article.text == "Body text."
