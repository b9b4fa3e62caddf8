"""Helping the analyst draft: citing facts, a first draft from them, checks before export."""

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
