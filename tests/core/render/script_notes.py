"""The test notes in every script (tests/fixtures/scripts/*.json), built as real notes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefdesk.core.model import Article, Draft, FactKind, Note, Source, find_text, tag

FOLDER = Path(__file__).parents[2] / "fixtures" / "scripts"
NAMES = sorted(path.stem for path in FOLDER.glob("*.json"))


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))
    return data


def script_note(name: str) -> Note:
    """The note of fixture *name*: its article, tagged facts and draft."""
    data = load(name)
    article = Article.from_text(data["article"])
    note = Note(
        article,
        draft=Draft(data["draft"]),
        source=Source(f"{name}.txt", data["article"].encode("utf-8")),
    )
    for kind, words in data["tags"]:
        start, end = find_text(article.text, words)
        note.apply(tag(note, FactKind(kind), start, end))
    return note
