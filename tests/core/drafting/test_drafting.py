"""Citing facts, drafting from them, and the checks before export."""

from __future__ import annotations

from collections.abc import Callable

from briefdesk.core.drafting import (
    check,
    cite,
    cited_ids,
    draft_from_facts,
    render_references,
)
from briefdesk.core.model import FactKind, Note, set_fact_fields, set_sections, untag

MakeNote = Callable[..., Note]

TAGS = [
    (FactKind.PARTY, "Norway"),
    (FactKind.PARTY, "Japan"),
    (FactKind.PLACE, "Oslo"),
    (FactKind.DATE, "12 March 2026"),
    (FactKind.OUTCOME, "Memorandum of Understanding (MoU) on Defence Cooperation"),
    (FactKind.SIGNATORY, "Ingrid Solberg Haugen"),
    (FactKind.SIGNATORY, "Kenji Morimoto"),
]


def _tagged(make_note: MakeNote) -> Note:
    note = make_note(tags=TAGS)
    by_text = {f.text: f for f in note}
    note.apply(
        set_fact_fields(
            note,
            by_text["Ingrid Solberg Haugen"].id,
            {"title": "Minister of Defence", "party": "Norway"},
        )
    )
    note.apply(set_fact_fields(note, by_text["12 March 2026"].id, {"iso": "2026-03-12"}))
    return note


def test_a_citation_follows_edits_to_its_fact(make_note: MakeNote) -> None:
    note = _tagged(make_note)
    kenji = next(f for f in note if f.text == "Kenji Morimoto")
    text = f"Signed by {cite(kenji)}."
    assert cited_ids(text) == [kenji.id]
    assert render_references(text, note) == "Signed by Kenji Morimoto."
    note.apply(set_fact_fields(note, kenji.id, {"title": "State Minister of Defense"}))
    assert render_references(text, note) == "Signed by State Minister of Defense Kenji Morimoto."
    note.apply(untag(note, kenji.id))
    assert render_references(text, note) == f"Signed by [deleted fact {kenji.id}]."


def test_draft_from_facts_is_made_of_facts_only(make_note: MakeNote) -> None:
    note = _tagged(make_note)
    sections = draft_from_facts(note)
    assert sections["title"] == (
        "Norway–Japan: Memorandum of Understanding (MoU) on Defence Cooperation"
    )
    summary = render_references(sections["summary"], note)
    assert summary == (
        "Norway and Japan agreed a Memorandum of Understanding (MoU) on Defence "
        "Cooperation in Oslo on 12 March 2026."
    )
    assert len(cited_ids(sections["summary"])) == 5
    points = render_references(sections["key_points"], note)
    assert "- Signed by Minister of Defence Ingrid Solberg Haugen for Norway." in points
    assert "- Signed by Kenji Morimoto." in points
    assert sections["sources"] == "- Source article."  # nothing else is known of it
    # What the facts cannot say is left out, not invented.
    assert "implications" not in sections and "recommendations" not in sections


def test_a_generated_draft_is_grounded(make_note: MakeNote) -> None:
    note = _tagged(make_note)
    note.apply(set_sections(note, draft_from_facts(note)))
    codes = {f.code for f in check(note)}
    assert "ungrounded" not in codes and "unsupported" not in codes
    assert "no-classification" in codes


def test_checks_find_what_a_brief_must_not_miss(make_note: MakeNote) -> None:
    note = _tagged(make_note)
    kenji = next(f for f in note if f.text == "Kenji Morimoto")
    note.apply(
        set_sections(
            note,
            {
                "classification": "OFFICIAL",
                "summary": f"{cite(kenji)} met 40 officials in Reykjavik. The weather was fine.",
                "key_points": "- [[f00000000]] agreed.",
            },
        )
    )
    findings = check(note)
    messages = [f.message for f in findings]
    codes = [f.code for f in findings]
    assert "no-classification" not in codes
    assert "deleted-fact" in codes
    assert any("Kenji Morimoto" in m and "no side" in m for m in messages)
    assert any("'40'" in m for m in messages) and any("'Reykjavik'" in m for m in messages)
    assert any(f.code == "ungrounded" and "weather" in f.message for f in findings)
    assert any(f.code == "missing-domain" for f in findings)
    assert findings[0].severity.value == "error"  # errors first


def test_a_date_that_does_not_parse_is_flagged(make_note: MakeNote) -> None:
    note = make_note(tags=[(FactKind.DATE, "12 March 2026")])
    date = next(iter(note))
    note.apply(set_fact_fields(note, date.id, {"iso": "2026-13-45"}))
    assert any(f.code == "date-unparsed" and f.fact_id == date.id for f in check(note))
