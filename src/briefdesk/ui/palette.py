"""Colours per fact kind: the Okabe–Ito palette, safe for colour-blind readers.

Highlights are translucent, so they read on light and dark themes alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from briefdesk.core.model import FactKind

__all__ = ["KIND_COLOURS", "KIND_KEYS", "highlight_colour"]

KIND_COLOURS: dict[FactKind, str] = {
    FactKind.PARTY: "#0072B2",
    FactKind.SIGNATORY: "#D55E00",
    FactKind.DOMAIN: "#009E73",
    FactKind.OUTCOME: "#CC79A7",
    FactKind.DATE: "#E69F00",
    FactKind.PLACE: "#56B4E9",
    FactKind.QUOTE: "#999933",
}

# One key per kind, for tagging the selection without leaving the keyboard.
KIND_KEYS: dict[FactKind, str] = {
    FactKind.PARTY: "P",
    FactKind.SIGNATORY: "S",
    FactKind.DOMAIN: "D",
    FactKind.OUTCOME: "O",
    FactKind.DATE: "T",
    FactKind.PLACE: "L",
    FactKind.QUOTE: "Q",
}


def highlight_colour(kind: FactKind, alpha: int = 80) -> QColor:
    """Return the translucent highlight colour for *kind*."""
    colour = QColor(KIND_COLOURS[kind])
    colour.setAlpha(alpha)
    return colour
