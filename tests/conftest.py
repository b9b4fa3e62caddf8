"""Shared fixtures. Every test runs with its own home, so none touches the user's settings."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

# Before anything imports Qt or platformdirs: a private home for settings, state and data.
_HOME = tempfile.mkdtemp(prefix="briefdesk-test-home-")
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(Path(_HOME) / _name.lower())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefdesk.core.model import Article, Draft, FactKind, Note, Source, find_text, tag  # noqa: E402

SAMPLE = """Norway and Japan sign defence MoU on maritime security

Oslo, 12 March 2026

Norway and Japan have signed a Memorandum of Understanding (MoU) on Defence Cooperation in \
Oslo.

The agreement was signed by Norway's Minister of Defence, Ingrid Solberg Haugen, and Japan's \
State Minister of Defense, Kenji Morimoto.
"""


@pytest.fixture
def sample_text() -> str:
    """A short agreement article written for the tests."""
    return SAMPLE


@pytest.fixture
def make_note() -> Callable[..., Note]:
    """Return a factory of notes: ``make_note(text, tags=[(kind, words), ...], draft={...})``."""

    def make(
        text: str = SAMPLE,
        tags: list[tuple[FactKind, str]] | None = None,
        draft: dict[str, str] | None = None,
        source_name: str = "article.txt",
    ) -> Note:
        article = Article.from_text(text)
        note = Note(
            article,
            draft=Draft(dict(draft or {})),
            source=Source(source_name, text.encode("utf-8")),
        )
        counts: dict[str, int] = {}
        for kind, words in tags or []:
            counts[words] = counts.get(words, 0) + 1
            start, end = find_text(article.text, words, counts[words])
            note.apply(tag(note, kind, start, end))
        note.history.mark_clean()
        return note

    return make


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., CompletedCLI]:
    """Run the real ``briefdesk`` command in a subprocess, in *tmp_path*."""
    import subprocess

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> CompletedCLI:
        process = subprocess.run(
            [sys.executable, "-m", "briefdesk", *args],
            input=stdin,
            capture_output=True,
            cwd=cwd or tmp_path,
            timeout=120,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        return CompletedCLI(
            process.returncode, process.stdout.decode("utf-8"), process.stderr.decode("utf-8")
        )

    return run


class CompletedCLI:
    """What a run of the command gave back."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"CompletedCLI(code={self.code}, out={self.out[:300]!r}, err={self.err[:300]!r})"
