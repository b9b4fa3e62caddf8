"""Which writing system a stretch of text is in, for writers that style runs by script.

Word formats each run with one of three font slots: Latin (``w:ascii``/``w:hAnsi``), complex
script (``w:cs``: Hebrew, Arabic, Devanagari …) or East Asian (``w:eastAsia``); a run must not
mix them, or Word picks one font for all. :func:`split_by_script` cuts text accordingly, with
spaces, punctuation, digits and marks staying with the text around them.
"""

from __future__ import annotations

import unicodedata
from typing import Final

__all__ = ["SCRIPTS", "Script", "split_by_script"]

Script = str
"""One of the keys of :data:`SCRIPTS`."""

SCRIPTS: Final[dict[Script, tuple[str, str, bool]]] = {
    # script: (Word font slot, language tag, right-to-left)
    "latin": ("latin", "en-GB", False),
    "hebrew": ("cs", "he-IL", True),
    "arabic": ("cs", "ar-SA", True),
    "devanagari": ("cs", "hi-IN", False),
    "chinese": ("eastAsia", "zh-CN", False),
    "japanese": ("eastAsia", "ja-JP", False),
}

_RANGES: Final = (
    (0x0590, 0x05FF, "hebrew"),
    (0xFB1D, 0xFB4F, "hebrew"),
    (0x0600, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0xA8E0, 0xA8FF, "devanagari"),
)
_KANA: Final = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))


def _script_of(char: str, east_asian: Script) -> Script | None:
    """The script of *char*, or None for characters every script shares."""
    if unicodedata.category(char)[0] in "ZPNSMC":
        return None
    code = ord(char)
    for low, high, script in _RANGES:
        if low <= code <= high:
            return script
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return east_asian
    return "latin"


def split_by_script(text: str) -> list[tuple[str, Script]]:
    """Cut *text* into (segment, script) pairs; shared characters join their neighbours.

    Han characters count as Japanese when the text has any kana, else as Chinese.
    """
    has_kana = any(low <= ord(char) <= high for char in text for low, high in _KANA)
    east_asian = "japanese" if has_kana else "chinese"
    scripts = [_script_of(char, east_asian) for char in text]
    first = next((script for script in scripts if script is not None), "latin")
    segments: list[tuple[str, Script]] = []
    current = first
    start = 0
    for index, script in enumerate(scripts):
        if script is None or script == current:
            continue
        if index > start:
            segments.append((text[start:index], current))
        current, start = script, index
    if start < len(text) or not segments:
        segments.append((text[start:], current))
    return _neutral_ends(segments, scripts)


def _neutral_ends(
    segments: list[tuple[str, Script]], scripts: list[Script | None]
) -> list[tuple[str, Script]]:
    """Move shared characters off the end of right-to-left segments into a Latin one.

    A run marked right-to-left makes Word treat its brackets and punctuation as right-to-left
    too: the ")" closing "(מזכר הבנות)" in an English sentence would be drawn on the wrong
    side. Left unmarked, they follow the paragraph's own bidi resolution, which is right.
    """
    result: list[tuple[str, Script]] = []
    position = 0
    for text, script in segments:
        end = len(text)
        if SCRIPTS[script][2]:
            while end > 0 and scripts[position + end - 1] is None:
                end -= 1
        position += len(text)
        pieces = [(text[:end], script), (text[end:], "latin")] if end else [(text, script)]
        for piece, piece_script in pieces:
            if not piece:
                continue
            if result and result[-1][1] == piece_script:
                result[-1] = (result[-1][0] + piece, piece_script)
            else:
                result.append((piece, piece_script))
    return result
