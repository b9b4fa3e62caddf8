"""Draft from facts: a first draft made only of tagged facts and the article's metadata.

Every generated sentence cites the facts it is made of (``[[id]]``), so it stays grounded and
follows later edits; nothing is invented. English wording; section text is light Markdown.
"""

from __future__ import annotations

from briefdesk.core.drafting.references import cite
from briefdesk.core.model import Fact, FactKind, Note

__all__ = ["GENERATED_SECTIONS", "draft_from_facts"]

GENERATED_SECTIONS = ("title", "summary", "background", "key_points", "sources")


def _entities(note: Note, kind: FactKind) -> list[Fact]:
    """The first mention of each entity of *kind*, in the analyst's order."""
    seen: dict[str, Fact] = {}
    for fact in note.facts_of_kind(kind):
        seen.setdefault(fact.entity, fact)
    return list(seen.values())


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _plain(fact: Fact) -> str:
    return " ".join(fact.text.split())


def draft_from_facts(note: Note) -> dict[str, str]:
    """Return generated text for the sections facts can fill (see GENERATED_SECTIONS).

    Sections with nothing to say from the facts are left out rather than padded.
    """
    parties = _entities(note, FactKind.PARTY)
    signatories = _entities(note, FactKind.SIGNATORY)
    outcomes = _entities(note, FactKind.OUTCOME)
    domains = _entities(note, FactKind.DOMAIN)
    dates = _entities(note, FactKind.DATE)
    places = _entities(note, FactKind.PLACE)
    meta = note.article.metadata
    sections: dict[str, str] = {}

    if parties and outcomes:
        sections["title"] = f"{'–'.join(_plain(p) for p in parties[:3])}: {_plain(outcomes[0])}"
    elif meta.title:
        sections["title"] = meta.title

    if parties and outcomes:
        sentence = f"{_join([cite(p) for p in parties])} agreed a {cite(outcomes[0])}"
        if places:
            sentence += f" in {cite(places[0])}"
        if dates:
            sentence += f" on {cite(dates[0])}"
        sections["summary"] = sentence + "."

    points: list[str] = []
    for signatory in signatories:
        side = signatory.fields.get("party", "").strip()
        points.append(f"- Signed by {cite(signatory)}" + (f" for {side}." if side else "."))
    if domains:
        points.append(f"- Cooperation in {_join([cite(d) for d in domains])}.")
    for outcome in outcomes[1:]:
        points.append(f"- Also agreed: {cite(outcome)}.")
    if points:
        sections["key_points"] = "\n".join(points)

    if meta.title or meta.publisher:
        source = f"*{meta.title}*" if meta.title else "the source article"
        by = f", published by {meta.publisher}" if meta.publisher else ""
        when = f" on {meta.date}" if meta.date else ""
        sections["background"] = f"This note is based on {source}{by}{when}."

    entry = f"*{meta.title}*" if meta.title else (meta.source_name or "Source article")
    details = ", ".join(v for v in (meta.publisher, meta.date) if v)
    line = f"- {entry}" + (f", {details}" if details else "")
    if meta.url:
        line += f". <{meta.url}>"
    # The facts cited, with their places in the source, are listed on export.
    sections["sources"] = f"{line}."
    return sections
