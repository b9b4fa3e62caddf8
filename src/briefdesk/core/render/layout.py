"""The layout tree: what a note looks like on the page, independent of the output format.

A template turns a note into one :class:`Layout`; the DOCX and PDF writers both consume it, so
the two files carry the same content in the same order. Text in the tree is always literal:
no writer may interpret it as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Block",
    "Heading",
    "Layout",
    "ListBlock",
    "Paragraph",
    "Run",
    "Table",
]


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one look; ``link`` makes it a hyperlink to that URL."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; ``level`` 1 is a section, 2 a sub-section."""

    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of runs. ``style`` is "body", "title", "meta" (heading-block line) or "small"."""

    runs: tuple[Run, ...]
    style: str = "body"

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted or numbered list; each item is a tuple of runs."""

    items: tuple[tuple[Run, ...], ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row; cells are plain text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | ListBlock | Table


@dataclass(frozen=True, slots=True)
class Layout:
    """A whole document: the banner on every page, document properties and the blocks."""

    title: str
    blocks: tuple[Block, ...]
    banner: str = ""
    author: str = ""
    subject: str = ""
    keywords: str = ""
    outline: tuple[str, ...] = field(default=())
    page: str = "A4"
    margins_mm: tuple[float, float, float, float] = (22, 25, 24, 25)  # top, right, bottom, left
    font_size: float = 11
    colours: dict[str, str] = field(default_factory=dict)  # banner, heading, link
    page_label: str = "Page {page} of {pages}"  # the footer, in the note's language
    logo: bytes = b""  # PNG or JPEG shown above the title, logo_width_mm wide
    logo_width_mm: float = 30
