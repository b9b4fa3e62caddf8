"""Autosave and recovery, with the state folder in a temporary BRIEFDESK_BASEDIR."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefdesk.core import store
from briefdesk.core.model import FactKind, Note, SetDraftSection

MakeNote = Callable[..., Note]


@pytest.fixture(autouse=True)
def basedir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFDESK_BASEDIR", str(tmp_path / "home"))
    return tmp_path / "home"


def _dead_pid() -> int:
    process = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(process.stdout)


def test_autosave_writes_a_note_and_a_record(make_note: MakeNote, basedir: Path) -> None:
    note = make_note(tags=[(FactKind.PARTY, "Norway")])
    note.apply(SetDraftSection("title", "Unsaved"))
    saver = store.Autosaver()
    saver.save(note, Path("/somewhere/mou.briefdesk"))
    assert saver.note_file.parent == basedir / "state" / "autosave"
    assert store.load(saver.note_file).draft.get("title") == "Unsaved"
    record = json.loads(saver.record_file.read_text())
    assert record["original"] == "/somewhere/mou.briefdesk"
    assert note.is_modified  # an autosave is not the user's save
    assert store.find_recoverable() == []  # this process is alive: nothing to recover
    saver.clear()
    assert not saver.note_file.exists() and not saver.record_file.exists()


def test_autosaves_of_dead_processes_are_recoverable(make_note: MakeNote) -> None:
    note = make_note(tags=[(FactKind.PARTY, "Japan")])
    saver = store.Autosaver()
    saver.save(note, None)
    record = json.loads(saver.record_file.read_text())
    record["pid"] = _dead_pid()
    saver.record_file.write_text(json.dumps(record))
    [recovery] = store.find_recoverable()
    recovered = recovery.load()
    assert [f.text for f in recovered] == ["Japan"]
    assert recovered.is_modified
    assert recovery.original is None
    store.discard(recovery)
    assert store.find_recoverable() == []


def test_broken_records_are_skipped(basedir: Path) -> None:
    folder = basedir / "state" / "autosave"
    folder.mkdir(parents=True)
    (folder / "x.json").write_text("{not json")
    (folder / "y.json").write_text(json.dumps({"pid": _dead_pid()}))  # no note beside it
    assert store.find_recoverable() == []
