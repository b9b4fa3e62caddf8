"""Complex-text layout: fonts per script, shaping, line breaking and visual order."""

from __future__ import annotations

import reportlab

from briefdesk.core.render.layout import Run
from briefdesk.core.render.pdf_writer import bundled_fonts
from briefdesk.core.render.textlayout import layout_paragraph

FONTS = bundled_fonts()


def faces_of(text: str) -> list[str]:
    line = layout_paragraph([Run(text)], 1e6, 11, FONTS).lines[0]
    return [piece.face.name for piece in line.pieces]


def test_each_script_gets_its_font_and_punctuation_stays_with_its_text() -> None:
    assert faces_of("Hello, world.") == ["BriefDesk-NotoSans-Regular"]
    # Noto Sans Hebrew has no comma or full stop: those come from Noto Sans.
    line = layout_paragraph([Run("שלום, עולם.")], 1e6, 11, FONTS).lines[0]
    assert {piece.text: piece.face.name for piece in line.pieces} == {
        ".": "BriefDesk-NotoSans-Regular",
        "עולם": "BriefDesk-NotoSansHebrew-Regular",
        ", ": "BriefDesk-NotoSans-Regular",
        "שלום": "BriefDesk-NotoSansHebrew-Regular",
    }
    assert faces_of("नमस्ते।") == ["BriefDesk-NotoSansDevanagari-Regular"]
    assert faces_of("谅解备忘录。") == ["BriefDesk-DroidSansFallbackFull"]
    bold = layout_paragraph([Run("מזכר", bold=True)], 1e6, 11, FONTS).lines[0]
    assert bold.pieces[0].face.name == "BriefDesk-NotoSansHebrew-Bold"


def test_arabic_joins_and_devanagari_forms_conjuncts() -> None:
    line = layout_paragraph([Run("بحر")], 1e6, 11, FONTS).lines[0]
    face = line.pieces[0].face
    glyphs = {glyph.cluster: glyph.gid for glyph in line.pieces[0].glyphs}
    isolated = face.hb_font.get_nominal_glyph(ord("ح"))
    assert glyphs[1] != isolated  # the medial form, joined on both sides
    # क्ष (ka, virama, ssa) is one conjunct glyph.
    conjunct = layout_paragraph([Run("क्ष")], 1e6, 11, FONTS).lines[0]
    assert len(conjunct.pieces[0].glyphs) == 1


def test_cjk_dates_are_not_ligated() -> None:
    line = layout_paragraph([Run("3月12日")], 1e6, 11, FONTS).lines[0]
    assert sum(len(piece.glyphs) for piece in line.pieces) == 5


def test_right_to_left_line_runs_right_to_left_with_english_inside() -> None:
    layout = layout_paragraph([Run("נחתם עם India ביום 12")], 1e6, 11, FONTS)
    assert layout.rtl
    texts = [piece.text for piece in layout.lines[0].pieces]
    # Visual order, left to right: the number, the Hebrew before it, English, Hebrew (the
    # space after "India" is its own piece: it takes that word's font, and the Hebrew's level).
    assert texts == ["12", "ביום ", " ", "India", "נחתם עם "]
    assert [piece.rtl for piece in layout.lines[0].pieces] == [False, True, True, False, True]


def test_lines_break_at_spaces_and_between_cjk_characters_but_not_before_full_stops() -> None:
    english = layout_paragraph([Run("one two three four five six")], 60, 11, FONTS)
    words = [" ".join(p.text for p in line.pieces) for line in english.lines]
    assert all(line.width <= 60 for line in english.lines)
    assert "".join(words).replace(" ", "") == "onetwothreefourfivesix"
    assert all(not text.startswith(" ") and not text.endswith(" ") for text in words)
    chinese = "双方同意加强合作。" * 4
    lines = layout_paragraph([Run(chinese)], 50, 11, FONTS).lines
    assert len(lines) > 3 and all(line.width <= 50 for line in lines)
    assert not any(line.pieces[0].text.startswith("。") for line in lines)


def test_newlines_break_lines_and_runs_keep_their_style() -> None:
    layout = layout_paragraph(
        [Run("first\nsecond "), Run("bold", bold=True), Run(" link", link="https://x.org")],
        1e6,
        11,
        FONTS,
    )
    assert len(layout.lines) == 2
    pieces = layout.lines[1].pieces
    assert [(p.text, p.run.bold, p.run.link) for p in pieces] == [
        ("second ", False, None),
        ("bold", True, None),
        (" link", False, "https://x.org"),
    ]


def test_missing_characters_are_reported() -> None:
    assert set("தமழ") <= layout_paragraph([Run("தமிழ்")], 1e6, 11, FONTS).missing


def test_reportlab_faces_still_expose_what_the_glyph_codes_use() -> None:
    # The PDF writer gives unmapped glyphs private-use codes through these attributes of a
    # reportlab TrueType face; a release that renames them breaks it.
    from reportlab.pdfbase.ttfonts import TTFont

    face = TTFont("probe", str(FONTS.chain(False, False)[0].path)).face
    gid = face.charToGlyph[ord("A")]
    assert ord("A") in face.glyphToChar[gid]
    assert face.charWidths[ord("A")] == face.hmetrics[gid][0]  # 1000 units/em font
    assert reportlab.Version.split(".")[0] == "5", reportlab.Version


def test_an_unbroken_string_breaks_between_clusters_and_keeps_every_glyph() -> None:
    text = "x" * 3000
    lines = layout_paragraph([Run(text)], 200, 11, FONTS).lines
    assert all(line.width <= 200 for line in lines)
    assert "".join(piece.text for line in lines for piece in line.pieces) == text
    assert sum(len(piece.glyphs) for line in lines for piece in line.pieces) == len(text)


def test_right_to_left_lines_hold_each_word_once_in_order() -> None:
    words = [f"מ{chr(0x5D0 + n // 22)}{chr(0x5D0 + n % 22)}" for n in range(300)]  # unique
    lines = layout_paragraph([Run(" ".join(words))], 150, 11, FONTS).lines
    # Each line's pieces are in visual order: read right to left, they give logical order.
    read = [piece.text.strip() for line in lines for piece in reversed(line.pieces)]
    assert " ".join(word for text in read for word in text.split()) == " ".join(words)
