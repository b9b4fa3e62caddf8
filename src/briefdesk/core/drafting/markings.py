"""Classification markings and the Admiralty grading of sources and information.

A scheme is an ordered list of levels; some schemes mark each paragraph ("(S) …"), and the
page banner must then be at least the highest portion marking present (it is rolled up).
The Admiralty (NATO) system grades a source's reliability A–F and an item's credibility 1–6.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "CREDIBILITY",
    "RELIABILITY",
    "SCHEMES",
    "Level",
    "Scheme",
    "describe_grading",
    "is_grading",
    "portion_marks",
    "rolled_up",
    "scheme_of",
]


@dataclass(frozen=True, slots=True)
class Level:
    """A classification level and its portion mark ("SECRET", "S")."""

    name: str
    portion: str


@dataclass(frozen=True, slots=True)
class Scheme:
    """An ordered set of levels, lowest first; ``portions`` if paragraphs are marked."""

    name: str
    levels: tuple[Level, ...]
    portions: bool

    def level(self, name: str) -> Level | None:
        folded = name.strip().upper()
        return next((lv for lv in self.levels if lv.name == folded or lv.portion == folded), None)

    def rank(self, level: Level) -> int:
        return self.levels.index(level)


SCHEMES: tuple[Scheme, ...] = (
    Scheme(
        "UK Government Security Classifications",
        (
            Level("OFFICIAL", "O"),
            Level("OFFICIAL-SENSITIVE", "OS"),
            Level("SECRET", "S"),
            Level("TOP SECRET", "TS"),
        ),
        portions=False,
    ),
    Scheme(
        "US-style with portion marking",
        (
            Level("UNCLASSIFIED", "U"),
            Level("CONFIDENTIAL", "C"),
            Level("SECRET", "S"),
            Level("TOP SECRET", "TS"),
        ),
        portions=True,
    ),
)

_PORTION = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?\((TS|S|C|U|OS|O)\)\s", re.M)


def scheme_of(classification: str) -> Scheme | None:
    """The scheme a banner marking belongs to (UNCLASSIFIED → US-style), if any."""
    name = classification.strip().upper()
    return next((s for s in SCHEMES if any(lv.name == name for lv in s.levels)), None)


def portion_marks(text: str) -> list[str]:
    """The portion marks that open the paragraphs and list items of *text*, in order."""
    return _PORTION.findall(text)


def rolled_up(classification: str, texts: list[str]) -> str:
    """The banner for a note marked *classification* whose sections are *texts*: the
    classification, or the highest portion marking present if that is higher."""
    scheme = scheme_of(classification)
    if scheme is None or not scheme.portions:
        return classification.strip()
    current = scheme.level(classification)
    assert current is not None
    best = current
    for text in texts:
        for mark in portion_marks(text):
            level = scheme.level(mark)
            if level is not None and scheme.rank(level) > scheme.rank(best):
                best = level
    return best.name


RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}
_GRADING = re.compile(r"\A([A-F])([1-6])\Z")


def is_grading(value: str) -> bool:
    """Whether *value* is an Admiralty grading such as "B2"."""
    return bool(_GRADING.match(value.strip().upper()))


def describe_grading(value: str) -> str:
    """ "B2 (usually reliable, probably true)"; the value itself if it is not a grading."""
    match = _GRADING.match(value.strip().upper())
    if not match:
        return value
    source, item = match.groups()
    return f"{source}{item} ({RELIABILITY[source]}, {CREDIBILITY[item]})"
