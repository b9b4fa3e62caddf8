"""Give Qt the bundled fonts, so text in any script shows even where the system has none."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from briefdesk.core.render.fonts import FAMILY_FALLBACK, font_files

__all__ = ["install_bundled_fonts", "ui_font"]


@cache
def install_bundled_fonts() -> list[str]:
    """Register every bundled font with Qt (once); return the families they provide.

    Fonts are loaded from bytes, so this works from a wheel, a zip or a frozen bundle alike.
    """
    families: list[str] = []
    for entry in font_files():
        font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def ui_font(point_size: float | None = None) -> QFont:
    """The application font: the bundled families in fallback order, so each script finds a
    font that has it (Qt falls back through the list per character)."""
    font = QFont(QApplication.font())
    font.setFamilies(list(FAMILY_FALLBACK))
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font
