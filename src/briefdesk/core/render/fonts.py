"""The fonts BriefDesk bundles, so every script shows and exports on a bare machine."""

from __future__ import annotations

from briefdesk.core.paths import resource

TYPE_CHECKING = False
if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["FAMILY_FALLBACK", "font_files"]

FAMILY_FALLBACK: tuple[str, ...] = (
    "Noto Sans",
    "Noto Sans Hebrew",
    "Noto Sans Arabic",
    "Noto Sans Devanagari",
    "Droid Sans Fallback",
)
"""Font families in the order text falls back through them: Latin first, then the scripts."""


def font_files() -> list[Traversable]:
    """Return the bundled font files (resources/fonts/*.ttf), in a stable order."""
    folder = resource("fonts")
    return sorted(
        (entry for entry in folder.iterdir() if entry.name.lower().endswith(".ttf")),
        key=lambda entry: entry.name,
    )
