"""The fact panels: one tab per kind, each entity a row with its mentions beneath it.

Columns are what an analyst thinks in (a signatory's title and side, a date's ISO form, a
quote's speaker). Editing a cell is an undoable edit of every mention of that entity; the
side of a signatory and the speaker of a quote are picked from the tagged parties and
signatories. Panels rebuild only the kinds a change touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeView,
    QWidget,
)

from briefdesk.core.model import Change, Fact, FactKind, Note, Origin
from briefdesk.core.model.operations import LINKED_FIELDS, set_entity_field
from briefdesk.ui.palette import highlight_colour

__all__ = ["COLUMNS", "FactPanels"]

_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # fact id (mention rows) or entity id (entity rows)
_ENTITY_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class Column:
    """A panel column: its heading and the fact field it edits (``None``: not editable)."""

    title: str
    field: str | None = None


_GRADING = Column("Grading", "grading")  # Admiralty A–F / 1–6, e.g. B2
COLUMNS: dict[FactKind, tuple[Column, ...]] = {
    FactKind.PARTY: (Column("Party"), Column("Role", "role"), Column("Notes", "notes"), _GRADING),
    FactKind.SIGNATORY: (
        Column("Name"),
        Column("Title", "title"),
        Column("Side", "party"),
        _GRADING,
    ),
    FactKind.DOMAIN: (Column("Domain"), Column("Notes", "notes"), _GRADING),
    FactKind.OUTCOME: (Column("Outcome"), Column("Notes", "notes"), _GRADING),
    FactKind.DATE: (Column("Date"), Column("ISO date", "iso"), _GRADING),
    FactKind.PLACE: (Column("Place"), Column("Notes", "notes"), _GRADING),
    FactKind.QUOTE: (Column("Quote"), Column("Speaker", "speaker"), _GRADING),
}
_TAB_TITLES = {
    FactKind.PARTY: "Parties",
    FactKind.SIGNATORY: "Signatories",
    FactKind.DOMAIN: "Domains",
    FactKind.OUTCOME: "Outcomes",
    FactKind.DATE: "Dates",
    FactKind.PLACE: "Places",
    FactKind.QUOTE: "Quotes",
}


class _ChoiceDelegate(QStyledItemDelegate):
    """Edits a Side or Speaker cell with a combo box of the tagged parties or signatories."""

    def __init__(self, panels: FactPanels, kind: FactKind) -> None:
        super().__init__(panels)
        self._panels = panels
        self._kind = kind

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.addItem("")
        note = self._panels.note
        if note is not None:
            seen: set[str] = set()
            for fact in note.facts_of_kind(self._kind):
                if fact.entity not in seen:
                    seen.add(fact.entity)
                    combo.addItem(fact.text, fact.entity)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or ""))

    def setModelData(
        self, editor: QWidget, model: object, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        self._panels.set_field_from_view(index, editor.currentText().strip())


class _FactModel(QStandardItemModel):
    """Rows drag out as citations: dropping one into a draft section cites the fact."""

    def mimeTypes(self) -> list[str]:
        return ["text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = []
        for index in indexes:
            fact_id = self.itemFromIndex(index.siblingAtColumn(0)).data(_ID_ROLE)
            if fact_id and f"[[{fact_id}]]" not in ids:
                ids.append(f"[[{fact_id}]]")
        mime.setText(" ".join(ids))
        return mime


class _Panel(QTreeView):
    def __init__(self, kind: FactKind, parent: QWidget) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setAccessibleName(f"{_TAB_TITLES[kind]} panel")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.model_ = _FactModel(self)
        self.setModel(self.model_)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)


class FactPanels(QTabWidget):
    """The per-kind panels. ``fact_selected`` reports the fact to show in the article;
    ``edit_requested`` carries an edit for the window's undo stack. Connect it queued: the
    edit refills the panel whose cell is still being edited."""

    fact_selected = Signal(str)
    edit_requested = Signal(object)
    accept_requested = Signal()  # Enter (or a double click) on a row: accept the suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Fact panels")
        self.note: Note | None = None
        self.panels: dict[FactKind, _Panel] = {}
        self._shown: dict[str, FactKind] = {}  # the facts each panel shows, by id
        self._filling = False
        for kind in FactKind:
            panel = _Panel(kind, self)
            for column, spec in enumerate(COLUMNS[kind]):
                if spec.field in LINKED_FIELDS:
                    panel.setItemDelegateForColumn(
                        column, _ChoiceDelegate(self, LINKED_FIELDS[spec.field][1])
                    )
            panel.model_.itemChanged.connect(self._on_item_changed)
            panel.selectionModel().selectionChanged.connect(
                lambda *_, p=panel: self._on_selection_changed(p)
            )
            panel.activated.connect(lambda *_: self.accept_requested.emit())
            self.panels[kind] = panel
            self.addTab(panel, _TAB_TITLES[kind])

    # Showing -------------------------------------------------------------------------------

    def show_note(self, note: Note) -> None:
        """Fill every panel from *note*."""
        self.note = note
        for kind in FactKind:
            self._fill(kind)

    def apply_change(self, change: Change) -> None:
        """Refill only the panels whose kinds *change* touched."""
        note = self.note
        if note is None:
            return
        if change.reordered:
            kinds = set(FactKind)
        else:
            facts = note.facts
            kinds = {facts[i].kind for i in change.facts if i in facts}
            kinds |= {self._shown[i] for i in change.facts if i in self._shown}
            # A party renamed or removed changes the Side column of signatories.
            if FactKind.PARTY in kinds:
                kinds.add(FactKind.SIGNATORY)
            if FactKind.SIGNATORY in kinds:
                kinds.add(FactKind.QUOTE)
        for kind in kinds:
            self._fill(kind)

    def _fill(self, kind: FactKind) -> None:
        note = self.note
        panel = self.panels[kind]
        model = panel.model_
        expanded = {
            model.item(r, 0).data(_ENTITY_ROLE)
            for r in range(model.rowCount())
            if panel.isExpanded(model.index(r, 0))
        }
        self._filling = True
        try:
            model.clear()
            columns = COLUMNS[kind]
            model.setHorizontalHeaderLabels([c.title for c in columns] + ["Mentions / where"])
            if note is None:
                return
            groups: dict[str, list[Fact]] = {}
            self._shown = {i: k for i, k in self._shown.items() if k is not kind}
            for fact in note.facts_of_kind(kind):
                groups.setdefault(fact.entity, []).append(fact)
                self._shown[fact.id] = kind
            # The analyst's own entities first, then the suggestions still to review.
            suggested = {e for e, m in groups.items() if m[0].origin is Origin.SUGGESTED}
            ordered = sorted(groups.items(), key=lambda item: item[0] in suggested)
            for entity, mentions in ordered:
                first = mentions[0]
                row = [self._entity_item(first, entity, kind)]
                for spec in columns[1:]:
                    value = first.fields.get(spec.field or "", "")
                    item = QStandardItem(value)
                    item.setData(entity, _ENTITY_ROLE)
                    item.setEditable(spec.field is not None)
                    row.append(item)
                count = len(mentions)
                where = (
                    str(note.article.locate(first.start, first.end))
                    if count == 1
                    else f"{count} mentions"
                )
                row.append(_plain(where, entity))
                model.appendRow(row)
                if count > 1:
                    for mention in mentions:
                        child = [_plain(" ".join(mention.text.split()), entity, mention.id)]
                        child += [_plain("", entity) for _ in columns[1:]]
                        child.append(
                            _plain(str(note.article.locate(mention.start, mention.end)), entity)
                        )
                        row[0].appendRow(child)
                if entity in expanded:
                    panel.expand(model.indexFromItem(row[0]))
            for column in range(len(columns) + 1):
                panel.resizeColumnToContents(column)
            panel.setColumnWidth(0, min(panel.columnWidth(0), 260))
        finally:
            self._filling = False
        count = model.rowCount()
        review = sum(
            1
            for row in range(count)
            if note is not None
            and note.facts.get(str(model.item(row, 0).data(_ID_ROLE)))
            and note.fact(str(model.item(row, 0).data(_ID_ROLE))).origin is Origin.SUGGESTED
        )
        title = _TAB_TITLES[kind]
        if review:
            title = f"{title} ({count - review} + {review} suggested)"
        elif count:
            title = f"{title} ({count})"
        self.setTabText(list(FactKind).index(kind), title)

    def _entity_item(self, first: Fact, entity: str, kind: FactKind) -> QStandardItem:
        item = QStandardItem(" ".join(first.text.split()))
        item.setData(first.id, _ID_ROLE)
        item.setData(entity, _ENTITY_ROLE)
        item.setEditable(False)
        item.setToolTip(first.text)
        item.setBackground(QBrush(highlight_colour(kind)))
        if first.origin is Origin.SUGGESTED:
            font = QFont(item.font())
            font.setItalic(True)
            item.setFont(font)
            reason = first.fields.get("reason", "")
            item.setToolTip(f"Suggested ({reason}): Enter accepts, Delete rejects, F8 goes on")
        return item

    # Selection -----------------------------------------------------------------------------

    def selected_facts(self) -> list[str]:
        """The ids of the facts selected in the current panel: every mention of a selected
        entity, or the selected mentions themselves."""
        panel = self.currentWidget()
        if not isinstance(panel, _Panel) or self.note is None:
            return []
        ids: list[str] = []
        for index in panel.selectionModel().selectedRows(0):
            item = panel.model_.itemFromIndex(index)
            if item.parent() is None:  # an entity row: all its mentions
                entity = item.data(_ENTITY_ROLE)
                ids += [f.id for f in self.note.mentions(entity) if f.id not in ids]
            elif item.data(_ID_ROLE) not in ids:
                ids.append(str(item.data(_ID_ROLE)))
        return ids

    def selected_entities(self) -> list[str]:
        """The entity ids of the selected rows of the current panel, in order."""
        panel = self.currentWidget()
        if not isinstance(panel, _Panel):
            return []
        entities: list[str] = []
        for index in panel.selectionModel().selectedRows(0):
            entity = str(panel.model_.itemFromIndex(index).data(_ENTITY_ROLE))
            if entity not in entities:
                entities.append(entity)
        return entities

    def select_fact(self, fact_id: str, *, extend: bool = False) -> None:
        """Show the panel of *fact_id* and select its row (without reporting it back)."""
        note = self.note
        if note is None or fact_id not in note.facts:
            return
        fact = note.fact(fact_id)
        panel = self.panels[fact.kind]
        self.setCurrentWidget(panel)
        model = panel.model_
        for row in range(model.rowCount()):
            entity = model.item(row, 0)
            if entity.data(_ENTITY_ROLE) != fact.entity:
                continue
            target = entity
            for child in range(entity.rowCount()):
                if entity.child(child, 0).data(_ID_ROLE) == fact_id:
                    target = entity.child(child, 0)
                    panel.expand(model.indexFromItem(entity))
            flags = panel.selectionModel().SelectionFlag
            mode = flags.Select if extend else flags.ClearAndSelect
            panel.selectionModel().blockSignals(True)
            panel.selectionModel().select(model.indexFromItem(target), mode | flags.Rows)
            panel.selectionModel().blockSignals(False)
            panel.scrollTo(model.indexFromItem(target))
            return

    def _on_selection_changed(self, panel: _Panel) -> None:
        rows = panel.selectionModel().selectedRows(0)
        if len(rows) == 1:
            fact_id = panel.model_.itemFromIndex(rows[0]).data(_ID_ROLE)
            if fact_id:
                self.fact_selected.emit(str(fact_id))

    # Editing -------------------------------------------------------------------------------

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._filling or item.parent() is not None:
            return
        panel = next(p for p in self.panels.values() if p.model_ is item.model())
        spec = COLUMNS[panel.kind][item.column()]
        if spec.field and spec.field not in LINKED_FIELDS:
            self._set_field(str(item.data(_ENTITY_ROLE)), spec.field, item.text().strip())

    def set_field_from_view(self, index: QModelIndex | QPersistentModelIndex, value: str) -> None:
        """Set the field of the cell at *index* (used by the Side and Speaker editors)."""
        panel = next(p for p in self.panels.values() if p.model_ is index.model())
        spec = COLUMNS[panel.kind][index.column()]
        entity = str(panel.model_.itemFromIndex(index).data(_ENTITY_ROLE))
        if spec.field:
            self._set_field(entity, spec.field, value)

    def set_field(self, entity: str, field: str, value: str) -> None:
        """Set *field* to *value* on every mention of *entity* (one undo step)."""
        self._set_field(entity, field, value)

    def _set_field(self, entity: str, field: str, value: str) -> None:
        if self.note is None:
            return
        edit = set_entity_field(self.note, entity, field, value)
        if edit is not None:
            self.edit_requested.emit(edit)


def _plain(text: str, entity: str, fact_id: str | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(entity, _ENTITY_ROLE)
    if fact_id is not None:
        item.setData(fact_id, _ID_ROLE)
    return item
