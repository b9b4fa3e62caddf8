"""The draft editor: the note's sections beside the article, with facts cited by reference.

Each field edits one draft section; a change becomes one undoable edit when the field loses
focus or the typing pauses. Section text is light Markdown; ``[[id]]`` cites a fact, shown
in the preview (and exports) as the fact's current words. Checks run as the draft changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefdesk.core import drafting
from briefdesk.core.drafting.markings import SCHEMES
from briefdesk.core.drafting.references import REFERENCE
from briefdesk.core.model import (
    BODY_SECTIONS,
    SECTION_TITLES,
    Batch,
    Change,
    Note,
    SetDraftSection,
)
from briefdesk.ui.palette import highlight_colour

__all__ = ["CLASSIFICATIONS", "DraftEditor"]

# Common marking schemes; the field stays editable for any other.
CLASSIFICATIONS = tuple(dict.fromkeys(level.name for s in SCHEMES for level in s.levels))
_LINE_SECTIONS = ("title", "caveat", "to", "from", "date", "reference", "grading")
CHECKS_DELAY_MS = 50
"""The checks of a note just opened run this long after, so they never delay its first paint."""
COMMIT_DELAY_MS = 800
"""A pause in typing this long commits the section as one undo step."""


class _CitationHighlighter(QSyntaxHighlighter):
    """Colours each ``[[id]]`` in the kind's colour (red if the fact is gone), so citations
    stand out from the prose; the section's tooltip names them."""

    def __init__(self, editor: DraftEditor, document: QTextDocument) -> None:
        super().__init__(document)
        self._editor = editor

    def highlightBlock(self, text: str) -> None:
        note = self._editor.note
        for match in REFERENCE.finditer(text):
            fact = note.facts.get(match.group(1)) if note is not None else None
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.DemiBold)
            if fact is None:
                fmt.setForeground(QColor("#B00020"))
                fmt.setFontStrikeOut(True)
            else:
                fmt.setBackground(highlight_colour(fact.kind))
            self.setFormat(match.start(), match.end() - match.start(), fmt)


class _SectionText(QPlainTextEdit):
    """A section's text; reports losing focus, so the edit is committed then."""

    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class DraftEditor(QWidget):
    """Edits the draft of a note. ``edit_requested`` carries edits for the undo stack;
    ``finding_activated`` asks the window to show a section or a fact."""

    edit_requested = Signal(object)
    finding_activated = Signal(str, str)  # section key, fact id ("" when none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Draft")
        self.note: Note | None = None
        self._loading = False
        self.fields: dict[str, QLineEdit | QComboBox | _SectionText] = {}
        self._last_focused: _SectionText | None = None
        self._highlighters: list[_CitationHighlighter] = []

        self.from_facts_button = QPushButton("Draft from Facts", self)
        self.from_facts_button.setToolTip(
            "Fill the empty sections with plain sentences made only of the tagged facts"
        )
        self.from_facts_button.clicked.connect(self.draft_from_facts)
        buttons = QHBoxLayout()
        buttons.addWidget(self.from_facts_button)
        buttons.addStretch(1)

        form_host = QWidget(self)
        form = QFormLayout(form_host)
        classification = QComboBox(form_host)
        classification.setEditable(True)
        classification.addItems(["", *CLASSIFICATIONS])
        classification.setAccessibleName("Classification")
        classification.currentTextChanged.connect(lambda _: self._commit("classification"))
        self.fields["classification"] = classification
        form.addRow("Classification", classification)
        for key in _LINE_SECTIONS:
            line = QLineEdit(form_host)
            line.setAccessibleName(SECTION_TITLES[key])
            if key == "grading":
                line.setPlaceholderText("Admiralty grading, e.g. B2")
            line.editingFinished.connect(lambda k=key: self._commit(k))
            self.fields[key] = line
            form.addRow(SECTION_TITLES[key], line)
        self._checks_timer = QTimer(self)  # a child: it cannot outlive the editor
        self._checks_timer.setSingleShot(True)
        self._checks_timer.timeout.connect(self.refresh_checks)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.commit_all)
        for key in BODY_SECTIONS:
            text = _SectionText(form_host)
            text.setAccessibleName(SECTION_TITLES[key])
            text.setTabChangesFocus(True)
            text.setMinimumHeight(70 if key != "summary" else 90)
            text.textChanged.connect(self._on_typing)
            text.focus_lost.connect(lambda k=key: self._commit(k))
            text.cursorPositionChanged.connect(lambda t=text: self._remember(t))
            self._highlighters.append(_CitationHighlighter(self, text.document()))
            self.fields[key] = text
            form.addRow(SECTION_TITLES[key], text)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)

        self.preview = QTextBrowser(self)
        self.preview.setOpenExternalLinks(True)
        self.preview.setAccessibleName("Draft preview")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll, "Edit")
        self.tabs.addTab(self.preview, "Preview")
        self.tabs.currentChanged.connect(lambda _: self._refresh_preview())

        self.checks = QListWidget(self)
        self.checks.setAccessibleName("Checks before export")
        self.checks.itemActivated.connect(self._on_check_activated)
        self.checks.itemClicked.connect(self._on_check_activated)
        checks_box = QWidget(self)
        checks_layout = QVBoxLayout(checks_box)
        checks_layout.setContentsMargins(0, 0, 0, 0)
        checks_layout.addWidget(QLabel("Checks before export", checks_box))
        checks_layout.addWidget(self.checks)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("draft-splitter")
        self.splitter = split
        split.addWidget(self.tabs)
        split.addWidget(checks_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(split)

    # Showing -------------------------------------------------------------------------------

    def show_note(self, note: Note) -> None:
        """Show *note*'s draft; its checks follow once the window has painted."""
        self.note = note
        self._load(set(self.fields))
        self._checks_timer.start(CHECKS_DELAY_MS)

    def apply_change(self, change: Change) -> None:
        """Reload the sections *change* touched (undo, redo, draft from facts); any change
        may alter the checks and citations, so those are refreshed too."""
        if change.sections:
            self._load(set(change.sections))
        self.refresh_checks()
        self._update_tooltips()
        if change.facts:  # a cited fact may have gone or changed kind
            for highlighter in self._highlighters:
                highlighter.rehighlight()
        if self.tabs.currentWidget() is self.preview:
            self._refresh_preview()

    def _load(self, keys: set[str]) -> None:
        if self.note is None:
            return
        self._loading = True
        try:
            for key in keys & set(self.fields):
                value = self.note.draft.get(key)
                widget = self.fields[key]
                if isinstance(widget, QComboBox):
                    widget.setCurrentText(value)
                elif isinstance(widget, QLineEdit):
                    if widget.text() != value:
                        widget.setText(value)
                elif widget.toPlainText() != value:
                    widget.setPlainText(value)
        finally:
            self._loading = False
        self._update_tooltips()

    def _update_tooltips(self) -> None:
        """Each section says which facts its sentences rest on, and where they came from."""
        note = self.note
        if note is None:
            return
        for key, widget in self.fields.items():
            ids = drafting.cited_ids(note.draft.get(key))
            lines = []
            for fact_id in ids:
                fact = note.facts.get(fact_id)
                if fact is None:
                    lines.append(f"[{fact_id}]: deleted")
                else:
                    where = note.article.locate(fact.start, fact.end)
                    lines.append(f"{fact.kind.label} “{fact.text}” ({where})")
            widget.setToolTip("Made from tagged facts:\n" + "\n".join(lines) if lines else "")

    def refresh_checks(self) -> None:
        """Run the checks and list what they find."""
        self.checks.clear()
        if self.note is None:
            return
        from PySide6.QtWidgets import QStyle  # its enums take 4 ms to build: not at start-up

        findings = drafting.check(self.note)
        # The style's own icons: a symbol character would be a box on a machine without a
        # font that has it (the bundled fonts have no ⛔ or ⚠).
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for finding in findings:
            item = QListWidgetItem(finding.message)
            item.setIcon(icons.get(finding.severity.value, icons["warning"]))
            item.setData(Qt.ItemDataRole.UserRole, (finding.section or "", finding.fact_id or ""))
            self.checks.addItem(item)
        if not findings:
            self.checks.addItem("No problems found.")

    def _refresh_preview(self) -> None:
        if self.note is None:
            return
        from html import escape

        from markdown_it import MarkdownIt

        markdown = MarkdownIt("zero").enable(
            ["emphasis", "link", "autolink", "list", "newline", "escape"]
        )
        parts = []
        draft = self.note.draft
        marking = draft.get("classification")
        if marking:
            parts.append(f"<p align='center'><b>{escape(marking)}</b></p>")
        parts.append(
            f"<h2>{escape(drafting.render_references(draft.get('title'), self.note))}</h2>"
        )
        for key in BODY_SECTIONS:
            text = draft.get(key)
            if text.strip():
                parts.append(f"<h3>{SECTION_TITLES[key]}</h3>")
                parts.append(markdown.render(drafting.render_references(text, self.note)))
        self.preview.setHtml("".join(parts))

    # Editing -------------------------------------------------------------------------------

    def _remember(self, widget: _SectionText) -> None:
        self._last_focused = widget

    def _on_typing(self) -> None:
        if not self._loading:
            self._timer.start()

    def _value(self, key: str) -> str:
        widget = self.fields[key]
        if isinstance(widget, QComboBox):
            return widget.currentText().strip()
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        return widget.toPlainText()

    def _commit(self, key: str) -> None:
        if self._loading or self.note is None:
            return
        value = self._value(key)
        if value != self.note.draft.get(key):
            self.edit_requested.emit(SetDraftSection(key, value))

    def commit_all(self) -> None:
        """Commit every section that differs from the note (one undo step)."""
        if self._loading or self.note is None:
            return
        edits = tuple(
            SetDraftSection(key, self._value(key))
            for key in self.fields
            if self._value(key) != self.note.draft.get(key)
        )
        if len(edits) == 1:
            self.edit_requested.emit(edits[0])
        elif edits:
            self.edit_requested.emit(Batch("Edit draft", edits))

    def insert_citation(self, fact_id: str) -> bool:
        """Cite fact *fact_id* at the cursor of the section last typed in; False if none."""
        target = self._last_focused
        if target is None:
            return False
        cursor = target.textCursor()
        cursor.insertText(f"[[{fact_id}]]")
        target.setTextCursor(cursor)
        target.setFocus()
        self.commit_all()
        return True

    def draft_from_facts(self) -> None:
        """Fill the empty sections from the tagged facts, as one undo step."""
        if self.note is None:
            return
        self.commit_all()
        generated = drafting.draft_from_facts(self.note)
        edits = tuple(
            SetDraftSection(key, text)
            for key, text in generated.items()
            if not self.note.draft.get(key).strip()
        )
        if edits:
            self.edit_requested.emit(Batch("Draft from facts", edits))

    def _on_check_activated(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        section, fact_id = data
        if section in self.fields:
            self.tabs.setCurrentIndex(0)
            widget = self.fields[section]
            widget.setFocus()
            if isinstance(widget, _SectionText):
                widget.moveCursor(QTextCursor.MoveOperation.End)
        self.finding_activated.emit(section, fact_id)
