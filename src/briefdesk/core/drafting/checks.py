"""Checks before export: what a briefing note on an agreement must not miss or get wrong.

Each finding names where to fix it (a section or a fact), so the GUI can jump there. Source
grounding: every sentence of the summary and key points should rest on a tagged fact, and the
names, numbers and dates written there should match the facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from briefdesk.core.drafting.markings import is_grading, portion_marks, rolled_up, scheme_of
from briefdesk.core.drafting.references import cited_ids, render_references
from briefdesk.core.model import BODY_SECTIONS, SECTION_TITLES, FactKind, Note

__all__ = ["REQUIRED_SECTIONS", "Finding", "Severity", "check"]

REQUIRED_SECTIONS = ("title", "classification", "summary", "key_points", "recommendations")
GROUNDED_SECTIONS = ("summary", "key_points")

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_NAME = re.compile(r"(?<![\w-])[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*\d|\b\d\b")
_MARKUP = re.compile(r"[*_`#>]|^\s*(?:[-+]|\d+\.)\s+", re.M)


class Severity(StrEnum):
    """How much a finding matters: errors block a sound note, warnings deserve a look."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: what it is, and where to fix it (``section`` key and/or ``fact_id``)."""

    severity: Severity
    code: str
    message: str
    section: str | None = None
    fact_id: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "section": self.section,
            "fact": self.fact_id,
        }


def check(note: Note) -> list[Finding]:
    """Return every finding for *note*, errors first."""
    findings = [
        *_sections(note),
        *_citations(note),
        *_facts(note),
        *_completeness(note),
        *_markings(note),
        *_grounding(note),
    ]
    return sorted(findings, key=lambda f: f.severity is not Severity.ERROR)


def _sections(note: Note) -> list[Finding]:
    found = []
    for key in REQUIRED_SECTIONS:
        if not note.draft.get(key).strip():
            if key == "classification":
                found.append(
                    Finding(
                        Severity.ERROR,
                        "no-classification",
                        "No classification marking is chosen.",
                        key,
                    )
                )
            else:
                found.append(
                    Finding(
                        Severity.WARNING,
                        "empty-section",
                        f"The {SECTION_TITLES[key]} section is empty.",
                        key,
                    )
                )
    return found


def _citations(note: Note) -> list[Finding]:
    found = []
    facts = note.facts
    for key, text in note.draft.sections.items():
        for fact_id in cited_ids(text):
            if fact_id not in facts:
                found.append(
                    Finding(
                        Severity.ERROR,
                        "deleted-fact",
                        f"The {SECTION_TITLES[key]} section cites a fact that was deleted "
                        f"([[{fact_id}]]).",
                        key,
                    )
                )
    return found


def _facts(note: Note) -> list[Finding]:
    found = []
    for fact in note.facts_of_kind(FactKind.SIGNATORY):
        if not fact.fields.get("party", "").strip():
            found.append(
                Finding(
                    Severity.WARNING,
                    "signatory-side",
                    f"Signatory '{fact.text}' has no side.",
                    fact_id=fact.id,
                )
            )
        if not fact.fields.get("title", "").strip():
            found.append(
                Finding(
                    Severity.WARNING,
                    "signatory-title",
                    f"Signatory '{fact.text}' has no title.",
                    fact_id=fact.id,
                )
            )
    for fact in note.facts_of_kind(FactKind.DATE):
        iso = fact.fields.get("iso", "").strip()
        try:
            date.fromisoformat(iso)
        except ValueError:
            found.append(
                Finding(
                    Severity.WARNING,
                    "date-unparsed",
                    f"Date '{fact.text}' has no valid ISO date ({iso or 'none given'}).",
                    fact_id=fact.id,
                )
            )
    return found


_BODY = tuple(key for key in BODY_SECTIONS if key != "sources")  # what portion marks cover


def _markings(note: Note) -> list[Finding]:
    """Portion markings where the scheme wants them, a banner rolled up, valid gradings."""
    found = []
    draft = note.draft
    classification = draft.get("classification")
    scheme = scheme_of(classification)
    if scheme is not None and scheme.portions:
        for key in _BODY:
            for paragraph in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)", draft.get(key)):
                if paragraph.strip() and not portion_marks(paragraph):
                    found.append(
                        Finding(
                            Severity.WARNING,
                            "portion-marking",
                            f"A paragraph of the {SECTION_TITLES[key]} has no portion marking "
                            f"such as ({scheme.levels[0].portion}): “{paragraph.strip()[:50]}”",
                            key,
                        )
                    )
        banner = rolled_up(classification, [draft.get(k) for k in _BODY])
        if banner != classification.strip().upper():
            found.append(
                Finding(
                    Severity.WARNING,
                    "rolled-up",
                    f"A paragraph is marked higher than {classification}; the banner is rolled "
                    f"up to {banner}.",
                    "classification",
                )
            )
    grading = draft.get("grading").strip()
    if grading and not is_grading(grading):
        found.append(
            Finding(
                Severity.WARNING,
                "grading",
                f"Source grading '{grading}' is not an Admiralty grading (A–F then 1–6, e.g. B2).",
                "grading",
            )
        )
    for fact in note:
        value = fact.fields.get("grading", "").strip()
        if value and not is_grading(value):
            found.append(
                Finding(
                    Severity.WARNING,
                    "grading",
                    f"Fact '{fact.text}' has grading '{value}', not A–F then 1–6 (e.g. B2).",
                    fact_id=fact.id,
                )
            )
    return found


_CHECKLIST = (
    (FactKind.PARTY, 2, "at least two parties"),
    (FactKind.SIGNATORY, 1, "a signatory"),
    (FactKind.DATE, 1, "the date"),
    (FactKind.PLACE, 1, "the place"),
    (FactKind.DOMAIN, 1, "the domains of cooperation"),
    (FactKind.OUTCOME, 1, "the outcome (what was signed or agreed)"),
)


def _completeness(note: Note) -> list[Finding]:
    found = []
    for kind, needed, what in _CHECKLIST:
        entities = {f.entity for f in note.facts_of_kind(kind)}
        if len(entities) < needed:
            found.append(
                Finding(
                    Severity.WARNING,
                    f"missing-{kind.value}",
                    f"An agreement brief needs {what}: tag it in the article.",
                )
            )
    return found


def _grounding(note: Note) -> list[Finding]:
    """Sentences with no fact behind them, and names or numbers no fact contains."""
    known = " ".join(
        [f.text for f in note]
        + [v for f in note for v in f.fields.values()]
        + [note.article.metadata.title or "", note.article.metadata.publisher or ""]
    ).casefold()
    known_words = set(re.findall(r"[\w'’-]+", known))

    def supported(name: str) -> bool:
        # "Minister of Defence Ingrid Solberg Haugen" reads as one run of capitals here
        # ("Defence Ingrid Solberg Haugen"); it is supported if each of its words is.
        folded = name.casefold()
        return folded in known or all(w in known_words for w in folded.split())

    found = []
    for key in GROUNDED_SECTIONS:
        raw = note.draft.get(key)
        for line in raw.splitlines():
            for sentence in _SENTENCE.findall(line):
                if not sentence.strip(" -*"):
                    continue
                rendered = _MARKUP.sub("", render_references(sentence, note)).strip()
                if not rendered:
                    continue
                cites = cited_ids(sentence)
                words = [w for w in _NAME.findall(rendered)[1:] if not supported(w)]
                words += [n for n in _NUMBER.findall(rendered) if n.casefold() not in known]
                if not cites and not any(w.casefold() in known for w in _NAME.findall(rendered)):
                    found.append(
                        Finding(
                            Severity.WARNING,
                            "ungrounded",
                            f"No tagged fact supports: “{rendered[:80]}”",
                            key,
                        )
                    )
                for word in dict.fromkeys(words):
                    found.append(
                        Finding(
                            Severity.WARNING,
                            "unsupported",
                            f"'{word}' in the {SECTION_TITLES[key]} matches no tagged fact.",
                            key,
                        )
                    )
    return found
