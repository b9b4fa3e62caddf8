"""Portion markings, the banner rolled up to the highest, and Admiralty gradings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx

from briefdesk.core import render
from briefdesk.core.drafting import check
from briefdesk.core.drafting.markings import describe_grading, is_grading, rolled_up
from briefdesk.core.model import FactKind, Note, set_fact_fields, set_sections

MakeNote = Callable[..., Note]


def test_the_banner_rolls_up_to_the_highest_portion_marking() -> None:
    texts = [
        "(U) Norway and Japan signed an MoU.",
        "- (C) Liaison officers will be named.",
        "- (S) A joint exercise is planned.",
    ]
    assert rolled_up("CONFIDENTIAL", texts) == "SECRET"
    assert rolled_up("TOP SECRET", texts) == "TOP SECRET"
    assert rolled_up("OFFICIAL", texts) == "OFFICIAL"  # a scheme without portion marks


def test_admiralty_gradings() -> None:
    assert is_grading("b2") and not is_grading("G7") and not is_grading("B")
    assert describe_grading("B2") == "B2 (usually reliable, probably true)"


def test_checks_and_export_follow_the_markings(make_note: MakeNote, tmp_path: Path) -> None:
    note = make_note(tags=[(FactKind.PARTY, "Norway")])
    fact = next(iter(note))
    note.apply(set_fact_fields(note, fact.id, {"grading": "Z9"}))
    note.apply(
        set_sections(
            note,
            {
                "classification": "UNCLASSIFIED",
                "summary": "(U) Norway and Japan signed an MoU.\n\nAn unmarked paragraph.",
                "key_points": "- (S) A joint exercise is planned.",
                "grading": "B2",
            },
        )
    )
    findings = check(note)
    codes = [f.code for f in findings]
    assert "rolled-up" in codes
    assert any(f.code == "portion-marking" and "unmarked" in f.message for f in findings)
    assert any(f.code == "grading" and f.fact_id == fact.id for f in findings)
    render.export(note, tmp_path / "n.docx")
    document = docx.Document(str(tmp_path / "n.docx"))
    assert document.sections[0].header.paragraphs[0].text == "SECRET"
    texts = [p.text for p in document.paragraphs]
    assert "Source grading: B2 (usually reliable, probably true)" in texts


def test_sources_list_each_cited_fact_with_location_and_grading(
    make_note: MakeNote, tmp_path: Path
) -> None:
    from briefdesk.core.drafting import cite

    note = make_note(tags=[(FactKind.SIGNATORY, "Kenji Morimoto")])
    fact = next(iter(note))
    note.apply(set_fact_fields(note, fact.id, {"grading": "A1"}))
    note.apply(set_sections(note, {"summary": f"Signed by {cite(fact)}."}))
    render.export(note, tmp_path / "n.docx")
    texts = [p.text for p in docx.Document(str(tmp_path / "n.docx")).paragraphs]
    where = note.article.locate(fact.start, fact.end)
    assert (
        f"“Kenji Morimoto” — signatory, {where}, graded A1 (completely reliable, "
        "confirmed by other sources)"
    ) in texts
    assert "Signed by Kenji Morimoto." in texts
