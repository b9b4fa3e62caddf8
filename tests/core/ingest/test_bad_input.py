"""Hostile and broken input: a one-line error or a clean result, in bounded time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefdesk.core import ingest
from briefdesk.core.errors import IngestError
from briefdesk.core.model import canonicalize


def test_sixty_megabytes_of_text_reads_in_bounded_time(tmp_path: Path) -> None:
    paragraph = ("Norway and Japan signed a memorandum on defence cooperation. " * 20) + "\n\n"
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < 60 * 1024 * 1024:
            handle.write(paragraph * 100)
    started = time.monotonic()
    article = ingest.read(path)
    assert time.monotonic() - started < 60
    assert len(article.text) > 59 * 1024 * 1024 and len(article.blocks) > 40_000


def test_random_binary_garbage_is_refused() -> None:
    import random

    garbage = bytes(random.Random(7).randrange(256) for _ in range(20_000))
    with pytest.raises(IngestError):
        ingest.read_bytes(garbage, name="noise.bin")


@pytest.mark.parametrize("name", ["x.txt", "x.html", "x.md"])
def test_control_and_bidi_override_characters_come_out_clean(name: str) -> None:
    data = "Title\n\nA \u202eevil\u202c line\x07 with\x1b[31m escapes\x0c and more words.\n"
    article = ingest.read_bytes(data.encode(), name=name)
    assert "\u202e" not in article.text and "\x1b" not in article.text
    assert "\x07" not in article.text and "evil" in article.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
@settings(max_examples=40, deadline=None)
@given(
    text=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=200
    )
)
def test_any_text_in_a_unicode_encoding_comes_back_identical(encoding: str, text: str) -> None:
    expected = canonicalize(text)
    if not expected.strip() or expected.lstrip().startswith(("<", "---")):
        return  # empty, or it would rightly be read as HTML or Markdown
    article = ingest.read_bytes(text.encode(encoding), name="x.txt", language=False)
    assert article.text == expected


_WORDS = {
    "cp1255": "ישראל הודו חתמו על מזכר הבנות שיתוף פעולה ביטחוני בתל אביב השר נפגש עם".split(),
    "cp1256": "وقعت الهند وإسرائيل مذكرة تفاهم للتعاون الدفاعي في تل أبيب بحضور الوزير".split(),
    "cp1251": "Индия и Израиль подписали меморандум о сотрудничестве в области обороны".split(),
    "cp1252": "Le ministre a signé à Genève un accord de coopération défense sécurité".split(),
    "gb18030": list("中国和日本签署了合作协议国防部长在北京会见代表团双方同意成立联合委员会"),
}


@pytest.mark.parametrize("encoding", sorted(_WORDS))
@settings(max_examples=25, deadline=None, derandomize=True)  # the detector is statistical
@given(data=st.data())
def test_sentences_in_legacy_code_pages_come_back_identical(
    encoding: str, data: st.DataObject
) -> None:
    # Distinct words: a sentence of one word repeated is no text any detector can place.
    # (Chinese words are single characters here, so a sentence needs more of them.)
    count = data.draw(st.integers(16, 24) if encoding == "gb18030" else st.integers(8, 12))
    words = data.draw(st.permutations(_WORDS[encoding]))[:count]
    joiner = "" if encoding == "gb18030" else " "
    text = joiner.join(words) + "."
    article = ingest.read_bytes(text.encode(encoding), name="x.txt", language=False)
    assert article.text == text
