"""Give Qt the bundled fonts, so text in any script shows even where the system has none."""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from briefdesk.core.render.fonts import FAMILY_FALLBACK, font_files

__all__ = ["LARGE_FONTS", "install_bundled_fonts", "install_for_text", "ui_font"]


_SCRIPT_FONTS: dict[str, tuple[int, int]] = {
    "NotoSansHebrew": (0x0590, 0x05FF),
    "NotoSansArabic": (0x0600, 0x08FF),
    "NotoSansDevanagari": (0x0900, 0x097F),
    "DroidSansFallbackFull": (0x1100, 0xFFEF),  # CJK (and Hangul, kana, full-width forms)
}
"""Fonts of one script: registered before the first paint only when the note needs them,
the rest right after it (the CJK face alone is 4 MB, ~9 ms)."""
LARGE_FONTS = frozenset(f"{stem}.ttf" for stem in _SCRIPT_FONTS)
_families: dict[str, list[str]] = {}  # font file → the families it gave Qt


def install_bundled_fonts(
    *, include_large: bool = True, scripts: frozenset[str] = frozenset()
) -> list[str]:
    """Register the bundled fonts with Qt (each once); return the families registered so far.

    Fonts are loaded from bytes, so this works from a wheel, a zip or a frozen bundle alike.
    With *include_large* false the fonts of single scripts wait, except those in *scripts*
    (file stems): :func:`install_for_text` or a later call registers them.
    """
    for entry in font_files():
        stem = entry.name.rsplit("-", 1)[0].removesuffix(".ttf")
        deferred = entry.name in LARGE_FONTS or stem in _SCRIPT_FONTS
        if entry.name in _families or (not include_large and deferred and stem not in scripts):
            continue
        font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
        _families[entry.name] = (
            list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []
        )
    return sorted({family for families in _families.values() for family in families})


def install_for_text(text: str) -> None:
    """Register now the fonts of the scripts *text* uses (Hebrew, Arabic, Devanagari, CJK).

    Looks at each distinct character once (no regular expression to compile at start-up).
    """
    codes = {ord(char) for char in set(text) if ord(char) >= 0x0590}
    needed = frozenset(
        stem
        for stem, (low, high) in _SCRIPT_FONTS.items()
        if any(low <= code <= high for code in codes)
        and (
            stem != "DroidSansFallbackFull"
            or any(unicodedata.east_asian_width(chr(code)) in ("W", "F") for code in codes)
        )
    )
    if needed:
        install_bundled_fonts(include_large=False, scripts=needed)


def ui_font(point_size: float | None = None) -> QFont:
    """The application font: the bundled families in fallback order, so each script finds a
    font that has it (Qt falls back through the list per character)."""
    font = QFont(QApplication.font())
    font.setFamilies(list(FAMILY_FALLBACK))
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font
