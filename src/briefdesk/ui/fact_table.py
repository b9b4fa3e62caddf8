"""The list of tagged facts: kind, text, where it came from, and its fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from briefdesk.core.model import Fact, Note
from briefdesk.ui.palette import highlight_colour

__all__ = ["FactTable"]

_ID_ROLE = Qt.ItemDataRole.UserRole


class FactTable(QTreeWidget):
    """All facts of the note in the analyst's order; selecting one reports its id."""

    fact_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Facts")
        self.setHeaderLabels(["Kind", "Text", "Where", "Details"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.itemSelectionChanged.connect(self._on_item_selection_changed)

    def show_note(self, note: Note) -> None:
        """List every fact of *note*."""
        self.clear()
        for fact in note:
            self.addTopLevelItem(self._item(note, fact))
        for column in range(3):
            self.resizeColumnToContents(column)
        # Long quotes and outcomes would push "Where" out of sight; the tooltip has them whole.
        self.setColumnWidth(1, min(self.columnWidth(1), 240))

    def _item(self, note: Note, fact: Fact) -> QTreeWidgetItem:
        details = ", ".join(
            f"{k}: {v}" for k, v in fact.fields.items() if k not in ("party_id", "speaker_id")
        )
        item = QTreeWidgetItem(
            [
                fact.kind.label,
                " ".join(fact.text.split()),
                str(note.article.locate(fact.start, fact.end)),
                details,
            ]
        )
        item.setData(0, _ID_ROLE, fact.id)
        item.setBackground(0, QBrush(highlight_colour(fact.kind)))
        item.setToolTip(1, fact.text)
        return item

    def selected_ids(self) -> list[str]:
        """The ids of the selected facts, in list order."""
        return [str(item.data(0, _ID_ROLE)) for item in self.selectedItems()]

    def select_fact(self, fact_id: str, *, extend: bool = False) -> None:
        """Select the row of *fact_id* (without reporting it back); *extend* keeps the rest."""
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            if item is not None and item.data(0, _ID_ROLE) == fact_id:
                self.blockSignals(True)
                if extend:
                    item.setSelected(True)
                else:
                    self.setCurrentItem(item)
                self.blockSignals(False)
                self.scrollToItem(item)
                return

    def _on_item_selection_changed(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.fact_selected.emit(ids[0])
