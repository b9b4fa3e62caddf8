import pytest

from briefdesk.core.errors import SpanError, ValidationError
from briefdesk.core.model import Article, Fact, FactKind, Origin


def make(start: int, end: int, text: str, **kw: object) -> Fact:
    return Fact("f1", FactKind.PARTY, start, end, text, "f1", **kw)  # type: ignore[arg-type]


def test_span_must_match_the_article_text() -> None:
    article = Article.from_text("India and Israel")
    make(0, 5, "India").check_against(article)
    with pytest.raises(SpanError, match="different text"):
        make(0, 5, "Indix").check_against(article)
    with pytest.raises(SpanError, match="past the end"):
        make(10, 20, "x" * 10).check_against(article)


@pytest.mark.parametrize(("start", "end"), [(3, 3), (5, 2), (-1, 4)])
def test_empty_or_negative_spans_are_refused(start: int, end: int) -> None:
    with pytest.raises(SpanError):
        make(start, end, "x" * max(0, end - start))


def test_field_names_and_values_are_checked() -> None:
    with pytest.raises(ValidationError, match="field name"):
        make(0, 5, "India", fields={"Bad Name": "x"})
    with pytest.raises(ValidationError, match="must be text"):
        make(0, 5, "India", fields={"title": 3})


def test_json_round_trip_and_errors() -> None:
    fact = make(0, 5, "India", fields={"role": "host"}, origin=Origin.SUGGESTED)
    assert Fact.from_json(fact.to_json()) == fact
    assert fact.to_json()["origin"] == "suggested"
    with pytest.raises(ValidationError, match="unknown fact kind 'nation'"):
        Fact.from_json({**fact.to_json(), "kind": "nation"})
    with pytest.raises(SpanError):
        Fact.from_json({**fact.to_json(), "start": "0"})


def test_kind_parse_names_the_choices() -> None:
    assert FactKind.parse(" Party ") is FactKind.PARTY
    with pytest.raises(ValidationError, match="choose from party, signatory"):
        FactKind.parse("person")
