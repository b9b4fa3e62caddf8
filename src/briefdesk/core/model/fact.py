"""Facts: tagged mentions in the article, each tied to the exact span it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from briefdesk.core.errors import SpanError, ValidationError

if TYPE_CHECKING:
    from briefdesk.core.model.article import Article

__all__ = ["FIELDS_BY_KIND", "Fact", "FactKind", "Origin", "new_fact_id"]


class FactKind(StrEnum):
    """What a fact is about. The values are the file format's and the CLI's names."""

    PARTY = "party"
    SIGNATORY = "signatory"
    DOMAIN = "domain"
    OUTCOME = "outcome"
    DATE = "date"
    PLACE = "place"
    QUOTE = "quote"

    @property
    def label(self) -> str:
        """The kind's name as a user reads it."""
        return self.value.capitalize()

    @classmethod
    def parse(cls, name: str) -> FactKind:
        """Return the kind called *name* (any case); raise ValidationError naming the choices."""
        try:
            return cls(name.strip().lower())
        except ValueError:
            choices = ", ".join(kind.value for kind in cls)
            raise ValidationError(f"unknown fact kind '{name}' (choose from {choices})") from None


class Origin(StrEnum):
    """Who made a fact: the analyst, or BriefDesk's suggestions."""

    USER = "user"
    SUGGESTED = "suggested"


# The fields each kind uses; others are allowed (users' scripts may add their own) but these are
# the ones panels show and exports read.
FIELDS_BY_KIND: dict[FactKind, tuple[str, ...]] = {
    FactKind.PARTY: ("role", "notes"),
    FactKind.SIGNATORY: ("title", "party", "party_id"),
    FactKind.DOMAIN: ("notes",),
    FactKind.OUTCOME: ("notes",),
    FactKind.DATE: ("iso",),
    FactKind.PLACE: ("notes",),
    FactKind.QUOTE: ("speaker", "speaker_id"),
}

_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}\Z")
MAX_FIELD_LENGTH = 10_000


def new_fact_id() -> str:
    """Return a fresh fact id: short enough to type in the CLI, random so ids never collide."""
    import os  # os.urandom is what secrets.token_hex uses, without loading hashlib and hmac

    return "f" + os.urandom(4).hex()


@dataclass(frozen=True, slots=True)
class Fact:
    """One mention in the article: a kind, the span ``[start, end)`` and its exact text.

    ``entity`` groups mentions of the same thing ("India" tagged six times is one party);
    ``fields`` hold what the analyst adds (a signatory's title and party, a date's ISO form).
    Facts may overlap and nest: a signatory's name inside a quote is two facts.
    """

    id: str
    kind: FactKind
    start: int
    end: int
    text: str
    entity: str
    fields: dict[str, str] = field(default_factory=dict)
    origin: Origin = Origin.USER

    def __post_init__(self) -> None:
        if not self.id or not isinstance(self.id, str):
            raise ValidationError("a fact needs an id")
        if not self.entity or not isinstance(self.entity, str):
            raise ValidationError(f"fact {self.id} needs an entity id")
        if not isinstance(self.start, int) or not isinstance(self.end, int):
            raise SpanError(f"fact {self.id}: span offsets must be whole numbers")
        if self.start < 0 or self.end <= self.start:
            raise SpanError(f"fact {self.id}: span [{self.start}, {self.end}) is empty or negative")
        if len(self.text) != self.end - self.start:
            raise SpanError(f"fact {self.id}: its text is not as long as its span")
        for key, value in self.fields.items():
            if not isinstance(key, str) or not _FIELD_NAME.match(key):
                raise ValidationError(
                    f"fact {self.id}: field name '{key}' must be lower-case letters, digits, '_'"
                )
            if not isinstance(value, str):
                raise ValidationError(f"fact {self.id}: field '{key}' must be text")
            if len(value) > MAX_FIELD_LENGTH:
                raise ValidationError(
                    f"fact {self.id}: field '{key}' is longer than {MAX_FIELD_LENGTH} characters"
                )

    def check_against(self, article: Article) -> None:
        """Raise SpanError unless the span lies in *article* and covers exactly ``text``."""
        if self.end > len(article.text):
            raise SpanError(
                f"fact {self.id}: span [{self.start}, {self.end}) is past the end of the "
                f"article ({len(article.text)} characters)"
            )
        if article.text[self.start : self.end] != self.text:
            raise SpanError(
                f"fact {self.id}: the article has different text at [{self.start}, {self.end})"
            )

    def replaced(self, **changes: Any) -> Fact:
        """Return a copy with *changes* applied (validated like a new fact)."""
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """Return the fact in the file format's and CLI's Fact JSON form."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "entity": self.entity,
            "fields": dict(self.fields),
            "origin": self.origin.value,
        }

    @classmethod
    def from_json(cls, data: Any) -> Fact:
        """Build a fact from Fact JSON; raise ValidationError naming what is wrong."""
        if not isinstance(data, dict):
            raise ValidationError("a fact must be an object")
        fact_id = data.get("id")
        if not isinstance(fact_id, str):
            raise ValidationError("a fact has no id")
        kind = data.get("kind")
        if not isinstance(kind, str):
            raise ValidationError(f"fact {fact_id} has no kind")
        fields = data.get("fields", {})
        if not isinstance(fields, dict):
            raise ValidationError(f"fact {fact_id}: 'fields' must be an object")
        origin = data.get("origin", "user")
        try:
            origin_value = Origin(origin)
        except ValueError:
            raise ValidationError(f"fact {fact_id}: unknown origin '{origin}'") from None
        text = data.get("text")
        if not isinstance(text, str):
            raise ValidationError(f"fact {fact_id} has no text")
        start, end = data.get("start"), data.get("end")
        if type(start) is not int or type(end) is not int:
            raise SpanError(f"fact {fact_id}: 'start' and 'end' must be whole numbers")
        return cls(
            id=fact_id,
            kind=FactKind.parse(kind),
            start=start,
            end=end,
            text=text,
            entity=data.get("entity") or fact_id,
            fields=dict(fields),
            origin=origin_value,
        )
