"""Each family of rules in each language, on sentences written for these tests, and every
article of the evaluation set (bench/suggest_set) for span integrity and its gold facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefdesk.core.ingest import from_string
from briefdesk.core.model import Article, Fact, FactKind, Metadata
from briefdesk.core.suggest import suggest

SET = sorted((Path(__file__).parents[3] / "bench" / "suggest_set").glob("*.json"))


def facts(text: str, language: str) -> dict[FactKind, list[Fact]]:
    article = Article.from_text(text, Metadata(language=language))
    found = suggest(article)
    assert all(article.text[f.start : f.end] == f.text for f in found)
    return {kind: [f for f in found if f.kind is kind] for kind in FactKind}


def texts(found: list[Fact]) -> list[str]:
    return [f.text for f in found]


def test_english_sides_from_possessive_demonym_and_for() -> None:
    got = facts(
        "Brazil's Foreign Minister, Mauro Vieira, and Argentine Defence Minister Luis Petri "
        "signed a framework on border cooperation. Secretary of State Ana Reyes signed for "
        "Chile.",
        "en",
    )
    sides = {
        f.text: (f.fields.get("title"), f.fields.get("party")) for f in got[FactKind.SIGNATORY]
    }
    assert sides == {
        "Mauro Vieira": ("Foreign Minister", "Brazil"),
        "Luis Petri": ("Defence Minister", "Argentine"),
        "Ana Reyes": ("Secretary of State", "Chile"),
    }
    assert texts(got[FactKind.OUTCOME]) == ["framework on border cooperation"]


def test_french_lowercase_titles_and_lists() -> None:
    got = facts(
        "Abidjan, le 2 juin 2026 – La Côte d'Ivoire et le Ghana ont signé un accord de "
        "défense. Le ministre ivoirien de la Défense, Téné Birahima Ouattara, a signé l'accord. "
        "Les deux pays coopéreront en matière de renseignement, de formation et de logistique.",
        "fr",
    )
    [signatory] = got[FactKind.SIGNATORY]
    assert signatory.text == "Téné Birahima Ouattara"
    assert signatory.fields["title"] == "ministre ivoirien de la Défense"
    assert signatory.fields["party"] == "Côte d'Ivoire"
    assert texts(got[FactKind.DOMAIN]) == ["renseignement", "formation", "logistique"]
    assert [f.fields["iso"] for f in got[FactKind.DATE]] == ["2026-06-02"]
    assert texts(got[FactKind.PLACE]) == ["Abidjan"]


def test_russian_names_match_in_any_case() -> None:
    got = facts(
        "Соглашение подписали министр иностранных дел Казахстана Мурат Нуртлеу и посол "
        "Узбекистана Алишер Абдуалиев 3 марта 2026 года.",
        "ru",
    )
    assert {f.fields["iso"] for f in got[FactKind.PARTY]} == {"KZ", "UZ"}
    people = {f.text: f.fields.get("party") for f in got[FactKind.SIGNATORY]}
    assert people == {"Мурат Нуртлеу": "Казахстана", "Алишер Абдуалиев": "Узбекистана"}
    assert [f.fields["iso"] for f in got[FactKind.DATE]] == ["2026-03-03"]


def test_hebrew_prefixes_and_attached_list_items() -> None:
    got = facts(
        'נציגי ארה"ב וצרפת חתמו על הסכם לשיתוף פעולה. הצדדים ישתפו פעולה בהגנה אווירית, '
        "בלוגיסטיקה ובהדרכה.",
        "he",
    )
    assert {f.fields["iso"] for f in got[FactKind.PARTY]} == {"US", "FR"}
    assert texts(got[FactKind.PARTY]) == ['ארה"ב', "צרפת"]  # the span leaves the ו out
    assert texts(got[FactKind.DOMAIN]) == ["הגנה אווירית", "לוגיסטיקה", "הדרכה"]
    assert texts(got[FactKind.OUTCOME]) == ["הסכם לשיתוף פעולה"]


def test_arabic_titles_without_commas_and_waw_lists() -> None:
    got = facts(
        "وقّعت قطر وتركيا اتفاقية للتعاون العسكري. ووقّع الاتفاقية وزير الدفاع القطري خالد "
        "العطية. وتشمل التعاون في مجالات الطاقة والنقل والتدريب.",
        "ar",
    )
    [signatory] = got[FactKind.SIGNATORY]
    assert (signatory.text, signatory.fields["title"]) == ("خالد العطية", "وزير الدفاع القطري")
    assert signatory.fields["party"] == "قطر"
    assert texts(got[FactKind.DOMAIN]) == ["الطاقة", "النقل", "التدريب"]
    assert texts(got[FactKind.OUTCOME]) == ["اتفاقية للتعاون العسكري"]


def test_hindi_titles_before_names_and_lists_before_the_cue() -> None:
    got = facts(
        "भारत और ब्राज़ील ने एक समझौते पर हस्ताक्षर किए। भारत की ओर से विदेश सचिव विक्रम मिस्री "
        "ने हस्ताक्षर किए। दोनों देश ऊर्जा, कृषि और रक्षा में सहयोग करेंगे।",
        "hi",
    )
    [signatory] = got[FactKind.SIGNATORY]
    assert (signatory.text, signatory.fields["title"]) == ("विक्रम मिस्री", "विदेश सचिव")
    assert signatory.fields["party"] == "भारत"
    assert texts(got[FactKind.DOMAIN]) == ["ऊर्जा", "कृषि", "रक्षा"]


@pytest.mark.parametrize("path", SET, ids=[path.stem for path in SET])
def test_every_evaluation_article_gives_its_gold_facts(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    article = from_string(case["text"])
    found = suggest(article)
    assert all(article.text[f.start : f.end] == f.text for f in found)
    gold = case["gold"]
    isos = {f.fields.get("iso") for f in found if f.kind is FactKind.PARTY}
    assert {p["iso"] for p in gold["parties"]} <= isos
    names = {f.text for f in found if f.kind is FactKind.SIGNATORY}
    assert {s["name"] for s in gold["signatories"]} <= names
    first_date = next(f for f in found if f.kind is FactKind.DATE)
    assert first_date.fields["iso"] == gold["date"]


def test_english_name_before_title_and_named_agreements() -> None:
    got = facts(
        "The European Union and Japan today signed a Security and Defence Partnership. It was "
        "signed by Kaja Kallas, High Representative of the Union for Foreign Affairs, and "
        "Takeshi Iwaya, Minister for Foreign Affairs of Japan. Ukrainian Minister of Strategic "
        "Industries Herman Smetanin attended.",
        "en",
    )
    people = {f.text: (f.fields["title"], f.fields.get("party")) for f in got[FactKind.SIGNATORY]}
    assert people == {
        # The pairing rule: Japan is Iwaya's side, so Kallas speaks for the other party.
        "Kaja Kallas": ("High Representative of the Union for Foreign Affairs", "European Union"),
        "Takeshi Iwaya": ("Minister for Foreign Affairs of Japan", "Japan"),
        "Herman Smetanin": ("Minister of Strategic Industries", "Ukrainian"),
    }
    assert texts(got[FactKind.OUTCOME]) == ["Security and Defence Partnership"]


def test_ukrainian_titles_cases_and_future_tense_cues() -> None:
    got = facts(
        "Угоду підписали міністр оборони Данії Троельс Лунд Поульсен та міністр стратегічних "
        "галузей промисловості України Герман Сметанін. Сторони співпрацюватимуть у сфері "
        "виробництва дронів та протиповітряної оборони.",
        "uk",
    )
    people = {f.text: f.fields.get("party") for f in got[FactKind.SIGNATORY]}
    assert people == {"Троельс Лунд Поульсен": "Данії", "Герман Сметанін": "України"}
    assert texts(got[FactKind.DOMAIN]) == ["виробництва дронів", "протиповітряної оборони"]


def test_organisations_and_armed_groups_are_parties() -> None:
    got = facts(
        "Israel and Hamas agreed a ceasefire; NATO and the African Union welcomed it.", "en"
    )
    assert [(f.text, f.fields["iso"]) for f in got[FactKind.PARTY]] == [
        ("Israel", "IL"),
        ("Hamas", "org:Hamas"),
        ("NATO", "org:NATO"),
        ("African Union", "org:AU"),
    ]


def test_suggestions_work_when_the_cache_cannot_be_written(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    base = tmp_path / "base"
    base.mkdir()
    (base / "cache").write_text("a file where the cache folder would go", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Israel and Greece signed an agreement in Athens.", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "briefdesk", "suggest", str(article)],
        capture_output=True,
        text=True,
        env={**os.environ, "BRIEFDESK_BASEDIR": str(base)},
    )
    assert result.returncode == 0, result.stderr
    assert "Israel" in result.stdout and "Greece" in result.stdout


def test_ministries_that_sign_are_parties_of_their_country() -> None:
    got = facts(
        "India's Ministry of Defence and the Israeli Ministry of Defence signed an MoU. "
        "Amir Baram, Director General of Israel's Ministry of Defence, signed it.",
        "en",
    )
    ministries = [(f.text, f.fields["iso"]) for f in got[FactKind.PARTY] if f.text != "India"]
    assert ministries[:2] == [
        ("Ministry of Defence", "ministry:IN:ministry of defence"),
        ("Ministry of Defence", "ministry:IL:ministry of defence"),
    ]
    # Inside a signatory's title it is part of the title, not a party of its own.
    assert len([m for m in ministries if m[0] == "Ministry of Defence"]) == 2
    arabic = facts("وقّعت وزارة الدفاع المصرية ووزارة الدفاع الأردنية مذكرة تفاهم.", "ar")
    assert {f.fields["iso"].split(":")[1] for f in arabic[FactKind.PARTY]} == {"EG", "JO"}
