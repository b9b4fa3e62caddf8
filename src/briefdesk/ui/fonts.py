"""Give Qt the bundled fonts, so text in any script shows even where the system has none."""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from briefdesk.core.render.fonts import FAMILY_FALLBACK, font_files

__all__ = ["LARGE_FONTS", "install_bundled_fonts", "install_for_text", "ui_font"]


LARGE_FONTS = frozenset({"DroidSansFallbackFull.ttf"})
"""Fonts too big to register before the first paint (4 MB of CJK outlines: ~9 ms)."""
_families: dict[str, list[str]] = {}  # font file → the families it gave Qt


def install_bundled_fonts(*, include_large: bool = True) -> list[str]:
    """Register the bundled fonts with Qt (each once); return the families registered so far.

    Fonts are loaded from bytes, so this works from a wheel, a zip or a frozen bundle alike.
    With *include_large* false the CJK font waits: :func:`install_for_text` or a later call
    registers it.
    """
    for entry in font_files():
        if entry.name in _families or (not include_large and entry.name in LARGE_FONTS):
            continue
        font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
        _families[entry.name] = (
            list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []
        )
    return sorted({family for families in _families.values() for family in families})


def install_for_text(text: str) -> None:
    """Register the large fonts now if *text* needs them (Chinese, Japanese).

    Looks at each distinct character once (no regular expression to compile at start-up).
    """
    if any(unicodedata.east_asian_width(char) in ("W", "F") for char in set(text)):
        install_bundled_fonts()


def ui_font(point_size: float | None = None) -> QFont:
    """The application font: the bundled families in fallback order, so each script finds a
    font that has it (Qt falls back through the list per character)."""
    font = QFont(QApplication.font())
    font.setFamilies(list(FAMILY_FALLBACK))
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font
