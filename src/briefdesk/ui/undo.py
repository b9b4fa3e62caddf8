"""The Qt undo stack over the core's own history, so GUI and CLI undo the same way."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefdesk.core.model import Change, Edit, Note

__all__ = ["NoteSession"]


class _NoteCommand(QUndoCommand):
    """One core edit on the Qt undo stack; undo and redo go through the note's history."""

    def __init__(self, session: NoteSession, label: str, change: Change) -> None:
        super().__init__(label)
        self._session = session
        self._first_change: Change | None = change

    def redo(self) -> None:
        # The edit was applied before the push (so errors surface as exceptions, which a
        # C++-called redo() could not raise); the stack's first redo() only reports it.
        if self._first_change is not None:
            change, self._first_change = self._first_change, None
        else:
            change = self._session.note.redo() or Change()
        self._session.note_changed.emit(change)

    def undo(self) -> None:
        change = self._session.note.undo() or Change()
        self._session.note_changed.emit(change)


class NoteSession(QObject):
    """The note being edited, its undo stack, and a signal for every change."""

    note_changed = Signal(object)  # the Change

    def __init__(self, note: Note, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.note = note
        self.undo_stack = QUndoStack(self)

    def apply(self, edit: Edit) -> None:
        """Apply *edit* as one undoable step. Raises the core's errors before anything changes."""
        change = self.note.apply(edit)
        self.undo_stack.push(_NoteCommand(self, edit.label, change))
