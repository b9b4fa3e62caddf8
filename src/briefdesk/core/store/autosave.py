"""Autosave and crash recovery.

While a note has unsaved changes, the GUI writes it every minute to the state folder as an
ordinary ``.briefdesk`` file with a small JSON record beside it (where the note belongs, which
process wrote it). A clean close removes both. Files left behind by a process that is no
longer running are what the next start offers to recover.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from briefdesk.core.errors import NoteFileError
from briefdesk.core.paths import state_dir

TYPE_CHECKING = False
if TYPE_CHECKING:
    from briefdesk.core.model import Note

# Every window makes an Autosaver at start-up; json and the note file's writer load only when
# something is autosaved or recovered.

__all__ = ["AUTOSAVE_INTERVAL_S", "Autosaver", "Recovery", "discard", "find_recoverable"]

AUTOSAVE_INTERVAL_S = 60
"""How often a note with unsaved changes is autosaved, in seconds."""


def _folder() -> Path:
    return state_dir() / "autosave"


@dataclass(frozen=True, slots=True)
class Recovery:
    """An autosaved note whose process ended without closing it cleanly."""

    note_file: Path
    record_file: Path
    original: Path | None
    title: str
    saved_at: float

    def load(self) -> Note:
        """Read the autosaved note, marked as unsaved (NoteFileError if it is damaged)."""
        from briefdesk.core.store.notefile import load

        note = load(self.note_file)
        note.history.clean_index = None  # it differs from whatever was last saved
        return note


class Autosaver:
    """Autosaves one note under its own id; ``clear`` when the note is safely saved or closed."""

    def __init__(self) -> None:
        self.id = os.urandom(16).hex()

    # The folder is found on first use: finding it loads platformdirs, which a window that
    # is never autosaved should not pay for at start-up.
    @property
    def note_file(self) -> Path:
        return _folder() / f"{self.id}.briefdesk"

    @property
    def record_file(self) -> Path:
        return _folder() / f"{self.id}.json"

    def save(self, note: Note, original: Path | None) -> None:
        """Write *note* now. Raises NoteFileError if the state folder cannot be written."""
        import json

        from briefdesk.core.atomic import atomic_write
        from briefdesk.core.store.notefile import write

        try:
            self.note_file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise NoteFileError(f"cannot autosave: {error.strerror or error}") from None
        write(note, self.note_file)
        record = {
            "original": str(original) if original else None,
            "title": note.article.metadata.title or (original.name if original else "Untitled"),
            "saved_at": time.time(),
            "pid": os.getpid(),
        }
        try:
            atomic_write(
                self.record_file, lambda handle: handle.write(json.dumps(record).encode("utf-8"))
            )
        except OSError as error:
            raise NoteFileError(f"cannot autosave: {error.strerror or error}") from None

    def clear(self) -> None:
        """Remove this note's autosave files (after a save, or a close the user chose)."""
        if "platformdirs" not in sys.modules and "BRIEFDESK_BASEDIR" not in os.environ:
            return  # nothing was ever autosaved: the folder was never looked up
        for path in (self.note_file, self.record_file):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def find_recoverable() -> list[Recovery]:
    """Return the autosaves left by processes that are no longer running, newest first."""
    import json

    folder = _folder()
    if not folder.is_dir():
        return []
    found: list[Recovery] = []
    for record_file in folder.glob("*.json"):
        note_file = record_file.with_suffix(".briefdesk")
        try:
            record = json.loads(record_file.read_text(encoding="utf-8"))
            pid = int(record.get("pid", 0))
        except (OSError, ValueError, AttributeError):
            continue
        if not note_file.exists() or _alive(pid):
            continue
        original = record.get("original")
        found.append(
            Recovery(
                note_file,
                record_file,
                Path(original) if original else None,
                str(record.get("title") or "Untitled"),
                float(record.get("saved_at") or 0),
            )
        )
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def discard(recovery: Recovery) -> None:
    """Delete a recovery's files (the user declined it, or it has been recovered)."""
    for path in (recovery.note_file, recovery.record_file):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
