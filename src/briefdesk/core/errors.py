"""The exceptions BriefDesk raises for bad input.

Every error a user can cause derives from :class:`BriefDeskError`; its message is one sentence a
user can act on. The CLI prints it as one line and exits 2, the GUI shows it in a dialog. Any
other exception is a bug.
"""

from __future__ import annotations

__all__ = [
    "BriefDeskError",
    "IngestCancelled",
    "IngestError",
    "NewerSchemaError",
    "NoteFileError",
    "PasswordRequired",
    "RenderError",
    "SpanError",
    "ValidationError",
]


class BriefDeskError(Exception):
    """Base of every error caused by the user's input rather than by a bug."""


class ValidationError(BriefDeskError):
    """A model value breaks one of the model's rules."""


class SpanError(ValidationError):
    """A fact's span does not point at the text it claims in the article."""


class IngestError(BriefDeskError):
    """A source article could not be read."""


class PasswordRequired(IngestError):
    """The document is encrypted; read it again with its password."""


class IngestCancelled(IngestError):
    """The user cancelled reading a long document."""


class NoteFileError(BriefDeskError):
    """A ``.briefdesk`` file could not be read or written."""


class NewerSchemaError(NoteFileError):
    """A ``.briefdesk`` file was written by a newer BriefDesk than this one."""

    def __init__(self, message: str, schema: int) -> None:
        super().__init__(message)
        self.schema = schema


class RenderError(BriefDeskError):
    """A note could not be exported."""
