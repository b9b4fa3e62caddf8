"""The ``.briefdesk`` file: a ZIP holding ``mimetype``, ``note.json`` and ``source/<name>``.

Like ODF, ``mimetype`` comes first and uncompressed, so tools can identify the file by its
first bytes. ``note.json`` holds the whole model; ``source/`` the original bytes of the article,
so provenance survives the original being moved. Loading validates everything and raises
:class:`NoteFileError` with one clear sentence; saving is atomic.
"""

from __future__ import annotations

import io
import json
import os
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from briefdesk import __version__
from briefdesk.core.atomic import atomic_write
from briefdesk.core.errors import NewerSchemaError, NoteFileError, ValidationError
from briefdesk.core.model import (
    Article,
    Block,
    BlockKind,
    Draft,
    Fact,
    FactKind,
    Metadata,
    Note,
    Source,
)
from briefdesk.core.store.detect import MIMETYPE, is_note_file

if TYPE_CHECKING:
    import zipfile

__all__ = [
    "MAX_MEMBERS",
    "MAX_MEMBER_BYTES",
    "MIMETYPE",
    "SCHEMA",
    "is_note_file",
    "load",
    "note_from_json",
    "note_to_json",
    "save",
]

SCHEMA = 1
"""The schema version this BriefDesk writes; it reads this one and all older ones."""

MAX_MEMBER_BYTES = 256 * 1024 * 1024
"""The largest member (note.json or the source) a note file may hold, uncompressed."""
MAX_MEMBERS = 64
"""More members than this is not a file BriefDesk wrote."""
MAX_JSON_DEPTH = 64
"""note.json is never nested deeper than this; deeper is hostile or broken."""

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same note always gives the same bytes
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


def save(note: Note, path: str | os.PathLike[str]) -> None:
    """Write *note* to *path* atomically and mark it saved.

    Raises NoteFileError if the note is read-only or the file cannot be written; on failure
    any existing file at *path* is untouched.
    """
    write(note, path)
    note.history.mark_clean()


def write(note: Note, path: str | os.PathLike[str]) -> None:
    """Write *note* to *path* atomically, leaving its saved state alone (for autosave).

    Raises NoteFileError as :func:`save` does.
    """
    target = Path(path)
    if note.read_only:
        raise NoteFileError(
            f"{target.name}: this note came from a newer BriefDesk and is read-only here"
        )
    import zipfile  # here, not at the top: the app starts faster without it

    payload = json.dumps(note_to_json(note), ensure_ascii=False, indent=1).encode("utf-8")

    def write_zip(handle: BinaryIO) -> None:
        with zipfile.ZipFile(handle, "w") as archive:
            _add(archive, "mimetype", MIMETYPE.encode("ascii"), zipfile.ZIP_STORED)
            _add(archive, "note.json", payload, zipfile.ZIP_DEFLATED)
            if note.source is not None:
                name = "source/" + safe_member_name(note.source.name)
                _add(archive, name, note.source.data, zipfile.ZIP_DEFLATED)

    try:
        atomic_write(target, write_zip)
    except OSError as error:
        raise NoteFileError(f"cannot save {target}: {error.strerror or error}") from error


def _add(archive: zipfile.ZipFile, name: str, data: bytes, compression: int) -> None:
    import zipfile

    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = compression
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def safe_member_name(name: str) -> str:
    """Return *name* as a plain file name safe inside the archive ("source" if nothing is left)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE_NAME.sub("_", base).strip(" .")
    return base[:200] or "source"


def load(path: str | os.PathLike[str], *, allow_newer: bool = False) -> Note:
    """Read the note at *path*.

    Raises NoteFileError naming the file and what is wrong with it: not a note file, a
    damaged archive, unsafe or oversized members, bad JSON, a span that does not match the
    article, an unknown fact kind. A note from a newer BriefDesk raises NewerSchemaError
    unless *allow_newer*, in which case it is read as far as this version understands it and
    returned read-only.
    """
    source = Path(path)
    try:
        with source.open("rb") as handle:
            return _load(handle, allow_newer)
    except NoteFileError as error:
        message = str(error)
        if isinstance(error, NewerSchemaError):
            raise NewerSchemaError(f"{source.name}: {message}", error.schema) from None
        raise NoteFileError(f"{source.name}: {message}") from None
    except IsADirectoryError:
        raise NoteFileError(f"{source}: is a folder, not a note file") from None
    except OSError as error:
        raise NoteFileError(f"cannot open {source}: {error.strerror or error}") from None


def _load(handle: BinaryIO, allow_newer: bool) -> Note:
    import zipfile

    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise NoteFileError("not a BriefDesk note (it is not a ZIP container)") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise NoteFileError(f"holds {len(infos)} members, more than a note ever has")
        names: set[str] = set()
        for info in infos:
            _check_member_name(info.filename)
            if info.filename in names:
                raise NoteFileError(f"holds '{info.filename}' twice")
            names.add(info.filename)
        if "mimetype" not in names or _read(archive, "mimetype", 1024) != MIMETYPE.encode():
            raise NoteFileError("not a BriefDesk note (its mimetype is missing or wrong)")
        if "note.json" not in names:
            raise NoteFileError("damaged: it has no note.json")
        raw = _read(archive, "note.json", MAX_MEMBER_BYTES)
        sources = [name for name in names if name.startswith("source/") and name != "source/"]
        if len(sources) > 1:
            raise NoteFileError("holds more than one source file")
        source = None
        if sources:
            name = sources[0]
            source = Source(name.removeprefix("source/"), _read(archive, name, MAX_MEMBER_BYTES))
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise NoteFileError("damaged: note.json is not UTF-8") from None
    except RecursionError:
        raise NoteFileError("damaged: note.json is nested too deeply") from None
    except json.JSONDecodeError as error:
        raise NoteFileError(
            f"damaged: note.json is not valid JSON (line {error.lineno}, column {error.colno})"
        ) from None
    _check_depth(data)
    return note_from_json(data, source, allow_newer=allow_newer)


def _check_member_name(name: str) -> None:
    normal = posixpath.normpath(name)
    if (
        "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or re.match(r"[A-Za-z]:", name)
        or normal == ".."
        or normal.startswith("../")
        or "/../" in f"/{name}/"
    ):
        raise NoteFileError(f"refused: member name '{name[:80]}' points outside the archive")


def _read(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """Read member *name*, refusing more than *limit* bytes whatever its header claims."""
    import zipfile

    info = archive.getinfo(name)
    if info.file_size > limit:
        raise NoteFileError(f"'{name}' is larger than {limit // (1024 * 1024)} MiB")
    buffer = io.BytesIO()
    try:
        with archive.open(info) as member:
            while chunk := member.read(1024 * 1024):
                buffer.write(chunk)
                if buffer.tell() > limit:
                    raise NoteFileError(f"'{name}' is larger than {limit // (1024 * 1024)} MiB")
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
        raise NoteFileError(f"damaged: '{name}' cannot be read ({error})") from None
    return buffer.getvalue()


def _check_depth(data: Any) -> None:
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise NoteFileError("damaged: note.json is nested too deeply")
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


# JSON mapping ------------------------------------------------------------------------------


def note_to_json(note: Note) -> dict[str, Any]:
    """Return the whole note as the JSON object stored in ``note.json``."""
    article = note.article
    return {
        "schema": SCHEMA,
        "generator": f"BriefDesk {__version__}",
        "article": {
            "text": article.text,
            "sha256": article.sha256,
            "metadata": article.metadata.to_json(),
            "blocks": [_block_to_json(block) for block in article.blocks],
        },
        "source": None
        if note.source is None
        else {
            "name": safe_member_name(note.source.name),
            "sha256": note.source.sha256,
            "size": len(note.source.data),
        },
        "facts": [fact.to_json() for fact in note],
        "draft": note.draft.to_json(),
        "rejected": [
            {"kind": kind.value, "start": start, "end": end}
            for kind, start, end in sorted(note.rejected, key=lambda r: (r[1], r[2], r[0]))
        ],
    }


def _block_to_json(block: Block) -> dict[str, Any]:
    return {"kind": block.kind.value, "start": block.start, "end": block.end, "level": block.level}


def note_from_json(data: Any, source: Source | None = None, *, allow_newer: bool = False) -> Note:
    """Build a note from the ``note.json`` object; raise NoteFileError saying what is wrong."""
    if not isinstance(data, dict):
        raise NoteFileError("damaged: note.json does not hold an object")
    schema = data.get("schema")
    if type(schema) is not int or schema < 1:
        raise NoteFileError("damaged: note.json has no valid schema version")
    read_only = False
    if schema > SCHEMA:
        if not allow_newer:
            raise NewerSchemaError(
                f"was saved by a newer BriefDesk (file schema {schema}, this version reads up "
                f"to {SCHEMA}); open it read-only or upgrade BriefDesk",
                schema,
            )
        read_only = True
    try:
        article = _article_from_json(data.get("article"))
        facts_data = data.get("facts", [])
        if not isinstance(facts_data, list):
            raise ValidationError("'facts' must be a list")
        facts = [Fact.from_json(item) for item in facts_data]
        draft = Draft.from_json(data.get("draft", {}))
        rejected = _rejected_from_json(data.get("rejected", []))
        note = Note(article, facts, draft, source, read_only=read_only, rejected=rejected)
        _check_source(data.get("source"), source)
        return note
    except ValidationError as error:
        raise NoteFileError(f"damaged: {error}") from None


def _rejected_from_json(data: Any) -> list[tuple[FactKind, int, int]]:
    if not isinstance(data, list):
        raise ValidationError("'rejected' must be a list")
    rejected = []
    for item in data:
        if (
            not isinstance(item, dict)
            or type(item.get("start")) is not int
            or (type(item.get("end")) is not int)
        ):
            raise ValidationError("a rejected suggestion needs a kind, a start and an end")
        rejected.append((FactKind.parse(str(item.get("kind"))), item["start"], item["end"]))
    return rejected


def _article_from_json(data: Any) -> Article:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ValidationError("the article has no text")
    blocks_data = data.get("blocks", [])
    if not isinstance(blocks_data, list):
        raise ValidationError("the article's 'blocks' must be a list")
    blocks = []
    for item in blocks_data:
        if not isinstance(item, dict):
            raise ValidationError("an article block must be an object")
        try:
            kind = BlockKind(str(item.get("kind")))
        except ValueError:
            raise ValidationError(f"unknown block kind '{item.get('kind')}'") from None
        start, end, level = item.get("start"), item.get("end"), item.get("level", 0)
        if type(start) is not int or type(end) is not int or type(level) is not int:
            raise ValidationError("a block's start, end and level must be whole numbers")
        blocks.append(Block(kind, start, end, level))
    article = Article(data["text"], tuple(blocks), Metadata.from_json(data.get("metadata", {})))
    recorded = data.get("sha256")
    if recorded is not None and recorded != article.sha256:
        raise ValidationError("the article text does not match its recorded SHA-256")
    return article


def _check_source(record: Any, source: Source | None) -> None:
    if record is None:
        return
    if not isinstance(record, dict):
        raise ValidationError("'source' must be an object")
    if source is None:
        raise ValidationError("the source file named in note.json is missing")
    if record.get("sha256") not in (None, source.sha256):
        raise ValidationError(f"the source file '{source.name}' does not match its SHA-256")
