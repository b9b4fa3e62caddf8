"""What the suggestion rules know of a language: CLDR names and the cue files in resources/.

Country and territory names and month names come from CLDR (Babel) in the article's language
and English; everything else — titles, verbs of signing, nouns of agreements, cue phrases for
domains, demonyms, more names of parties — from ``resources/suggest/<language>.toml`` (see its
README). A language without a file uses the English cues with its own CLDR names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from briefdesk.core.paths import resource

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


_NAME_WORD = re.compile(rf"{WORD}+(?:['’\-\"\u05f4]{WORD}+)*(?:['’]s)?")


def _stem(name: str) -> str:
    """A name without its final vowel, the part its case forms share ("Индия" → "Инди")."""
    return name[:-1] if len(name) > 4 and name[-1] in "аяоеыийьуюь" else name


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

    def folded(self, key: str) -> frozenset[str]:
        """The words of list *key*, casefolded, as a set (built once per lexicon)."""
        sets = self._folded
        if key not in sets:
            sets[key] = frozenset(word.casefold() for word in self.words(key))
        return sets[key]

    @cached_property
    def _folded(self) -> dict[str, frozenset[str]]:
        return {}

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

    @cached_property
    def tables(self) -> list[dict[str, Any]]:
        """CLDR tables (territories, months, days) for English and this language."""
        return [cldr_tables(tag) for tag in dict.fromkeys(("en", self.language))]

    # Parties ---------------------------------------------------------------------------

    @cached_property
    def party_names(self) -> dict[str, str]:
        """{compared name: ISO code or org:NAME} from CLDR and the aliases, this language and
        English."""
        names: dict[str, str] = {}
        for table in self.tables:
            for code, name in table["territories"].items():
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

    @cached_property
    def _stems(self) -> dict[str, str]:
        """{stem of a one-word name: code}, for languages whose names take case endings."""
        return {_stem(name): code for name, code in self.party_names.items() if " " not in name}

    @cached_property
    def _longest_name(self) -> int:
        return max((len(name.split()) for name in self.party_names), default=1)

    def find_parties(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, str]]:
        """(start, end, code) of every party name in text[start:end], longest names first.

        A dictionary scan over the words, not one regular expression of every name: building
        that cost 50 ms a process. Names match after the language's prefixes ("וצרפת"), in
        any case ending where names inflect ("Индии"), and before a possessive ("India's").
        """
        stop = len(text) if end is None else end
        cache = self._found
        if (text, start, stop) in cache:
            return cache[(text, start, stop)]
        words = [(m.start(), m.end()) for m in _NAME_WORD.finditer(text, start, stop)]
        prefixes = self._prefixes
        found: list[tuple[int, int, str]] = []
        index = 0
        while index < len(words):
            hit = None
            if not self._may_start_name(text[words[index][0] : words[index][1]]):
                index += 1
                continue
            for count in range(min(self._longest_name, len(words) - index), 0, -1):
                first, last = words[index][0], words[index + count - 1][1]
                hit = self._lookup(text, first, last, prefixes)
                if hit is not None:
                    found.append(hit)
                    index += count
                    break
            if hit is None:
                index += 1
        if len(cache) > 64:
            cache.clear()
        cache[(text, start, stop)] = found
        return found

    @cached_property
    def _found(self) -> dict[tuple[str, int, int], list[tuple[int, int, str]]]:
        return {}

    @cached_property
    def _first_words(self) -> frozenset[str]:
        """The first word of every name (and its stem where names inflect), compared."""
        firsts = {name.split()[0] for name in self.party_names if name}
        if self.inflected:
            firsts |= {_stem(word) for word in firsts}
        return frozenset(firsts)

    def _may_start_name(self, word: str) -> bool:
        """A cheap test before the lookups: could a party's name begin with *word*?"""
        key = _key(word)
        if key.endswith(("'s", "’s")):
            key = key[:-2]
        firsts = self._first_words
        if key in firsts:
            return True
        if any(key.startswith(p) and key[len(p) :] in firsts for p in self._prefixes):
            return True
        elided = re.match(r"\w{1,2}['’]", key)
        if elided and key[elided.end() :] in firsts:
            return True
        if self.inflected:
            return any(key[:cut] in firsts for cut in range(len(key), len(key) - 4, -1))
        return False

    def _lookup(
        self, text: str, start: int, end: int, prefixes: list[str]
    ) -> tuple[int, int, str] | None:
        written = text[start:end]
        if re.search(r"(?:'s|’s)$", written):
            written, end = written[:-2], end - 2
        candidates = [(0, written)] + [
            (len(p), written[len(p) :]) for p in prefixes if written.startswith(p)
        ]
        elided = re.match(r"\w{1,2}['’]", written)  # French "l'Inde", "d'Italie"
        if elided:
            candidates.append((elided.end(), written[elided.end() :]))
        for skip, name in candidates:
            if not name:
                continue
            key = _key(re.sub(r"\s+", " ", name))
            code = self.party_names.get(key)
            if code is None and self.inflected and " " not in key:
                code = next(
                    (
                        self._stems[key[:cut]]
                        for cut in range(len(key), len(key) - 4, -1)
                        if key[:cut] in self._stems
                    ),
                    None,
                )
            if code is None:
                continue
            if self.cased and not name[:1].isupper() and not name[:1].isdigit():
                continue  # "turkey" is not Turkey
            return start + skip, end, code
        return None

    @cached_property
    def _codes(self) -> dict[str, str | None]:
        return {}

    @cached_property
    def _prefixes(self) -> list[str]:
        return sorted(self.words("prefixes"), key=len, reverse=True) if self.prefix else []

    def party_code(self, written: str) -> str | None:
        """The ISO code (or org:NAME) of a party name as written, inflected or not."""
        if written not in self._codes:
            hit = self._lookup(written, 0, len(written), self._prefixes)
            self._codes[written] = hit[2] if hit is not None else None
        return self._codes[written]

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
        days: set[str] = set()
        for table in self.tables:
            days.update(_key(name) for name in table["days"])
        return frozenset(days)

    @cached_property
    def months(self) -> dict[str, int]:
        """{month name, casefolded: number} in this language (CLDR, format and stand-alone)."""
        months: dict[str, int] = {}
        for table in self.tables:
            for name, number in table["months"]:
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


@cache
def cldr_tables(language: str) -> dict[str, Any]:
    """Territory, month and day names of *language* from CLDR (Babel).

    Kept as JSON in the user's cache folder after the first use: reading that is faster than
    importing Babel and unpickling its locale data, which was half of a ``briefdesk suggest``
    process. Empty tables for a language CLDR does not know.
    """
    import json

    from briefdesk.core.paths import cache_dir

    path = cache_dir() / "cldr" / f"{language}.json"
    try:
        cached: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if cached.get("version") == _CLDR_TABLES_VERSION:
            return cached
    except (OSError, ValueError):
        pass
    tables = _build_cldr_tables(language)
    try:
        from briefdesk.core.atomic import atomic_write

        payload = json.dumps(tables, ensure_ascii=False).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda handle: handle.write(payload))
    except OSError:
        pass  # a read-only home: build again next time
    return tables


_CLDR_TABLES_VERSION = 1


def _build_cldr_tables(language: str) -> dict[str, Any]:
    import babel
    from babel import Locale, UnknownLocaleError

    tables: dict[str, Any] = {
        "version": _CLDR_TABLES_VERSION,
        "babel": babel.__version__,
        "territories": {},
        "months": [],
        "days": [],
    }
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return tables
    tables["territories"] = dict(locale.territories)
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            tables["months"] += [[n, m] for m, n in locale.months[context][width].items()]
        tables["days"] += list(locale.days[context]["wide"].values())
    return tables


def _cue_folder() -> Any:
    """resources/suggest."""
    return resource("suggest")


def _load(language: str) -> dict[str, Any] | None:
    """The cue file of *language*, or None. Parsed TOML is kept as JSON in the cache folder,
    keyed by the file's text, so most runs skip importing and running the TOML parser."""
    import json
    import zlib

    entry = _cue_folder() / f"{language}.toml"
    if not entry.is_file():
        return None
    source = entry.read_bytes()
    from briefdesk.core.paths import cache_dir

    cached = cache_dir() / "cues" / f"{language}-{zlib.crc32(source):08x}-{len(source)}.json"
    try:
        data: dict[str, Any] = json.loads(cached.read_text(encoding="utf-8"))
        return data
    except (OSError, ValueError):
        pass
    import tomllib

    data = tomllib.loads(source.decode("utf-8"))
    try:
        from briefdesk.core.atomic import atomic_write

        payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
        cached.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cached, lambda handle: handle.write(payload))
    except OSError:
        pass
    return data


@cache
def lexicon(language: str | None) -> Lexicon:
    """The lexicon of *language* (ISO 639-1); English cues where the language has no file."""
    english = _load("en") or {}
    code = (language or "en").split("-")[0].split("_")[0].lower()
    data = _load(code)
    return Lexicon(code, data if data is not None else english, english)
