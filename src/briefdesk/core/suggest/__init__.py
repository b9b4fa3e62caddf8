"""Proposing facts from an article; the analyst accepts or rejects them."""

from briefdesk.core.suggest.engine import SuggestionCancelled, suggest

__all__ = ["SuggestionCancelled", "suggest"]
