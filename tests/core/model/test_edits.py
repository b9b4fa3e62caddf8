from collections.abc import Callable

import pytest

from briefdesk.core.errors import SpanError, ValidationError
from briefdesk.core.model import (
    Batch,
    FactKind,
    MoveFact,
    Note,
    RemoveFact,
    SetDraftSection,
    find_text,
    merge_entities,
    set_fact_fields,
    set_sections,
    snap_to_words,
    tag,
)

MakeNote = Callable[..., Note]


def test_tag_undo_redo_round_trip(make_note: MakeNote) -> None:
    note = make_note()
    start, end = find_text(note.article.text, "Japan")
    edit = tag(note, FactKind.PARTY, start, end)
    change = note.apply(edit)
    assert change.added == {edit.fact.id}
    assert note.history.undo_label == "Tag 'Japan' as party"
    assert note.is_modified
    assert note.undo() is not None
    assert len(note) == 0 and not note.is_modified
    note.redo()
    assert [f.text for f in note] == ["Japan"]
    assert note.fact(edit.fact.id).start == start


def test_mentions_of_the_same_name_share_an_entity(make_note: MakeNote) -> None:
    note = make_note(
        tags=[(FactKind.PARTY, "Norway"), (FactKind.PARTY, "Norway"), (FactKind.PARTY, "Japan")]
    )
    norway = [f for f in note if f.text == "Norway"]
    assert len(norway) == 2 and norway[0].entity == norway[1].entity
    japan = next(f for f in note if f.text == "Japan")
    assert japan.entity != norway[0].entity
    assert len(note.mentions(norway[0].entity)) == 2


def test_signatory_party_links_to_the_tagged_party(make_note: MakeNote) -> None:
    note = make_note(tags=[(FactKind.PARTY, "Japan")])
    start, end = find_text(note.article.text, "Kenji Morimoto")
    edit = tag(note, FactKind.SIGNATORY, start, end, {"title": "State Minister", "party": "japan"})
    note.apply(edit)
    assert edit.fact.fields["party_id"] == note.facts_of_kind(FactKind.PARTY)[0].entity


def test_overlapping_and_nested_facts_are_allowed(make_note: MakeNote) -> None:
    note = make_note()
    text = note.article.text
    outer = find_text(text, "Norway's Minister of Defence, Ingrid Solberg Haugen")
    inner = find_text(text, "Ingrid Solberg Haugen")
    note.apply(tag(note, FactKind.QUOTE, *outer))
    note.apply(tag(note, FactKind.SIGNATORY, *inner))
    assert len(note) == 2


def test_bad_span_changes_nothing(make_note: MakeNote) -> None:
    note = make_note()
    with pytest.raises(SpanError):
        tag(note, FactKind.PARTY, 5, 10_000)
    with pytest.raises(SpanError, match="visible"):
        tag(note, FactKind.PARTY, 6, 7)  # a single space
    assert len(note) == 0 and note.history.undo_label is None


def test_failed_batch_rolls_back(make_note: MakeNote) -> None:
    note = make_note(tags=[(FactKind.PARTY, "Norway")])
    fact = next(iter(note))
    bad = Batch("two", (SetDraftSection("title", "T"), RemoveFact("missing-id")))
    with pytest.raises(ValidationError):
        note.apply(bad)
    assert note.draft.get("title") == "" and list(note) == [fact]


def test_fields_merge_move_and_draft_undo(make_note: MakeNote) -> None:
    note = make_note(
        tags=[(FactKind.PARTY, "Norway"), (FactKind.PARTY, "Japan"), (FactKind.PARTY, "Oslo")]
    )
    ids = list(note.facts)
    note.apply(set_fact_fields(note, ids[0], {"role": "host"}))
    assert note.fact(ids[0]).fields == {"role": "host"}
    note.apply(merge_entities(note, [ids[1], ids[2]]))
    assert note.fact(ids[2]).entity == note.fact(ids[1]).entity
    note.apply(MoveFact(ids[2], 0))
    assert next(iter(note.facts)) == ids[2]
    note.apply(set_sections(note, {"bluf": "**Yes.**", "title": "MoU"}))
    assert note.draft.get("summary") == "**Yes.**"
    for _ in range(4):
        note.undo()
    assert list(note.facts) == ids
    assert note.fact(ids[0]).fields == {}
    assert note.fact(ids[2]).entity != note.fact(ids[1]).entity
    assert note.draft.sections == {}
    assert note.undo() is not None  # tags made before the last save are still undoable
    assert len(note) == 2


def test_redo_is_dropped_after_a_new_edit(make_note: MakeNote) -> None:
    note = make_note()
    note.apply(SetDraftSection("title", "A"))
    note.undo()
    note.apply(SetDraftSection("title", "B"))
    assert note.redo() is None
    assert note.draft.get("title") == "B"


def test_clean_state_is_lost_when_undone_past_and_edited(make_note: MakeNote) -> None:
    note = make_note()
    note.apply(SetDraftSection("title", "A"))
    note.history.mark_clean()
    note.undo()
    assert note.is_modified
    note.apply(SetDraftSection("title", "B"))
    note.undo()
    assert note.is_modified  # same text as at save is not reachable through history


@pytest.mark.parametrize(
    ("selection", "expected"),
    [("ndi", "India"), (" India ", "India"), ("India and Is", "India and Israel")],
)
def test_snap_to_words(selection: str, expected: str) -> None:
    text = "Both India and Israel agreed."
    start = text.index(selection)
    s, e = snap_to_words(text, start, start + len(selection))
    assert text[s:e] == expected


def test_snap_does_not_widen_across_chinese() -> None:
    text = "中国和日本签署了协议"
    assert snap_to_words(text, 0, 2) == (0, 2)


def test_find_text_counts_occurrences() -> None:
    with pytest.raises(ValidationError, match="occurs twice, so there is no third one"):
        find_text("a India b India", "India", 3)
    with pytest.raises(ValidationError, match="does not occur"):
        find_text("a b", "India")
    assert find_text("a India b India", "India", 2) == (10, 15)


def test_set_entity_field_sets_every_mention_and_links_the_party(make_note: MakeNote) -> None:
    from briefdesk.core.model import set_entity_field

    note = make_note(tags=[(FactKind.PARTY, "Japan"), (FactKind.SIGNATORY, "Kenji Morimoto")])
    japan = note.facts_of_kind(FactKind.PARTY)[0]
    kenji = note.facts_of_kind(FactKind.SIGNATORY)[0]
    edit = set_entity_field(note, kenji.entity, "party", "Japan")
    assert edit is not None and edit.label == "Set party of 'Kenji Morimoto'"
    note.apply(edit)
    assert note.fact(kenji.id).fields == {"party": "Japan", "party_id": japan.entity}
    assert set_entity_field(note, kenji.entity, "party", "Japan") is None  # nothing to change
    note.apply(set_entity_field(note, kenji.entity, "party", ""))  # type: ignore[arg-type]
    assert note.fact(kenji.id).fields == {}
