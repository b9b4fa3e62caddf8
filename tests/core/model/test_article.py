import pytest

from briefdesk.core.errors import ValidationError
from briefdesk.core.model import Article, Block, BlockKind


def test_from_text_splits_paragraphs_without_surrounding_space() -> None:
    article = Article.from_text("  Title\n\n\nFirst para\nstill first.\n \nSecond.\n")
    spans = [article.text[b.start : b.end] for b in article.blocks]
    assert spans == ["Title", "First para\nstill first.", "Second."]
    assert all(b.kind is BlockKind.PARAGRAPH for b in article.blocks)


def test_locate_cites_paragraph_and_characters() -> None:
    article = Article.from_text("One.\n\nTwo India.\n\nThree.")
    start = article.text.index("India")
    location = article.locate(start, start + 5)
    assert location.paragraph == 2
    assert str(location) == f"para 2, chars {start}–{start + 5}"


def test_non_canonical_text_is_refused() -> None:
    with pytest.raises(ValidationError, match="canonical"):
        Article("a\r\nb")


def test_blocks_outside_the_text_are_refused() -> None:
    with pytest.raises(ValidationError, match="outside"):
        Article("short", (Block(BlockKind.PARAGRAPH, 0, 10),))
    with pytest.raises(ValidationError, match="order"):
        Article("abcdef", (Block(BlockKind.PARAGRAPH, 3, 5), Block(BlockKind.PARAGRAPH, 0, 2)))


def test_rtl_article_gets_rtl_direction() -> None:
    assert Article.from_text("הודו וישראל חתמו על מזכר הבנות").metadata.direction == "rtl"
    assert Article.from_text("India and Israel signed").metadata.direction == "ltr"


def test_sha256_is_of_the_utf8_text() -> None:
    import hashlib

    article = Article.from_text("Québec")
    assert article.sha256 == hashlib.sha256("Québec".encode()).hexdigest()
