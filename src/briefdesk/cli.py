"""The ``briefdesk`` command: every action of the app, scriptable. Thin: parse, call, print.

Exit codes: 0 success; 2 bad input or usage, with one line ``briefdesk: error: …`` on stderr.
Anything else is a bug. Nothing is written when a command fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from briefdesk import __version__
from briefdesk.core.errors import BriefDeskError

TYPE_CHECKING = False  # not typing's: importing typing costs 3 ms of every command's start
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from briefdesk.core.model import Article, Fact, Note

__all__ = ["main"]

PROG = "briefdesk"
VERBS = ("gui", "ingest", "suggest", "new", "tag", "untag", "facts", "draft", "export", "templates")


class UsageError(BriefDeskError):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, as every other BriefDesk error."""

    def error(self, message: str) -> NoReturn:
        hint = f" (see '{self.prog} --help')"
        raise UsageError(message + hint)


class _Unused:
    """Stands in for the parser of a verb not being run: building every verb's parser would
    cost more start-up time than most commands take to run."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        pass

    def add_mutually_exclusive_group(self, **kwargs: Any) -> _Unused:
        return self


def _build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Return the command's parser; with *only*, just that verb is built in full."""
    parser = _Parser(
        prog=PROG,
        description="Turn a source article into a finished briefing note: tag the key facts, "
        "draft the note, export it to DOCX or PDF. Run without arguments to open the app on "
        "a sample article.",
        epilog="Run 'briefdesk VERB --help' for a verb's options. Exit status: 0 success, "
        "2 bad input or usage.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add BriefDesk to your desktop's menu and file types (under ~/.local/share)",
    )
    parser.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove what --install-desktop-entry added",
    )
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)

    class _Verbs:
        @staticmethod
        def add_parser(name: str, **kwargs: Any) -> Any:
            if only is None or only == name:
                return subparsers.add_parser(name, **kwargs)
            return _Unused()

    verbs = _Verbs()

    gui = verbs.add_parser(
        "gui",
        help="open the app (the default verb)",
        description="Open the BriefDesk window, on FILE if given (an article "
        "or a .briefdesk note), otherwise on the bundled sample article.",
    )
    gui.add_argument("file", nargs="?", metavar="FILE", help="article or .briefdesk note")

    ingest = verbs.add_parser(
        "ingest",
        help="read an article and print its canonical text",
        description="Read an article (a file, or - for standard input) "
        "and print its canonical text, or all that was read with --json.",
    )
    ingest.add_argument("file", metavar="FILE|-")
    _add_read_options(ingest)
    ingest.add_argument(
        "--json",
        action="store_true",
        help="print title, date, language, direction, format, encoding, "
        "metadata, text and blocks as JSON",
    )

    suggest = verbs.add_parser(
        "suggest",
        help="propose facts found in an article or note",
        description="Propose facts (parties, signatories, domains, "
        "outcomes, dates, places). For a note, only facts not already "
        "tagged are proposed. Nothing is changed.",
    )
    suggest.add_argument("file", metavar="FILE|NOTE")
    suggest.add_argument(
        "--json", action="store_true", help='print {"title", "date", "facts": [...]} as JSON'
    )

    new = verbs.add_parser(
        "new",
        help="make a note from an article",
        description="Make a .briefdesk note from an article (a file, or - "
        "for standard input). The note keeps the article's original bytes.",
    )
    new.add_argument("file", metavar="FILE|-")
    new.add_argument(
        "-o", "--output", required=True, metavar="NOTE.briefdesk", help="the note to write"
    )
    new.add_argument(
        "--suggest",
        action="store_true",
        help="add the proposed facts to the note (origin 'suggested')",
    )
    _add_read_options(new)

    tag = verbs.add_parser(
        "tag",
        help="tag a span of the article as a fact",
        description="Tag the exact words of the article (--text, counting "
        "occurrences from 1 with --nth) or a span of code points "
        "(--span START:END) as a fact, and save the note.",
    )
    tag.add_argument("note", metavar="NOTE")
    tag.add_argument(
        "--kind",
        required=True,
        metavar="KIND",
        help="party, signatory, domain, outcome, date, place or quote",
    )
    where = tag.add_mutually_exclusive_group(required=True)
    where.add_argument("--text", metavar="WORDS", help="the exact words to tag")
    where.add_argument("--span", metavar="START:END", help="code-point offsets, end excluded")
    tag.add_argument(
        "--nth",
        type=int,
        default=1,
        metavar="N",
        help="which occurrence of --text, from 1 (default 1)",
    )
    tag.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a field of the fact, e.g. title=Defence Secretary (repeatable)",
    )
    tag.add_argument("--json", action="store_true", help="print the new fact as JSON")

    untag = verbs.add_parser(
        "untag",
        help="remove a fact",
        description="Remove the fact FACT_ID from the note and save it.",
    )
    untag.add_argument("note", metavar="NOTE")
    untag.add_argument("fact_id", metavar="FACT_ID")

    facts = verbs.add_parser(
        "facts",
        help="list a note's facts",
        description="List the facts of a note with where each came from.",
    )
    facts.add_argument("note", metavar="NOTE")
    facts.add_argument("--json", action="store_true", help="print a JSON list of facts")

    draft = verbs.add_parser(
        "draft",
        help="show or change the draft",
        description="Set draft sections, then print the draft. Sections: "
        "title, classification, caveat, to, from, date, reference, "
        "purpose, summary (or bluf), background, key_points, "
        "implications, recommendations, sources.",
    )
    draft.add_argument("note", metavar="NOTE")
    draft.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="SECTION=TEXT",
        help="set a section to TEXT (repeatable)",
    )
    draft.add_argument(
        "--set-file",
        action="append",
        default=[],
        metavar="SECTION=PATH",
        help="set a section to the UTF-8 text of a file (repeatable)",
    )
    draft.add_argument(
        "--from-facts",
        action="store_true",
        help="fill the empty sections with a first draft made only of the tagged facts",
    )
    draft.add_argument(
        "--check",
        action="store_true",
        help="print the checks before export (missing parts, unsupported names and numbers); "
        "exit status stays 0",
    )
    draft.add_argument("--json", action="store_true", help="print the sections as JSON")

    export = verbs.add_parser(
        "export",
        help="export the note to DOCX or PDF",
        description="Export the note as a briefing note; the output's "
        "extension (.docx or .pdf) picks the format.",
    )
    export.add_argument("note", metavar="NOTE")
    export.add_argument("-o", "--output", required=True, metavar="OUT.docx|OUT.pdf")
    export.add_argument(
        "--template",
        default="briefing",
        metavar="NAME|DIR",
        help="template name (see 'briefdesk templates'); default: briefing",
    )

    verbs.add_parser(
        "templates",
        help="list the export templates",
        description="List the templates 'briefdesk export' can use.",
    )
    return parser


def _add_read_options(parser: Any) -> None:
    parser.add_argument(
        "--format",
        metavar="F",
        help="text, html, markdown, docx or pdf (default: detect by content)",
    )
    parser.add_argument(
        "--encoding", metavar="E", help="the text encoding (default: detect), e.g. cp1255"
    )
    parser.add_argument("--password", metavar="P", help="the password of an encrypted PDF")


# Verbs ----------------------------------------------------------------------------------


def _read_article(
    file: str,
    format: str | None = None,
    encoding: str | None = None,
    password: str | None = None,
    *,
    language: bool = True,
) -> tuple[Article, str | None, bytes]:
    """Read the article in *file* ("-": standard input); return it, its name and its bytes.

    Standard input is read by content like a file (pasted HTML is read as HTML).
    """
    from briefdesk.core import ingest

    if file == "-":
        data = sys.stdin.buffer.read(ingest.MAX_SOURCE_BYTES + 1)
        article = ingest.read_bytes(
            data, format=format, encoding=encoding, password=password, language=language
        )
        return article, None, data
    name = Path(file).name
    data = ingest.read_file_bytes(file)
    try:
        article = ingest.read_bytes(
            data, name=name, format=format, encoding=encoding, password=password, language=language
        )
    except BriefDeskError as error:
        raise type(error)(f"{name}: {error}") from None
    return article, name, data


def _load(path: str, *, writable: bool) -> Note:
    from briefdesk.core import store

    return store.load(path, allow_newer=not writable)


def _cmd_ingest(args: argparse.Namespace) -> None:
    # The language is only shown with --json; guessing it costs a model load.
    article, _, _ = _read_article(
        args.file, args.format, args.encoding, args.password, language=args.json
    )
    if args.json:
        _print_json(_article_json(article))
    else:
        _write(article.text if article.text.endswith("\n") else article.text + "\n")


def _article_json(article: Article) -> dict[str, Any]:
    meta = article.metadata
    return {
        "title": meta.title,
        "date": meta.date,
        "language": meta.language,
        "direction": meta.direction,
        "format": meta.format,
        "encoding": meta.encoding,
        "metadata": meta.to_json(),
        "text": article.text,
        "blocks": [
            {"kind": b.kind.value, "start": b.start, "end": b.end, "level": b.level}
            for b in article.blocks
        ],
    }


def _cmd_suggest(args: argparse.Namespace) -> None:
    from briefdesk.core import store
    from briefdesk.core.suggest import suggest

    if store.is_note_file(args.file):
        note = _load(args.file, writable=False)
        article, existing, rejected = note.article, list(note), note.rejected
    else:
        article, existing, rejected = _read_article(args.file)[0], [], frozenset()
    facts = suggest(article, existing, rejected=rejected)
    if args.json:
        meta = article.metadata
        _print_json({"title": meta.title, "date": meta.date, "facts": [f.to_json() for f in facts]})
    else:
        _print_facts(article, facts)


def _cmd_new(args: argparse.Namespace) -> None:
    from briefdesk.core import store
    from briefdesk.core.model import AddFact, Batch, Note, Source
    from briefdesk.core.suggest import suggest

    article, name, data = _read_article(args.file, args.format, args.encoding, args.password)
    note = Note(article, source=Source(name or "pasted.txt", data))
    if args.suggest:
        note.apply(Batch("Add suggestions", tuple(AddFact(f) for f in suggest(article))))
    store.save(note, args.output)
    print(f"{args.output}: {len(article.text)} characters, {len(note)} facts")


def _cmd_tag(args: argparse.Namespace) -> None:
    from briefdesk.core import store
    from briefdesk.core.model import FactKind, find_text, tag

    kind = FactKind.parse(args.kind)
    fields = dict(_key_value(item, "--field") for item in args.field)
    note = _load(args.note, writable=True)
    if args.text is not None:
        start, end = find_text(note.article.text, args.text, args.nth)
    else:
        start, end = _span(args.span)
    if kind is FactKind.DATE and "iso" not in fields:
        from briefdesk.core.ingest import parse_date

        iso = parse_date(note.article.text[start:end], note.article.metadata.language)
        if iso:
            fields["iso"] = iso
    edit = tag(note, kind, start, end, fields)
    note.apply(edit)
    store.save(note, args.note)
    if args.json:
        _print_json(edit.fact.to_json())
    else:
        _print_facts(note.article, [edit.fact])


def _cmd_untag(args: argparse.Namespace) -> None:
    from briefdesk.core import store
    from briefdesk.core.model import untag

    note = _load(args.note, writable=True)
    fact = note.fact(args.fact_id)
    note.apply(untag(note, args.fact_id))
    store.save(note, args.note)
    verb = "rejected" if fact.origin.value == "suggested" else "removed"
    print(f"{verb} {fact.id}: {fact.kind.value} '{fact.text}'")


def _cmd_facts(args: argparse.Namespace) -> None:
    note = _load(args.note, writable=False)
    if args.json:
        _print_json([fact.to_json() for fact in note])
    else:
        _print_facts(note.article, list(note))


def _cmd_draft(args: argparse.Namespace) -> None:
    from briefdesk.core import store
    from briefdesk.core.model import SECTION_TITLES, section_key, set_sections

    changes: dict[str, str] = {}
    for item in args.set:
        key, value = _key_value(item, "--set")
        changes[section_key(key)] = value
    for item in args.set_file:
        key, path = _key_value(item, "--set-file")
        changes[section_key(key)] = _read_utf8(path)
    note = _load(args.note, writable=bool(changes) or args.from_facts)
    if args.from_facts:
        from briefdesk.core.drafting import draft_from_facts

        generated = draft_from_facts(note)
        for key, text in generated.items():
            if not note.draft.get(key).strip() and key not in changes:
                changes[key] = text
    if changes:
        note.apply(set_sections(note, changes))
        store.save(note, args.note)
    draft = note.draft
    if args.check:
        from briefdesk.core.drafting import check

        findings = check(note)
        if args.json:
            _print_json([finding.to_json() for finding in findings])
        else:
            for finding in findings:
                where = f"[{finding.section}] " if finding.section else ""
                _write(f"{finding.severity.value:<7}  {where}{finding.message}\n")
            print(f"{len(findings)} findings" if findings else "no findings")
        return
    if args.json:
        _print_json(draft.to_json())
        return
    from briefdesk.core.drafting import render_references

    # Cited facts are shown as their words here; --json gives the stored [[id]] citations.
    for key, text in draft.sections.items():
        _write(f"## {SECTION_TITLES[key]}\n{render_references(text, note)}\n\n")
    if not draft.sections:
        print("(the draft is empty)")


def _cmd_export(args: argparse.Namespace) -> None:
    from briefdesk.core import render

    note = _load(args.note, writable=False)
    render.export(note, args.output, args.template)
    print(f"exported {args.output}")


def _cmd_templates(args: argparse.Namespace) -> None:
    from briefdesk.core.render.templates import list_templates

    templates = list_templates()
    width = max(len(t.name) for t in templates)
    for template in templates:
        _write(f"{template.name:<{width}}  {template.description}  ({template.folder})\n")


# Helpers --------------------------------------------------------------------------------


def _key_value(item: str, option: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise UsageError(f"{option} takes KEY=VALUE, not '{item}'")
    return key.strip(), value


def _span(text: str) -> tuple[int, int]:
    start, sep, end = text.partition(":")
    try:
        if not sep:
            raise ValueError
        return int(start), int(end)
    except ValueError:
        raise UsageError(f"--span takes START:END in code points, not '{text}'") from None


def _read_utf8(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None


def _print_facts(article: Article, facts: Sequence[Fact]) -> None:
    if not facts:
        print("(no facts)")
        return
    for fact in facts:
        text = " ".join(fact.text.split())
        text = text if len(text) <= 40 else text[:39] + "…"
        fields = "  ".join(
            f"{k}={v}" for k, v in fact.fields.items() if k not in ("reason", "confidence")
        )
        where = article.locate(fact.start, fact.end)
        line = f"{fact.id}  {fact.kind.value:<9}  {text:<40}  {where}"
        _write(line + (f"  {fields}" if fields else "") + "\n")


def _print_json(value: Any) -> None:
    _write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _write(text: str) -> None:
    sys.stdout.write(text)


_COMMANDS = {
    "ingest": _cmd_ingest,
    "suggest": _cmd_suggest,
    "new": _cmd_new,
    "tag": _cmd_tag,
    "untag": _cmd_untag,
    "facts": _cmd_facts,
    "draft": _cmd_draft,
    "export": _cmd_export,
    "templates": _cmd_templates,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``briefdesk`` command with *argv* (default: the process's); return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    # `briefdesk FILE` means `briefdesk gui FILE`.
    if args_list and not args_list[0].startswith("-") and args_list[0] not in VERBS:
        args_list.insert(0, "gui")
    if sys.stdout.encoding and sys.stdout.encoding.lower() not in ("utf-8", "utf8"):
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    try:
        verb = args_list[0] if args_list and args_list[0] in VERBS else None
        args = _build_parser(verb).parse_args(args_list)
        if args.install_desktop_entry or args.uninstall_desktop_entry:
            from briefdesk.core import desktop

            if args.install_desktop_entry:
                written = desktop.install_desktop_entry()
                print(f"installed the desktop entry ({len(written)} files): {written[0]}")
            else:
                removed = desktop.uninstall_desktop_entry()
                print(f"removed the desktop entry ({len(removed)} files)")
            return 0
        if args.verb in (None, "gui"):
            from briefdesk.ui.app import run_gui

            return run_gui(getattr(args, "file", None))
        _COMMANDS[args.verb](args)
        sys.stdout.flush()
    except BriefDeskError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `briefdesk facts n | head`: the reader left, which is fine
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
