"""Facts cited in the draft: ``[[FACT_ID]]`` in section text, shown as the fact's current words.

A citation is a reference, not a copy: it keeps the fact's provenance, and the words shown
follow edits to the fact (a signatory's title added later appears in every citation).
"""

from __future__ import annotations

import re

from briefdesk.core.model import Fact, FactKind, Note

__all__ = ["REFERENCE", "cite", "cited_ids", "display", "render_references"]

REFERENCE = re.compile(r"\[\[([A-Za-z0-9_-]{1,64})\]\]")


def cite(fact: Fact) -> str:
    """The text that cites *fact* in a draft section."""
    return f"[[{fact.id}]]"


def cited_ids(text: str) -> list[str]:
    """The ids of the facts *text* cites, in order, each once."""
    return list(dict.fromkeys(REFERENCE.findall(text)))


def display(fact: Fact) -> str:
    """How a fact reads in prose: a signatory with its title ("Defence Secretary Rajesh
    Kumar Singh"), anything else as tagged."""
    words = " ".join(fact.text.split())
    title = fact.fields.get("title", "").strip()
    if fact.kind is FactKind.SIGNATORY and title and title.casefold() not in words.casefold():
        return f"{title} {words}"
    return words


def render_references(text: str, note: Note) -> str:
    """Replace each citation in *text* by the fact's words; a deleted fact shows as such."""
    facts = note.facts

    def replace(match: re.Match[str]) -> str:
        fact = facts.get(match.group(1))
        return display(fact) if fact is not None else f"[deleted fact {match.group(1)}]"

    return REFERENCE.sub(replace, text)
