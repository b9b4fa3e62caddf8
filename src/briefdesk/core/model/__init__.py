"""The note model: Article, Fact, Draft, Note, and the edits that change a note.

Pure dataclasses on the standard library alone, so every layer can share them. Names are
loaded on first use (PEP 562), so a command that needs only the Article does not pay for
the rest at start-up.
"""

from __future__ import annotations

from briefdesk.core.lazy import lazy_names

TYPE_CHECKING = False  # not typing's: importing typing costs 3 ms of every command's start

if TYPE_CHECKING:
    from briefdesk.core.model.article import (
        Article,
        Block,
        BlockKind,
        Location,
        Metadata,
    )
    from briefdesk.core.model.draft import (
        BODY_SECTIONS,
        SECTION_TITLES,
        SECTIONS,
        Draft,
        section_key,
    )
    from briefdesk.core.model.edits import (
        AddFact,
        Batch,
        Change,
        Edit,
        MoveFact,
        RejectFact,
        RemoveFact,
        ReplaceFact,
        SetDraftSection,
    )
    from briefdesk.core.model.fact import (
        FIELDS_BY_KIND,
        Fact,
        FactKind,
        Origin,
        new_fact_id,
    )
    from briefdesk.core.model.history import (
        History,
    )
    from briefdesk.core.model.note import (
        Note,
        Source,
    )
    from briefdesk.core.model.operations import (
        find_text,
        merge_entities,
        set_entity_field,
        set_fact_fields,
        set_sections,
        snap_to_words,
        tag,
        untag,
    )
    from briefdesk.core.model.text import (
        canonicalize,
        is_canonical,
        text_direction,
    )

_WHERE: dict[str, str] = {
    "Article": "briefdesk.core.model.article",
    "Block": "briefdesk.core.model.article",
    "BlockKind": "briefdesk.core.model.article",
    "Location": "briefdesk.core.model.article",
    "Metadata": "briefdesk.core.model.article",
    "SECTION_TITLES": "briefdesk.core.model.draft",
    "SECTIONS": "briefdesk.core.model.draft",
    "BODY_SECTIONS": "briefdesk.core.model.draft",
    "Draft": "briefdesk.core.model.draft",
    "section_key": "briefdesk.core.model.draft",
    "AddFact": "briefdesk.core.model.edits",
    "Batch": "briefdesk.core.model.edits",
    "Change": "briefdesk.core.model.edits",
    "Edit": "briefdesk.core.model.edits",
    "MoveFact": "briefdesk.core.model.edits",
    "RejectFact": "briefdesk.core.model.edits",
    "RemoveFact": "briefdesk.core.model.edits",
    "ReplaceFact": "briefdesk.core.model.edits",
    "SetDraftSection": "briefdesk.core.model.edits",
    "FIELDS_BY_KIND": "briefdesk.core.model.fact",
    "Fact": "briefdesk.core.model.fact",
    "FactKind": "briefdesk.core.model.fact",
    "Origin": "briefdesk.core.model.fact",
    "new_fact_id": "briefdesk.core.model.fact",
    "History": "briefdesk.core.model.history",
    "Note": "briefdesk.core.model.note",
    "Source": "briefdesk.core.model.note",
    "find_text": "briefdesk.core.model.operations",
    "merge_entities": "briefdesk.core.model.operations",
    "set_fact_fields": "briefdesk.core.model.operations",
    "set_entity_field": "briefdesk.core.model.operations",
    "set_sections": "briefdesk.core.model.operations",
    "snap_to_words": "briefdesk.core.model.operations",
    "tag": "briefdesk.core.model.operations",
    "untag": "briefdesk.core.model.operations",
    "canonicalize": "briefdesk.core.model.text",
    "is_canonical": "briefdesk.core.model.text",
    "text_direction": "briefdesk.core.model.text",
}

__all__ = [
    "BODY_SECTIONS",
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
    "RejectFact",
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
    "set_entity_field",
    "set_fact_fields",
    "set_sections",
    "snap_to_words",
    "tag",
    "text_direction",
    "untag",
]


__getattr__, __dir__ = lazy_names(__name__, _WHERE)
