"""Helping the analyst draft: citing facts, a first draft from them, checks before export.

Names load on first use (PEP 562): the window shows before the checks are needed.
"""

from __future__ import annotations

from briefdesk.core.lazy import lazy_names

TYPE_CHECKING = False  # not typing's: importing typing costs 3 ms of every command's start

if TYPE_CHECKING:
    from briefdesk.core.drafting.checks import Finding, Severity, check
    from briefdesk.core.drafting.generate import GENERATED_SECTIONS, draft_from_facts
    from briefdesk.core.drafting.references import cite, cited_ids, display, render_references

__all__ = [
    "GENERATED_SECTIONS",
    "Finding",
    "Severity",
    "check",
    "cite",
    "cited_ids",
    "display",
    "draft_from_facts",
    "render_references",
]

_WHERE: dict[str, str] = {
    "Finding": "briefdesk.core.drafting.checks",
    "Severity": "briefdesk.core.drafting.checks",
    "check": "briefdesk.core.drafting.checks",
    "GENERATED_SECTIONS": "briefdesk.core.drafting.generate",
    "draft_from_facts": "briefdesk.core.drafting.generate",
    "cite": "briefdesk.core.drafting.references",
    "cited_ids": "briefdesk.core.drafting.references",
    "display": "briefdesk.core.drafting.references",
    "render_references": "briefdesk.core.drafting.references",
}


__getattr__, __dir__ = lazy_names(__name__, _WHERE)
