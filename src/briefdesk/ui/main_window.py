"""The main window: the article with its highlights, the fact list, menus and files."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefdesk import APP_NAME
from briefdesk.core import ingest, store
from briefdesk.core.documents import open_document
from briefdesk.core.errors import BriefDeskError, IngestCancelled, IngestError, PasswordRequired
from briefdesk.core.model import (
    AddFact,
    Batch,
    Change,
    Edit,
    Fact,
    FactKind,
    MoveFact,
    Note,
    Origin,
    ReplaceFact,
    Source,
    merge_entities,
    snap_to_words,
    tag,
    untag,
)
from briefdesk.ui import state
from briefdesk.ui.article_view import ArticleView
from briefdesk.ui.draft_editor import DraftEditor
from briefdesk.ui.fact_panels import FactPanels
from briefdesk.ui.find_bar import FindBar
from briefdesk.ui.palette import KIND_COLOURS, KIND_KEYS
from briefdesk.ui.undo import NoteSession
from briefdesk.ui.workers import Cancelled, Task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

__all__ = ["MainWindow"]

ARTICLE_FILTER = "Articles (*.txt *.text *.md *.markdown);;All files (*)"
NOTE_FILTER = "BriefDesk notes (*.briefdesk)"
OPEN_FILTER = f"Notes and articles (*.briefdesk *.txt *.text *.md);;{NOTE_FILTER};;{ARTICLE_FILTER}"


class MainWindow(QMainWindow):
    """One note in one window. ``path`` is where the note is saved (``None``: not yet)."""

    file_opened = Signal(object)  # the Path
    suggestions_ready = Signal(int)  # how many were added
    export_finished = Signal(object)  # the Path
    export_failed = Signal(str)  # why
    open_failed = Signal(str)  # why

    def __init__(self, note: Note, path: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.article_view = ArticleView(self)
        self.find_bar = FindBar(self.article_view, self)
        self.find_bar.hide()
        article_column = QWidget(self)
        column = QVBoxLayout(article_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.article_view)
        column.addWidget(self.find_bar)
        self.draft_editor = DraftEditor(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(article_column)
        self.splitter.addWidget(self.draft_editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.fact_panels = FactPanels(self)
        dock = QDockWidget("Facts", self)
        dock.setObjectName("facts-dock")
        dock.setWidget(self.fact_panels)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self._facts_dock = dock
        self._build_actions()
        self._build_legend()
        self.fact_panels.fact_selected.connect(self._on_fact_selected)
        self.fact_panels.accept_requested.connect(
            self.accept_selected, Qt.ConnectionType.QueuedConnection
        )
        self.draft_editor.edit_requested.connect(
            self.apply_edit, Qt.ConnectionType.QueuedConnection
        )
        self.draft_editor.finding_activated.connect(self._on_finding_activated)
        self.fact_panels.edit_requested.connect(self.apply_edit, Qt.ConnectionType.QueuedConnection)
        self.article_view.fact_clicked.connect(self.fact_panels.select_fact)
        self.session: NoteSession
        self.path: Path | None = None
        self._tasks: set[Task] = set()
        self._autosaver = store.Autosaver()
        self._autosaved_at: int | None = None  # the undo index of the last autosave
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(store.AUTOSAVE_INTERVAL_S * 1000)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()
        self._set_note(note, path)
        self.resize(1280, 820)
        self.resizeDocks([dock], [420], Qt.Orientation.Horizontal)
        self._restore_state()

    # Building ---------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.open_action = self._action(
            "&Open…", self.open_dialog, keys.Open, "Open an article or a BriefDesk note"
        )
        self.save_action = self._action("&Save", self.save, keys.Save, "Save the note")
        self.save_as_action = self._action(
            "Save &As…", self.save_as, keys.SaveAs, "Save the note under a new name"
        )
        self.export_action = self._action(
            "&Export…",
            lambda: self.export_dialog(),
            "Ctrl+E",
            "Export the briefing note to DOCX or PDF",
        )
        self.quit_action = self._action("&Quit", self.close, keys.Quit)
        self.paste_action = self._action(
            "New from &Clipboard",
            self.new_from_clipboard,
            "Ctrl+Shift+V",
            "Start a note on the article in the clipboard (text or a copied web page)",
        )
        self.find_action = self._action(
            "&Find…", self.find_bar.open, keys.Find, "Find text in the article"
        )
        self.find_next_action = self._action("Find &Next", self.find_bar.find_next, keys.FindNext)
        self.find_previous_action = self._action(
            "Find Pre&vious", lambda: self.find_bar.find_next(backward=True), keys.FindPrevious
        )
        self.tag_actions: dict[FactKind, QAction] = {}
        for kind in FactKind:
            action = self._action(
                f"Tag as &{kind.label}",
                lambda _=False, k=kind: self.tag_selection(k),
                KIND_KEYS[kind],
                f"Tag the selected text as a {kind.value} "
                f"({KIND_KEYS[kind]}; hold Alt to keep the exact selection)",
            )
            # One-key shortcuts act in the article only, so typing in a panel stays typing.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.article_view.addAction(action)
            self.tag_actions[kind] = action
        self.suggest_action = self._action(
            "&Suggest Facts",
            self.suggest_facts,
            "Ctrl+Shift+G",
            "Propose parties, signatories, domains, outcomes, dates and places (dashed)",
        )
        self.accept_action = self._action(
            "&Accept Suggestions",
            self.accept_selected,
            "Ctrl+Return",
            "Make the selected suggested facts your own",
        )
        self.next_suggestion_action = self._action(
            "&Next Suggestion",
            lambda: self.go_to_suggestion(1),
            "F8",
            "Select the next suggested fact in the article (Enter accepts, Delete rejects)",
        )
        self.previous_suggestion_action = self._action(
            "&Previous Suggestion",
            lambda: self.go_to_suggestion(-1),
            "Shift+F8",
            "Select the previous suggested fact in the article",
        )
        self.merge_action = self._action(
            "&Merge Selected",
            self.merge_selected,
            "Ctrl+M",
            "Make the selected rows one entity with all their mentions",
        )
        self.move_up_action = self._action(
            "Move &Up", lambda: self.move_selected(-1), "Alt+Up", "Move the selected row up"
        )
        self.move_down_action = self._action(
            "Move &Down", lambda: self.move_selected(1), "Alt+Down", "Move the selected row down"
        )
        self.cite_action = self._action(
            "&Cite Fact in Draft",
            self.cite_selected_fact,
            "Ctrl+I",
            "Insert a reference to the selected fact where you last typed in the draft",
        )
        self.from_facts_action = self._action(
            "Draft from &Facts",
            self.draft_editor.draft_from_facts,
            "Ctrl+Shift+D",
            "Fill the empty draft sections from the tagged facts",
        )
        self.remove_action = self._action(
            "&Remove Fact", self.remove_selected_facts, keys.Delete, "Remove the selected facts"
        )

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.paste_action)
        file_menu.addSeparator()
        for action in (self.save_action, self.save_as_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        self.template_menu = file_menu.addMenu("Export with &Template")
        self.template_menu.aboutToShow.connect(self._fill_template_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self._edit_menu = self.menuBar().addMenu("&Edit")
        self._find_menu_actions = (
            self.find_action,
            self.find_next_action,
            self.find_previous_action,
        )
        self._tag_menu = self.menuBar().addMenu("&Tag")
        for action in self.tag_actions.values():
            self._tag_menu.addAction(action)
        self._tag_menu.addSeparator()
        self._tag_menu.addAction(self.suggest_action)
        self._tag_menu.addAction(self.accept_action)
        self._tag_menu.addAction(self.next_suggestion_action)
        self._tag_menu.addAction(self.previous_suggestion_action)
        self._tag_menu.addSeparator()
        draft_menu = self.menuBar().addMenu("&Draft")
        draft_menu.addAction(self.cite_action)
        draft_menu.addAction(self.from_facts_action)
        for action in (
            self.merge_action,
            self.move_up_action,
            self.move_down_action,
            self.remove_action,
        ):
            self._tag_menu.addAction(action)
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(self._facts_dock.toggleViewAction())
        help_menu = self.menuBar().addMenu("&Help")
        self.shortcuts_action = self._action(
            "&Keyboard Shortcuts", self.show_shortcuts, "Ctrl+/", "List every keyboard shortcut"
        )
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self._action("&About BriefDesk", self.about))

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.save_action)
        toolbar.addAction(self.export_action)
        toolbar.addSeparator()
        for kind, action in self.tag_actions.items():
            button_action = QAction(kind.label, self)
            button_action.setToolTip(action.toolTip())
            button_action.triggered.connect(action.trigger)
            toolbar.addAction(button_action)

        self.article_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.article_view.customContextMenuRequested.connect(self._on_context_menu)

    def _build_legend(self) -> None:
        legend = " ".join(
            f'<span style="background:{KIND_COLOURS[k]}; color:white">&nbsp;{k.label}&nbsp;</span>'
            for k in FactKind
        )
        label = QLabel(legend, self)
        label.setAccessibleName("Legend of fact colours")
        self.statusBar().addPermanentWidget(label)

    def _on_context_menu(self, position: QPoint) -> None:
        menu: QMenu = self.article_view.createStandardContextMenu()
        menu.addSeparator()
        for action in self.tag_actions.values():
            action.setEnabled(self.article_view.selected_span() is not None)
            menu.addAction(action)
        menu.exec(self.article_view.viewport().mapToGlobal(position))
        for action in self.tag_actions.values():
            action.setEnabled(True)

    # The note ----------------------------------------------------------------------------

    def _set_note(self, note: Note, path: Path | None) -> None:
        from briefdesk.ui.fonts import install_for_text

        install_for_text(note.article.text)
        old = getattr(self, "session", None)
        self.session = NoteSession(note, self)
        self.session.note_changed.connect(self._on_note_changed)
        self.session.undo_stack.cleanChanged.connect(self._update_title)
        self._edit_menu.clear()
        undo = self.session.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self._edit_menu.addAction(undo)
        self._edit_menu.addAction(redo)
        self._edit_menu.addSeparator()
        for action in self._find_menu_actions:
            self._edit_menu.addAction(action)
        if old is not None:
            old.deleteLater()
            self._autosaver.clear()
            self._autosaved_at = None
        self.path = path
        self.article_view.show_note(note)
        self.fact_panels.show_note(note)
        self.draft_editor.show_note(note)
        self._update_title()

    @property
    def note(self) -> Note:
        """The note this window edits."""
        return self.session.note

    def _on_note_changed(self, change: Change) -> None:
        self.article_view.apply_change(change)
        self.fact_panels.apply_change(change)
        self.draft_editor.apply_change(change)
        self._update_title()

    def _update_title(self) -> None:
        name = self.path.name if self.path else (self.note.article.metadata.title or "Untitled")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.note.is_modified)

    # Tagging ------------------------------------------------------------------------------

    def tag_selection(self, kind: FactKind, exact: bool | None = None) -> None:
        """Tag the selected text as a *kind* fact, widened to whole words unless *exact*.

        Holding Alt while tagging keeps the exact selection.
        """
        span = self.article_view.selected_span()
        if span is None:
            self.statusBar().showMessage("Select some text in the article to tag it.", 4000)
            return
        if exact is None:
            exact = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        start, end = span if exact else snap_to_words(self.note.article.text, *span)
        fields: dict[str, str] = {}
        if kind is FactKind.DATE:
            iso = ingest.parse_date(
                self.note.article.text[start:end], self.note.article.metadata.language
            )
            if iso:
                fields["iso"] = iso
        try:
            self.session.apply(tag(self.note, kind, start, end, fields))
        except BriefDeskError as error:
            self.statusBar().showMessage(f"Cannot tag: {error}", 6000)

    def apply_edit(self, edit: Edit) -> None:
        """Apply an edit from a panel as one undo step; a refused edit is reported."""
        try:
            self.session.apply(edit)
        except BriefDeskError as error:
            self.statusBar().showMessage(f"Cannot change that: {error}", 6000)

    def remove_selected_facts(self) -> None:
        """Remove the facts selected in the panel (every mention of a selected entity)."""
        ids = self.fact_panels.selected_facts()
        if len(ids) == 1:
            self.apply_edit(untag(self.note, ids[0]))
        elif ids:
            edits = tuple(untag(self.note, fact_id) for fact_id in ids)
            self.apply_edit(Batch(f"Remove {len(ids)} facts", edits))

    def merge_selected(self) -> None:
        """Make the selected entities one ("India" tagged twice by hand is one party)."""
        entities = self.fact_panels.selected_entities()
        if len(entities) < 2:
            self.statusBar().showMessage("Select two or more rows to merge them.", 4000)
            return
        ids = [f.id for entity in entities for f in self.note.mentions(entity)]
        self.apply_edit(merge_entities(self.note, ids))

    def move_selected(self, step: int) -> None:
        """Move the selected entity up (-1) or down (+1) among those of its kind."""
        entities = self.fact_panels.selected_entities()
        if len(entities) != 1:
            return
        note = self.note
        kind = note.mentions(entities[0])[0].kind
        order = list(dict.fromkeys(f.entity for f in note.facts_of_kind(kind)))
        position = order.index(entities[0])
        if not 0 <= position + step < len(order):
            return
        order[position], order[position + step] = order[position + step], order[position]
        edits: list[Edit] = []
        # Rebuild this kind's order at the place its first fact holds now.
        anchor = min(note.fact_index(f.id) for f in note.facts_of_kind(kind))
        index = anchor
        for entity in order:
            for fact in note.mentions(entity):
                edits.append(MoveFact(fact.id, index))
                index += 1
        self.apply_edit(Batch("Move up" if step < 0 else "Move down", tuple(edits)))
        self.fact_panels.select_fact(note.mentions(entities[0])[0].id)

    def suggest_facts(self) -> Task:
        """Propose facts in a worker; they are added as one undoable step, dashed."""
        from briefdesk.core.suggest import suggest

        note = self.note
        existing = list(note)
        task = Task(
            partial(suggest, note.article, existing, rejected=note.rejected),
            "Suggesting facts…",
            self,
        )

        def add(facts: list[Fact]) -> None:
            if self.note is not note:
                return  # another note was opened meanwhile
            if not facts:
                self.statusBar().showMessage("No new facts to suggest.", 4000)
            else:
                edits = tuple(AddFact(fact) for fact in facts)
                self.session.apply(Batch(f"Suggest {len(facts)} facts", edits))
                self.statusBar().showMessage(
                    f"{len(facts)} facts suggested (dashed): accept "
                    "them with Ctrl+Enter, reject with Delete.",
                    8000,
                )
            self.suggestions_ready.emit(len(facts))

        task.succeeded.connect(add)
        task.failed.connect(lambda error: self._error("Cannot suggest facts", str(error)))
        self._keep(task)
        return task.start()

    def accept_selected(self) -> None:
        """Make the selected suggested facts the analyst's own (one undo step)."""
        facts = [self.note.fact(i) for i in self.fact_panels.selected_facts()]
        edits = tuple(
            ReplaceFact(f.replaced(origin=Origin.USER))
            for f in facts
            if f.origin is Origin.SUGGESTED
        )
        if edits:
            self.session.apply(Batch(f"Accept {len(edits)} suggestions", edits))

    def go_to_suggestion(self, step: int) -> str | None:
        """Select the next (step 1) or previous (-1) suggested fact in article order, after
        or before the one selected or the article's cursor; return its id."""
        suggested = sorted(
            (f for f in self.note if f.origin is Origin.SUGGESTED), key=lambda f: (f.start, f.end)
        )
        if not suggested:
            self.statusBar().showMessage("No suggestions left to review.", 4000)
            return None
        selected = [
            self.note.facts[i] for i in self.fact_panels.selected_facts() if i in self.note.facts
        ]
        if selected:
            here = (selected[0].start, selected[0].end)
        else:
            cursor = self.article_view.textCursor().selectionStart()
            here = (cursor, cursor - 1 if step > 0 else cursor)
        if step > 0:
            target = next((f for f in suggested if (f.start, f.end) > here), suggested[0])
        else:
            target = next(
                (f for f in reversed(suggested) if (f.start, f.end) < here), suggested[-1]
            )
        self.fact_panels.select_fact(target.id)
        self.article_view.flash_span(target.start, target.end)
        position = suggested.index(target) + 1
        reason = target.fields.get("reason", "")
        self.statusBar().showMessage(
            f"Suggestion {position} of {len(suggested)}: {target.kind.value} ({reason}) — "
            "Enter accepts, Delete rejects",
            6000,
        )
        return target.id

    def cite_selected_fact(self) -> bool:
        """Cite the fact selected in the panels (or under the article's cursor) in the draft."""
        ids = self.fact_panels.selected_facts()
        if not ids:
            cursor_offset = self.article_view.textCursor().selectionStart()
            fact_id = self.article_view.fact_at(cursor_offset)
            ids = [fact_id] if fact_id else []
        if not ids:
            self.statusBar().showMessage("Select a fact to cite it in the draft.", 4000)
            return False
        if not self.draft_editor.insert_citation(ids[0]):
            self.statusBar().showMessage("Click into a draft section first.", 4000)
            return False
        return True

    def _on_finding_activated(self, section: str, fact_id: str) -> None:
        if fact_id and fact_id in self.note.facts:
            self.fact_panels.select_fact(fact_id)
            fact = self.note.fact(fact_id)
            self.article_view.flash_span(fact.start, fact.end)

    def _on_fact_selected(self, fact_id: str) -> None:
        fact = self.note.facts.get(fact_id)
        if fact is not None:
            self.article_view.flash_span(fact.start, fact.end)

    # Files -------------------------------------------------------------------------------

    def open_path(self, path: Path, password: str | None = None) -> Task | None:
        """Open the article or note at *path* in this window, reading it in a worker.

        Emits ``file_opened`` or ``open_failed``; on error a dialog names the file and the
        reason, and the current note stays. Returns the task, or ``None`` if the user kept
        the current note (cancelled the save prompt).
        """
        if not self._maybe_save():
            return None
        task = Task(partial(open_document, path, password=password), f"Opening {path.name}…", self)
        task.succeeded.connect(lambda note: self._on_opened(path, note))
        task.failed.connect(lambda error: self._on_open_failed(path, error))
        self._keep(task)
        return task.start()

    def _keep(self, task: Task) -> None:
        """Hold a reference to *task* until it finishes."""
        self._tasks.add(task)
        task.finished.connect(lambda: self._tasks.discard(task))

    def _on_opened(self, path: Path, note: Note) -> None:
        note_path: Path | None = path if store.is_note_file(path) else None
        if note.read_only:
            self._warn(
                "Opened read-only",
                f"{path.name} was saved by a newer BriefDesk; it opens read-only.",
            )
            note_path = None
        self._set_note(note, note_path)
        state.remember_recent(path)
        self.statusBar().showMessage(f"Opened {path}", 4000)
        self.file_opened.emit(path)

    def _on_open_failed(self, path: Path, error: object) -> None:
        if isinstance(error, PasswordRequired):
            from PySide6.QtWidgets import QInputDialog

            password, ok = QInputDialog.getText(
                self,
                "Password",
                f"{path.name} is encrypted. Its password:",
                QLineEdit.EchoMode.Password,
            )
            if ok and password:
                self.open_path(path, password)
                return
            message = "no password given"
        elif isinstance(error, (Cancelled, IngestCancelled)):
            self.statusBar().showMessage(f"Opening {path.name} cancelled", 4000)
            self.open_failed.emit("cancelled")
            return
        elif isinstance(error, BriefDeskError):
            message = str(error)
        else:  # a bug: say so plainly, keep the note, and leave a trace for the report
            import traceback

            if isinstance(error, BaseException):
                traceback.print_exception(error)
            message = f"an unexpected error ({type(error).__name__}: {error})"
        self._error(f"Cannot open {path.name}", message)
        self.open_failed.emit(message)

    def new_from_clipboard(self) -> bool:
        """Start a new note on the article in the clipboard; rich text is read as a web page."""
        if not self._maybe_save():
            return False
        mime = QApplication.clipboard().mimeData()
        try:
            if mime is not None and mime.hasHtml() and mime.html().strip():
                name, data = "clipboard.html", mime.html().encode("utf-8")
            elif mime is not None and mime.hasText() and mime.text().strip():
                name, data = "clipboard.txt", mime.text().encode("utf-8")
            else:
                raise IngestError("the clipboard holds no text")
            article = ingest.read_bytes(data, name=name)
        except BriefDeskError as error:
            self._error("Cannot start a note from the clipboard", str(error))
            return False
        self._set_note(Note(article, source=Source(name, data)), None)
        self.statusBar().showMessage("New note from the clipboard", 4000)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        entries = state.recent_files()
        for number, entry in enumerate(entries, 1):
            action = self.recent_menu.addAction(f"&{number % 10} {Path(entry).name}")
            action.setToolTip(entry)
            action.triggered.connect(lambda _=False, p=entry: self.open_path(Path(p)))
        if entries:
            self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("&Clear Recent Files", state.clear_recent)
        clear.setEnabled(bool(entries))

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, "Open", "", OPEN_FILTER)
        if name:
            self.open_path(Path(name))

    def save(self) -> bool:
        """Save to the note's file, asking for one first if it has none."""
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        default = (self.note.article.metadata.source_name or "note").rsplit(".", 1)[0]
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self, "Save As", f"{default}.briefdesk", NOTE_FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".briefdesk":
            path = path.with_name(path.name + ".briefdesk")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        self.draft_editor.commit_all()
        QApplication.processEvents()  # the commit arrives queued
        try:
            store.save(self.note, path)
        except BriefDeskError as error:
            self._error(f"Cannot save {path.name}", str(error))
            return False
        self.path = path
        state.remember_recent(path)
        self.session.undo_stack.setClean()
        self._autosaver.clear()
        self._autosaved_at = None
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def autosave(self) -> None:
        """Write the note to the recovery folder if it has changes not yet autosaved.

        Runs every minute; a failure is reported in the status bar (a dialog every minute
        would be worse than the problem) and tried again next time.
        """
        note = self.note
        position = self.session.undo_stack.index()
        if not note.is_modified or note.read_only or position == self._autosaved_at:
            return
        try:
            self._autosaver.save(note, self.path)
        except BriefDeskError as error:
            self.statusBar().showMessage(f"Autosave failed: {error}", 10_000)
            return
        self._autosaved_at = position

    def adopt_recovered(self, note: Note, original: Path | None) -> None:
        """Show a note recovered after a crash; it stays unsaved until the user saves it."""
        self._set_note(note, original)
        self.statusBar().showMessage("Recovered unsaved work; save it to keep it.", 10_000)

    def export_dialog(self, template: str | None = None) -> None:
        """Ask where to export (DOCX or PDF by the name's extension) and export there."""
        default = (self.path or Path(self.note.article.metadata.source_name or "note")).stem
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self, "Export", f"{default}.docx", "Word document (*.docx);;PDF (*.pdf)"
        )
        if name:
            self.export_to(Path(name), template)

    def export_to(
        self, path: Path, template: str | None = None, *, ask_to_open: bool = True
    ) -> Task:
        """Export the note to *path* in a worker; then offer to open the file or its folder.

        Emits ``export_finished`` or ``export_failed``. The export works on a snapshot, so
        editing on meanwhile cannot mix two states into one file; a failed export leaves any
        earlier file of that name untouched.
        """
        from briefdesk.core import render

        self.draft_editor.commit_all()
        QApplication.processEvents()
        note = self.note
        snapshot = Note(note.article, list(note), note.draft, note.source, rejected=note.rejected)
        chosen = template or render.DEFAULT_TEMPLATE

        def work(progress: object, cancel: object) -> Path:
            render.export(snapshot, path, chosen)
            return path

        task = Task(work, f"Exporting {path.name}…", self)
        task.succeeded.connect(lambda _: self._on_exported(path, ask_to_open))
        task.failed.connect(lambda error: self._on_export_failed(path, error))
        self._keep(task)
        return task.start()

    def _on_exported(self, path: Path, ask_to_open: bool) -> None:
        self.statusBar().showMessage(f"Exported {path}", 6000)
        self.export_finished.emit(path)
        if not ask_to_open:
            return
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Exported",
            f"The briefing note is in {path}.",
            QMessageBox.StandardButton.Close,
            self,
        )
        open_file = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton("Show in Folder", QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def _on_export_failed(self, path: Path, error: object) -> None:
        message = (
            str(error)
            if isinstance(error, BriefDeskError)
            else (f"an unexpected error ({type(error).__name__}: {error})")
        )
        self._error(f"Cannot export {path.name}", message)
        self.export_failed.emit(message)

    def _fill_template_menu(self) -> None:
        from briefdesk.core.render.templates import list_templates

        self.template_menu.clear()
        for template in list_templates():
            action = self.template_menu.addAction(template.name)
            action.setToolTip(template.description)
            action.triggered.connect(lambda _=False, n=template.name: self.export_dialog(n))

    def _maybe_save(self) -> bool:
        """Ask to save unsaved changes; return False if the user cancelled."""
        self.draft_editor.commit_all()
        # Deliver the queued edits commit_all posted (only those: no repaint on the way out).
        QApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        if not self.note.is_modified:
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "The note has unsaved changes. Save them first?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _error(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self, title, message)

    def _warn(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, title, message)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from briefdesk.ui.help import about_text

        QMessageBox.about(self, f"About {APP_NAME}", about_text())

    def show_shortcuts(self) -> QDialog:
        """Show every action's shortcut (read from the actions themselves)."""
        from briefdesk.ui.help import shortcuts_dialog

        in_menus = [a for menu in self.menuBar().findChildren(QMenu) for a in menu.actions()]
        dialog = shortcuts_dialog([*self.actions(), *in_menus], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # Window state and events ----------------------------------------------------------------

    def _splitters(self) -> list[QSplitter]:
        return [self.splitter, self.draft_editor.splitter]

    def _restore_state(self) -> None:
        state.restore_window(self, self._splitters())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._maybe_save():
            event.ignore()
            return
        state.save_window(self, self._splitters())
        self._autosave_timer.stop()
        self._autosaver.clear()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [url for url in event.mimeData().urls() if url.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.open_path(Path(urls[0].toLocalFile()))
