from briefdesk.core.model.text import (
    canonicalize,
    first_strong_direction,
    is_canonical,
    text_direction,
)


def test_canonicalize_normalises_line_ends_controls_and_nfc() -> None:
    raw = "Cafe\u0301\r\nline two\rthree\x00\x07\u2028four\tTab"
    text = canonicalize(raw)
    assert text == "Café\nline two\nthree\nfour\tTab"
    assert is_canonical(text)
    assert not is_canonical(raw)


def test_canonicalize_drops_lone_surrogates() -> None:
    assert canonicalize("a\ud800b") == "ab"


def test_direction_counts_strong_characters() -> None:
    assert text_direction("ישראל והודו חתמו על מזכר הבנות עם India") == "rtl"
    assert text_direction("India and Israel signed (ישראל)") == "ltr"
    assert text_direction("مذكرة تفاهم") == "rtl"
    assert first_strong_direction("123 שלום abc") == "rtl"
    assert first_strong_direction("123 !!") is None


def test_bidi_overrides_are_dropped_but_marks_and_isolates_kept() -> None:
    text = canonicalize("abc\u202edcba\u202c \u200fשלום\u200e \u2067x\u2069")
    assert text == "abcdcba \u200fשלום\u200e \u2067x\u2069"
    assert is_canonical(text)
