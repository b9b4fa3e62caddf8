"""Propose facts from an article: country parties, signatories, agreements, domains, dates.

A first, rule-based engine. Country and territory names come from CLDR (Babel) in the
article's language and English; the sentence patterns are English. Every suggestion is an
ordinary Fact with ``origin`` "suggested" and fields ``reason`` and ``confidence``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from briefdesk.core.errors import BriefDeskError
from briefdesk.core.model import Article, Fact, FactKind, Origin, new_fact_id

__all__ = ["SuggestionCancelled", "suggest"]

ProgressCallback = Callable[[float], None]
CancelCheck = Callable[[], bool]

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH = "|".join(_MONTHS)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH}),? (\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b")
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_TITLE_HEADS = (
    r"Minister|Secretary|President|Ambassador|Chief|General|Director(?: General)?|Chancellor"
    r"|Premier|Commissioner|Chairman|Chair|Envoy|Admiral|Commander"
)
_NAME_WORD = r"[A-Z](?:\.|[\w’'-]+)"  # a word or an initial ("J."), never a sentence's full stop
_NAME = rf"(?:Maj Gen \(Res\) |Dr\.? |Gen\.? )?{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}"
_AGREEMENT = (
    r"Memorandum of Understanding(?: \(MoU\))?|MoU|[Aa]greement|[Tt]reaty|[Aa]ccord"
    r"|[Jj]oint [Ss]tatement|[Jj]oint [Dd]eclaration|[Pp]rotocol|[Rr]oadmap"
)
_OUTCOME = re.compile(
    rf"\b(?:signed|signing of|concluded|agreed|adopted|launched)\s+(?:an?\s+|the\s+)?"
    rf"(?:new\s+)?((?:{_AGREEMENT})(?: on [A-Z][\w-]*(?: [A-Z][\w-]*)*)?)"
)
_COOPERATION = re.compile(r"\bcooperation (?:in|on)\s+([^.;:]+)")
_PLACE = re.compile(r"\b(?:signed|signing|held|met)\b[^.]*?\bin ((?:[A-Z][\w-]+ ?){1,3})(?=[.,])")


class SuggestionCancelled(BriefDeskError):
    """The user cancelled a run of suggestions."""


@cache
def _country_names(language: str | None) -> dict[str, str]:
    """Return {name: ISO code} for countries and territories in *language* and English."""
    from babel import Locale, UnknownLocaleError

    names: dict[str, str] = {}
    for tag in {"en", (language or "en").replace("-", "_")}:
        try:
            territories = Locale.parse(tag).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "UN", "EZ", "QO"):
                names[name] = code
                if " & " in name:
                    names[name.replace(" & ", " and ")] = code
    return names


@cache
def _country_pattern(language: str | None) -> re.Pattern[str]:
    names = sorted(_country_names(language), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")


def _fact(
    kind: FactKind,
    article: Article,
    span: tuple[int, int],
    reason: str,
    confidence: float,
    **fields: str,
) -> Fact:
    start, end = span
    fact_id = new_fact_id()
    fields.update(reason=reason, confidence=f"{confidence:.2f}")
    return Fact(
        fact_id, kind, start, end, article.text[start:end], fact_id, fields, Origin.SUGGESTED
    )


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
    found: list[Fact] = []
    steps: list[Callable[[], list[Fact]]] = [
        lambda: _parties(article),
        lambda: _signatories(article),
        lambda: _outcomes(article),
        lambda: _domains(article),
        lambda: _dates(article),
        lambda: _places(article),
    ]
    for number, step in enumerate(steps):
        if cancel is not None and cancel():
            raise SuggestionCancelled("suggestions cancelled")
        found.extend(step())
        if progress is not None:
            progress((number + 1) / len(steps))
    taken = [(f.kind, f.start, f.end) for f in existing] + list(rejected)
    # A country name inside a signatory's name ("Israel Katz") is not a party.
    names = [(f.start, f.end) for f in found if f.kind is FactKind.SIGNATORY]
    found = [
        f
        for f in found
        if not (f.kind is FactKind.PARTY and any(s <= f.start and f.end <= e for s, e in names))
    ]
    kept: list[Fact] = []
    entities: dict[tuple[FactKind, str], str] = {}
    for fact in sorted(found, key=lambda f: (f.start, -f.end)):
        if any(k is fact.kind and s < fact.end and fact.start < e for k, s, e in taken):
            continue
        taken.append((fact.kind, fact.start, fact.end))
        key = (fact.kind, " ".join(fact.text.casefold().split()))
        entity = entities.setdefault(key, fact.entity)
        kept.append(fact.replaced(entity=entity))
    assert all(text[f.start : f.end] == f.text for f in kept)
    return kept


def _parties(article: Article) -> list[Fact]:
    names = _country_names(article.metadata.language)
    return [
        _fact(FactKind.PARTY, article, m.span(1), "country name", 0.9, iso=names[m.group(1)])
        for m in _country_pattern(article.metadata.language).finditer(article.text)
    ]


def _signatories(article: Article) -> list[Fact]:
    country = _country_pattern(article.metadata.language).pattern
    pattern = re.compile(
        rf"{country}(?:’s|'s)\s+(?P<title>(?:[A-Z][\w-]*\s+){{0,3}}?(?:{_TITLE_HEADS})"
        rf"(?: of [A-Z][\w ]+?)?),\s+(?P<name>{_NAME})"
    )
    facts = []
    for match in pattern.finditer(article.text):
        facts.append(
            _fact(
                FactKind.SIGNATORY,
                article,
                match.span("name"),
                "pattern: PARTY's TITLE, NAME",
                0.8,
                title=match.group("title"),
                party=match.group(1),
            )
        )
    return facts


def _outcomes(article: Article) -> list[Fact]:
    return [
        _fact(FactKind.OUTCOME, article, m.span(1), "pattern: signed AGREEMENT", 0.7)
        for m in _OUTCOME.finditer(article.text)
    ]


def _domains(article: Article) -> list[Fact]:
    facts = []
    for match in _COOPERATION.finditer(article.text):
        start = match.start(1)
        for item in re.finditer(r"[^,]+", match.group(1)):
            piece = item.group(0)
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            for prefix in ("and ", "or "):
                if piece.startswith(prefix):
                    lead += len(prefix)
                    piece = piece[len(prefix) :]
            if 2 < len(piece) < 80:
                begin = start + item.start() + lead
                facts.append(
                    _fact(
                        FactKind.DOMAIN,
                        article,
                        (begin, begin + len(piece)),
                        "pattern: cooperation in LIST",
                        0.6,
                    )
                )
    return facts


def _dates(article: Article) -> list[Fact]:
    facts = []
    text = article.text
    for match in _ISO_DATE.finditer(text):
        facts.append(
            _fact(FactKind.DATE, article, match.span(), "ISO date", 0.6, iso=match.group(0))
        )
    for match in _DAY_MONTH_YEAR.finditer(text):
        day, month, year = match.groups()
        iso = f"{year}-{_MONTHS.index(month) + 1:02d}-{int(day):02d}"
        facts.append(
            _fact(FactKind.DATE, article, match.span(), "date: D Month YYYY", 0.8, iso=iso)
        )
    for match in _MONTH_DAY_YEAR.finditer(text):
        month, day, year = match.groups()
        iso = f"{year}-{_MONTHS.index(month) + 1:02d}-{int(day):02d}"
        facts.append(
            _fact(FactKind.DATE, article, match.span(), "date: Month D, YYYY", 0.8, iso=iso)
        )
    return facts


def _places(article: Article) -> list[Fact]:
    countries = _country_names(article.metadata.language)
    facts = []
    for match in _PLACE.finditer(article.text):
        name = match.group(1).strip()
        if name in countries:
            continue
        start = match.start(1)
        facts.append(
            _fact(
                FactKind.PLACE,
                article,
                (start, start + len(name)),
                "pattern: signed … in PLACE",
                0.5,
            )
        )
    return facts
