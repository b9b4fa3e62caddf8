"""How good are the suggestions? Precision, recall and F1 per kind on BriefDesk's own
evaluation set (bench/suggest_set/*.json: agreement articles in English, French, Russian,
Hebrew, Arabic and Hindi, each with its gold facts).

Run ``python bench/suggest_eval.py`` (all splits) or ``--split holdout``. A third of the set
is marked ``"split": "holdout"``: it was kept out of sight while the rules were written, so
its figures are the honest ones. Targets (issue "Suggest facts"), checked on the holdout:

- parties F1 >= 0.9 (by country or organisation: "India", "India's" and "Inde" are one);
- signatory names F1 >= 0.8, with title and side right for >= 75 % of the matched names;
- event date and place accuracy >= 0.8 (the most confident suggestion of each);
- domains and outcomes F1 >= 0.6, a suggestion matching a gold item when their words overlap
  (Dice >= 0.5).

Articles go through the real ingest (language detected as for any pasted text).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefdesk.core.ingest import from_string
from briefdesk.core.model import Fact, FactKind
from briefdesk.core.suggest import suggest

SET = Path(__file__).resolve().parent / "suggest_set"
TARGETS = {
    "parties": 0.9,
    "signatories": 0.8,
    "title+side": 0.75,
    "date": 0.8,
    "place": 0.8,
    "domains": 0.6,
    "outcomes": 0.6,
}


def words(text: str) -> list[str]:
    """Casefolded words, without punctuation, quotes or Hebrew/Arabic one-letter prefixes."""
    text = unicodedata.normalize("NFC", text).casefold()
    return re.findall(r"\w+", text.replace("\u05f4", '"'))


def dice(a: str, b: str) -> float:
    left, right = words(a), words(b)
    if not left or not right:
        return 0.0
    common = sum(min(left.count(w), right.count(w)) for w in set(left))
    return 2 * common / (len(left) + len(right))


def same_name(a: str, b: str) -> bool:
    return " ".join(words(a)) == " ".join(words(b))


@dataclass
class Score:
    """Counts for one kind: true positives against predictions and gold items."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Score) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    scores: dict[str, Score] = field(default_factory=dict)
    right: dict[str, list[bool]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def score(self, kind: str) -> Score:
        return self.scores.setdefault(kind, Score())

    def tally(self, kind: str, ok: bool) -> None:
        self.right.setdefault(kind, []).append(ok)


def _match(predicted: list[str], gold: list[str], same: Any) -> tuple[int, list[str], list[str]]:
    """Greedy one-to-one matching; returns matches, unmatched predictions, unmatched gold."""
    left = list(gold)
    extra = []
    matched = 0
    for item in predicted:
        hit = next((g for g in left if same(item, g)), None)
        if hit is None:
            extra.append(item)
        else:
            left.remove(hit)
            matched += 1
    return matched, extra, left


def _best(facts: list[Fact]) -> Fact | None:
    return max(facts, key=lambda f: (float(f.fields.get("confidence", 0)), -f.start), default=None)


def evaluate(case: dict[str, Any], result: Result) -> None:
    article = from_string(case["text"])
    facts = suggest(article)
    text = article.text
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text, (case["id"], fact)
    gold = case["gold"]
    name = case["id"]
    by_kind: dict[FactKind, list[Fact]] = {}
    for fact in facts:
        by_kind.setdefault(fact.kind, []).append(fact)

    parties = by_kind.get(FactKind.PARTY, [])
    iso_of = {" ".join(words(f.text)): f.fields.get("iso", "") for f in parties}
    predicted_isos = sorted({f.fields.get("iso", f.text) for f in parties})
    gold_isos = [p["iso"] for p in gold["parties"]]
    matched, extra, missed = _match(predicted_isos, gold_isos, str.__eq__)
    result.score("parties").add(Score(matched, len(predicted_isos), len(gold_isos)))
    result.misses += [f"{name} party +{e}" for e in extra] + [f"{name} party -{m}" for m in missed]

    signatories: dict[str, Fact] = {}
    for fact in by_kind.get(FactKind.SIGNATORY, []):
        signatories.setdefault(" ".join(words(fact.text)), fact)
    people = list(signatories.values())
    gold_people = gold["signatories"]
    left = list(gold_people)
    matched = 0
    for fact in people:
        hit = next((g for g in left if same_name(fact.text, g["name"])), None)
        if hit is None:
            result.misses.append(f"{name} signatory +{fact.text}")
            continue
        left.remove(hit)
        matched += 1
        title_ok = dice(fact.fields.get("title", ""), hit["title"]) >= 0.5
        party = fact.fields.get("party", "")
        side_ok = iso_of.get(" ".join(words(party)), party) == hit["party"]
        result.tally("title+side", title_ok and side_ok)
        if not (title_ok and side_ok):
            result.misses.append(
                f"{name} signatory {fact.text}: title {fact.fields.get('title')!r} "
                f"side {party!r} (gold {hit['title']!r}, {hit['party']})"
            )
    result.misses += [f"{name} signatory -{g['name']}" for g in left]
    result.score("signatories").add(Score(matched, len(people), len(gold_people)))

    for kind, key in ((FactKind.DOMAIN, "domains"), (FactKind.OUTCOME, "outcomes")):
        texts = list(dict.fromkeys(f.text for f in by_kind.get(kind, [])))
        matched, extra, missed = _match(texts, gold[key], lambda a, b: dice(a, b) >= 0.5)
        result.score(key).add(Score(matched, len(texts), len(gold[key])))
        result.misses += [f"{name} {key} +{e}" for e in extra]
        result.misses += [f"{name} {key} -{m}" for m in missed]

    date = _best(by_kind.get(FactKind.DATE, []))
    date_ok = date is not None and date.fields.get("iso") == gold["date"]
    result.tally("date", date_ok)
    if not date_ok:
        result.misses.append(f"{name} date {date.fields if date else None} (gold {gold['date']})")
    place = _best(by_kind.get(FactKind.PLACE, []))
    place_ok = place is not None and same_name(place.text, gold["place"])
    result.tally("place", place_ok)
    if not place_ok:
        result.misses.append(f"{name} place {place.text if place else None} ({gold['place']})")


def report(title: str, cases: list[dict[str, Any]], verbose: bool) -> bool:
    result = Result()
    for case in cases:
        evaluate(case, result)
    languages = sorted({case["language"] for case in cases})
    print(f"\n{title}: {len(cases)} articles ({', '.join(languages)})")
    print(f"  {'kind':<12} {'P':>5} {'R':>5} {'F1':>5}   target")
    ok = True
    for kind in ("parties", "signatories", "domains", "outcomes"):
        score = result.score(kind)
        met = score.f1 >= TARGETS[kind]
        ok &= met
        print(
            f"  {kind:<12} {score.precision:5.2f} {score.recall:5.2f} {score.f1:5.2f}"
            f"   F1 >= {TARGETS[kind]}  {'ok' if met else 'MISSED'}"
        )
    for kind in ("title+side", "date", "place"):
        values = result.right.get(kind, [])
        accuracy = sum(values) / len(values) if values else 0.0
        met = accuracy >= TARGETS[kind]
        ok &= met
        print(
            f"  {kind:<12} accuracy {accuracy:4.2f} ({sum(values)}/{len(values)})"
            f"   >= {TARGETS[kind]}  {'ok' if met else 'MISSED'}"
        )
    if verbose:
        for miss in result.misses:
            print("   ", miss)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "holdout", "all"), default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    cases = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(SET.glob("*.json"))]
    splits = ("dev", "holdout") if args.split == "all" else (args.split,)
    results = {}
    for split in splits:
        chosen = [case for case in cases if case["split"] == split]
        results[split] = report(split, chosen, args.verbose)
    if args.split == "all":
        report("all", cases, False)
    return 0 if results.get("holdout", results.get(args.split, True)) else 1


if __name__ == "__main__":
    sys.exit(main())
