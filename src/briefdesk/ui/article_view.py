"""The article, read-only and selectable, with each fact highlighted in its kind's colour."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from briefdesk.core.model import Article, Change, Fact, Note
from briefdesk.core.render.fonts import FAMILY_FALLBACK
from briefdesk.ui.offsets import OffsetMap
from briefdesk.ui.palette import highlight_colour

__all__ = ["FLASH_MS", "ArticleView"]

FLASH_MS = 700
"""How long a fact picked in a panel flashes in the article."""


class ArticleView(QPlainTextEdit):
    """Shows an article; reports selections in code points and highlights facts in place.

    Highlights are character formats set through a QTextCursor and updated only where a
    change touched, which keeps re-highlighting fast on long articles with many facts.
    """

    fact_clicked = Signal(str)  # fact id under the cursor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName("Article")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setFamilies(list(FAMILY_FALLBACK))
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.15)
        self.setFont(font)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(18)
        self._offsets = OffsetMap("")
        self._spans: dict[str, tuple[int, int]] = {}
        self._note: Note | None = None
        self.cursorPositionChanged.connect(self._on_cursor_position_changed)
        # A child timer: it dies with the view, so a flash never outlives it.
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self.setExtraSelections([]))

    def show_note(self, note: Note) -> None:
        """Show *note*'s article and highlight all its facts."""
        self._note = note
        self._spans = {}
        self._show_article(note.article)
        self._paint(note, list(note))

    def _show_article(self, article: Article) -> None:
        self._offsets = OffsetMap(article.text)
        self.setPlainText(article.text)
        self._set_direction(article)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _set_direction(self, article: Article) -> None:
        """Align the article to the side its script reads from.

        Each paragraph's bidi order follows its own text (Qt's automatic direction). The
        alignment is the article's dominant direction: QPlainTextEdit, chosen because it
        highlights thousands of spans in a few milliseconds, cannot align paragraphs one by
        one, so an English paragraph in a Hebrew article is right-aligned too.
        """
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        side = (
            Qt.AlignmentFlag.AlignRight
            if article.metadata.direction == "rtl"
            else (Qt.AlignmentFlag.AlignLeft)
        )
        option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        self.document().setDefaultTextOption(option)

    def selected_span(self) -> tuple[int, int] | None:
        """Return the selection as a code-point span of the article, or ``None`` if empty."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._offsets.from_utf16(cursor.selectionStart())
        end = self._offsets.from_utf16(cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Select code points ``[start, end)`` and scroll them into view."""
        cursor = self.textCursor()
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def flash_span(self, start: int, end: int) -> None:
        """Show ``[start, end)`` and flash it briefly, so the eye finds it on the page."""
        self.select_span(start, end)
        flash = QTextEdit.ExtraSelection()
        flash.cursor = QTextCursor(self.textCursor())
        flash.format.setBackground(QColor("#FFD400"))
        flash.format.setForeground(QColor("#000000"))
        self.setExtraSelections([flash])
        self._flash_timer.start(FLASH_MS)

    def apply_change(self, change: Change) -> None:
        """Re-highlight only what *change* touched."""
        note = self._note
        if note is None or not change.facts:
            return
        facts = note.facts
        dirty = [self._spans[i] for i in change.facts if i in self._spans]
        dirty += [(facts[i].start, facts[i].end) for i in change.facts if i in facts]
        for fact_id in change.removed:
            self._spans.pop(fact_id, None)
        if not dirty:
            return
        low = min(start for start, _ in dirty)
        high = max(end for _, end in dirty)
        self._clear(low, high)
        self._paint(note, [f for f in facts.values() if f.start < high and low < f.end])

    def _clear(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        plain = QTextCharFormat()
        plain.setBackground(Qt.BrushStyle.NoBrush)
        plain.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
        cursor.setCharFormat(plain)

    def _paint(self, note: Note, facts: Iterable[Fact]) -> None:
        # Longer spans first, so a fact nested inside another is painted over it and shows.
        # One edit block: the document lays itself out once, not once per fact.
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for fact in sorted(facts, key=lambda f: f.start - f.end):
            self._spans[fact.id] = (fact.start, fact.end)
            cursor.setPosition(self._offsets.to_utf16(fact.start))
            cursor.setPosition(self._offsets.to_utf16(fact.end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(highlight_colour(fact.kind))
            if fact.origin.value == "suggested":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(QColor(highlight_colour(fact.kind, 255)))
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def facts_at(self, offset: int) -> list[Fact]:
        """The facts covering code point *offset*, innermost first."""
        if self._note is None:
            return []
        facts = self._note.facts
        hits = [facts[i] for i, (s, e) in self._spans.items() if s <= offset < e and i in facts]
        return sorted(hits, key=lambda f: f.end - f.start)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self.cursorForPosition(self.viewport().mapFrom(self, event.pos()))
            facts = self.facts_at(self._offsets.from_utf16(cursor.position()))
            if facts:
                QToolTip.showText(event.globalPos(), _describe(facts), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def fact_at(self, offset: int) -> str | None:
        """Return the id of the innermost fact covering code point *offset*, if any."""
        hits = [(e - s, i) for i, (s, e) in self._spans.items() if s <= offset < e]
        return min(hits)[1] if hits else None

    def _on_cursor_position_changed(self) -> None:
        if self.textCursor().hasSelection():
            return
        fact_id = self.fact_at(self._offsets.from_utf16(self.textCursor().position()))
        if fact_id is not None:
            self.fact_clicked.emit(fact_id)


def _describe(facts: list[Fact]) -> str:
    """Tooltip text for the facts under the mouse: kind, text and fields of each."""
    from html import escape  # not at start-up: html loads its entity tables

    lines = []
    for fact in facts:
        fields = ", ".join(
            f"{escape(k)}: {escape(v)}"
            for k, v in fact.fields.items()
            if k not in ("party_id", "speaker_id", "reason", "confidence")
        )
        origin = " (suggested)" if fact.origin.value == "suggested" else ""
        line = f"<b>{fact.kind.label}</b>{origin}: {escape(fact.text)}"
        lines.append(line + (f"<br/>&nbsp;&nbsp;{fields}" if fields else ""))
    return "<br/>".join(lines)
