"""The built-in civil-service briefing note: a note turned into a layout tree."""

from __future__ import annotations

from briefdesk.core.drafting.markings import describe_grading, rolled_up
from briefdesk.core.drafting.references import cited_ids, render_references
from briefdesk.core.model import BODY_SECTIONS, SECTION_TITLES, Note
from briefdesk.core.render.layout import Block, Heading, Layout, ListBlock, Paragraph, Run
from briefdesk.core.render.markup import markdown_blocks

__all__ = ["BODY_SECTIONS", "build_briefing", "cited_facts", "source_entries"]

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


def build_briefing(note: Note) -> Layout:
    """Lay out *note* as a briefing note: banner, title, heading block, numbered sections."""
    draft = note.draft
    meta = note.article.metadata
    title = render_references(draft.get("title"), note) or meta.title or "Briefing note"
    marking = rolled_up(draft.get("classification"), [draft.get(k) for k in BODY_SECTIONS])
    caveat = draft.get("caveat").strip()
    banner = f"{marking} – {caveat}" if marking and caveat else marking
    blocks: list[Block] = [Paragraph((Run(title),), style="title")]
    for key in _HEADING_BLOCK:
        value = draft.get(key).strip()
        if value:
            label = SECTION_TITLES[key]
            blocks.append(Paragraph((Run(f"{label}: ", bold=True), Run(value)), style="meta"))
    outline: list[str] = []
    for key in BODY_SECTIONS:
        text = draft.get(key)
        if text.strip():
            body: list[Block] = markdown_blocks(render_references(text, note))
        elif key == "sources":
            body = [source_entries(note)]
        else:
            continue
        if key == "sources":
            if draft.get("grading").strip():
                grading = describe_grading(draft.get("grading"))
                body.append(Paragraph((Run("Source grading: ", bold=True), Run(grading))))
            body.extend(cited_facts(note))
        heading = SECTION_TITLES[key]
        outline.append(heading)
        blocks.append(Heading(heading, 1))
        blocks.extend(body)
    return Layout(
        title=title,
        blocks=tuple(blocks),
        banner=banner,
        author=draft.get("from").strip(),
        subject=meta.title or title,
        keywords=banner,
        outline=tuple(outline),
    )
