"""The operations a user performs on a note, as functions that build edits.

The GUI and the CLI call these same functions and apply the returned edit with
:meth:`Note.apply <briefdesk.core.model.note.Note.apply>`, so both behave alike and both can undo.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from briefdesk.core.errors import SpanError, ValidationError
from briefdesk.core.model.edits import (
    AddFact,
    Batch,
    Edit,
    RejectFact,
    RemoveFact,
    ReplaceFact,
    SetDraftSection,
)
from briefdesk.core.model.fact import Fact, FactKind, Origin, new_fact_id
from briefdesk.core.model.note import Note

__all__ = [
    "find_text",
    "merge_entities",
    "set_entity_field",
    "set_fact_fields",
    "set_sections",
    "snap_to_words",
    "tag",
    "untag",
]

_ORDINALS = {1: "first", 2: "second", 3: "third"}


def _ordinal(n: int) -> str:
    return _ORDINALS.get(n, f"{n}th")


def find_text(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """Return the span of the *nth* occurrence (from 1) of *needle* in *text*.

    Raises ValidationError saying how many occurrences there are if there is no *nth* one.
    """
    if not needle:
        raise ValidationError("the text to find is empty")
    if nth < 1:
        raise ValidationError("occurrences are counted from 1")
    position, count = -1, 0
    while count < nth:
        position = text.find(needle, position + 1)
        if position < 0:
            break
        count += 1
    if position < 0:
        shown = needle if len(needle) <= 40 else needle[:39] + "…"
        if count == 0:
            raise ValidationError(f"'{shown}' does not occur in the article")
        times = {1: "once", 2: "twice"}.get(count, f"{count} times")
        raise ValidationError(f"'{shown}' occurs {times}, so there is no {_ordinal(nth)} one")
    return position, position + len(needle)


def _is_cjk(char: str) -> bool:
    name = unicodedata.name(char, "")
    return name.startswith(("CJK ", "HIRAGANA", "KATAKANA", "HANGUL"))


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN" and not _is_cjk(char)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words and trim surrounding space and punctuation edges.

    A selection that clips a word ("ndia") grows to the word ("India"); one that takes a space
    too shrinks back. Chinese and Japanese have no spaces, so their characters never widen a
    selection. Returns the span unchanged if it holds no visible character.
    """
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return start, start
    if _is_word_char(text[start]):
        while start > 0 and _is_word_char(text[start - 1]):
            start -= 1
    if _is_word_char(text[end - 1]):
        while end < len(text) and _is_word_char(text[end]):
            end += 1
    return start, end


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def tag(
    note: Note,
    kind: FactKind,
    start: int,
    end: int,
    fields: Mapping[str, str] | None = None,
    origin: Origin = Origin.USER,
) -> AddFact:
    """Return the edit that tags ``[start, end)`` of the article as a *kind* fact.

    A mention whose text matches an earlier fact of the same kind joins that fact's entity
    ("India" tagged twice is one party). A signatory whose ``party`` field names a tagged
    party gets that party's entity as ``party_id``. Raises SpanError for a span outside the
    text or an empty one.
    """
    text = note.article.text
    if not 0 <= start < end <= len(text):
        raise SpanError(f"span {start}:{end} is not inside the article (0:{len(text)})")
    mention = text[start:end]
    if not mention.strip():
        raise SpanError("a fact must cover some visible text, not only spaces")
    fact_fields = {key: value for key, value in (fields or {}).items()}
    fact_id = new_fact_id()
    while fact_id in note.facts:  # pragma: no cover - 1 in 4 billion
        fact_id = new_fact_id()
    entity = next(
        (f.entity for f in note.facts_of_kind(kind) if _same_name(f.text, mention)), fact_id
    )
    if kind is FactKind.SIGNATORY and fact_fields.get("party") and "party_id" not in fact_fields:
        party = next(
            (
                f
                for f in note.facts_of_kind(FactKind.PARTY)
                if _same_name(f.text, fact_fields["party"])
            ),
            None,
        )
        if party is not None:
            fact_fields["party_id"] = party.entity
    fact = Fact(fact_id, kind, start, end, mention, entity, fact_fields, origin)
    return AddFact(fact)


def untag(note: Note, fact_id: str) -> RemoveFact | RejectFact:
    """Return the edit that removes fact *fact_id* (ValidationError if there is none).

    Removing a suggestion rejects it: the same span is not proposed again.
    """
    fact = note.fact(fact_id)
    if fact.origin is Origin.SUGGESTED:
        return RejectFact(fact_id, f"Reject {fact.kind.value} '{fact.text[:30]}'")
    return RemoveFact(fact_id, f"Remove {fact.kind.value} '{fact.text[:30]}'")


def set_fact_fields(note: Note, fact_id: str, changes: Mapping[str, str]) -> ReplaceFact:
    """Return the edit that sets fields of fact *fact_id*; an empty value removes a field."""
    fact = note.fact(fact_id)
    fields = dict(fact.fields)
    for key, value in changes.items():
        if value:
            fields[key] = value
        else:
            fields.pop(key, None)
    names = ", ".join(changes)
    return ReplaceFact(fact.replaced(fields=fields), f"Edit {names} of '{fact.text[:30]}'")


# A field that names another entity also records that entity's id.
LINKED_FIELDS: dict[str, tuple[str, FactKind]] = {
    "party": ("party_id", FactKind.PARTY),
    "speaker": ("speaker_id", FactKind.SIGNATORY),
}


def set_entity_field(note: Note, entity: str, field: str, value: str) -> Batch | None:
    """Return the edit that sets *field* on every mention of *entity* (one undo step), or
    ``None`` if nothing would change. A field naming a tagged party or signatory ("party",
    "speaker") also sets that entity's id; an empty value removes the field."""
    changes = {field: value}
    if field in LINKED_FIELDS:
        link_field, link_kind = LINKED_FIELDS[field]
        target = next((f for f in note.facts_of_kind(link_kind) if f.text == value), None)
        changes[link_field] = target.entity if target is not None else ""
    mentions = note.mentions(entity)
    edits: tuple[Edit, ...] = tuple(
        edit
        for edit in (set_fact_fields(note, fact.id, changes) for fact in mentions)
        if edit.fact.fields != note.fact(edit.fact.id).fields
    )
    if not edits:
        return None
    return Batch(f"Set {field} of '{mentions[0].text[:30]}'", edits)


def merge_entities(note: Note, fact_ids: list[str]) -> Batch:
    """Return the edit that makes all *fact_ids* mentions of the first one's entity."""
    if len(fact_ids) < 2:
        raise ValidationError("merging needs at least two facts")
    facts = [note.fact(fact_id) for fact_id in fact_ids]
    entity = facts[0].entity
    edits: list[Edit] = [ReplaceFact(f.replaced(entity=entity)) for f in facts[1:]]
    return Batch(f"Merge {len(facts)} mentions of '{facts[0].text[:30]}'", tuple(edits))


def set_sections(note: Note, sections: Mapping[str, str]) -> Batch:
    """Return the edit that sets several draft sections at once (one undo step)."""
    edits: tuple[Edit, ...] = tuple(SetDraftSection(k, v) for k, v in sections.items())
    names = ", ".join(sections)
    return Batch(f"Edit draft ({names})", edits)
