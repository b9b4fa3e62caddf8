"""The suggestion rules, one function per kind of fact, each driven by a :class:`Lexicon`.

The rules are general sentence shapes, the same in every language; the lexicon supplies the
words. Each returns :class:`Found` spans with a reason and a confidence; the engine turns
them into facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefdesk.core.suggest.lexicon import WORD, Lexicon, Token, sentences, tokens

__all__ = [
    "Found",
    "dates",
    "domains",
    "ministries",
    "outcomes",
    "parties",
    "places",
    "signatories",
]

MAX_NAME_WORDS = 4
MAX_TITLE_WORDS = 6
MAX_PHRASE_WORDS = 9
MAX_ITEM_WORDS = 6


@dataclass(slots=True)
class Found:
    """A span the rules propose, with the fields its fact will carry."""

    kind: str
    start: int
    end: int
    reason: str
    confidence: float
    fields: dict[str, str] = field(default_factory=dict)
    key: str = ""  # mentions with the same key are one entity ("MoU" and "Memorandum … (MoU)")
    extent: tuple[int, int] | None = None  # a signatory's title and name together


# Parties ---------------------------------------------------------------------------------


def parties(text: str, lex: Lexicon) -> list[Found]:
    """Country, territory and organisation names (CLDR and the aliases), with their code."""
    found = []
    for start, end, code in lex.find_parties(text):
        reason = "organisation name" if code.startswith("org:") else "country name"
        found.append(Found("party", start, end, reason, 0.9, {"iso": code}))
    return found


def ministries(text: str, lex: Lexicon, titles: list[tuple[int, int]]) -> list[Found]:
    """Ministries that sign ("India's Ministry of Defence and …  signed"): a party with the
    country that owns it, when it stands in a sentence of signing and not inside a
    signatory's title ("Director General of Israel's Ministry of Defence")."""
    pattern = str(lex.get("ministries", "") or "")
    if not pattern:
        return []
    verbs = lex.pattern("sign_verbs", ignore_case=True)
    found = []
    for start, end in sentences(text):
        if verbs.search(text, start, end) is None:
            continue
        for match in re.finditer(pattern, text[start:end]):
            span = (start + match.start(), start + match.end())
            if any(a <= span[0] and span[1] <= b for a, b in titles):
                continue
            before = text[max(start, span[0] - 40) : span[0]]
            after = text[span[1] : min(end, span[1] + 40)]
            name = " ".join(match.group(0).split())
            owner = _owner(before, after, lex) or next(
                (lex.demonym_code(word) for word in name.split() if lex.demonym_code(word)), None
            )  # "وزارة الدفاع المصرية": the adjective is part of the name
            code = f"ministry:{owner or '?'}:{name.casefold()}"
            found.append(Found("party", *span, "ministry name", 0.7, {"iso": code}))
    return found


def _owner(before: str, after: str, lex: Lexicon) -> str | None:
    """The country a ministry belongs to: "India's", "the Indian", "of India", "של ישראל"."""
    words = before.split()
    if words:
        last = re.sub(r"(?:'s|’s)$", "", words[-1])
        code = lex.party_code(last) or lex.demonym_code(last)
        if code:
            return code
    tail = re.match(r"\s*(?:of|de|du|d'|של|في)\s+(?:the\s+|la\s+|l')?(\S+(?:\s\S+)?)", after)
    if tail:
        for candidate in (tail.group(1), tail.group(1).split()[0]):
            code = lex.party_code(candidate.rstrip(".,;")) or lex.demonym_code(candidate)
            if code:
                return code
    first_after = after.split()[:1]
    if first_after:
        return lex.party_code(first_after[0].rstrip(".,;")) or lex.demonym_code(first_after[0])
    return None


# Signatories -----------------------------------------------------------------------------


def _is_name_word(token: Token, lex: Lexicon) -> bool:
    word = token.text
    if token.is_punctuation or any(c.isdigit() for c in word):
        return False
    if lex.cased:
        first = word.lstrip("(\"'")[:1]
        return first.isupper() or (len(word) == 2 and word.endswith("."))
    return True


def _name_after(
    toks: list[Token], index: int, lex: Lexicon, titles: re.Pattern[str]
) -> tuple[int, int] | None:
    """Token indices [first, last] of a person's name starting at toks[index], or None."""
    honorifics = lex.folded("honorifics")
    stops = set(lex.words("name_stops"))
    while index < len(toks) and toks[index].text in (",", "،"):
        index += 1
    while index < len(toks) and toks[index].text.casefold() in honorifics:
        index += 1
    first = index
    while index < len(toks) and index - first < MAX_NAME_WORDS:
        token = toks[index]
        if not _is_name_word(token, lex) or token.text in stops:
            break
        if index > first and titles.fullmatch(token.text):
            break  # "ושר", "ووزير": the next title begins
        if lex.cased and token.text.lower() in ("and", "et", "и", "і", "та", "y", "e", "und"):
            break
        index += 1
    last = index - 1
    if last - first + 1 < 2:
        return None
    return first, last


def _title_extent(toks: list[Token], head: int, lex: Lexicon) -> int:
    """The first token of a title whose head is toks[head], walking left over title words."""
    words = lex.folded("title_words")
    first = head
    while (
        first > 0
        and head - first < MAX_TITLE_WORDS
        and not toks[first - 1].is_punctuation
        and toks[first - 1].text.casefold() in words
    ):
        first -= 1
    return first


def _side_in(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """A party named, possessed or described by a demonym within text[start:end]."""
    for party_start, party_end, _ in lex.find_parties(text, start, end):
        return text[party_start:party_end]
    for token in tokens(text, start, end):
        word = re.sub(r"(?:'s|’s)$", "", token.text)
        if lex.demonym_code(word):
            return token.text
    return None


def _side_by_cue(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """A side named by a cue: "signed for the United States", "भारत की ओर से", "عن الجانب
    الأردني". In the language's templates, {party} is up to four words holding a party name or
    demonym; the one nearest the cue counts."""
    party = r"(?P<party>\S+(?:\s+\S+){0,3}?)"
    for template in lex.words("side_after"):
        window = text[end : end + 80]
        match = re.match(template.replace("{party}", party + r"(?=[\s,.;:]|$)"), window)
        if match:
            side = _side_in_group(window, match.start("party"), len(window), lex, first=True)
            if side:
                return side
    for template in lex.words("side_before"):
        window = text[max(0, start - 80) : start]
        match = re.search(template.replace("{party}", party), window)
        if match:
            side = _side_in_group(
                window, match.start("party"), match.end("party"), lex, first=False
            )
            if side:
                return side
    return None


def _side_in_group(text: str, start: int, end: int, lex: Lexicon, *, first: bool) -> str | None:
    hits = lex.find_parties(text, start, end)
    if hits:
        party_start, party_end, _ = hits[0] if first else hits[-1]
        return text[party_start:party_end]
    words = [t.text for t in tokens(text, start, end)]
    for word in words if first else reversed(words):
        if lex.demonym_code(word):
            return word
    return None


def signatories(text: str, lex: Lexicon) -> list[Found]:
    """People named with a title: "India's Defence Secretary, Rajesh Kumar Singh", "Defence
    Minister Richard Marles", "министр обороны России Андрей Белоусов", "שר ההגנה של יוון,
    ניקוס דנדיאס", "وزير الدفاع عبد المجيد صقر", "रक्षा सचिव राजेश कुमार सिंह"."""
    titles = lex.pattern("titles")
    found: list[Found] = []
    taken: set[int] = set()
    for start, end in sentences(text):
        toks = tokens(text, start, end)
        index = 0
        while index < len(toks):
            token = toks[index]
            head_first = index
            match = titles.fullmatch(token.text)
            if match is None and index + 1 < len(toks):
                two = text[token.start : toks[index + 1].end]
                match = titles.fullmatch(two)
                if match is not None:
                    index += 1
            if match is None:
                index += 1
                continue
            result = _signatory_at(
                text, toks, index, head_first, token.start + match.start("word"), lex, titles
            )
            if result is not None and result.start not in taken:
                taken.add(result.start)
                found.append(result)
            index += 1
    _pair_sides(found, text, lex)
    return found


def _signatory_at(
    text: str,
    toks: list[Token],
    head: int,
    head_first: int,
    head_start: int,
    lex: Lexicon,
    titles: re.Pattern[str],
) -> Found | None:
    first = _title_extent(toks, head_first, lex)
    head_is_first = first == head_first
    stop = head + 1
    while stop < len(toks) and stop - head <= MAX_TITLE_WORDS:
        if not _continues_title_at(toks, stop, lex):
            break
        stop += 1
    name = _name_after(toks, stop, lex, titles)
    if name is None and lex.cased:
        return _signatory_before(text, toks, first, stop, lex)
    if name is None:
        return None
    last_title = stop - 1
    title_start = head_start if head_is_first else toks[first].start
    title_end = toks[last_title].end
    name_start, name_end = toks[name[0]].start, toks[name[1]].end
    title = text[title_start:title_end].strip(" ,،")
    side = _side_by_cue(text, title_start, name_end, lex)
    if side is None:
        before = toks[first - 1] if first > 0 else None
        possessive = before is not None and re.search(r"(?:'s|’s)$", before.text)
        if possessive or (before is not None and lex.demonym_code(before.text)):
            side = re.sub(r"(?:'s|’s)$", "", before.text) if before else None
        else:
            side = _side_in(text, title_start, title_end, lex)
    fields = {"title": _clean_title(title, lex)}
    if side:
        fields["party"] = _party_name(side, text, lex)
    extent = (title_start, name_end)
    return Found(
        "signatory", name_start, name_end, "pattern: TITLE NAME", 0.8, fields, extent=extent
    )


def _signatory_before(
    text: str, toks: list[Token], first: int, stop: int, lex: Lexicon
) -> Found | None:
    """NAME, TITLE: "signed by Kaja Kallas, High Representative of the Union …, and Takeshi
    Iwaya, Minister for Foreign Affairs of Japan" (languages with capitals only)."""
    side = None
    comma = first - 1
    if comma >= 0 and (_possessive(toks[comma].text) or lex.demonym_code(toks[comma].text)):
        side = _possessive(toks[comma].text) or toks[comma].text
        comma -= 1
    if comma < 2 or toks[comma].text != ",":
        return None
    sentence = text[toks[0].start : toks[-1].end]
    if lex.pattern("sign_verbs", ignore_case=True).search(sentence) is None:
        return None  # "X, Director General of …, attended": named, but not signing
    end = comma - 1
    start = end
    while (
        start > 0
        and end - start + 1 < MAX_NAME_WORDS
        and _is_name_word(toks[start - 1], lex)
        and toks[start - 1].text.lower() not in ("and", "et", "и", "і", "та", "y", "e", "und")
    ):
        start -= 1
    if end - start + 1 < 2 or not all(_is_name_word(t, lex) for t in toks[start : end + 1]):
        return None
    title_start, title_end = toks[first].start, toks[stop - 1].end
    title = text[title_start:title_end].strip(" ,")
    side = side or _side_in(text, title_start, title_end, lex)
    fields = {"title": title}
    if side:
        fields["party"] = _party_name(side, text, lex)
    return Found(
        "signatory",
        toks[start].start,
        toks[end].end,
        "pattern: NAME, TITLE",
        0.75,
        fields,
        extent=(toks[start].start, title_end),
    )


def _possessive(word: str) -> str | None:
    """ "India's" → "India"; None for a word without a possessive ending."""
    match = re.match(r"(.+?)(?:'s|’s)$", word)
    return match.group(1) if match else None


_CONNECTORS = {
    "of", "for", "the", "on", "de", "des", "du", "la", "le", "l'", "d'", "chargé", "chargée",
    "של", "ل", "के", "की", "का",
}  # fmt: skip


def _continues_title_at(toks: list[Token], index: int, lex: Lexicon) -> bool:
    """Whether toks[index] still belongs to the title before a name: a title word, a party
    or demonym, a connector ("of", "de la", "של"), the word after a connector, or — where
    titles are lowercase (French, Russian) — any lowercase word."""
    token = toks[index]
    word = token.text
    if token.is_punctuation:
        return False
    if word.casefold() in _CONNECTORS or _continues_title(word, lex):
        return True
    previous = toks[index - 1].text.casefold() if index > 0 else ""
    if lex.cased:
        if previous in _CONNECTORS:
            return True
        return (
            lex.language != "en"
            and word[:1].islower()
            and word.lower() not in ("et", "и", "і", "та")
        )
    return False


def _continues_title(word: str, lex: Lexicon) -> bool:
    if word.casefold() in lex.folded("title_words"):
        return True
    if lex.demonym_code(word) or lex.party_code(word):
        return True
    definite = [d for d in lex.words("definite") if len(d) <= 2]
    if any(word.startswith(d) and len(word) > len(d) + 1 for d in definite):
        return word.casefold() not in lex.folded("honorifics")
    return word in ("של", "ل", "के", "की", "का")


def _clean_title(title: str, lex: Lexicon) -> str:
    """The title without a possessive party in front ("India's")."""
    return re.sub(r"^\S+(?:'s|’s)\s+", "", title).strip()


def _party_name(side: str, text: str, lex: Lexicon) -> str:
    """The party a side refers to, as the article names it ("Indian" → "India")."""
    code = lex.party_code(side) or lex.demonym_code(side)
    if code is None:
        return side
    for start, end, found in lex.find_parties(text):
        if found == code:
            return text[start:end]
    return side


def _pair_sides(found: list[Found], text: str, lex: Lexicon) -> None:
    """Give a signatory with no side the one party no other signatory speaks for, when the
    article is about two parties (the usual bilateral agreement)."""
    counts: dict[str, tuple[int, str]] = {}
    for start, end, code in lex.find_parties(text):
        count, name = counts.get(code, (0, text[start:end]))
        counts[code] = (count + 1, name)
    top = sorted(counts.items(), key=lambda item: -item[1][0])[:2]
    if len(top) != 2:
        return
    used = {lex.party_code(f.fields["party"]) for f in found if "party" in f.fields}
    free = [name for code, (_, name) in top if code not in used]
    missing = [f for f in found if "party" not in f.fields]
    if len(free) == 1 and len(missing) == 1:
        missing[0].fields["party"] = free[0]
        missing[0].reason += "; side: the other party"


# Outcomes --------------------------------------------------------------------------------


def outcomes(text: str, lex: Lexicon) -> list[Found]:
    """What was signed, concluded or launched: an agreement noun and its qualifiers, in a
    sentence with a verb of signing. Later bare or definite mentions refer back: skipped."""
    verbs = lex.pattern("sign_verbs", ignore_case=True)
    nouns = lex.pattern("agreements")  # the lists hold the capitalised forms they accept
    definite = lex.folded("definite")
    stops = [s.casefold() for s in lex.words("phrase_stops")]
    left = bool(lex.get("phrase_left", False))
    found: list[Found] = []
    heads: set[str] = set()
    for start, end in sentences(text):
        if verbs.search(text, start, end) is None:
            continue
        for match in nouns.finditer(text, start, end):
            noun_start, noun_end = match.span("word")
            prefix = text[match.start() : noun_start]
            toks = tokens(text, start, end)
            if any(f.start <= noun_start < f.end for f in found):
                continue
            if lex.language == "en" and not _object_of_signing(text, toks, match, verbs):
                continue
            span_start, span_end = noun_start, noun_end
            if left:
                span_start = _extend_left(text, toks, noun_start, stops, lex)
            else:
                if lex.language == "en":
                    span_start = _capitalised_left(toks, noun_start, match.group("word"))
                span_end = _extend_right(text, toks, noun_end, end, stops, verbs)
            near = [t.text.casefold() for t in toks if t.end <= span_start][-3:]
            if found and (prefix in definite or any(word in definite for word in near)):
                continue  # "the MoU", "this latest MoU": the agreement already found
            bare = (span_start, span_end) == (noun_start, noun_end)
            head = match.group("word").casefold()
            if bare and (head in heads or found):
                continue
            heads.add(head)
            abbreviation = re.match(r"\s*\(([^\W\d]{2,8})\)", text[noun_end:end])
            key = (abbreviation.group(1) if abbreviation else match.group("word")).casefold()
            found.append(
                Found("outcome", span_start, span_end, "pattern: signed AGREEMENT", 0.7, key=key)
            )
    return found


def _object_of_signing(
    text: str, toks: list[Token], match: re.Match[str], verbs: re.Pattern[str]
) -> bool:
    """English word order: what was signed follows the verb ("signed a treaty"), or the verb
    follows it closely ("the treaty was signed"); "a partnership … with the signing of" is
    not what was signed."""
    if verbs.search(text, toks[0].start if toks else 0, match.start()):
        return True
    after = [t for t in toks if t.start >= match.end()][:4]
    return any(verbs.fullmatch(t.text) for t in after)


def _capitalised_left(toks: list[Token], noun_start: int, noun: str) -> int:
    """ "a Defence Cooperation Agreement": a named agreement's capitalised words before it."""
    if not noun[:1].isupper():
        return noun_start
    before = [t for t in toks if t.end <= noun_start]
    start = noun_start
    for index in range(len(before) - 1, 0, -1):  # never the sentence's first word
        word = before[index].text
        named = word[:1].isupper() and word.isalpha()
        joined = word in ("and", "&") and before[index - 1].text[:1].isupper() and index > 1
        if not (named or joined):
            break
        start = before[index].start
    return start


def _extend_right(
    text: str, toks: list[Token], start: int, end: int, stops: list[str], verbs: re.Pattern[str]
) -> int:
    after = [t for t in toks if t.start >= start]
    result = start
    rest = text[start:end]
    abbreviation = re.match(r"\s*\([A-Za-zА-Яа-я]{2,8}\)", rest)
    if abbreviation:
        result = start + abbreviation.end()
        after = [t for t in after if t.start >= result]
    for count, token in enumerate(after):
        if token.is_punctuation or count >= MAX_PHRASE_WORDS:
            break
        lowered = text[token.start : end].casefold()
        if any(
            lowered.startswith(stop)
            and (len(lowered) == len(stop) or not lowered[len(stop)].isalnum())
            for stop in stops
        ):
            break
        if verbs.fullmatch(token.text):
            break
        result = token.end
    return result


def _extend_left(text: str, toks: list[Token], start: int, stops: list[str], lex: Lexicon) -> int:
    before = [t for t in toks if t.end <= start]
    result = start
    for count, token in enumerate(reversed(before)):
        if token.is_punctuation or count >= MAX_PHRASE_WORDS:
            break
        if token.text.casefold() in stops or lex.party_code(token.text):
            break
        result = token.start
    return result


# Domains ---------------------------------------------------------------------------------


def domains(text: str, lex: Lexicon, inside: list[tuple[int, int]]) -> list[Found]:
    """Each item of a list after (or, in Hindi, before) a cue of cooperation."""
    found: list[Found] = []
    # The first separator splits the list ("A, B, and C"); the others ("and", "et", "و")
    # only its last segment, so "Research and Development, training" stays one item.
    separators = [re.compile(s) for s in lex.words("list_separators")] or [re.compile(r",\s*")]
    strip = re.compile(str(lex.get("item_strip", "") or r"(?!x)x"))
    stops = lex.folded("phrase_stops") | lex.day_names  # never a domain
    for start, end in sentences(text):
        for cue in lex.pattern("cooperation", ignore_case=True).finditer(text, start, end):
            if any(s <= cue.start() < e for s, e in inside):
                continue  # "accord de coopération dans le domaine de…" names the agreement
            tail = re.split(r"[;:]", text[cue.end() : end], maxsplit=1)[0].rstrip(" .")
            found.extend(_items(text, cue.end(), cue.end() + len(tail), separators, strip, stops))
        for cue in lex.pattern("cooperation_after", ignore_case=True).finditer(text, start, end):
            list_start = _list_start(text, start, cue.start(), lex)
            found.extend(_items(text, list_start, cue.start(), separators, strip, stops))
    return found


def _list_start(text: str, sentence_start: int, cue_start: int, lex: Lexicon) -> int:
    stops = set(lex.words("name_stops")) | {"।"}
    toks = tokens(text, sentence_start, cue_start)
    start = cue_start
    since_separator = 0
    for token in reversed(toks):
        if token.text in stops and token.text not in ("और",):
            break
        if token.text in (",", "،") or token.text in ("और", "तथा", "एवं"):
            since_separator = 0
        else:
            since_separator += 1
            if since_separator > 3:
                break
        start = token.start
    return start


def _segments(
    text: str, start: int, end: int, separators: list[re.Pattern[str]]
) -> list[tuple[int, int]]:
    """The items of the list text[start:end], as spans."""
    spans = []
    cursor = start
    for match in separators[0].finditer(text, start, end):
        spans.append((cursor, match.start()))
        cursor = match.end()
    last = (cursor, end)
    if len(separators) > 1:
        inner = re.compile("|".join(p.pattern for p in separators[1:]))
        for match in inner.finditer(text, *last):
            spans.append((last[0], match.start()))
            last = (match.end(), end)
    spans.append(last)
    return spans


def _items(
    text: str,
    start: int,
    end: int,
    separators: list[re.Pattern[str]],
    strip: re.Pattern[str],
    stops: frozenset[str],
) -> list[Found]:
    found = []
    for item_start, item_end in _segments(text, start, end, separators):
        stripped = strip.match(text[item_start:item_end])  # "^" anchors at the item
        if stripped:
            item_start += stripped.end()
        while item_start < item_end and not re.match(WORD, text[item_start]):
            item_start += 1
        while item_end > item_start and not re.match(WORD, text[item_end - 1]):
            item_end -= 1
        item = text[item_start:item_end]
        words = item.split()
        if not words or len(words) > MAX_ITEM_WORDS or item.casefold() in stops:
            continue
        if any(c.isdigit() for c in item) or len(item) < 3:
            continue
        found.append(Found("domain", item_start, item_end, "pattern: cooperation in LIST", 0.6))
    return found


# Dates and places ------------------------------------------------------------------------


# Any word in a month's place; the month names (CLDR, any language) are looked up after.
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er|-?го)?\.?\s+(?P<month>{WORD}+)\.?,?\s+(\d{{4}})(?!\d)"
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?<!{WORD})(?P<month>{WORD}+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)"
)


def dates(text: str, lex: Lexicon) -> list[Found]:
    """Dates with day, month (CLDR names, any language) and year, and ISO dates. The first
    is most likely the event's (a dateline); one after "published"/"updated" is not."""
    months = lex.months
    prefixes = sorted(lex.words("prefixes"), key=len, reverse=True) if lex.prefix else []

    def month_of(word: str) -> int | None:
        key = _fold(word)
        for prefix in ["", *prefixes]:  # Hebrew "במרץ": in March
            if key.startswith(prefix) and key[len(prefix) :] in months:
                return months[key[len(prefix) :]]
        return None

    found: list[Found] = []

    def add(span: tuple[int, int], year: int, month: int, day: int, reason: str) -> None:
        if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2200):
            return
        if any(f.start < span[1] and span[0] < f.end for f in found):
            return
        found.append(
            Found("date", *span, reason, 0.7, {"iso": f"{year:04d}-{month:02d}-{day:02d}"})
        )

    for match in _DAY_MONTH_YEAR.finditer(text):
        month = month_of(match.group("month"))
        if month:
            add(match.span(), int(match.group(3)), month, int(match.group(1)), "date: D MONTH YYYY")
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = month_of(match.group("month"))
        if month:
            add(
                match.span(), int(match.group(3)), month, int(match.group(2)), "date: MONTH D, YYYY"
            )
    for match in re.finditer(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text):
        add(
            match.span(),
            int(match.group(1)),
            int(match.group(2)),
            int(match.group(3)),
            "date: 年月日",
        )
    for match in re.finditer(
        r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)", text
    ):
        add(match.span(), int(match.group(1)), int(match.group(2)), int(match.group(3)), "ISO date")
    found.sort(key=lambda f: f.start)
    published = re.compile(
        r"(?:published|updated|posted|publié|mis à jour|опубликовано|обновлено|פורסם|نشر"
        r"|प्रकाशित)\W*(?:on|le)?\s*$",
        re.IGNORECASE,
    )
    event = next(
        (f for f in found if not published.search(text[max(0, f.start - 30) : f.start])), None
    )
    if event is not None:
        event.confidence = 0.85
        event.reason += "; the first date of the text"
    return found


def _fold(name: str) -> str:
    from briefdesk.core.suggest.lexicon import _key

    return _key(name.rstrip("."))


_DATELINE = re.compile(
    rf"(?P<place>(?:{WORD}|[’'\-])+(?:[ \-](?:{WORD}|[’'\-])+){{0,3}})"  # up to four words
    r"\s*(?:\([^)\n]{1,40}\)\s*)?"  # an agency: "(Reuters)"
    r"[,،]\s*(?:le\s+)?(?=\d|\S+\s+\d)"  # a comma, then the date
)


def places(text: str, lex: Lexicon) -> list[Found]:
    """The place of the event: a dateline ("NEW DELHI, 4 February 2026 —") at the start of a
    paragraph near the top, or "signed … in PLACE"."""
    found: list[Found] = []
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
    for start in paragraph_starts[:4]:
        match = _DATELINE.match(text, start)
        if match and not any(c.isdigit() for c in match.group("place")):
            place = match.group("place")
            if lex.party_code(place) is None:
                found.append(Found("place", *match.span("place"), "dateline", 0.85))
                break
    cues = lex.words("place_cues")
    if cues and lex.cased:
        pattern = re.compile(
            rf"(?:{'|'.join(cues)})(?P<place>[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w’'-]+){{0,2}})"
        )
        for match in pattern.finditer(text):
            place = match.group("place")
            if lex.party_code(place) is None:
                found.append(
                    Found("place", *match.span("place"), "pattern: signed … in PLACE", 0.6)
                )
    return found
