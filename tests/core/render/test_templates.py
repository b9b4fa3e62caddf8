"""The template engine: three shipped templates, user template folders, hostile templates."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from briefdesk.core import render
from briefdesk.core.errors import RenderError
from briefdesk.core.model import FactKind, Note, set_fact_fields
from briefdesk.core.render.layout import Heading, Paragraph
from briefdesk.core.render.templates import find_template, list_templates

MakeNote = Callable[..., Note]


@pytest.fixture
def note(make_note: MakeNote) -> Note:
    made = make_note(
        tags=[
            (FactKind.PARTY, "Norway"),
            (FactKind.PARTY, "Japan"),
            (FactKind.SIGNATORY, "Kenji Morimoto"),
            (FactKind.PLACE, "Oslo"),
        ],
        draft={
            "title": "Norway–Japan MoU",
            "classification": "OFFICIAL",
            "summary": "Norway and Japan signed {{ 7*7 }} <b>an</b> MoU & more.",
            "key_points": "- One\n- Two",
            "recommendations": "1. Note it.",
        },
    )
    kenji = next(f for f in made if f.text == "Kenji Morimoto")
    made.apply(set_fact_fields(made, kenji.id, {"title": "State Minister", "party": "Japan"}))
    return made


def test_three_templates_ship_and_the_default_comes_first() -> None:
    names = [t.name for t in list_templates()]
    assert names[0] == "briefing" and {"bluf-memo", "fact-sheet"} <= set(names)


def test_each_template_exports_docx_and_pdf_with_the_same_content(
    note: Note, tmp_path: Path
) -> None:
    for name in ("briefing", "bluf-memo", "fact-sheet"):
        render.export(note, tmp_path / f"{name}.docx", name)
        render.export(note, tmp_path / f"{name}.pdf", name)
        document = docx.Document(str(tmp_path / f"{name}.docx"))
        words = " ".join(p.text for p in document.paragraphs)
        words += " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        pdf = " ".join(page.extract_text() for page in PdfReader(tmp_path / f"{name}.pdf").pages)
        assert document.sections[0].header.paragraphs[0].text == "OFFICIAL"
        for expected in ("Norway–Japan MoU", "Norway and Japan signed {{ 7*7 }} <b>an</b> MoU"):
            assert expected in words and expected in " ".join(pdf.split()), (name, expected)
    sheet = docx.Document(str(tmp_path / "fact-sheet.docx"))
    signatories = sheet.tables[1]
    assert [c.text for c in signatories.rows[1].cells][:3] == [
        "Kenji Morimoto",
        "State Minister",
        "Japan",
    ]
    assert signatories.rows[1].cells[3].text.startswith("para 4, chars")
    memo = docx.Document(str(tmp_path / "bluf-memo.docx"))
    headings = [p.text for p in memo.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Bottom line up front", "Key points", "Action"]


def _template(folder: Path, body: str, manifest: str = 'name = "mine"\n') -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    (folder / "note.j2").write_text(body, encoding="utf-8")
    return folder


def test_a_user_template_folder_works(note: Note, tmp_path: Path) -> None:
    folder = _template(
        tmp_path / "mine",
        '{{ title("Custom: " ~ draft.title) }}'
        '{{ heading("Summary") }}{{ markdown(draft.summary) }}',
        'name = "mine"\npage = "Letter"\nnumbered_paragraphs = true\n',
    )
    render.export(note, tmp_path / "out.docx", str(folder))
    document = docx.Document(str(tmp_path / "out.docx"))
    assert document.paragraphs[0].text == "Custom: Norway–Japan MoU"
    assert document.paragraphs[2].text.startswith("1. Norway and Japan signed")
    assert round(document.sections[0].page_width.inches, 1) == 8.5


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ title.__globals__ }}", "unsafe|undefined|attribute"),
        ("{{ ().__class__.__bases__[0].__subclasses__() }}", "unsafe|attribute"),
        ('{% include "/etc/passwd" %}', "not found|passwd"),
        ('{% include "../../../../etc/passwd" %}', "not found|passwd"),
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "loops more than",
        ),
        ('{{ paragraph("x" * 100000000) }}', "string longer"),
        ("{{ 10 ** 100000000 }}", "number too large"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "recurses"),
        ("{{ nonsense(", "template 'mine'"),
        ("{{ no_such_name }}", "undefined"),
    ],
)
def test_hostile_or_broken_templates_fail_cleanly(
    note: Note, tmp_path: Path, body: str, message: str
) -> None:
    import re

    folder = _template(tmp_path / "mine", body)
    out = tmp_path / "out.pdf"
    out.write_bytes(b"previous export")
    started = time.monotonic()
    with pytest.raises(RenderError) as info:
        render.export(note, out, str(folder))
    assert time.monotonic() - started < 10
    assert re.search(message, str(info.value), re.I), str(info.value)
    assert "root:" not in str(info.value)  # no file of the machine leaks into the message
    assert out.read_bytes() == b"previous export"


def test_bad_manifests_are_named(tmp_path: Path) -> None:
    folder = _template(tmp_path / "bad", "{{ title('x') }}", 'page = "A3"\n')
    with pytest.raises(RenderError, match="page must be one of A4, Letter"):
        find_template(str(folder))
    with pytest.raises(RenderError, match="unknown template 'nope'"):
        find_template("nope")


def test_a_draft_in_another_language_gets_titles_labels_and_footer_in_it(
    make_note: MakeNote, tmp_path: Path
) -> None:
    draft = {
        "title": "מזכר הבנות ביטחוני",
        "to": "שר הביטחון",
        "summary": "ישראל ויוון חתמו על מזכר הבנות לשיתוף פעולה ביטחוני בירושלים.",
        "background": "המזכר מרחיב את ההסכם הקודם ואינו כולל התחייבות להגנה הדדית.",
    }
    hebrew = make_note(draft=draft)
    layout = render.build_layout(hebrew)
    headings = [block.text for block in layout.blocks if isinstance(block, Heading)]
    assert headings[:2] == ["תקציר", "רקע"]
    assert layout.page_label == "עמוד {page} מתוך {pages}"
    metas = [block.text for block in layout.blocks if isinstance(block, Paragraph)]
    assert "אל: שר הביטחון" in metas
    # A template's own title for that language wins.
    folder = _template(
        tmp_path / "own",
        "{% for s in sections %}{{ heading(s.title) }}{% endfor %}",
        'name = "own"\nsections = ["summary"]\n[titles]\nsummary = "BLUF"\n'
        '[titles.he]\nsummary = "שורה תחתונה"\n',
    )
    own = render.build_layout(hebrew, str(folder))
    assert [block.text for block in own.blocks] == ["שורה תחתונה"]
    english_draft = {"summary": "Norway and Japan signed a defence memorandum in Oslo today."}
    english = render.build_layout(make_note(draft=english_draft), str(folder))
    assert [block.text for block in english.blocks] == ["BLUF"]
    assert english.page_label == "Page {page} of {pages}"


ICON = Path(__file__).parents[3] / "resources" / "icons" / "org.briefdesk.BriefDesk-128.png"


def test_a_manifest_logo_heads_both_outputs(note: Note, tmp_path: Path) -> None:
    folder = _template(
        tmp_path / "crest", "{{ title(draft.title) }}", 'logo = "crest.png"\nlogo_width_mm = 25\n'
    )
    (folder / "crest.png").write_bytes(ICON.read_bytes())
    render.export(note, tmp_path / "a.docx", str(folder))
    document = docx.Document(str(tmp_path / "a.docx"))
    [shape] = document.inline_shapes
    assert round(shape.width.mm) == 25
    render.export(note, tmp_path / "a.pdf", str(folder))
    page = PdfReader(tmp_path / "a.pdf").pages[0]
    assert len(page.images) == 1


@pytest.mark.parametrize(
    ("logo", "content", "message"),
    [
        ("../outside.png", None, "inside the template's folder"),
        ("fake.png", b"GIF89a not a png", "not a PNG or JPEG"),
        ("huge.png", b"\x89PNG\r\n\x1a\n" + b"\0" * (3 * 1024 * 1024), "larger than 2 MiB"),
        ("missing.png", None, "cannot read logo"),
    ],
)
def test_bad_logos_are_named(
    logo: str, content: bytes | None, message: str, tmp_path: Path
) -> None:
    folder = _template(tmp_path / "t", "{{ title('x') }}", f'logo = "{logo}"\n')
    (tmp_path / "outside.png").write_bytes(ICON.read_bytes())
    if content is not None:
        (folder / logo).write_bytes(content)
    with pytest.raises(RenderError, match=message):
        find_template(str(folder))
