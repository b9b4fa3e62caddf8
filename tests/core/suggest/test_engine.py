from briefdesk.core.model import Article, FactKind, Origin
from briefdesk.core.suggest import suggest


def test_suggests_agreement_facts_with_exact_spans(sample_text: str) -> None:
    article = Article.from_text(sample_text)
    facts = suggest(article)
    assert all(article.text[f.start : f.end] == f.text for f in facts)
    assert all(f.origin is Origin.SUGGESTED and f.fields["reason"] for f in facts)
    by_kind = {kind: [f for f in facts if f.kind is kind] for kind in FactKind}
    assert {f.text for f in by_kind[FactKind.PARTY]} == {"Norway", "Japan"}
    signatories = {f.text: f.fields for f in reversed(by_kind[FactKind.SIGNATORY])}
    assert signatories["Ingrid Solberg Haugen"]["title"] == "Minister of Defence"
    assert signatories["Ingrid Solberg Haugen"]["party"] == "Norway"
    assert signatories["Kenji Morimoto"]["party"] == "Japan"
    assert [f.fields["iso"] for f in by_kind[FactKind.DATE]] == ["2026-03-12"]
    places = by_kind[FactKind.PLACE]  # the dateline and "signed … in Oslo": one place
    assert {f.text for f in places} == {"Oslo"} and len({f.entity for f in places}) == 1
    # The headline's "MoU on maritime security" and the body's "Memorandum of Understanding
    # (MoU) on Defence Cooperation" are one agreement: two mentions of one entity.
    outcomes = by_kind[FactKind.OUTCOME]
    assert [f.text for f in outcomes] == [
        "MoU on maritime security",
        "Memorandum of Understanding (MoU) on Defence Cooperation",
    ]
    assert len({f.entity for f in outcomes}) == 1


def test_a_later_mention_by_surname_is_the_same_signatory() -> None:
    text = (
        "Norway's Minister of Defence, Ingrid Solberg Haugen, signed the MoU. "
        '"It works," Minister Solberg Haugen said.'
    )
    facts = [f for f in suggest(Article.from_text(text)) if f.kind is FactKind.SIGNATORY]
    assert [f.text for f in facts] == ["Ingrid Solberg Haugen", "Solberg Haugen"]
    assert len({f.entity for f in facts}) == 1


def test_mentions_share_an_entity_and_tagged_spans_are_skipped(sample_text: str) -> None:
    article = Article.from_text(sample_text)
    facts = suggest(article)
    norway = [f for f in facts if f.text == "Norway"]
    assert len(norway) > 1 and len({f.entity for f in norway}) == 1
    again = suggest(article, existing=norway)
    assert not [f for f in again if f.text == "Norway" and f.kind is FactKind.PARTY]


def test_progress_is_reported() -> None:
    seen: list[float] = []
    suggest(Article.from_text("Nothing here."), progress=seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen)


def test_a_country_inside_a_signatory_name_is_not_a_party() -> None:
    article = Article.from_text("Israel's Defence Minister, Israel Katz, signed the MoU.")
    facts = suggest(article)
    parties = [(f.start, f.text) for f in facts if f.kind is FactKind.PARTY]
    assert parties == [(0, "Israel")]
    assert [f.text for f in facts if f.kind is FactKind.SIGNATORY] == ["Israel Katz"]


def test_rejected_suggestions_stay_rejected(sample_text: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from briefdesk.core import store
    from briefdesk.core.model import AddFact, Batch, Note, untag

    article = Article.from_text(sample_text)
    note = Note(article)
    note.apply(Batch("suggest", tuple(AddFact(f) for f in suggest(article))))
    oslo = next(f for f in note if f.kind is FactKind.PLACE)
    note.apply(untag(note, oslo.id))
    assert (FactKind.PLACE, oslo.start, oslo.end) in note.rejected
    store.save(note, tmp_path / "n.briefdesk")
    again = store.load(tmp_path / "n.briefdesk")
    assert again.rejected == note.rejected
    proposals = suggest(again.article, list(again), rejected=again.rejected)
    assert not any(f.kind is FactKind.PLACE for f in proposals)
    note.undo()  # un-rejecting brings it back and forgets the rejection
    assert oslo.id in note.facts and not note.rejected
