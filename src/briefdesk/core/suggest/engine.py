"""Propose facts from an article: parties, signatories, outcomes, domains, dates, places.

Rule-based and multilingual: the rules (:mod:`briefdesk.core.suggest.rules`) are general
sentence shapes; the words come from CLDR (country, territory and month names in every
language, through Babel) and from the cue files in ``resources/suggest/`` (titles, verbs of
signing, nouns of agreements, cues of cooperation, demonyms), one per language. Every
suggestion is an ordinary Fact with ``origin`` "suggested" and fields ``reason`` and
``confidence``; mentions of one party (by ISO code) or one person share an entity.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import accumulate

from briefdesk.core.errors import BriefDeskError
from briefdesk.core.model import Article, Fact, FactKind, Origin, new_fact_id
from briefdesk.core.suggest import rules
from briefdesk.core.suggest.lexicon import lexicon

__all__ = ["SuggestionCancelled", "suggest"]

ProgressCallback = Callable[[float], None]
CancelCheck = Callable[[], bool]


class SuggestionCancelled(BriefDeskError):
    """The user cancelled a run of suggestions."""


def suggest(
    article: Article,
    existing: Iterable[Fact] = (),
    *,
    rejected: Iterable[tuple[FactKind, int, int]] = (),
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> list[Fact]:
    """Return proposed facts for *article*, leaving out any that *existing* facts already cover.

    A proposal is left out when an existing fact of the same kind overlaps its span (the
    analyst tagged it) or the analyst *rejected* a suggestion there. Mentions of the same
    name share an entity. *progress* gets a fraction from 0 to 1; raises SuggestionCancelled
    as soon as *cancel* returns true.
    """
    text = article.text
    lex = lexicon(article.metadata.language)
    found: list[rules.Found] = []
    outcome_spans: list[tuple[int, int]] = []
    title_spans: list[tuple[int, int]] = []

    def find_signatories() -> list[rules.Found]:
        results = rules.signatories(text, lex)
        title_spans.extend(f.extent for f in results if f.extent is not None)
        return results

    def find_outcomes() -> list[rules.Found]:
        results = rules.outcomes(text, lex)
        outcome_spans.extend((f.start, f.end) for f in results)
        return results

    steps: list[Callable[[], list[rules.Found]]] = [
        lambda: rules.parties(text, lex),
        find_signatories,
        lambda: rules.ministries(text, lex, title_spans),
        find_outcomes,
        lambda: rules.domains(text, lex, outcome_spans),
        lambda: rules.dates(text, lex),
        lambda: rules.places(text, lex),
    ]
    for number, step in enumerate(steps):
        if cancel is not None and cancel():
            raise SuggestionCancelled("suggestions cancelled")
        found.extend(step())
        if progress is not None:
            progress((number + 1) / len(steps))
    facts = [_fact(article, item) for item in found]
    keys = {fact.id: item.key for fact, item in zip(facts, found, strict=True) if item.key}
    return _settle(facts, existing, rejected, text, keys)


def _fact(article: Article, found: rules.Found) -> Fact:
    fact_id = new_fact_id()
    fields = dict(found.fields)
    fields.update(reason=found.reason, confidence=f"{found.confidence:.2f}")
    kind = FactKind(found.kind)
    text = article.text[found.start : found.end]
    return Fact(fact_id, kind, found.start, found.end, text, fact_id, fields, Origin.SUGGESTED)


def _settle(
    found: list[Fact],
    existing: Iterable[Fact],
    rejected: Iterable[tuple[FactKind, int, int]],
    text: str,
    keys: dict[str, str],
) -> list[Fact]:
    """Drop what the analyst tagged or rejected and what overlaps a better proposal; group
    mentions into entities."""
    # Spans the analyst tagged or rejected, per kind: starts sorted, with the furthest end
    # reached so far, so one binary search tells whether a proposal overlaps any of them.
    spans: dict[FactKind, list[tuple[int, int]]] = {}
    for kind, start, end in [(f.kind, f.start, f.end) for f in existing] + list(rejected):
        spans.setdefault(kind, []).append((start, end))
    starts: dict[FactKind, list[int]] = {}
    furthest: dict[FactKind, list[int]] = {}
    for kind, kind_spans in spans.items():
        kind_spans.sort()
        starts[kind] = [start for start, _ in kind_spans]
        furthest[kind] = list(accumulate((end for _, end in kind_spans), max))
    # A country name inside a signatory's name ("Israel Katz") is not a party.
    names = [(f.start, f.end) for f in found if f.kind is FactKind.SIGNATORY]
    found = [
        f
        for f in found
        if not (f.kind is FactKind.PARTY and any(s <= f.start and f.end <= e for s, e in names))
    ]
    kept: list[Fact] = []
    entities: dict[tuple[FactKind, str], str] = {}
    reach: dict[FactKind, int] = {}  # how far the kept proposals of each kind reach
    for fact in sorted(found, key=lambda f: (f.start, -f.end)):
        if reach.get(fact.kind, -1) > fact.start:
            continue  # overlaps a proposal already kept
        limit = bisect_left(starts.get(fact.kind, []), fact.end)
        if limit and furthest[fact.kind][limit - 1] > fact.start:
            continue  # the analyst tagged or rejected this span
        reach[fact.kind] = fact.end
        name = fact.fields.get("iso") if fact.kind is FactKind.PARTY else keys.get(fact.id)
        words = " ".join(fact.text.casefold().split())
        if fact.kind is FactKind.SIGNATORY:
            # "Solberg Haugen" said…: a later mention of "Ingrid Solberg Haugen".
            name = next(
                (k[1] for k in entities if k[0] is fact.kind and k[1].endswith(" " + words)),
                None,
            )
        key = (fact.kind, name or words)
        entity = entities.setdefault(key, fact.entity)
        kept.append(fact.replaced(entity=entity))
    assert all(text[f.start : f.end] == f.text for f in kept)
    return kept
