"""Metadata found in an article's text: its date (a dateline) and its language."""

from __future__ import annotations

import re
import warnings
from dataclasses import replace
from functools import cache

from briefdesk.core.model import Article

__all__ = ["complete_metadata", "find_date", "guess_language", "parse_date"]

_HEAD_CHARS = 600  # a dateline sits at the top of an article
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The dateline patterns, compiled on first use (only when a year is in sight)."""
    month = "|".join(_MONTH_NAMES)
    return (
        re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b"),
        re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({month}),? ((?:19|20)\d\d)\b"),
        re.compile(rf"\b({month}) (\d{{1,2}})(?:st|nd|rd|th)?,? ((?:19|20)\d\d)\b"),
    )


def find_date(text: str, language: str | None = None) -> str | None:
    """Return the ISO date of the article's dateline ("Oslo, 12 March 2026"), if any.

    Common English and ISO forms are matched directly; any other language goes to dateparser,
    loaded only then (it is slow to import).
    """
    head = text[:_HEAD_CHARS]
    if not _HAS_YEAR.search(head):
        return None
    iso, dmy, mdy = _patterns()
    found: list[tuple[int, str]] = []
    if match := iso.search(head):
        found.append((match.start(), match.group(0)))
    if match := dmy.search(head):
        day, month, year = match.groups()
        found.append((match.start(), f"{year}-{_MONTH_NAMES.index(month) + 1:02d}-{int(day):02d}"))
    if match := mdy.search(head):
        month, day, year = match.groups()
        found.append((match.start(), f"{year}-{_MONTH_NAMES.index(month) + 1:02d}-{int(day):02d}"))
    if found:
        return min(found)[1]
    return _cldr_search(head, language) or _dateparser_search(head, language)


def _cldr_search(head: str, language: str | None) -> str | None:
    """Day, month name and year in the article's language, from CLDR's month names (the
    same rule the suggestions use): no dateparser import for the common forms."""
    if not language:
        return None
    from briefdesk.core.suggest.lexicon import lexicon
    from briefdesk.core.suggest.rules import dates

    found = dates(head, lexicon(language))
    return found[0].fields["iso"] if found else None


def _dateparser_search(head: str, language: str | None) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser warns about its own pytz/regex use
        from dateparser.search import search_dates

        settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
        languages = [language] if language else None
        try:
            results = search_dates(head, languages=languages, settings=settings)
        except (ValueError, LookupError, OverflowError):
            return None
    for _, moment in results or []:
        if 1900 <= moment.year <= 2100:
            return str(moment.date().isoformat())
    return None


def parse_date(text: str, language: str | None = None) -> str | None:
    """Return the ISO date written in *text* ("12 March 2026", "5 בנובמבר 2025"), if any."""
    if not _HAS_YEAR.search(text):
        return None
    return find_date(text, language)


LANGUAGE_SAMPLE = 5000
"""Characters of the text the language is guessed from."""
_CLD2_CODES = {"iw": "he", "ji": "yi", "jw": "jv", "zh-Hant": "zh", "tl": "fil"}


def guess_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or ``None`` if too little text.

    Google's CLD2 (pycld2): its tables are compiled in, so it answers in microseconds with
    nothing to load — a language model that must be unpacked first cost 0.4 s a process.
    """
    sample = text[:LANGUAGE_SAMPLE]
    if len(sample.strip()) < 20:
        return None
    import pycld2

    try:
        _, _, details = pycld2.detect(sample.encode("utf-8", "replace").decode("utf-8"))
    except pycld2.error:
        return None
    code = str(details[0][1])
    if code in ("un", "xxx", "xx-Qaai"):
        return None
    return _CLD2_CODES.get(code, code.split("-")[0])


def complete_metadata(article: Article, *, language: bool = True) -> Article:
    """Fill in a missing date (and, if asked, language) from the article's text; failing
    that, the date is when the file was created, where the reader found it."""
    meta = article.metadata
    lang = meta.language or (guess_language(article.text) if language else None)
    date = meta.date or find_date(article.text, lang) or meta.extra.get("created")
    if (lang, date) == (meta.language, meta.date):
        return article
    return Article(article.text, article.blocks, replace(meta, language=lang, date=date))
