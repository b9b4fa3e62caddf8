"""The rules of the recent-files list, kept apart from where the list is stored."""

from __future__ import annotations

from pathlib import Path

__all__ = ["MAX_RECENT", "add_recent", "existing_recent"]

MAX_RECENT = 10
"""How many files File ▸ Open Recent lists."""


def add_recent(recent: list[str], path: Path, limit: int = MAX_RECENT) -> list[str]:
    """Return *recent* with *path* (made absolute) first, no duplicates, at most *limit* long."""
    entry = str(path.expanduser().resolve())
    return [entry, *(item for item in recent if item != entry)][:limit]


def existing_recent(recent: list[str]) -> list[str]:
    """Return the entries of *recent* that still exist (a moved file leaves the list)."""
    return [item for item in recent if Path(item).exists()]
