"""Convert between the model's code-point offsets and Qt's UTF-16 offsets.

They differ only after an astral character (emoji, rare CJK), so text without one maps 1:1.
"""

from __future__ import annotations

import bisect

__all__ = ["OffsetMap"]


class OffsetMap:
    """Maps offsets in one text between Python code points and UTF-16 code units."""

    def __init__(self, text: str) -> None:
        # Code-point offsets of astral characters; each adds one UTF-16 unit after it.
        self._astral = [i for i, char in enumerate(text) if ord(char) > 0xFFFF]
        self._astral_utf16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        """Return the UTF-16 offset of code-point *offset*."""
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def from_utf16(self, offset: int) -> int:
        """Return the code-point offset of UTF-16 *offset* (inside a pair: the pair's start)."""
        if not self._astral:
            return offset
        return offset - bisect.bisect_left(self._astral_utf16, offset)
