"""Edits: every change to a Note, as a small object that applies, reports and inverts.

An edit's ``apply`` changes the note and returns the :class:`Change` it made together with the
edit that undoes it. :class:`~briefdesk.core.model.history.History` keeps those pairs, so the
GUI's undo stack and the CLI share one mechanism. Edits validate before they change anything:
a failing edit leaves the note as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from briefdesk.core.errors import ValidationError
from briefdesk.core.model.fact import Fact

if TYPE_CHECKING:
    from briefdesk.core.model.note import Note

__all__ = [
    "AddFact",
    "Batch",
    "Change",
    "Edit",
    "MoveFact",
    "RejectFact",
    "RemoveFact",
    "ReplaceFact",
    "SetDraftSection",
]


@dataclass(frozen=True, slots=True)
class Change:
    """What an edit changed, so views refresh only that (fact ids and draft section keys)."""

    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    updated: frozenset[str] = frozenset()
    reordered: bool = False
    sections: frozenset[str] = frozenset()

    def __or__(self, other: Change) -> Change:
        added = (self.added - other.removed) | other.added
        removed = (self.removed - other.added) | other.removed
        return Change(
            added=added,
            removed=removed,
            updated=(self.updated | other.updated) - removed - added,
            reordered=self.reordered or other.reordered,
            sections=self.sections | other.sections,
        )

    @property
    def facts(self) -> frozenset[str]:
        """Every fact id the change touched."""
        return self.added | self.removed | self.updated


class Edit(Protocol):
    """A change to a note. ``label`` names it for the Undo menu ("Tag 'Israel' as party")."""

    @property
    def label(self) -> str: ...

    def apply(self, note: Note) -> tuple[Change, Edit]:
        """Change *note*; return what changed and the edit that undoes it."""
        ...


def _quote(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return f"'{text[: limit - 1]}…'" if len(text) > limit else f"'{text}'"


@dataclass(frozen=True, slots=True)
class AddFact:
    """Add *fact* at *index* in the fact order (``None``: at the end)."""

    fact: Fact
    index: int | None = None
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or f"Tag {_quote(self.fact.text)} as {self.fact.kind.value}"

    def apply(self, note: Note) -> tuple[Change, Edit]:
        if self.fact.id in note.facts:
            raise ValidationError(f"a fact with id {self.fact.id} already exists")
        self.fact.check_against(note.article)
        note._insert_fact(self.fact, self.index)
        return Change(added=frozenset({self.fact.id})), RemoveFact(self.fact.id, self.label)


@dataclass(frozen=True, slots=True)
class RemoveFact:
    """Remove the fact with id *fact_id*."""

    fact_id: str
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or f"Remove fact {self.fact_id}"

    def apply(self, note: Note) -> tuple[Change, Edit]:
        fact = note.fact(self.fact_id)
        index = note.fact_index(self.fact_id)
        note._remove_fact(self.fact_id)
        return Change(removed=frozenset({self.fact_id})), AddFact(fact, index, self.label)


@dataclass(frozen=True, slots=True)
class RejectFact:
    """Remove the suggested fact *fact_id* and remember its span, so it is not proposed again."""

    fact_id: str
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or f"Reject suggestion {self.fact_id}"

    def apply(self, note: Note) -> tuple[Change, Edit]:
        fact = note.fact(self.fact_id)
        index = note.fact_index(self.fact_id)
        note._remove_fact(self.fact_id)
        note._reject((fact.kind, fact.start, fact.end), True)
        return Change(removed=frozenset({self.fact_id})), _Unreject(fact, index, self.label)


@dataclass(frozen=True, slots=True)
class _Unreject:
    """Undo of RejectFact: the suggestion comes back and is no longer rejected."""

    fact: Fact
    index: int
    name: str = ""

    @property
    def label(self) -> str:
        return self.name

    def apply(self, note: Note) -> tuple[Change, Edit]:
        note._reject((self.fact.kind, self.fact.start, self.fact.end), False)
        note._insert_fact(self.fact, self.index)
        return Change(added=frozenset({self.fact.id})), RejectFact(self.fact.id, self.name)


@dataclass(frozen=True, slots=True)
class ReplaceFact:
    """Replace the fact of the same id with *fact* (new fields, kind, entity or span)."""

    fact: Fact
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or f"Edit {_quote(self.fact.text)}"

    def apply(self, note: Note) -> tuple[Change, Edit]:
        old = note.fact(self.fact.id)
        self.fact.check_against(note.article)
        note._replace_fact(self.fact)
        return Change(updated=frozenset({self.fact.id})), ReplaceFact(old, self.label)


@dataclass(frozen=True, slots=True)
class MoveFact:
    """Move the fact *fact_id* to position *index* in the fact order (panels list that order)."""

    fact_id: str
    index: int
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or "Reorder facts"

    def apply(self, note: Note) -> tuple[Change, Edit]:
        old_index = note.fact_index(self.fact_id)
        fact = note.fact(self.fact_id)
        note._remove_fact(self.fact_id)
        note._insert_fact(fact, self.index)
        return Change(reordered=True), MoveFact(self.fact_id, old_index, self.label)


@dataclass(frozen=True, slots=True)
class SetDraftSection:
    """Set draft section *section* to *text* ("" empties it)."""

    section: str
    text: str
    name: str = ""

    @property
    def label(self) -> str:
        from briefdesk.core.model.draft import SECTION_TITLES, section_key

        return self.name or f"Edit {SECTION_TITLES[section_key(self.section)]}"

    def apply(self, note: Note) -> tuple[Change, Edit]:
        from briefdesk.core.model.draft import section_key

        key = section_key(self.section)
        old = note.draft.get(key)
        note._set_draft(note.draft.with_section(key, self.text))
        return Change(sections=frozenset({key})), SetDraftSection(key, old, self.label)


@dataclass(frozen=True, slots=True)
class Batch:
    """Several edits as one undo step; if one fails, those before it are rolled back."""

    name: str
    edits: tuple[Edit, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        return self.name

    def apply(self, note: Note) -> tuple[Change, Edit]:
        change = Change()
        inverses: list[Edit] = []
        try:
            for edit in self.edits:
                step, inverse = edit.apply(note)
                change |= step
                inverses.append(inverse)
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(note)
            raise
        return change, Batch(self.name, tuple(reversed(inverses)))
