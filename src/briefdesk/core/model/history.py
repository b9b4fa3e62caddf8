"""Undo and redo over edits, shared by the CLI and the GUI (which wraps it in a QUndoStack)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefdesk.core.model.edits import Change, Edit
    from briefdesk.core.model.note import Note

__all__ = ["History"]

MAX_UNDO_STEPS = 10_000


@dataclass(slots=True)
class _Step:
    edit: Edit
    inverse: Edit


@dataclass(slots=True)
class History:
    """The applied edits of one note, with a clean mark for "saved" state.

    ``clean_index`` is the undo depth at the last save; ``None`` once that state can no
    longer be reached (the user undid past it and then made a new edit).
    """

    _done: list[_Step] = field(default_factory=list)
    _undone: list[_Step] = field(default_factory=list)
    clean_index: int | None = 0

    def apply(self, note: Note, edit: Edit) -> Change:
        """Apply *edit* to *note* and record it; the redo list is dropped."""
        change, inverse = edit.apply(note)
        if self.clean_index is not None and self.clean_index > len(self._done):
            self.clean_index = None
        self._done.append(_Step(edit, inverse))
        self._undone.clear()
        if len(self._done) > MAX_UNDO_STEPS:
            del self._done[0]
            if self.clean_index is not None:
                self.clean_index = self.clean_index - 1 if self.clean_index > 0 else None
        return change

    def undo(self, note: Note) -> Change | None:
        """Undo the last edit; return its change, or ``None`` if there is nothing to undo."""
        if not self._done:
            return None
        step = self._done.pop()
        change, redo = step.inverse.apply(note)
        self._undone.append(_Step(redo, step.inverse))
        return change

    def redo(self, note: Note) -> Change | None:
        """Redo the last undone edit; return its change, or ``None`` if there is none."""
        if not self._undone:
            return None
        step = self._undone.pop()
        change, inverse = step.edit.apply(note)
        self._done.append(_Step(step.edit, inverse))
        return change

    @property
    def undo_label(self) -> str | None:
        """The label of the edit :meth:`undo` would undo, if any."""
        return self._done[-1].edit.label if self._done else None

    @property
    def redo_label(self) -> str | None:
        """The label of the edit :meth:`redo` would redo, if any."""
        return self._undone[-1].edit.label if self._undone else None

    @property
    def is_clean(self) -> bool:
        """Whether the note is as it was at the last :meth:`mark_clean`."""
        return self.clean_index == len(self._done)

    def mark_clean(self) -> None:
        """Record the current state as saved."""
        self.clean_index = len(self._done)
