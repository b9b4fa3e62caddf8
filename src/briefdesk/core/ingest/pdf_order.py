"""Reading order for the right-to-left lines of a PDF page, from where their words sit.

PDFium keeps each word's letters in reading order but misplaces whole words in right-to-left
lines: a comma or full stop drawn apart from its word lands at the start of the line, and a
writer that draws word by word comes back in visual order. Its lines also carry the pieces
(words, punctuation before or after one) with their extents; these functions put the line
back in the order it is read, with the bidirectional algorithm run on the line as seen.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from dataclasses import replace

from briefdesk.core.bidi import resolve_levels, visual_order
from briefdesk.core.model.text import text_direction

TYPE_CHECKING = False
if TYPE_CHECKING:
    from briefdesk.core.ingest.pdfium import PageText, Piece

__all__ = ["put_in_reading_order"]


def put_in_reading_order(page: PageText) -> None:
    """Rewrite each line of *page* that has pieces in reading order, then drop the pieces.

    A line whose alignment does not tell its direction takes the page's.
    """
    _merge_split_lines(page)
    page_base = 1 if text_direction("".join(page.lines)) == "rtl" else 0
    for number, base in _directions(page.words).items():
        order = _reading_order(page.words[number], page_base if base is None else base)
        page.lines[number] = order or page.lines[number]
    page.words = {}


def _merge_split_lines(page: PageText) -> None:
    """Join right-to-left lines PDFium split though they share a baseline (a mark such as
    the Arabic shadda, drawn above its letter, can start a line of its own)."""
    number = 1
    while number < len(page.lines):
        above, below = number - 1, number
        overlap = min(page.tops[above], page.tops[below]) - max(
            page.bottoms[above], page.bottoms[below]
        )
        height = min(page.tops[i] - page.bottoms[i] for i in (above, below))
        if above in page.words and below in page.words and overlap > 0.5 * height:
            first, *rest = page.words.pop(below)
            page.words[above] += [replace(first, joined=False), *rest]
            page.lines[above] += " " + page.lines.pop(below)
            page.tops[above] = max(page.tops[above], page.tops.pop(below))
            page.bottoms[above] = min(page.bottoms[above], page.bottoms.pop(below))
            page.sizes[above] = max(page.sizes[above], page.sizes.pop(below))
            page.words = {
                (index - 1 if index > below else index): pieces
                for index, pieces in page.words.items()
            }
        else:
            number += 1


def _directions(lines: dict[int, list[Piece]]) -> dict[int, int | None]:
    """The paragraph direction of each right-to-left line, where its alignment tells it: a
    line flush with the left edge of the page's text but short of the right is left-to-right
    (a Hebrew sentence in a left-to-right document ends on the right), and the other way
    round; full or centred lines, ``None``."""
    extents = {
        number: (min(piece.left for piece in pieces), max(piece.right for piece in pieces))
        for number, pieces in lines.items()
        if pieces and all(map(_placed, pieces))
    }
    directions: dict[int, int | None] = dict.fromkeys(lines)
    if len(extents) < 2:
        return directions
    page_left = min(left for left, _ in extents.values())
    page_right = max(right for _, right in extents.values())
    placed = [piece for number in extents for piece in lines[number]]
    tolerance = 2 * _char_width(placed)
    for number, (left, right) in extents.items():
        flush_left, flush_right = left - page_left < tolerance, page_right - right < tolerance
        if flush_left != flush_right:
            directions[number] = 0 if flush_left else 1
    return directions


def _placed(piece: Piece) -> bool:
    """Whether PDFium gave *piece* a usable extent (a hostile file can give none, or NaN)."""
    return math.isfinite(piece.left) and math.isfinite(piece.right) and piece.left <= piece.right


def _char_width(pieces: list[Piece]) -> float:
    """The median width of a character over *pieces*."""
    widths = sorted((piece.right - piece.left) / len(piece.text) for piece in pieces)
    return widths[len(widths) // 2]


def _reading_order(pieces: list[Piece], base: int) -> str | None:
    """A line with right-to-left text, its pieces put in reading order by where they sit.

    PDFium keeps each word's letters in reading order but may misplace whole words: a comma
    or full stop drawn apart from its word lands at the start of the line, a writer that
    draws words one by one gets them back in visual order. Sorted left to right, the pieces
    are the line as seen; the bidirectional algorithm, run on what is seen with the
    paragraph direction *base* (0 left-to-right, 1 right-to-left), gives back the order it
    is read in (each piece stands in as one character of its direction). Pieces that touch
    join without a space, as do those PDFium joined. ``None`` if a piece has no position.
    """
    if len(pieces) < 2 or not all(map(_placed, pieces)):
        return None
    pieces = _place_marks(pieces)
    joined = {frozenset((id(a), id(b))) for a, b in itertools.pairwise(pieces) if b.joined}
    seen = sorted(pieces, key=lambda piece: piece.left + piece.right)
    touching = 0.1 * _char_width(pieces)
    stand_ins: list[str] = []
    for before, piece in zip([None, *seen], seen, strict=False):
        if (
            before is not None
            and frozenset((id(before), id(piece))) not in joined
            and piece.left - before.right > touching
        ):
            stand_ins.append(" ")
        stand_ins.append(_stand_in(piece.text))
    _, levels = resolve_levels("".join(stand_ins), base)
    texts = iter(piece.text for piece in seen)
    parts = [" " if stand_in == " " else next(texts) for stand_in in stand_ins]
    # A bracket read right to left was drawn mirrored: "(" shows as ")" (rule L4).
    parts = [
        part.translate(_MIRRORED) if level & 1 else part
        for part, level in zip(parts, levels, strict=True)
    ]
    return "".join(parts[index] for index in visual_order(levels))


_MIRRORED = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def _place_marks(pieces: list[Piece]) -> list[Piece]:
    """Put each piece that is only combining marks (an Arabic shadda PDFium read as a line
    of its own) into the word it sits over, at the letter under it."""
    marks = [p for p in pieces if all(unicodedata.combining(char) for char in p.text)]
    if not marks:
        return pieces
    words = [p for p in pieces if p not in marks]
    for mark in marks:
        centre = (mark.left + mark.right) / 2
        at = next((i for i, w in enumerate(words) if w.left <= centre <= w.right), None)
        if at is None:
            words.append(mark)
            continue
        word = words[at]
        share = (centre - word.left) / max(word.right - word.left, 1e-6)
        if _stand_in(word.text) == "\u05d0":  # right to left: letters count from the right
            share = 1 - share
        letter = min(int(share * len(word.text)), len(word.text) - 1)
        text = word.text[: letter + 1] + mark.text + word.text[letter + 1 :]
        words[at] = replace(word, text=text)
    return words


def _stand_in(word: str) -> str:
    """One character with the bidirectional class that decides *word*'s place in a line."""
    number = ""
    for char in word:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "\u05d0"
        if kind == "L":
            return "a"
        if kind in ("EN", "AN"):
            number = "\u0661"  # as an Arabic number: a digit never takes a side (rule W7)
    return number or "!"
