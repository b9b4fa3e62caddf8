"""The bidi algorithm against python-bidi's (an independent UAX #9 implementation in Rust)."""

from __future__ import annotations

import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from briefdesk.core.bidi import (
    base_level,
    resolve_levels,
    trailing_whitespace_levels,
    visual_order,
)

# Strong letters of each direction, numbers of both kinds, separators, terminators, marks and
# brackets: what decides levels. No explicit embeddings: canonical text has none. Isolates
# (U+2066–2069) are tested against GNU FriBidi below instead: python-bidi resolves some of
# them differently from FriBidi, which this module agrees with.
ALPHABET = (
    list("abcABC 123,.-+%$#€/:'()[]{}")
    + list("שלוםمرحبا٣٤٫")
    + [
        "\u0301",  # combining acute: NSM
        "\u05b8",  # Hebrew point qamats: NSM
        "\u00a0",
        "\u200e",
        "\u200f",
        "\u061c",
    ]
)


def display(text: str, base: int | None) -> str:
    resolved, levels = resolve_levels(text, base)
    levels = trailing_whitespace_levels(text, levels, resolved)
    return "".join(text[index] for index in visual_order(levels))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=24), st.sampled_from([None, 0, 1]))
def test_visual_order_matches_python_bidi(text: str, base: int | None) -> None:
    expected = get_display(text, base_dir={None: None, 0: "L", 1: "R"}[base])
    assert display(text, base) == expected


def test_numbers_and_brackets_in_right_to_left_text() -> None:
    # "signed on 12 March 2026 (MoU)": digits keep their order; the brackets pair up at the
    # right-to-left level (the shaper then draws them mirrored, so they read "(MoU)").
    text = "חתמו ב־12 במרץ 2026 (MoU)"
    assert base_level(text) == 1
    assert display(text, None) == ")MoU( 2026 ץרמב 12־ב ומתח"
    _, levels = resolve_levels(text)
    assert levels[text.index("(")] == levels[text.index(")")] == 1


def test_levels_of_a_mixed_line() -> None:
    # A number after Hebrew belongs with it (W7, N1): the space between them too.
    base, levels = resolve_levels("abc אבג 123")
    assert base == 0
    assert levels == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]
    # After English, the number is English (W7): "abc 123" is one left-to-right run.
    base, levels = resolve_levels("אבג abc 123")
    assert base == 1
    assert levels == [1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]


@pytest.mark.parametrize(
    ("text", "base", "levels"),
    [
        # Levels as GNU FriBidi 1.0 gives them (fribidi --levels --novisual).
        ("abc \u2067שלום 12\u2069 def", 0, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 0, 0, 0, 0, 0]),
        ("א (\u2066b\u2069) c", None, [1, 1, 1, 1, 2, 1, 1, 1, 2]),
        ("1ו\u20661\u2069{1}", 0, [0, 1, 1, 2, 1, 1, 2, 1]),
    ],
)
def test_isolates_resolve_as_fribidi_does(text: str, base: int | None, levels: list[int]) -> None:
    assert resolve_levels(text, base)[1] == levels


def test_isolates_keep_their_content_apart() -> None:
    # An English name isolated in Arabic text: the name's own number stays with it.
    text = "قال \u2066Room 101\u2069 أمس"
    _, levels = resolve_levels(text)
    room = text.index("R")
    assert levels[room : room + 8] == [2] * 8
