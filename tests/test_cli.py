"""The real ``briefdesk`` command, run in a subprocess on real files."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from briefdesk import __version__

Run = Callable[..., object]


@pytest.fixture
def article(tmp_path: Path, sample_text: str) -> Path:
    path = tmp_path / "sample.txt"
    path.write_text(sample_text, encoding="utf-8")
    return path


@pytest.fixture
def note(run_cli: Run, article: Path, tmp_path: Path) -> Path:
    result = run_cli("new", str(article), "-o", "n.briefdesk")
    assert result.code == 0, result  # type: ignore[attr-defined]
    return tmp_path / "n.briefdesk"


def _error_line(result: object) -> str:
    assert result.code == 2, result  # type: ignore[attr-defined]
    lines = result.err.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, result
    assert lines[0].startswith("briefdesk: error: ")
    assert "Traceback" not in result.err  # type: ignore[attr-defined]
    return lines[0]


def test_version_and_help(run_cli: Run) -> None:
    result = run_cli("--version")
    assert result.code == 0 and result.out.strip() == f"briefdesk {__version__}"  # type: ignore[attr-defined]
    result = run_cli("--help")
    for verb in (
        "ingest",
        "suggest",
        "new",
        "tag",
        "untag",
        "facts",
        "draft",
        "export",
        "templates",
        "gui",
    ):
        assert verb in result.out  # type: ignore[attr-defined]
    for verb in ("ingest", "tag", "draft", "export"):
        help_text = run_cli(verb, "--help")
        assert help_text.code == 0 and "usage: briefdesk " + verb in help_text.out  # type: ignore[attr-defined]


def test_ingest_text_and_json(run_cli: Run, article: Path, sample_text: str) -> None:
    result = run_cli("ingest", str(article))
    assert result.code == 0 and result.out == sample_text  # type: ignore[attr-defined]
    data = json.loads(run_cli("ingest", str(article), "--json").out)  # type: ignore[attr-defined]
    assert set(data) >= {
        "title",
        "date",
        "language",
        "direction",
        "format",
        "encoding",
        "metadata",
        "text",
        "blocks",
    }
    assert data["title"] == "Norway and Japan sign defence MoU on maritime security"
    assert data["direction"] == "ltr" and data["encoding"] == "utf-8"
    first = data["blocks"][0]
    assert data["text"][first["start"] : first["end"]] == data["title"]


def test_ingest_from_stdin_with_encoding(run_cli: Run) -> None:
    hebrew = "ישראל והודו חתמו על מזכר הבנות\n"
    result = run_cli("ingest", "-", "--encoding", "cp1255", "--json", stdin=hebrew.encode("cp1255"))
    data = json.loads(result.out)  # type: ignore[attr-defined]
    assert data["text"] == hebrew and data["direction"] == "rtl"


def test_new_tag_facts_untag(run_cli: Run, note: Path, sample_text: str) -> None:
    result = run_cli("tag", str(note), "--kind", "party", "--text", "Japan", "--nth", "2", "--json")
    assert result.code == 0, result  # type: ignore[attr-defined]
    fact = json.loads(result.out)  # type: ignore[attr-defined]
    second = sample_text.index("Japan", sample_text.index("Japan") + 1)
    assert (fact["start"], fact["end"], fact["text"]) == (second, second + 5, "Japan")
    assert fact["kind"] == "party" and fact["origin"] == "user"
    result = run_cli(
        "tag",
        str(note),
        "--kind",
        "signatory",
        "--text",
        "Kenji Morimoto",
        "--field",
        "title=State Minister of Defense",
        "--field",
        "party=Japan",
        "--json",
    )
    signatory = json.loads(result.out)  # type: ignore[attr-defined]
    assert signatory["fields"] == {
        "title": "State Minister of Defense",
        "party": "Japan",
        "party_id": fact["entity"],
    }
    start = sample_text.index("Oslo")
    result = run_cli("tag", str(note), "--kind", "place", "--span", f"{start}:{start + 4}")
    assert result.code == 0 and "Oslo" in result.out  # type: ignore[attr-defined]
    facts = json.loads(run_cli("facts", str(note), "--json").out)  # type: ignore[attr-defined]
    assert [f["text"] for f in facts] == ["Japan", "Kenji Morimoto", "Oslo"]
    for item in facts:
        assert sample_text[item["start"] : item["end"]] == item["text"]
    listing = run_cli("facts", str(note)).out  # type: ignore[attr-defined]
    assert "para 2, chars" in listing and "Kenji Morimoto" in listing
    result = run_cli("untag", str(note), fact["id"])
    assert result.code == 0  # type: ignore[attr-defined]
    facts = json.loads(run_cli("facts", str(note), "--json").out)  # type: ignore[attr-defined]
    assert [f["text"] for f in facts] == ["Kenji Morimoto", "Oslo"]


def test_suggest_file_and_note(run_cli: Run, article: Path, note: Path) -> None:
    data = json.loads(run_cli("suggest", str(article), "--json").out)  # type: ignore[attr-defined]
    assert data["title"].startswith("Norway and Japan")
    assert {"Norway", "Japan"} <= {f["text"] for f in data["facts"] if f["kind"] == "party"}
    assert all(f["origin"] == "suggested" for f in data["facts"])
    run_cli("tag", str(note), "--kind", "place", "--text", "Oslo", "--nth", "2")
    tagged = json.loads(run_cli("facts", str(note), "--json").out)  # type: ignore[attr-defined]
    [oslo] = [f["start"] for f in tagged if f["kind"] == "place"]
    data = json.loads(run_cli("suggest", str(note), "--json").out)  # type: ignore[attr-defined]
    places = [f["start"] for f in data["facts"] if f["kind"] == "place"]
    assert oslo not in places  # the analyst's own span is not proposed again


def test_new_with_suggestions_from_stdin(run_cli: Run, tmp_path: Path, sample_text: str) -> None:
    result = run_cli("new", "-", "-o", "s.briefdesk", "--suggest", stdin=sample_text.encode())
    assert result.code == 0, result  # type: ignore[attr-defined]
    facts = json.loads(run_cli("facts", "s.briefdesk", "--json").out)  # type: ignore[attr-defined]
    assert facts and all(f["origin"] == "suggested" for f in facts)


def test_draft_set_set_file_and_json(run_cli: Run, note: Path, tmp_path: Path) -> None:
    (tmp_path / "bg.md").write_text("Talks began in **2024**.\n", encoding="utf-8")
    result = run_cli(
        "draft",
        str(note),
        "--set",
        "title=Norway–Japan MoU",
        "--set",
        "BLUF=Signed {{ today }} & <now>",
        "--set-file",
        "background=bg.md",
        "--json",
    )
    assert result.code == 0, result  # type: ignore[attr-defined]
    data = json.loads(result.out)  # type: ignore[attr-defined]
    assert data["summary"] == "Signed {{ today }} & <now>"
    assert data["background"] == "Talks began in **2024**.\n"
    assert data["title"] == "Norway–Japan MoU" and data["recommendations"] == ""
    shown = run_cli("draft", str(note)).out  # type: ignore[attr-defined]
    assert "## Summary\nSigned {{ today }} & <now>" in shown


def test_export_docx_and_pdf(run_cli: Run, note: Path, tmp_path: Path) -> None:
    run_cli(
        "draft",
        str(note),
        "--set",
        "title=MoU brief",
        "--set",
        "classification=OFFICIAL",
        "--set",
        "summary=Norway and Japan signed an MoU.",
    )
    assert run_cli("export", str(note), "-o", "out.docx").code == 0  # type: ignore[attr-defined]
    assert run_cli("export", str(note), "-o", "out.pdf").code == 0  # type: ignore[attr-defined]
    document = docx.Document(str(tmp_path / "out.docx"))
    assert document.paragraphs[0].text == "MoU brief"
    text = PdfReader(tmp_path / "out.pdf").pages[0].extract_text()
    assert "Norway and Japan signed an MoU." in text and "OFFICIAL" in text
    listing = run_cli("templates").out  # type: ignore[attr-defined]
    assert listing.startswith("briefing ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("tag", "n.briefdesk", "--kind", "nation", "--text", "Japan"), "unknown fact kind"),
        (("tag", "n.briefdesk", "--kind", "party", "--text", "Sweden"), "does not occur"),
        (("tag", "n.briefdesk", "--kind", "party", "--span", "5:x"), "--span takes"),
        (("tag", "n.briefdesk", "--kind", "party", "--span", "5:999999"), "not inside"),
        (("tag", "n.briefdesk", "--kind", "party", "--text", "Japan", "--field", "x"), "KEY=VALUE"),
        (("untag", "n.briefdesk", "f00000000"), "no fact with id"),
        (("draft", "n.briefdesk", "--set", "preface=x"), "unknown draft section"),
        (("draft", "n.briefdesk", "--set-file", "summary=missing.md"), "cannot read"),
        (("export", "n.briefdesk", "-o", "out.odt"), "use .docx or .pdf"),
        (("export", "n.briefdesk", "-o", "out.pdf", "--template", "nope"), "unknown template"),
        (("tag", "n.briefdesk"), "required"),
        (("frobnicate",), None),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    run_cli: Run, note: Path, args: tuple[str, ...], message: str | None
) -> None:
    before = note.read_bytes()
    if args == ("frobnicate",):
        args = ("ingest", "frobnicate.txt")
        message = "cannot read"
    line = _error_line(run_cli(*args))
    assert message in line
    assert note.read_bytes() == before
    assert not any(p.name.startswith(("out.", ".n.briefdesk")) for p in note.parent.iterdir())


def test_corrupt_note_is_one_line(run_cli: Run, note: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.briefdesk"
    bad.write_bytes(note.read_bytes()[:200])
    assert "bad.briefdesk" in _error_line(run_cli("facts", str(bad)))
    garbage = tmp_path / "garbage.briefdesk"
    garbage.write_bytes(b"\x00\xff" * 100)
    assert "not a ZIP" in _error_line(
        run_cli("tag", str(garbage), "--kind", "party", "--text", "x")
    )
    evil = tmp_path / "evil.briefdesk"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("mimetype", "application/vnd.briefdesk+zip")
        archive.writestr("../../escape.txt", "x")
    assert "outside the archive" in _error_line(run_cli("facts", str(evil)))
    assert not (tmp_path.parent / "escape.txt").exists()


def test_binary_article_is_one_line(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert "binary" in _error_line(run_cli("new", "x.txt", "-o", "x.briefdesk"))
    assert not (tmp_path / "x.briefdesk").exists()


def test_draft_from_facts_and_check(run_cli: Run, note: Path) -> None:
    for args in (
        ("--kind", "party", "--text", "Norway"),
        ("--kind", "party", "--text", "Japan"),
        ("--kind", "outcome", "--text", "Memorandum of Understanding (MoU) on Defence Cooperation"),
        ("--kind", "place", "--text", "Oslo", "--nth", "2"),
    ):
        assert run_cli("tag", str(note), *args).code == 0  # type: ignore[attr-defined]
    run_cli("draft", str(note), "--set", "summary=Written by the analyst.")
    result = run_cli("draft", str(note), "--from-facts", "--json")
    assert result.code == 0, result  # type: ignore[attr-defined]
    data = json.loads(result.out)  # type: ignore[attr-defined]
    assert data["summary"] == "Written by the analyst."  # the analyst's text is kept
    assert data["title"].startswith("Norway–Japan: Memorandum of Understanding")
    assert "[[" in data["key_points"] or data["key_points"] == ""
    shown = run_cli("draft", str(note)).out  # type: ignore[attr-defined]
    assert "[[" not in shown  # citations read as the facts' words
    checks = run_cli("draft", str(note), "--check")
    assert checks.code == 0  # type: ignore[attr-defined]
    assert "No classification marking is chosen." in checks.out  # type: ignore[attr-defined]
    assert "No tagged fact supports: “Written by the analyst.”" in checks.out  # type: ignore[attr-defined]
    findings = json.loads(run_cli("draft", str(note), "--check", "--json").out)  # type: ignore[attr-defined]
    assert {"severity", "code", "message", "section", "fact"} <= set(findings[0])
    undo_free = run_cli("draft", str(note), "--json")
    assert json.loads(undo_free.out)["title"] == data["title"]  # type: ignore[attr-defined]
