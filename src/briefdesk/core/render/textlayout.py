"""Complex-text layout for the PDF writer: bidi, font fallback, shaping and line breaking.

A paragraph of runs becomes lines of positioned glyph pieces, in visual order, ready to draw:

1. embedding levels per character (UAX #9, :mod:`briefdesk.core.bidi`);
2. a font per character from a fallback chain (Latin, Hebrew, Arabic, Devanagari, CJK), with
   punctuation, spaces, digits and marks kept in the font of the text around them;
3. items of one run, level and font, each shaped by HarfBuzz with its direction and script,
   so Arabic joins, Devanagari forms conjuncts and Latin kerns;
4. lines broken at spaces, after hyphens and between CJK characters (not before closing or
   after opening punctuation), measured on the shaped advances;
5. per line, the pieces reordered by level (rule L2); a right-to-left piece's glyphs are
   already in visual order, as HarfBuzz returns them.

Nothing here knows about PDF: the writer draws the pieces.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import uharfbuzz as hb

from briefdesk.core.bidi import base_level, resolve_levels, visual_order
from briefdesk.core.render.layout import Run

__all__ = ["Face", "FontSet", "Glyph", "Line", "ParagraphLayout", "Piece", "layout_paragraph"]

_NO_LINE_START = frozenset(
    "、。，．・：；？！ー々〆ゝゞヽヾ）〕］｝〉》」』】〙〗〟’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ)]}!?,.:;%"
)
"""Characters a line may not begin with (kinsoku shori, simplified)."""
_NO_LINE_END = frozenset("（〔［｛〈《「『【〘〖〝‘“([{")
"""Characters a line may not end with."""
_HYPHENS = frozenset("-\u2010\u2013/")
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
"""Any character of the scripts that break between characters; text without one skips that rule."""
_STICKY_CATEGORIES = ("M", "Z", "P", "N", "S", "C")
"""Categories that take the font of the text before them when it can show them."""


def _is_cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F") and not char.isspace()


@dataclass(eq=False)
class Face:
    """One font file, with the HarfBuzz font that shapes with it.

    ``name`` is the name the PDF writer registers it under.
    """

    name: str
    path: Path

    @cached_property
    def hb_face(self) -> hb.Face:
        return hb.Face(hb.Blob.from_file_path(str(self.path)))

    @cached_property
    def hb_font(self) -> hb.Font:
        return hb.Font(self.hb_face)

    @cached_property
    def upem(self) -> int:
        return int(self.hb_face.upem)

    @cached_property
    def cmap(self) -> frozenset[int]:
        return frozenset(self.hb_face.unicodes)


@dataclass(eq=False)
class FontSet:
    """Fallback chains of faces per style: ``chains[(bold, italic)]`` lists faces in order."""

    chains: dict[tuple[bool, bool], tuple[Face, ...]]

    def chain(self, bold: bool, italic: bool) -> tuple[Face, ...]:
        return self.chains[(bold, italic)]

    def covers(self, char: str) -> bool:
        """Whether any face of the regular chain can show *char*."""
        return any(ord(char) in face.cmap for face in self.chains[(False, False)])


class Glyph(NamedTuple):
    """A shaped glyph: advance and offsets in points, ``cluster`` its first character's index.

    A named tuple, not a dataclass: a 50-page note makes hundreds of thousands of them.
    """

    gid: int
    advance: float
    x_offset: float
    y_offset: float
    cluster: int


@dataclass(slots=True)
class Piece:
    """Glyphs of one run, font and direction on one line, in visual order.

    ``text`` is the logical text they show, for the PDF's text layer.
    """

    face: Face
    run: Run
    rtl: bool
    glyphs: list[Glyph]
    text: str
    width: float
    x: float = 0.0


@dataclass(slots=True)
class Line:
    """One line: pieces in visual order, placed from ``x`` 0 at the line box's left edge."""

    pieces: list[Piece]
    width: float


@dataclass(slots=True)
class ParagraphLayout:
    """A laid-out paragraph. ``rtl`` is its base direction (it aligns right when true)."""

    rtl: bool
    lines: list[Line] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    run: Run
    level: int
    face: Face
    glyphs: list[Glyph] = field(default_factory=list)
    keys: list[int] = field(default_factory=list)

    def glyphs_between(self, low: int, high: int) -> list[Glyph]:
        """The glyphs of characters low..high-1, by binary search on their clusters.

        HarfBuzz's clusters rise along the glyphs (fall, right to left), so a line's glyphs
        are one slice: no scan of the whole item per line, which a long unbroken string
        would make quadratic.
        """
        if self.level & 1:
            return self.glyphs[bisect_right(self.keys, -high) : bisect_right(self.keys, -low)]
        return self.glyphs[bisect_left(self.keys, low) : bisect_left(self.keys, high)]


def _pick_faces(text: str, styles: list[Run], fonts: FontSet, missing: set[str]) -> list[Face]:
    """Choose a face for each character: the first in its style's chain that has it."""
    faces: list[Face] = []
    previous: Face | None = None
    for index, char in enumerate(text):
        run = styles[index]
        chain = fonts.chain(run.bold, run.italic)
        code = ord(char)
        if previous is chain[0] and code in previous.cmap:
            faces.append(previous)  # what the rules below give, the common case first
            continue
        category = unicodedata.category(char)[0]
        if (
            previous is not None
            and category in _STICKY_CATEGORIES
            and (code in previous.cmap or category in ("M", "C"))
            and previous in chain
        ):
            if category == "M" and code not in previous.cmap and not fonts.covers(char):
                missing.add(char)
            faces.append(previous)
            continue
        face = next((face for face in chain if code in face.cmap), None)
        if face is None:
            if not char.isspace() and category != "C":
                missing.add(char)
            face = previous if previous is not None and previous in chain else chain[0]
        faces.append(face)
        previous = face
    return faces


def _itemize(text: str, styles: list[Run], levels: list[int], faces: list[Face]) -> list[_Item]:
    items: list[_Item] = []
    for index in range(len(text)):
        run, level, face = styles[index], levels[index], faces[index]
        last = items[-1] if items else None
        if last is not None and last.run is run and last.level == level and last.face is face:
            last.end = index + 1
        else:
            items.append(_Item(index, index + 1, run, level, face))
    return items


def _shape(item: _Item, codepoints: list[int], size: float) -> None:
    buffer = hb.Buffer()
    buffer.add_codepoints(codepoints, item.start, item.end - item.start)
    buffer.direction = "rtl" if item.level & 1 else "ltr"
    buffer.guess_segment_properties()
    face = item.face
    hb.shape(face.hb_font, buffer)
    scale = size / face.upem
    item.glyphs = [
        Glyph(
            info.codepoint,
            pos.x_advance * scale,
            pos.x_offset * scale,
            pos.y_offset * scale,
            info.cluster,
        )
        for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    ]
    sign = -1 if item.level & 1 else 1
    item.keys = [sign * glyph.cluster for glyph in item.glyphs]


def _break_opportunities(text: str, cluster_start: list[bool]) -> list[int]:
    """Indices before which a line may break, plus the end of the text."""
    breaks = []
    cjk = _CJK.search(text) is not None
    for index in range(1, len(text)):
        if not cluster_start[index]:
            continue
        before, char = text[index - 1], text[index]
        if char.isspace():
            continue
        if (
            before.isspace()
            or (before in _HYPHENS and index >= 2 and text[index - 2].isalnum() and char.isalnum())
            or (
                cjk
                and (_is_cjk(before) or _is_cjk(char))
                and char not in _NO_LINE_START
                and before not in _NO_LINE_END
            )
        ):
            breaks.append(index)
    breaks.append(len(text))
    return breaks


def _trailing_space_width(text: str, advances: list[float], start: int, end: int) -> float:
    width = 0.0
    index = end
    while index > start and text[index - 1].isspace():
        index -= 1
        width += advances[index]
    return width


def _line_ranges(
    text: str, advances: list[float], cluster_start: list[bool], width: float
) -> list[tuple[int, int]]:
    """Greedy line filling: the (start, end) of each line, trailing spaces included."""
    ranges: list[tuple[int, int]] = []
    start = 0
    line_width = 0.0
    previous = 0
    for stop in _break_opportunities(text, cluster_start):
        word = sum(advances[previous:stop])
        visible = word - _trailing_space_width(text, advances, previous, stop)
        if line_width + visible > width and previous > start:
            ranges.append((start, previous))
            start, line_width = previous, 0.0
        if visible > width and previous == start:
            # A word wider than the line: break it between clusters.
            index = previous
            while index < stop:
                end = index + 1
                used = advances[index]
                while end < stop and (used + advances[end] <= width or not cluster_start[end]):
                    used += advances[end]
                    end += 1
                if end < stop:
                    ranges.append((index, end))
                    start = end
                index = end
            line_width = sum(advances[start:stop])
        else:
            line_width += word
        previous = stop
    if start < len(text) or not ranges:
        ranges.append((start, len(text)))
    return ranges


def _pieces(text: str, items: list[_Item], start: int, end: int) -> list[Piece]:
    """The pieces of the line text[start:end], in visual order."""
    pieces: list[Piece] = []
    levels: list[int] = []
    for item in items:
        low, high = max(item.start, start), min(item.end, end)
        if low >= high:
            continue
        glyphs = item.glyphs_between(low, high)
        pieces.append(
            Piece(
                face=item.face,
                run=item.run,
                rtl=bool(item.level & 1),
                glyphs=glyphs,
                text=text[low:high],
                width=sum(glyph.advance for glyph in glyphs),
            )
        )
        levels.append(item.level)
    return [pieces[index] for index in visual_order(levels)]


def _layout_segment(
    text: str,
    styles: list[Run],
    base: int,
    fonts: FontSet,
    size: float,
    width: float,
    missing: set[str],
) -> list[Line]:
    if not text:
        return [Line([], 0.0)]
    _, levels = resolve_levels(text, base)
    faces = _pick_faces(text, styles, fonts, missing)
    items = _itemize(text, styles, levels, faces)
    codepoints = [ord(char) for char in text]
    advances = [0.0] * len(text)
    cluster_start = [False] * len(text)
    for item in items:
        _shape(item, codepoints, size)
        cluster_start[item.start] = True
        for glyph in item.glyphs:
            advances[glyph.cluster] += glyph.advance
            cluster_start[glyph.cluster] = True
    lines = []
    for start, end in _line_ranges(text, advances, cluster_start, width):
        visible_end = end
        while visible_end > start and text[visible_end - 1].isspace():
            visible_end -= 1
        pieces = _pieces(text, items, start, visible_end)
        x = 0.0
        for piece in pieces:
            piece.x = x
            x += piece.width
        lines.append(Line(pieces, x))
    return lines


def layout_paragraph(
    runs: Sequence[Run], width: float, size: float, fonts: FontSet, rtl: bool | None = None
) -> ParagraphLayout:
    """Lay out *runs* at *size* points in lines at most *width* points wide.

    The base direction comes from the first strong character unless *rtl* forces it. A
    newline in a run breaks the line there. Characters no font shows are drawn as the
    fallback's missing glyph and reported in ``missing``.
    """
    text = "".join(run.text for run in runs)
    styles = [run for run in runs for _ in run.text]
    base = (1 if rtl else 0) if rtl is not None else base_level(text)
    result = ParagraphLayout(rtl=bool(base))
    start = 0
    for segment in text.split("\n"):
        end = start + len(segment)
        result.lines.extend(
            _layout_segment(segment, styles[start:end], base, fonts, size, width, result.missing)
        )
        start = end + 1
    return result
