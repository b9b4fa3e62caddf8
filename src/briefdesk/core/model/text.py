"""Rules for the canonical article text that every fact's span points into.

The canonical text is NFC, uses ``\\n`` line ends and holds no control characters other than
``\\n`` and ``\\t``. Offsets are Python code points. Because the text never changes after ingest,
a span taken once stays valid forever.
"""

from __future__ import annotations

import re
import unicodedata

TYPE_CHECKING = False  # not typing's: importing typing costs 3 ms of every command's start

__all__ = [
    "canonicalize",
    "first_strong_direction",
    "is_canonical",
    "text_direction",
]

if TYPE_CHECKING:
    from typing import Literal

    Direction = Literal["ltr", "rtl"]

# Every line break but \n (CRLF is made LF first, so each is one character: searching for a
# set of characters is several times faster than for an alternation like \r\n?|…).
_LINE_BREAKS = r"\r\u2028\u2029\x85\x0b\x0c"
# C0 and C1 controls (but \t and \n), DEL, lone surrogates (no file encoding can carry them)
# and the bidi embedding and override controls U+202A–U+202E, which can make text display in
# an order other than the one it is read in ("Trojan Source"); marks and isolates stay.
_CONTROLS = r"\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\r\u202a-\u202e"
_NEWLINES = re.compile(f"[{_LINE_BREAKS}]")
_FORBIDDEN = re.compile(f"[{_CONTROLS}]")
_NOT_CANONICAL = re.compile(f"[{_CONTROLS}{_LINE_BREAKS}]")
_RTL_CLASSES = frozenset({"R", "AL"})


def canonicalize(text: str) -> str:
    """Return *text* in canonical form: NFC, ``\\n`` line ends, no stray control characters.

    Line and paragraph separators, vertical tab and form feed become ``\\n``; other control
    characters and bidi overrides are dropped, since they carry no meaning in an article and
    would make the text unsafe to print, display or export.
    """
    text = _NEWLINES.sub("\n", text.replace("\r\n", "\n"))
    text = _FORBIDDEN.sub("", text)
    return unicodedata.normalize("NFC", text)


def is_canonical(text: str) -> bool:
    """Tell whether *text* is already canonical (see :func:`canonicalize`)."""
    return _NOT_CANONICAL.search(text) is None and unicodedata.is_normalized("NFC", text)


def first_strong_direction(text: str) -> Direction | None:
    """Return the direction of the first strongly directional character (UAX #9, rule P2).

    ``None`` means the text has no strong character (digits and punctuation only).
    """
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi == "L":
            return "ltr"
        if bidi in _RTL_CLASSES:
            return "rtl"
    return None


def text_direction(text: str, sample: int = 20_000) -> Direction:
    """Return the dominant direction of a whole article, by counting strong characters.

    A Hebrew article quoting English names is still right-to-left, which the first strong
    character alone would get wrong; only the first *sample* characters are counted.
    """
    ltr = rtl = 0
    for char in text[:sample]:
        bidi = unicodedata.bidirectional(char)
        if bidi == "L":
            ltr += 1
        elif bidi in _RTL_CLASSES:
            rtl += 1
    return "rtl" if rtl > ltr else "ltr"
