"""The briefing note's draft: its sections, as the analyst writes them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefdesk.core.errors import ValidationError
from briefdesk.core.model.text import canonicalize

__all__ = ["BODY_SECTIONS", "SECTIONS", "SECTION_TITLES", "Draft", "section_key"]

# Every section a draft can hold, in the order a civil-service briefing note puts them.
# Templates choose which appear and may retitle them; the keys are the file format's and CLI's.
SECTION_TITLES: dict[str, str] = {
    "title": "Title",
    "classification": "Classification",
    "caveat": "Handling caveat",
    "to": "To",
    "from": "From",
    "date": "Date",
    "reference": "Reference",
    "purpose": "Purpose",
    "summary": "Summary",
    "background": "Background",
    "key_points": "Key points",
    "implications": "Implications",
    "recommendations": "Recommendations",
    "sources": "Sources",
    "grading": "Source grading",
}
SECTIONS: tuple[str, ...] = tuple(SECTION_TITLES)
BODY_SECTIONS: tuple[str, ...] = (
    "purpose",
    "summary",
    "background",
    "key_points",
    "implications",
    "recommendations",
    "sources",
)
"""The sections of prose under headings, in order (the rest head the note or mark it)."""

_ALIASES = {"bluf": "summary", "keypoints": "key_points", "from_": "from", "ref": "reference"}
MAX_SECTION_LENGTH = 1_000_000


def section_key(name: str) -> str:
    """Return the section key a user meant by *name* ("Key points", "key-points", "BLUF" …).

    Raises ValidationError naming the valid sections if there is no such section.
    """
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    key = _ALIASES.get(key, key)
    if key not in SECTION_TITLES:
        raise ValidationError(f"unknown draft section '{name}' (choose from {', '.join(SECTIONS)})")
    return key


@dataclass(frozen=True, slots=True)
class Draft:
    """The text of each draft section; a missing section is empty.

    Section text is light Markdown and may cite facts; it is stored exactly as written.
    """

    sections: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key, value in self.sections.items():
            if key not in SECTION_TITLES:
                raise ValidationError(f"unknown draft section '{key}'")
            if not isinstance(value, str):
                raise ValidationError(f"draft section '{key}' must be text")
            if len(value) > MAX_SECTION_LENGTH:
                raise ValidationError(
                    f"draft section '{key}' is longer than {MAX_SECTION_LENGTH} characters"
                )

    def get(self, key: str) -> str:
        """Return the text of section *key* ("" if it has none)."""
        return self.sections.get(section_key(key), "")

    def with_section(self, key: str, text: str) -> Draft:
        """Return a draft with section *key* set to *text* (an empty text removes it).

        The text is made canonical like article text (no control characters, ``\\n`` line
        ends), so it is always safe to print and export.
        """
        sections = dict(self.sections)
        key = section_key(key)
        text = canonicalize(text)
        if text:
            sections[key] = text
        else:
            sections.pop(key, None)
        return Draft({k: sections[k] for k in SECTIONS if k in sections})

    def to_json(self) -> dict[str, str]:
        """Return every section, in order, empty ones included, as the file format stores them."""
        return {key: self.sections.get(key, "") for key in SECTIONS}

    @classmethod
    def from_json(cls, data: Any) -> Draft:
        """Build a draft from :meth:`to_json` output; raise ValidationError if malformed."""
        if not isinstance(data, dict):
            raise ValidationError("the draft must be an object")
        sections: dict[str, str] = {}
        for key, value in data.items():
            if not isinstance(value, str):
                raise ValidationError(f"draft section '{key}' must be text")
            if value:
                sections[section_key(key)] = canonicalize(value)
        return cls({k: sections[k] for k in SECTIONS if k in sections})
