"""Export templates: a folder with ``manifest.toml`` and ``note.j2``, rendered in a sandbox.

The Jinja2 template does not write markup: it calls a few functions (``title``, ``meta``,
``heading``, ``markdown``, ``paragraph``, ``bullets``, ``table``, ``sources``,
``cited_facts``) that append blocks to the layout tree, so whatever the note holds (``<``,
``&``, ``{{ }}``) stays text. It runs in a ``SandboxedEnvironment`` that can read only its own
folder, with bounded loops, strings and output, so a hostile template gets a clear error.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from briefdesk.core.errors import RenderError
from briefdesk.core.model import BODY_SECTIONS, SECTION_TITLES, FactKind, Note
from briefdesk.core.render.layout import Block, Heading, Layout, ListBlock, Paragraph, Run, Table

__all__ = [
    "MAX_BLOCKS",
    "MAX_ITERATIONS",
    "MAX_STRING",
    "Template",
    "find_template",
    "list_templates",
    "render_layout",
]

MAX_ITERATIONS = 1_000_000
"""Loop steps one render may take; more is a runaway template."""
MAX_STRING = 10_000_000
"""The longest string a template may build (characters)."""
MAX_BLOCKS = 100_000
"""The most blocks a template may add to a document."""
MAX_TEMPLATE_BYTES = 512 * 1024
MAX_LOGO_BYTES = 2 * 1024 * 1024
"""The largest logo image a template may carry."""
PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True, slots=True)
class Template:
    """A template folder and its manifest."""

    name: str
    folder: Path
    description: str = ""
    page: str = "A4"
    margins_mm: tuple[float, float, float, float] = (22, 25, 24, 25)
    font_size: float = 11
    colours: dict[str, str] = field(default_factory=dict)
    numbered_paragraphs: bool = False
    sections: tuple[str, ...] = BODY_SECTIONS
    titles: dict[str, str] = field(default_factory=dict)
    titles_by_language: dict[str, dict[str, str]] = field(default_factory=dict)
    logo: Path | None = None
    logo_width_mm: float = 30

    def title_of(self, key: str, language: str | None = None) -> str:
        """The section's title: the manifest's for *language*, BriefDesk's translation, then
        the manifest's own and the English default."""
        if language:
            own = self.titles_by_language.get(language, {})
            translated = _labels().get(language, {}).get("sections", {})
            if key in own or key in translated:
                return str(own.get(key) or translated[key])
        return self.titles.get(key, SECTION_TITLES.get(key, key))


@cache
def _labels() -> dict[str, dict[str, Any]]:
    """resources/templates/labels.toml: section titles, labels and page footers by language."""
    with resources.as_file(resources.files("briefdesk.resources").joinpath("templates")) as p:
        return tomllib.loads((Path(p) / "labels.toml").read_text(encoding="utf-8"))


DEFAULT_PAGE_LABEL = "Page {page} of {pages}"
_CITATION = re.compile(r"\[\[[^\]]*\]\]")


def draft_language(note: Note) -> str | None:
    """The language the draft is written in (ISO 639-1), from its title and body sections."""
    from briefdesk.core.ingest.metadata import guess_language

    draft = note.draft
    text = "\n".join(draft.get(key) for key in ("title", *BODY_SECTIONS))
    return guess_language(_CITATION.sub(" ", text))


def _builtin_root() -> Path:
    with resources.as_file(resources.files("briefdesk.resources").joinpath("templates")) as p:
        return Path(p)


def _user_root() -> Path:
    from briefdesk.core.paths import data_dir

    return data_dir() / "templates"


def load_template(folder: Path) -> Template:
    """Read the template in *folder*; RenderError names what is wrong with its manifest."""
    manifest = folder / "manifest.toml"
    if not (folder / "note.j2").is_file() or not manifest.is_file():
        raise RenderError(f"{folder} is not a template (it needs manifest.toml and note.j2)")
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RenderError(f"{manifest}: cannot read the manifest ({error})") from None
    try:
        page = str(data.get("page", "A4"))
        if page not in PAGE_SIZES:
            raise ValueError(f"page must be one of {', '.join(PAGE_SIZES)}")
        margins = tuple(float(m) for m in data.get("margins_mm", (22, 25, 24, 25)))
        if len(margins) != 4 or not all(5 <= m <= 60 for m in margins):
            raise ValueError("margins_mm must be four numbers from 5 to 60")
        sections = tuple(str(s) for s in data.get("sections", BODY_SECTIONS))
        unknown = [s for s in sections if s not in SECTION_TITLES]
        if unknown:
            raise ValueError(f"unknown sections {', '.join(unknown)}")
        font_size = float(data.get("font_size", 11))
        if not 7 <= font_size <= 16:
            raise ValueError("font_size must be from 7 to 16")
        logo = _logo_path(folder, data.get("logo"))
        logo_width = float(data.get("logo_width_mm", 30))
        if not 5 <= logo_width <= 120:
            raise ValueError("logo_width_mm must be from 5 to 120")
        return Template(
            name=str(data.get("name") or folder.name),
            folder=folder,
            description=str(data.get("description", "")),
            page=page,
            margins_mm=margins,
            font_size=font_size,
            colours={str(k): str(v) for k, v in dict(data.get("colours", {})).items()},
            numbered_paragraphs=bool(data.get("numbered_paragraphs", False)),
            sections=sections,
            titles={
                str(k): str(v)
                for k, v in dict(data.get("titles", {})).items()
                if not isinstance(v, dict)
            },
            logo=logo,
            logo_width_mm=logo_width,
            titles_by_language={
                str(language): {str(k): str(v) for k, v in table.items()}
                for language, table in dict(data.get("titles", {})).items()
                if isinstance(table, dict)
            },
        )
    except (TypeError, ValueError) as error:
        raise RenderError(f"{manifest}: {error}") from None


def _logo_path(folder: Path, name: object) -> Path | None:
    """The manifest's logo: a PNG or JPEG file inside the template's folder, of bounded size."""
    if name is None or name == "":
        return None
    path = (folder / str(name)).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise ValueError(f"logo '{name}' must be a file inside the template's folder")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise ValueError(f"cannot read logo '{name}': {error.strerror or error}") from None
    if size > MAX_LOGO_BYTES:
        raise ValueError(f"logo '{name}' is larger than {MAX_LOGO_BYTES // (1024 * 1024)} MiB")
    if not head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        raise ValueError(f"logo '{name}' is not a PNG or JPEG image")
    return path


def list_templates() -> list[Template]:
    """The shipped templates, then the user's own (data folder ``templates/``); the default
    (``briefing``) first."""
    found: dict[str, Template] = {}
    for root in (_builtin_root(), _user_root()):
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            if folder.is_dir() and (folder / "manifest.toml").is_file():
                try:
                    template = load_template(folder)
                except RenderError:
                    continue  # a broken user template must not hide the others
                found[template.name] = template
    return sorted(found.values(), key=lambda t: (t.name != "briefing", t.name))


def find_template(name_or_folder: str) -> Template:
    """The template called *name_or_folder*, or the template in that folder."""
    folder = Path(name_or_folder).expanduser()
    if folder.is_dir():
        return load_template(folder)
    for template in list_templates():
        if template.name == name_or_folder:
            return template
    names = ", ".join(t.name for t in list_templates())
    raise RenderError(f"unknown template '{name_or_folder}' (choose from {names}, or a folder)")


class _Builder:
    """What a template may call: each function appends blocks and returns ''."""

    def __init__(self, note: Note, template: Template) -> None:
        self.note = note
        self.template = template
        self.blocks: list[Block] = []
        self.title_text = ""
        self.numbered = 0

    def _add(self, block: Block) -> str:
        if len(self.blocks) >= MAX_BLOCKS:
            raise RenderError(f"the template made more than {MAX_BLOCKS} blocks")
        if (
            isinstance(block, Paragraph)
            and self.template.numbered_paragraphs
            and (block.style == "body")
        ):
            self.numbered += 1
            block = Paragraph((Run(f"{self.numbered}. "), *block.runs), block.style)
        self.blocks.append(block)
        return ""

    def title(self, text: str) -> str:
        self.title_text = str(text)
        return self._add(Paragraph((Run(str(text)),), style="title"))

    def meta(self, label: str, value: str) -> str:
        if not str(value).strip():
            return ""
        return self._add(Paragraph((Run(f"{label}: ", bold=True), Run(str(value))), "meta"))

    def heading(self, text: str, level: int = 1) -> str:
        return self._add(Heading(str(text), max(1, min(int(level), 2))))

    def paragraph(self, text: str) -> str:
        return self._add(Paragraph((Run(str(text)),)))

    def markdown(self, text: str) -> str:
        from briefdesk.core.drafting.references import render_references
        from briefdesk.core.render.markup import markdown_blocks

        for block in markdown_blocks(render_references(str(text), self.note)):
            self._add(block)
        return ""

    def bullets(self, items: list[str]) -> str:
        return self._add(ListBlock(tuple((Run(str(item)),) for item in items)))

    def table(self, header: list[str], rows: list[list[str]]) -> str:
        width = len(header)
        cells = tuple(tuple(str(c) for c in row)[:width] for row in rows)
        cells = tuple(row + ("",) * (width - len(row)) for row in cells)
        return self._add(Table(tuple(str(h) for h in header), cells))

    def sources(self) -> str:
        from briefdesk.core.render.briefing import source_entries

        return self._add(source_entries(self.note))

    def cited_facts(self) -> str:
        from briefdesk.core.render.briefing import cited_facts

        for block in cited_facts(self.note):
            self._add(block)
        return ""


def _facts(note: Note, kind: str) -> list[dict[str, Any]]:
    """The entities of *kind* for a template: first mention's words, where, fields, count."""
    groups: dict[str, list[Any]] = {}
    for fact in note.facts_of_kind(FactKind.parse(kind)):
        groups.setdefault(fact.entity, []).append(fact)
    out = []
    for mentions in groups.values():
        first = mentions[0]
        out.append(
            {
                "text": " ".join(first.text.split()),
                "where": str(note.article.locate(first.start, first.end)),
                "mentions": len(mentions),
                "fields": dict(first.fields),
                "origin": first.origin.value,
            }
        )
    return out


def _environment(template: Template) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    counter = {"steps": 0}

    def bounded_range(*args: int) -> Iterator[int]:
        for value in range(*args):
            counter["steps"] += 1
            if counter["steps"] > MAX_ITERATIONS:
                raise RenderError(f"the template loops more than {MAX_ITERATIONS} times")
            yield value

    class Sandbox(SandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**", "+"])

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int) and right > 64:
                raise RenderError("the template computes a number too large")
            result = super().call_binop(context, operator, left, right)
            if isinstance(result, (str, list, tuple)) and len(result) > MAX_STRING:
                raise RenderError("the template builds a string longer than allowed")
            return result

    env = Sandbox(
        loader=FileSystemLoader(str(template.folder)), undefined=StrictUndefined, autoescape=False
    )
    env.globals["range"] = bounded_range
    return env


def render_layout(note: Note, template: Template) -> Layout:
    """Run *template* over *note*; RenderError for any fault of the template."""
    from jinja2 import TemplateError

    from briefdesk.core.drafting.markings import describe_grading

    source = template.folder / "note.j2"
    try:
        if source.stat().st_size > MAX_TEMPLATE_BYTES:
            raise RenderError(f"{source} is larger than {MAX_TEMPLATE_BYTES // 1024} KiB")
    except OSError as error:
        raise RenderError(f"cannot read {source}: {error.strerror or error}") from None
    builder = _Builder(note, template)
    draft = note.draft
    language = draft_language(note)
    translations = _labels().get(language or "", {})
    labels = dict(translations.get("labels", {}))
    context: dict[str, Any] = {
        "draft": {key: draft.get(key) for key in SECTION_TITLES},
        "sections": [
            {"key": key, "title": template.title_of(key, language), "text": draft.get(key)}
            for key in template.sections
        ],
        "language": language or "",
        "label": lambda text: str(labels.get(str(text), text)),
        "article": note.article.metadata.to_json(),
        "facts": lambda kind: _facts(note, kind),
        "title": builder.title,
        "meta": builder.meta,
        "heading": builder.heading,
        "paragraph": builder.paragraph,
        "markdown": builder.markdown,
        "bullets": builder.bullets,
        "table": builder.table,
        "sources": builder.sources,
        "cited_facts": builder.cited_facts,
        "describe_grading": describe_grading,
    }
    try:
        env = _environment(template)
        env.get_template("note.j2").render(context)
    except RenderError:
        raise
    except TemplateError as error:
        raise RenderError(f"template '{template.name}': {error}") from None
    except RecursionError:
        raise RenderError(f"template '{template.name}' recurses too deeply") from None
    except (TypeError, ValueError, AttributeError, KeyError, OverflowError, MemoryError) as error:
        raise RenderError(f"template '{template.name}' failed: {error}") from None
    from briefdesk.core.drafting.markings import rolled_up

    marking = rolled_up(draft.get("classification"), [draft.get(k) for k in BODY_SECTIONS])
    caveat = draft.get("caveat").strip()
    banner = f"{marking} – {caveat}" if marking and caveat else marking
    return Layout(
        title=builder.title_text or note.article.metadata.title or "Briefing note",
        blocks=tuple(builder.blocks),
        banner=banner,
        author=draft.get("from").strip(),
        subject=note.article.metadata.title or builder.title_text,
        keywords=banner,
        outline=tuple(b.text for b in builder.blocks if isinstance(b, Heading)),
        page=template.page,
        margins_mm=template.margins_mm,
        font_size=template.font_size,
        colours=dict(template.colours),
        page_label=str(translations.get("page", DEFAULT_PAGE_LABEL)),
        logo=_read_logo(template),
        logo_width_mm=template.logo_width_mm,
    )


def _read_logo(template: Template) -> bytes:
    if template.logo is None:
        return b""
    try:
        return template.logo.read_bytes()[: MAX_LOGO_BYTES + 1]
    except OSError as error:
        raise RenderError(f"cannot read the logo {template.logo}: {error.strerror}") from None
