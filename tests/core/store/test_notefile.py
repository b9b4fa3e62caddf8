import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefdesk.core import store
from briefdesk.core.errors import NewerSchemaError, NoteFileError
from briefdesk.core.model import (
    SECTIONS,
    Article,
    Draft,
    Fact,
    FactKind,
    Metadata,
    Note,
    Origin,
    Source,
    canonicalize,
)
from briefdesk.core.store.notefile import MAX_MEMBER_BYTES, MIMETYPE

MakeNote = Callable[..., Note]


def test_file_layout_matches_the_format(make_note: MakeNote, tmp_path: Path) -> None:
    note = make_note(tags=[(FactKind.PARTY, "Norway")], draft={"title": "MoU"})
    path = tmp_path / "n.briefdesk"
    store.save(note, path)
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "mimetype"
        assert infos[0].compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == MIMETYPE.encode()
        assert [i.filename for i in infos] == ["mimetype", "note.json", "source/article.txt"]
        data = json.loads(archive.read("note.json"))
    assert data["schema"] == store.SCHEMA
    assert data["facts"][0]["text"] == "Norway"
    assert data["draft"]["title"] == "MoU"
    assert path.read_bytes()[30:38] == b"mimetype"
    assert store.is_note_file(path)


def test_round_trip_is_lossless(make_note: MakeNote, tmp_path: Path) -> None:
    note = make_note(
        tags=[(FactKind.PARTY, "Norway"), (FactKind.SIGNATORY, "Kenji Morimoto")],
        draft={"summary": "x < y & {{ z }}", "classification": "OFFICIAL"},
    )
    path = tmp_path / "n.briefdesk"
    store.save(note, path)
    assert not note.is_modified
    again = store.load(path)
    assert again == note
    assert again.source is not None and again.source.data == note.source.data  # type: ignore[union-attr]


def test_same_note_gives_the_same_bytes(make_note: MakeNote, tmp_path: Path) -> None:
    note = make_note(tags=[(FactKind.PARTY, "Japan")])
    store.save(note, tmp_path / "a.briefdesk")
    store.save(note, tmp_path / "b.briefdesk")
    assert (tmp_path / "a.briefdesk").read_bytes() == (tmp_path / "b.briefdesk").read_bytes()


def test_failed_save_leaves_the_old_file(
    make_note: MakeNote, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "n.briefdesk"
    store.save(make_note(), path)
    before = path.read_bytes()
    note = make_note(draft={"title": "changed"})

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", broken)
    with pytest.raises(NoteFileError, match="No space left"):
        store.save(note, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.briefdesk"]


def test_save_into_a_missing_folder_is_a_clear_error(make_note: MakeNote, tmp_path: Path) -> None:
    with pytest.raises(NoteFileError, match="cannot save"):
        store.save(make_note(), tmp_path / "missing" / "n.briefdesk")


def _write_zip(path: Path, members: dict[str, bytes], mimetype: bool = True) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        if mimetype:
            archive.writestr("mimetype", MIMETYPE)
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _good_json(make_note: MakeNote) -> dict:  # type: ignore[type-arg]
    data = store.note_to_json(make_note(tags=[(FactKind.PARTY, "Norway")]))
    data["source"] = None  # these archives are written without a source member
    return data


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["facts"][0].update(start=5000, end=5006), "past the end"),
        (lambda d: d["facts"][0].update(text="Sweden"), "different text"),
        (lambda d: d["facts"][0].update(kind="nation"), "unknown fact kind"),
        (lambda d: d.update(schema="one"), "no valid schema"),
        (lambda d: d.update(facts={}), "'facts' must be a list"),
        (
            lambda d: d["article"].update(text=d["article"]["text"].replace("Oslo", "Bonn")),
            "SHA-256",
        ),
        (lambda d: d["draft"].update(nonsense="x"), "unknown draft section"),
        (lambda d: d.update(facts=[d["facts"][0], d["facts"][0]]), "share the id"),
    ],
)
def test_invalid_content_is_one_clear_error(
    make_note: MakeNote,
    tmp_path: Path,
    mutate: Callable[[dict], None],  # type: ignore[type-arg]
    message: str,
) -> None:
    data = _good_json(make_note)
    mutate(data)
    path = _write_zip(tmp_path / "bad.briefdesk", {"note.json": json.dumps(data).encode()})
    with pytest.raises(NoteFileError, match=message) as info:
        store.load(path)
    assert str(info.value).startswith("bad.briefdesk: ")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("members", "mimetype", "message"),
    [
        ({}, True, "no note.json"),
        ({"note.json": b"{not json"}, True, "not valid JSON"),
        ({"note.json": b"\xff\xfe"}, True, "not UTF-8"),
        ({"note.json": b"[" * 100_000 + b"]" * 100_000}, True, "nested too deeply"),
        ({"note.json": b"{}"}, False, "mimetype is missing"),
        ({"../evil.txt": b"x", "note.json": b"{}"}, True, "outside the archive"),
        ({"/etc/passwd": b"x", "note.json": b"{}"}, True, "outside the archive"),
        (
            {"source/a.txt": b"a", "source/b.txt": b"b", "note.json": b"{}"},
            True,
            "more than one source",
        ),
    ],
)
def test_broken_archives_are_one_clear_error(
    tmp_path: Path, members: dict[str, bytes], mimetype: bool, message: str
) -> None:
    path = _write_zip(tmp_path / "bad.briefdesk", members, mimetype)
    with pytest.raises(NoteFileError, match=message):
        store.load(path)


def test_not_a_zip_and_truncated(make_note: MakeNote, tmp_path: Path) -> None:
    text = tmp_path / "plain.briefdesk"
    text.write_text("hello")
    with pytest.raises(NoteFileError, match="not a ZIP"):
        store.load(text)
    good = tmp_path / "good.briefdesk"
    store.save(make_note(), good)
    cut = tmp_path / "cut.briefdesk"
    cut.write_bytes(good.read_bytes()[:-40])
    with pytest.raises(NoteFileError):
        store.load(cut)
    with pytest.raises(NoteFileError, match="cannot open"):
        store.load(tmp_path / "missing.briefdesk")


def test_oversized_member_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.briefdesk"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", MIMETYPE)
        with archive.open("note.json", "w", force_zip64=True) as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(MAX_MEMBER_BYTES // len(chunk) + 1):
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(NoteFileError, match="larger than 256 MiB"):
        store.load(path)


def test_newer_schema_is_refused_or_read_only(make_note: MakeNote, tmp_path: Path) -> None:
    data = _good_json(make_note)
    data["schema"] = store.SCHEMA + 1
    path = _write_zip(tmp_path / "new.briefdesk", {"note.json": json.dumps(data).encode()})
    with pytest.raises(NewerSchemaError, match="newer BriefDesk"):
        store.load(path)
    note = store.load(path, allow_newer=True)
    assert note.read_only
    with pytest.raises(NoteFileError, match="read-only"):
        store.save(note, tmp_path / "out.briefdesk")
    assert not (tmp_path / "out.briefdesk").exists()


def test_unsafe_source_names_are_made_plain(make_note: MakeNote, tmp_path: Path) -> None:
    note = make_note(source_name="../../etc/pass:wd")
    store.save(note, tmp_path / "n.briefdesk")
    with zipfile.ZipFile(tmp_path / "n.briefdesk") as archive:
        assert "source/pass_wd" in archive.namelist()


# A property test: any note, in any script, survives a save and a load unchanged.

_ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from("שלום עולם مرحبا بالعالم 中文日本語 😀🇮🇱 \n\t"),
    ),
    min_size=1,
    max_size=300,
)


@st.composite
def notes(draw: st.DrawFn) -> Note:
    text = canonicalize(draw(_ANY_TEXT))
    if not text:
        text = "x"
    meta = Metadata(
        title=draw(st.none() | _ANY_TEXT),
        language=draw(st.none() | st.just("he")),
        direction=draw(st.sampled_from(["ltr", "rtl"])),
    )
    article = Article.from_text(text, meta)
    facts = []
    for index in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        fields = draw(
            st.dictionaries(
                st.sampled_from(["title", "party", "iso", "notes"]), _ANY_TEXT, max_size=2
            )
        )
        facts.append(
            Fact(
                f"f{index}",
                draw(st.sampled_from(list(FactKind))),
                start,
                end,
                text[start:end],
                f"f{draw(st.integers(0, index))}",
                fields,
                draw(st.sampled_from(list(Origin))),
            )
        )
    sections = draw(st.dictionaries(st.sampled_from(SECTIONS), _ANY_TEXT, max_size=4))
    draft = Draft({k: v for k, v in ((k, canonicalize(v)) for k, v in sections.items()) if v})
    source = draw(st.none() | st.builds(Source, st.just("a.txt"), st.binary(max_size=50)))
    return Note(article, facts, draft, source)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=notes())
def test_any_note_round_trips(note: Note, tmp_path: Path) -> None:
    path = tmp_path / "n.briefdesk"
    store.save(note, path)
    assert store.load(path) == note
