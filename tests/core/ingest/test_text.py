import codecs
from pathlib import Path

import pytest

from briefdesk.core import ingest
from briefdesk.core.errors import IngestError

ARTICLE = "Israel and India sign MoU\n\nTel Aviv, 2025-11-05\n\nThe two countries signed.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le"), "utf-32-le"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
)
def test_unicode_encodings_and_line_ends(data: bytes, encoding: str) -> None:
    article = ingest.read_bytes(data, name="a.txt")
    assert article.text == ARTICLE
    assert article.metadata.encoding == encoding
    assert article.metadata.title == "Israel and India sign MoU"
    assert article.metadata.date == "2025-11-05"
    assert [article.text[b.start : b.end] for b in article.blocks] == [
        "Israel and India sign MoU",
        "Tel Aviv, 2025-11-05",
        "The two countries signed.",
    ]


def test_legacy_code_page_is_detected() -> None:
    text = (
        "Le ministre de la Défense a signé à Genève un protocole d'accord. Les deux pays "
        "coopéreront dans les domaines de la cybersécurité, de la recherche et de la formation. "
        "Cette déclaration commune a été saluée à Paris comme à Berne."
    )
    article = ingest.read_bytes(text.encode("cp1252"), name="fr.txt")
    assert article.text == text


def test_explicit_encoding_overrides_and_reports_bad_bytes() -> None:
    hebrew = "ישראל והודו חתמו על מזכר הבנות"
    assert ingest.read_bytes(hebrew.encode("cp1255"), encoding="cp1255").text == hebrew
    with pytest.raises(IngestError, match="not valid utf-8"):
        ingest.read_bytes(hebrew.encode("cp1255"), encoding="utf-8")
    with pytest.raises(IngestError, match="unknown encoding 'klingon'"):
        ingest.read_bytes(b"abc", encoding="klingon")


def test_control_characters_are_removed_and_text_is_nfc() -> None:
    article = ingest.read_bytes("Cafe\u0301\x07 and\x1b tea".encode())
    assert article.text == "Café and tea"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\n \t", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary"),
        (b"plain words\x00 with a NUL in the middle of them", "binary"),
    ],
)
def test_bad_input(data: bytes, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        ingest.read_bytes(data, name="x.txt")


def test_unsupported_extension_is_named(tmp_path: Path) -> None:
    path = tmp_path / "scan.tiff"
    path.write_bytes(b"II*\x00")
    with pytest.raises(IngestError, match=r"scan\.tiff: the file looks binary"):
        ingest.read(path)


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 11)
    with pytest.raises(IngestError, match="reads sources up to"):
        ingest.read(path)
