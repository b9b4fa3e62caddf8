"""Light Markdown in draft sections (bold, italic, lists, links) turned into layout blocks.

Only these constructs are recognised; everything else, HTML included, stays literal text.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from briefdesk.core.render.layout import Block, ListBlock, Paragraph, Run

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["markdown_blocks"]

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(["emphasis", "link", "autolink", "list", "newline", "escape"])


def markdown_blocks(source: str) -> list[Block]:
    """Return the paragraphs and lists written in *source* (light Markdown)."""
    tokens = _parser().parse(source)
    blocks: list[Block] = []
    list_stack: list[tuple[bool, list[tuple[Run, ...]]]] = []
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_stack.append((token.type == "ordered_list_open", []))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            ordered, items = list_stack.pop()
            if list_stack:  # a nested list is flattened into its parent's items
                list_stack[-1][1].extend(items)
            else:
                blocks.append(ListBlock(tuple(items), ordered))
        elif token.type == "inline":
            runs = inline_runs(token.children or [])
            if not runs:
                continue
            if list_stack:
                list_stack[-1][1].append(runs)
            else:
                blocks.append(Paragraph(runs))
    return blocks


def inline_runs(children: list[Token]) -> tuple[Run, ...]:
    """Turn markdown-it inline tokens into runs, merging neighbours with the same look."""
    runs: list[Run] = []
    bold = italic = 0
    link: str | None = None
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(0, bold - 1)
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic = max(0, italic - 1)
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            link = href if href.lower().startswith(_SAFE_SCHEMES) else None
        elif kind == "link_close":
            link = None
        elif kind in ("text", "code_inline"):
            _append(runs, Run(child.content, bool(bold), bool(italic), link))
        elif kind in ("softbreak", "hardbreak"):
            _append(runs, Run("\n" if kind == "hardbreak" else " ", bool(bold), bool(italic), link))
    return tuple(runs)


def _append(runs: list[Run], run: Run) -> None:
    if not run.text:
        return
    if runs and (runs[-1].bold, runs[-1].italic, runs[-1].link) == (run.bold, run.italic, run.link):
        runs[-1] = Run(runs[-1].text + run.text, run.bold, run.italic, run.link)
    else:
        runs.append(run)
