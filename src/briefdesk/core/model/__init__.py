"""The note model: Article, Fact, Draft, Note, and the edits that change a note.

Pure dataclasses on the standard library alone, so every layer can share them.
"""

from briefdesk.core.model.article import Article, Block, BlockKind, Location, Metadata
from briefdesk.core.model.draft import SECTION_TITLES, SECTIONS, Draft, section_key
from briefdesk.core.model.edits import (
    AddFact,
    Batch,
    Change,
    Edit,
    MoveFact,
    RemoveFact,
    ReplaceFact,
    SetDraftSection,
)
from briefdesk.core.model.fact import FIELDS_BY_KIND, Fact, FactKind, Origin, new_fact_id
from briefdesk.core.model.history import History
from briefdesk.core.model.note import Note, Source
from briefdesk.core.model.operations import (
    find_text,
    merge_entities,
    set_fact_fields,
    set_sections,
    snap_to_words,
    tag,
    untag,
)
from briefdesk.core.model.text import canonicalize, is_canonical, text_direction

__all__ = [
    "FIELDS_BY_KIND",
    "SECTIONS",
    "SECTION_TITLES",
    "AddFact",
    "Article",
    "Batch",
    "Block",
    "BlockKind",
    "Change",
    "Draft",
    "Edit",
    "Fact",
    "FactKind",
    "History",
    "Location",
    "Metadata",
    "MoveFact",
    "Note",
    "Origin",
    "RemoveFact",
    "ReplaceFact",
    "SetDraftSection",
    "Source",
    "canonicalize",
    "find_text",
    "is_canonical",
    "merge_entities",
    "new_fact_id",
    "section_key",
    "set_fact_fields",
    "set_sections",
    "snap_to_words",
    "tag",
    "text_direction",
    "untag",
]
