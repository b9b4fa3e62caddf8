"""What the suggestion rules know of a language: CLDR names and the cue files in resources/.

Country and territory names and month names come from CLDR (Babel) in the article's language
and English; everything else — titles, verbs of signing, nouns of agreements, cue phrases for
domains, demonyms, more names of parties — from ``resources/suggest/<language>.toml`` (see its
README). A language without a file uses the English cues with its own CLDR names.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

__all__ = ["WORD", "Lexicon", "Token", "lexicon", "sentences", "tokens"]

WORD = (
    r"[\w\u0300-\u036f\u0591-\u05c7\u05f3\u05f4\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963]"
)
"""A character that continues a word: letters, digits and the marks of Hebrew, Arabic and
Devanagari (Python's ``\\w`` leaves vowel signs out, which would end a word mid-way)."""

_TOKEN = re.compile(
    r"(?:[^\s,،;:.!?()\[\]“”«»—–\"']|(?<=[\u05d0-\u05ea])[\"'\u05f3\u05f4](?=[\u05d0-\u05ea])"
    r"|(?<=\w)'(?=\w))+|[,،;:.!?()\[\]—–]"
)
_SENTENCE_END = re.compile(r"(?<=[.!?؟।])\s+|\n+")
_NUKTA = "\u093c"


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark of the text, with its offsets."""

    text: str
    start: int
    end: int

    @property
    def is_punctuation(self) -> bool:
        return len(self.text) == 1 and not self.text.isalnum()


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words and punctuation of text[start:end], with offsets into *text*."""
    return [
        Token(m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, len(text) if end is None else end)
    ]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split after . ! ? ؟ । and at line breaks."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _key(name: str) -> str:
    """How names are compared: casefolded, NFC, without Devanagari nukta or quote variants."""
    name = unicodedata.normalize("NFC", name).casefold().replace(_NUKTA, "")
    return name.replace("\u05f4", '"').replace("\u05f3", "'").replace("’", "'")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


@dataclass(frozen=True)
class Lexicon:
    """The cues and names of one language, and the patterns built from them."""

    language: str
    data: dict[str, Any]
    english: dict[str, Any]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def words(self, key: str) -> list[str]:
        return [str(item) for item in self.get(key, [])]

    @property
    def cased(self) -> bool:
        return bool(self.data.get("cased", False))

    @property
    def inflected(self) -> bool:
        return bool(self.data.get("inflected", False))

    @cached_property
    def prefix(self) -> str:
        """A regex for the letters a word may carry in front (empty for most languages)."""
        prefixes = self.words("prefixes") if "prefixes" in self.data else []
        return f"(?:{_alternation(prefixes)})?" if prefixes else ""

    # Parties ---------------------------------------------------------------------------

    @cached_property
    def party_names(self) -> dict[str, str]:
        """{compared name: ISO code or org:NAME} from CLDR and the aliases, this language and
        English."""
        from babel import Locale, UnknownLocaleError

        names: dict[str, str] = {}
        for tag in dict.fromkeys(("en", self.language)):
            try:
                territories = Locale.parse(tag).territories
            except (UnknownLocaleError, ValueError):
                continue
            for code, name in territories.items():
                if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "UN", "EZ", "QO"):
                    names[_key(name)] = code
                    if " & " in name:
                        names[_key(name.replace(" & ", " and "))] = code
        for table in (self.english.get("aliases", {}), self.data.get("aliases", {})):
            for name, code in table.items():
                names[_key(name)] = str(code)
        return names

    @cached_property
    def demonyms(self) -> dict[str, str]:
        table = {**self.english.get("demonyms", {}), **self.data.get("demonyms", {})}
        return {_key(name): str(code) for name, code in table.items()}

    def _name_regex(self, name: str) -> str:
        escaped = re.escape(name).replace(_NUKTA, _NUKTA + "?")
        escaped = re.sub("['’]", "['’]", escaped)
        if not self.inflected:
            return escaped
        # A case ending on each word: "Индия" also matches "Индии", "Индию".
        parts = []
        for word in name.split():
            stem = word[:-1] if len(word) > 4 and word[-1] in "аяоеыийьуюьa" else word
            parts.append(re.escape(stem) + r"[а-яёієїґ]{0,3}")
        return r"\s+".join(parts)

    @cached_property
    def party_pattern(self) -> re.Pattern[str]:
        """Every party name, as written in the text: group "name" is the name itself."""
        from babel import Locale, UnknownLocaleError

        written: set[str] = set()
        for tag in dict.fromkeys(("en", self.language)):
            try:
                territories = Locale.parse(tag).territories
            except (UnknownLocaleError, ValueError):
                continue
            written.update(
                name for code, name in territories.items() if len(code) == 2 and code.isalpha()
            )
        written.update(self.english.get("aliases", {}))
        written.update(self.data.get("aliases", {}))
        names = sorted(written, key=len, reverse=True)
        flags = 0 if self.cased or self.language == "en" else re.IGNORECASE
        body = "|".join(self._name_regex(name) for name in names)
        return re.compile(
            rf"(?<!{WORD}){self.prefix}(?P<name>{body})(?!{WORD})",
            flags,
        )

    def party_code(self, written: str) -> str | None:
        """The ISO code (or org:NAME) of a party name as written, inflected or not."""
        key = _key(written)
        code = self.party_names.get(key)
        if code is not None or not self.inflected:
            return code
        for name, code in sorted(self.party_names.items(), key=lambda i: -len(i[0])):
            parts, words = name.split(), key.split()
            if len(parts) == len(words) and all(
                w.startswith(p[:-1] if len(p) > 4 and p[-1] in "аяоеыийьуюь" else p)
                for p, w in zip(parts, words, strict=True)
            ):
                return code
        return None

    def demonym_code(self, word: str) -> str | None:
        key = _key(word)
        if key in self.demonyms:
            return self.demonyms[key]
        if self.prefix:
            prefixes = sorted(self.words("prefixes"), key=len, reverse=True)
            for prefix in prefixes:
                if key.startswith(prefix) and key[len(prefix) :] in self.demonyms:
                    return self.demonyms[key[len(prefix) :]]
        return None

    # Cues ------------------------------------------------------------------------------

    def pattern(self, key: str, *, ignore_case: bool = False) -> re.Pattern[str]:
        """Any word or phrase of list *key*, whole, after the language's prefixes.

        A phrase ending in a prefix letter ("שיתוף פעולה ב") runs into the next word.
        """
        attached = tuple(self.words("prefixes")) if self.prefix else ()
        return _compiled(
            self.language, key, ignore_case, self.prefix, tuple(self.words(key)), attached
        )

    @cached_property
    def day_names(self) -> frozenset[str]:
        """Names of the days of the week, casefolded (CLDR): never a domain or a place."""
        from babel import Locale, UnknownLocaleError

        days: set[str] = set()
        for tag in dict.fromkeys(("en", self.language)):
            try:
                locale = Locale.parse(tag)
            except (UnknownLocaleError, ValueError):
                continue
            for context in ("format", "stand-alone"):
                days.update(_key(name) for name in locale.days[context]["wide"].values())
        return frozenset(days)

    @cached_property
    def months(self) -> dict[str, int]:
        """{month name, casefolded: number} in this language (CLDR, format and stand-alone)."""
        from babel import Locale, UnknownLocaleError

        months: dict[str, int] = {}
        for tag in dict.fromkeys(("en", self.language)):
            try:
                locale = Locale.parse(tag)
            except (UnknownLocaleError, ValueError):
                continue
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for number, name in locale.months[context][width].items():
                        months.setdefault(_key(name.rstrip(".")), number)
        return months


@cache
def _compiled(
    language: str,
    key: str,
    ignore_case: bool,
    prefix: str,
    words: tuple[str, ...],
    attached: tuple[str, ...] = (),
) -> re.Pattern[str]:
    whole = [w for w in words if not (" " in w and w.split()[-1] in attached)]
    joined = [w for w in words if w not in whole]
    body = _alternation(whole) or r"(?!x)x"
    body = f"(?:{body})(?!{WORD})"
    if joined:
        body = f"(?:{_alternation(joined)})|{body}"
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<!{WORD}){prefix}(?P<word>{body})", flags)


def _load(language: str) -> dict[str, Any] | None:
    folder = resources.files("briefdesk.resources").joinpath("suggest")
    entry = folder.joinpath(f"{language}.toml")
    if not entry.is_file():
        return None
    return tomllib.loads(entry.read_text(encoding="utf-8"))


@cache
def lexicon(language: str | None) -> Lexicon:
    """The lexicon of *language* (ISO 639-1); English cues where the language has no file."""
    english = _load("en") or {}
    code = (language or "en").split("-")[0].split("_")[0].lower()
    data = _load(code)
    return Lexicon(code, data if data is not None else english, english)
