"""The Note: an article, the facts tagged in it, the draft, and the history of edits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefdesk.core.errors import ValidationError
from briefdesk.core.model.article import Article
from briefdesk.core.model.draft import Draft
from briefdesk.core.model.edits import Change, Edit
from briefdesk.core.model.fact import Fact, FactKind
from briefdesk.core.model.history import History

__all__ = ["Note", "Source"]


@dataclass(frozen=True, slots=True)
class Source:
    """The original file the article was read from, kept so provenance survives its loss."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        """The SHA-256 of the original bytes."""
        import hashlib  # here: loading OpenSSL is 2 ms of every start

        return hashlib.sha256(self.data).hexdigest()


class Note:
    """Everything a briefing note is made of. Change it only through :meth:`apply`.

    Facts keep the order the analyst gave them (panels list them so). ``read_only`` is set
    for a note from a newer BriefDesk, which this one must not overwrite.
    """

    def __init__(
        self,
        article: Article,
        facts: Iterable[Fact] = (),
        draft: Draft | None = None,
        source: Source | None = None,
        *,
        read_only: bool = False,
        rejected: Iterable[tuple[FactKind, int, int]] = (),
    ) -> None:
        self.article = article
        self._rejected: set[tuple[FactKind, int, int]] = set(rejected)
        self.source = source
        self.read_only = read_only
        self._facts: dict[str, Fact] = {}
        for fact in facts:
            if fact.id in self._facts:
                raise ValidationError(f"two facts share the id {fact.id}")
            fact.check_against(article)
            self._facts[fact.id] = fact
        self._draft = draft or Draft()
        self.history = History()

    # Reading -----------------------------------------------------------------------------

    @property
    def facts(self) -> dict[str, Fact]:
        """The facts by id, in the analyst's order. A copy: change facts through edits."""
        return dict(self._facts)

    @property
    def rejected(self) -> frozenset[tuple[FactKind, int, int]]:
        """Suggestions the analyst rejected, as (kind, start, end): never proposed again."""
        return frozenset(self._rejected)

    @property
    def draft(self) -> Draft:
        """The draft as it stands."""
        return self._draft

    def __iter__(self) -> Iterator[Fact]:
        return iter(list(self._facts.values()))

    def __len__(self) -> int:
        return len(self._facts)

    def fact(self, fact_id: str) -> Fact:
        """Return the fact *fact_id*; raise ValidationError if the note has none."""
        try:
            return self._facts[fact_id]
        except KeyError:
            raise ValidationError(f"no fact with id '{fact_id}' in this note") from None

    def fact_index(self, fact_id: str) -> int:
        """Return the position of fact *fact_id* in the fact order."""
        self.fact(fact_id)
        return list(self._facts).index(fact_id)

    def facts_of_kind(self, kind: FactKind) -> list[Fact]:
        """Return the facts of *kind*, in order."""
        return [fact for fact in self._facts.values() if fact.kind is kind]

    def mentions(self, entity: str) -> list[Fact]:
        """Return every fact that mentions *entity*, in order."""
        return [fact for fact in self._facts.values() if fact.entity == entity]

    # Changing ----------------------------------------------------------------------------

    def apply(self, edit: Edit) -> Change:
        """Apply *edit*, record it for undo and return what changed.

        Raises ValidationError (and changes nothing) if the edit breaks a model rule.
        """
        return self.history.apply(self, edit)

    def undo(self) -> Change | None:
        """Undo the last edit; ``None`` if there was nothing to undo."""
        return self.history.undo(self)

    def redo(self) -> Change | None:
        """Redo the last undone edit; ``None`` if there was nothing to redo."""
        return self.history.redo(self)

    @property
    def is_modified(self) -> bool:
        """Whether the note differs from its last saved state."""
        return not self.history.is_clean

    # Low-level mutators for edits only: they assume the edit has validated its input.

    def _insert_fact(self, fact: Fact, index: int | None) -> None:
        items = list(self._facts.items())
        position = len(items) if index is None else max(0, min(index, len(items)))
        items.insert(position, (fact.id, fact))
        self._facts = dict(items)

    def _remove_fact(self, fact_id: str) -> None:
        del self._facts[fact_id]

    def _replace_fact(self, fact: Fact) -> None:
        self._facts[fact.id] = fact

    def _set_draft(self, draft: Draft) -> None:
        self._draft = draft

    def _reject(self, key: tuple[FactKind, int, int], rejected: bool) -> None:
        if rejected:
            self._rejected.add(key)
        else:
            self._rejected.discard(key)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Note):
            return NotImplemented
        return (
            self.article == other.article
            and list(self._facts.values()) == list(other._facts.values())
            and self._draft == other._draft
            and self.source == other.source
            and self._rejected == other._rejected
        )

    __hash__ = None  # type: ignore[assignment]
