"""Blocks that templates ask for by name: the source entry and the list of cited facts."""

from __future__ import annotations

from briefdesk.core.drafting.markings import describe_grading
from briefdesk.core.drafting.references import cited_ids
from briefdesk.core.model import Note
from briefdesk.core.render.layout import Block, ListBlock, Paragraph, Run

__all__ = ["cited_facts", "source_entries"]

_HEADING_BLOCK = ("to", "from", "date", "reference")


def source_entries(note: Note) -> ListBlock:
    """Return the sources list built from the article's metadata, with a link where known."""
    meta = note.article.metadata
    runs = [Run(meta.title, italic=True) if meta.title else Run(meta.source_name or "Source")]
    details = ", ".join(value for value in (meta.publisher, meta.date) if value)
    if details:
        runs.append(Run(f", {details}"))
    if meta.url:
        runs += [Run(". "), Run(meta.url, link=meta.url)]
    runs.append(Run(f". Text SHA-256 {note.article.sha256[:16]}…"))
    return ListBlock((tuple(runs),))


def cited_facts(note: Note) -> list[Block]:
    """The facts the draft cites, each with where it stands in the source and its grading,
    so a reader can check every statement against the article."""
    ids: list[str] = []
    for text in note.draft.sections.values():
        ids += [i for i in cited_ids(text) if i not in ids and i in note.facts]
    if not ids:
        return []
    items = []
    for fact_id in ids:
        fact = note.fact(fact_id)
        where = note.article.locate(fact.start, fact.end)
        runs = [Run(f"“{' '.join(fact.text.split())}”"), Run(f" — {fact.kind.value}, {where}")]
        if fact.fields.get("grading"):
            runs.append(Run(f", graded {describe_grading(fact.fields['grading'])}"))
        items.append(tuple(runs))
    intro = Paragraph(
        (Run(f"Facts cited, located in the source text (SHA-256 {note.article.sha256[:16]}…):"),)
    )
    return [intro, ListBlock(tuple(items))]
