"""The draft editor on real widgets: typing, citing facts, drafting from facts, checks, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefdesk.core import store
from briefdesk.core.model import FactKind, find_text
from briefdesk.ui.app import create_window
from briefdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    made = create_window()
    assert isinstance(made, MainWindow)
    qtbot.addWidget(made, before_close_func=lambda w: w.note.history.mark_clean())
    made.show()
    qtbot.waitExposed(made)
    return made


def _tag(window: MainWindow, kind: FactKind, words: str, nth: int = 1) -> None:
    start, end = find_text(window.note.article.text, words, nth)
    window.article_view.select_span(start, end)
    window.tag_selection(kind, exact=True)


def test_typing_in_a_section_is_one_undoable_edit(window: MainWindow, qtbot: QtBot) -> None:
    summary = window.draft_editor.fields["summary"]
    summary.setFocus()
    qtbot.keyClicks(summary, "Norway and Japan signed.")
    qtbot.waitUntil(lambda: window.note.draft.get("summary") == "Norway and Japan signed.")
    assert window.session.undo_stack.undoText() == "Edit Summary"
    window.session.undo_stack.undo()
    assert window.note.draft.get("summary") == ""
    assert summary.toPlainText() == ""  # the field follows undo
    window.session.undo_stack.redo()
    assert summary.toPlainText() == "Norway and Japan signed."


def test_classification_is_picked_from_a_scheme(window: MainWindow, qtbot: QtBot) -> None:
    combo = window.draft_editor.fields["classification"]
    combo.setCurrentText("OFFICIAL-SENSITIVE")
    qtbot.waitUntil(lambda: window.note.draft.get("classification") == "OFFICIAL-SENSITIVE")
    texts = [
        window.draft_editor.checks.item(i).text() for i in range(window.draft_editor.checks.count())
    ]
    assert not any("classification" in t for t in texts)


def test_draft_from_facts_then_undo_across_draft_and_facts(
    window: MainWindow, qtbot: QtBot
) -> None:
    for kind, words, nth in (
        (FactKind.PARTY, "Norway", 1),
        (FactKind.PARTY, "Japan", 1),
        (FactKind.OUTCOME, "Memorandum of Understanding (MoU) on Defence Cooperation", 1),
        (FactKind.PLACE, "Oslo", 2),
        (FactKind.DATE, "12 March 2026", 1),
    ):
        _tag(window, kind, words, nth)
    window.from_facts_action.trigger()
    qtbot.waitUntil(lambda: bool(window.note.draft.get("summary")))
    summary = window.draft_editor.fields["summary"]
    assert summary.toPlainText().count("[[") == 5
    assert "Made from tagged facts" in summary.toolTip() and "Oslo" in summary.toolTip()
    window.draft_editor.tabs.setCurrentIndex(1)
    html = window.draft_editor.preview.toPlainText()
    assert (
        "Norway and Japan agreed a Memorandum of Understanding (MoU) on Defence Cooperation "
        "in Oslo on 12 March 2026." in html
    )
    stack = window.session.undo_stack
    assert stack.undoText() == "Draft from facts"
    stack.undo()  # the draft
    assert window.note.draft.get("summary") == ""
    stack.undo()  # the last tag
    assert len(window.note) == 4
    stack.redo()
    stack.redo()
    assert window.note.draft.get("summary").count("[[") == 5


def test_cite_a_fact_where_the_analyst_types(window: MainWindow, qtbot: QtBot) -> None:
    _tag(window, FactKind.SIGNATORY, "Kenji Morimoto")
    fact = next(iter(window.note))
    points = window.draft_editor.fields["key_points"]
    points.setFocus()
    qtbot.keyClicks(points, "- Signed by ")
    window.fact_panels.select_fact(fact.id)
    assert window.cite_selected_fact()
    qtbot.waitUntil(lambda: window.note.draft.get("key_points") == f"- Signed by [[{fact.id}]]")


def test_clicking_a_check_shows_its_fact(window: MainWindow, qtbot: QtBot) -> None:
    _tag(window, FactKind.SIGNATORY, "Kenji Morimoto")
    checks = window.draft_editor.checks
    item = next(
        checks.item(i) for i in range(checks.count()) if "has no side" in checks.item(i).text()
    )
    checks.itemClicked.emit(item)
    start, end = find_text(window.note.article.text, "Kenji Morimoto")
    assert window.article_view.selected_span() == (start, end)


def test_draft_survives_save_and_reopen(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    title = window.draft_editor.fields["title"]
    title.setFocus()
    title.setText("Norway–Japan MoU")  # (QTest cannot type a dash: it would abort)
    QApplication.processEvents()
    assert window._save_to(tmp_path / "n.briefdesk")
    assert store.load(tmp_path / "n.briefdesk").draft.get("title") == "Norway–Japan MoU"


def test_dragging_a_fact_into_a_section_cites_it(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    _tag(window, FactKind.PARTY, "Japan")
    fact = next(iter(window.note))
    panel = window.fact_panels.panels[FactKind.PARTY]
    mime = panel.model_.mimeData([panel.model_.index(0, 0)])
    assert mime.text() == f"[[{fact.id}]]"
    summary = window.draft_editor.fields["summary"]
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    summary.dropEvent(drop)
    qtbot.waitUntil(lambda: window.note.draft.get("summary") == f"[[{fact.id}]]")


def test_source_grading_field(window: MainWindow, qtbot: QtBot) -> None:
    grading = window.draft_editor.fields["grading"]
    grading.setFocus()
    grading.setText("B2")
    grading.editingFinished.emit()
    qtbot.waitUntil(lambda: window.note.draft.get("grading") == "B2")
    combo = window.draft_editor.fields["classification"]
    levels = [combo.itemText(i) for i in range(combo.count())]
    assert "OFFICIAL-SENSITIVE" in levels and "CONFIDENTIAL" in levels
