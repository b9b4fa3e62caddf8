"""The main window on real widgets, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from briefdesk.core import store
from briefdesk.core.model import FactKind, find_text
from briefdesk.ui.app import create_window
from briefdesk.ui.main_window import MainWindow


@pytest.fixture
def make_main_window(qtbot: QtBot):  # type: ignore[no-untyped-def]
    def make(path: str | None = None) -> MainWindow:
        window = create_window()
        assert isinstance(window, MainWindow)
        # Closing a modified window asks to save; the test is over, so discard.
        qtbot.addWidget(window, before_close_func=_discard_changes)
        window.show()
        qtbot.waitExposed(window)
        if path is not None:
            with qtbot.waitSignal(window.file_opened, timeout=20_000):
                window.open_path(Path(path))
        return window

    return make


def _discard_changes(window: MainWindow) -> None:
    window.note.history.mark_clean()


def _select(window: MainWindow, words: str, nth: int = 1) -> tuple[int, int]:
    start, end = find_text(window.note.article.text, words, nth)
    window.article_view.select_span(start, end)
    return start, end


def _dismiss_next_dialog(seen: list[str], button: QMessageBox.StandardButton | None = None) -> None:
    """Close the next modal dialog as soon as it appears, remembering its text; with
    *button*, press that button."""

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):
            seen.append(dialog.text())
            target = dialog.button(button) if button is not None else None
            if target is None:  # not the dialog the test expected: close it all the same
                dialog.accept()
            else:
                target.click()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


def test_opens_on_the_bundled_sample(make_main_window) -> None:  # type: ignore[no-untyped-def]
    window = make_main_window()
    assert "Norway and Japan" in window.note.article.text
    assert window.windowTitle().startswith("Norway and Japan sign defence MoU")
    assert window.article_view.toPlainText() == window.note.article.text
    assert window.article_view.isReadOnly()


def test_tag_selection_highlights_lists_and_undoes(make_main_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_main_window()
    start, _ = _select(window, "orwa")  # a clipped word snaps to "Norway"
    window.tag_actions[FactKind.PARTY].trigger()
    facts = list(window.note)
    assert [(f.text, f.kind, f.start) for f in facts] == [("Norway", FactKind.PARTY, start - 1)]
    parties = window.fact_panels.panels[FactKind.PARTY].model_
    assert parties.rowCount() == 1 and parties.item(0, 0).text() == "Norway"
    cursor = window.article_view.textCursor()
    cursor.setPosition(start + 1)
    assert cursor.charFormat().background().color().alpha() > 0  # highlighted
    assert window.isWindowModified()
    undo = window.session.undo_stack
    assert undo.undoText() == "Tag 'Norway' as party"
    undo.undo()
    assert len(window.note) == 0 and parties.rowCount() == 0
    cursor.setPosition(start + 1)
    assert cursor.charFormat().background().style().name == "NoBrush"
    undo.redo()
    assert [f.text for f in window.note] == ["Norway"]


def test_keyboard_shortcut_tags(make_main_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_main_window()
    window.windowHandle().requestActivate()  # shortcuts fire only in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.article_view.setFocus()
    _select(window, "Ingrid Solberg Haugen")
    qtbot.keyClick(window.article_view, Qt.Key.Key_S)
    assert [(f.text, f.kind) for f in window.note] == [
        ("Ingrid Solberg Haugen", FactKind.SIGNATORY)
    ]


def test_selecting_a_fact_selects_its_span(make_main_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_main_window()
    start, end = _select(window, "Kenji Morimoto")
    window.tag_selection(FactKind.SIGNATORY)
    window.article_view.select_span(0, 0)
    panel = window.fact_panels.panels[FactKind.SIGNATORY]
    panel.setCurrentIndex(panel.model_.index(0, 0))
    assert window.article_view.selected_span() == (start, end)
    flash = window.article_view.extraSelections()
    assert len(flash) == 1 and flash[0].cursor.selectedText() == "Kenji Morimoto"
    qtbot.waitUntil(lambda: not window.article_view.extraSelections(), timeout=3000)


def test_save_and_reopen(make_main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_main_window()
    _select(window, "Japan")
    window.tag_selection(FactKind.PARTY)
    path = tmp_path / "n.briefdesk"
    assert window._save_to(path)
    assert not window.isWindowModified() and window.windowTitle().startswith("n.briefdesk")
    again = make_main_window(str(path))
    assert [f.text for f in again.note] == ["Japan"]
    assert store.load(path) == again.note


def test_bad_file_shows_a_dialog_and_keeps_the_note(
    make_main_window, tmp_path: Path, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    window = make_main_window()
    _select(window, "Japan")
    window.tag_selection(FactKind.PARTY)
    window.note.history.mark_clean()  # so opening does not ask to save first
    note = window.note
    bad = tmp_path / "broken.briefdesk"
    bad.write_bytes(b"PK\x03\x04 not really")
    seen: list[str] = []
    _dismiss_next_dialog(seen)
    with qtbot.waitSignal(window.open_failed, timeout=20_000):
        window.open_path(bad)
    assert seen and "broken.briefdesk" in seen[0]
    assert window.note is note and [f.text for f in window.note] == ["Japan"]


def test_export_from_the_window(make_main_window, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_main_window()
    seen: list[str] = []
    _dismiss_next_dialog(seen, QMessageBox.StandardButton.Close)
    with qtbot.waitSignal(window.export_finished, timeout=20_000):
        window.export_to(tmp_path / "brief.docx")
    assert (tmp_path / "brief.docx").stat().st_size > 0
    qtbot.waitUntil(lambda: bool(seen))
    assert "brief.docx" in seen[0]  # it offers to open the file or its folder
    with qtbot.waitSignal(window.export_finished, timeout=20_000):
        window.export_to(tmp_path / "sheet.pdf", "fact-sheet", ask_to_open=False)
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")


def test_a_failed_export_is_a_dialog_and_keeps_the_old_file(
    make_main_window,
    qtbot: QtBot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    window = make_main_window()
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")
    window.draft_editor.fields["title"].setText("தமிழ்")  # no bundled Tamil font: refused
    window.draft_editor.commit_all()
    seen: list[str] = []
    _dismiss_next_dialog(seen)
    with qtbot.waitSignal(window.export_failed, timeout=20_000):
        window.export_to(out)
    assert seen and "cannot show" in seen[0] and "TAMIL" in seen[0]
    assert out.read_bytes() == b"old"


def test_hebrew_article_reads_right_to_left(make_main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "he.txt"
    path.write_text("ישראל והודו חתמו על מזכר הבנות\n\nהמזכר נחתם בתל אביב.\n", encoding="utf-8")
    window = make_main_window(str(path))
    assert window.note.article.metadata.direction == "rtl"
    option = window.article_view.document().defaultTextOption()
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    start, end = _select(window, "בתל אביב")
    window.tag_selection(FactKind.PLACE)
    assert [(f.text, f.start, f.end) for f in window.note] == [("בתל אביב", start, end)]


CRASH = """
import os
from PySide6.QtWidgets import QApplication
from briefdesk.core.model import FactKind, find_text
from briefdesk.ui.app import create_window
app = QApplication([])
window = create_window()
start, end = find_text(window.note.article.text, "Kenji Morimoto")
window.article_view.select_span(start, end)
window.tag_selection(FactKind.SIGNATORY)
window.autosave()
os._exit(1)  # a crash: no close, no cleanup
"""


def test_recovery_after_a_crash(
    qtbot: QtBot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    make_main_window,
) -> None:
    import os
    import subprocess
    import sys

    from briefdesk.ui.app import offer_recovery

    monkeypatch.setenv("BRIEFDESK_BASEDIR", str(tmp_path / "home"))
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert crashed.returncode == 1, crashed.stderr[-2000:]
    window = make_main_window()
    seen: list[str] = []
    _dismiss_next_dialog(seen, QMessageBox.StandardButton.Yes)
    assert offer_recovery(window) == []
    assert seen and "unsaved changes" in seen[0]
    assert [f.text for f in window.note] == ["Kenji Morimoto"]
    assert window.isWindowModified()
    assert store.find_recoverable() == []  # recovered: the old files are gone


def test_hovering_a_fact_shows_it(make_main_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QToolTip

    window = make_main_window()
    start, _ = _select(window, "Kenji Morimoto")
    window.tag_selection(FactKind.SIGNATORY)
    view = window.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(start + 2)
    point = view.viewport().mapTo(view, view.cursorRect(cursor).center())
    view.event(QHelpEvent(QEvent.Type.ToolTip, point, view.mapToGlobal(point)))
    assert "Signatory" in QToolTip.text() and "Kenji Morimoto" in QToolTip.text()


def test_recent_files_menu_reopens(
    make_main_window,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    qtbot: QtBot,
) -> None:
    article = tmp_path / "other.txt"
    article.write_text("Sweden and Finland sign a logistics MoU.\n", encoding="utf-8")
    window = make_main_window(str(article))
    with qtbot.waitSignal(window.file_opened, timeout=20_000):
        window.open_path(article)  # the same file again: still one entry
    window._fill_recent_menu()
    names = [a.text() for a in window.recent_menu.actions() if a.toolTip()]
    assert names[0].endswith("other.txt")
    assert sum(name.endswith("other.txt") for name in names) == 1


def test_new_from_clipboard_text_and_web_page(make_main_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData

    window = make_main_window()
    QApplication.clipboard().setText("Pasted article\n\nIndia and Israel signed an MoU.\n")
    assert window.new_from_clipboard()
    assert "India and Israel signed an MoU." in window.note.article.text
    assert window.note.source is not None and window.note.source.name == "clipboard.txt"
    mime = QMimeData()
    mime.setHtml(
        "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        "<article><h1>Copied page</h1><p>Norway and Japan signed a defence MoU in "
        "Oslo on Thursday, officials said after the ceremony.</p></article>"
        "<footer>© Example</footer></body></html>"
    )
    mime.setText("fallback")
    QApplication.clipboard().setMimeData(mime)
    assert window.new_from_clipboard()
    assert window.note.article.metadata.format == "html"
    assert "Norway and Japan signed a defence MoU" in window.note.article.text
    assert "Home" not in window.note.article.text
    # The clipboard owns the data now; clear it while the app lives, or the offscreen
    # clipboard frees it a second time at exit (a crash after the run).
    QApplication.clipboard().clear()


def test_find_bar_finds_and_wraps(make_main_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_main_window()
    window.find_action.trigger()
    assert window.find_bar.isVisible()
    window.find_bar.edit.setText("Japan")
    first = window.article_view.selected_span()
    assert first is not None and window.note.article.text[first[0] : first[1]] == "Japan"
    window.find_next_action.trigger()
    second = window.article_view.selected_span()
    assert second is not None and second[0] > first[0]
    window.find_bar.edit.setText("Atlantis")
    assert window.find_bar.status.text() == "Not found"


def test_encrypted_pdf_asks_for_its_password(
    make_main_window,
    qtbot: QtBot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    import io

    from PySide6.QtWidgets import QInputDialog
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, encrypt="s3cret")
    canvas.drawString(72, 700, "Norway and Japan signed a memorandum in Oslo.")
    canvas.save()
    path = tmp_path / "locked.pdf"
    path.write_bytes(out.getvalue())
    window = make_main_window()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            dialog.setTextValue("s3cret")
            dialog.accept()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    with qtbot.waitSignal(window.file_opened, timeout=20_000):
        window.open_path(path)
    assert "Norway and Japan signed a memorandum" in window.note.article.text


def test_suggest_then_accept_and_reject(make_main_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from briefdesk.core.model import Origin

    window = make_main_window()
    with qtbot.waitSignal(window.suggestions_ready, timeout=20_000) as blocker:
        window.suggest_action.trigger()
    assert blocker.args[0] > 5
    facts = list(window.note)
    assert all(f.origin is Origin.SUGGESTED for f in facts)
    signatories = [f for f in facts if f.kind is FactKind.SIGNATORY]
    # "Minister Solberg Haugen said": a mention of the same person, not a third signatory.
    assert {f.text for f in signatories} == {
        "Ingrid Solberg Haugen",
        "Kenji Morimoto",
        "Solberg Haugen",
    }
    assert len({f.entity for f in signatories}) == 2
    assert window.session.undo_stack.undoText().startswith("Suggest ")
    for number, fact in enumerate(signatories):
        window.fact_panels.select_fact(fact.id, extend=number > 0)
    window.accept_action.trigger()
    assert all(window.note.fact(f.id).origin is Origin.USER for f in signatories)
    place = next(f for f in window.note if f.kind is FactKind.PLACE)
    window.fact_panels.select_fact(place.id)
    window.remove_action.trigger()
    assert place.id not in window.note.facts
    window.session.undo_stack.undo()
    assert place.id in window.note.facts


def test_review_suggestions_with_the_keyboard(make_main_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from briefdesk.core.model import Origin

    window = make_main_window()
    with qtbot.waitSignal(window.suggestions_ready, timeout=20_000):
        window.suggest_action.trigger()
    suggested = sorted(
        (f for f in window.note if f.origin is Origin.SUGGESTED), key=lambda f: (f.start, f.end)
    )
    # F8 walks the suggestions in article order; Shift+F8 walks back.
    assert window.go_to_suggestion(1) == suggested[0].id
    assert window.go_to_suggestion(1) == suggested[1].id
    assert window.go_to_suggestion(-1) == suggested[0].id
    assert window.fact_panels.selected_facts()[0] == suggested[0].id
    assert "Suggestion 1 of" in window.statusBar().currentMessage()
    # Enter in the panel accepts the selected suggestion.
    first = suggested[0]
    panel = window.fact_panels.panels[first.kind]
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.note.fact(first.id).origin is Origin.USER, timeout=5000)
    # Accepted entities come first in their panel; the tab counts what is left to review.
    assert panel.model_.item(0, 0).text() == " ".join(first.text.split())
    assert "suggested)" in window.fact_panels.tabText(list(FactKind).index(first.kind))
    # Delete rejects the next one; it stays rejected when suggestions run again.
    second = window.go_to_suggestion(1)
    assert second is not None and second != first.id
    rejected = window.note.fact(second)
    window.remove_action.trigger()
    assert second not in window.note.facts
    with qtbot.waitSignal(window.suggestions_ready, timeout=20_000):
        window.suggest_action.trigger()
    assert not any(
        (f.kind, f.start, f.end) == (rejected.kind, rejected.start, rejected.end)
        for f in window.note
    )
    assert window.note.fact(first.id).origin is Origin.USER  # the analyst's facts untouched


def test_panels_group_mentions_edit_fields_merge_and_reorder(
    make_main_window,  # type: ignore[no-untyped-def]
    qtbot: QtBot,
) -> None:
    window = make_main_window()
    for words, nth in (("Norway", 1), ("Japan", 1), ("Norway", 2), ("Japan", 2)):
        _select(window, words, nth)
        window.tag_selection(FactKind.PARTY)
    panels = window.fact_panels
    parties = panels.panels[FactKind.PARTY].model_
    assert [parties.item(r, 0).text() for r in range(parties.rowCount())] == ["Norway", "Japan"]
    assert parties.item(0, 0).rowCount() == 2  # two mentions beneath the entity
    assert parties.item(0, 4).text() == "2 mentions"
    # Edit a party's role in its cell: every mention gets it, in one undo step.
    parties.item(0, 1).setText("host")
    qtbot.waitUntil(lambda: window.session.undo_stack.undoText() == "Set role of 'Norway'")
    norway = [f for f in window.note if f.text == "Norway"]
    assert all(f.fields["role"] == "host" for f in norway)
    assert window.session.undo_stack.undoText() == "Set role of 'Norway'"
    # A signatory's side is picked from the parties and linked to the party's entity.
    _select(window, "Kenji Morimoto")
    window.tag_selection(FactKind.SIGNATORY)
    signatory = next(f for f in window.note if f.kind is FactKind.SIGNATORY)
    panels.set_field(signatory.entity, "party", "Japan")
    qtbot.waitUntil(lambda: "party" in window.note.fact(signatory.id).fields)
    japan = next(f for f in window.note if f.text == "Japan")
    assert window.note.fact(signatory.id).fields == {"party": "Japan", "party_id": japan.entity}
    signatories = panels.panels[FactKind.SIGNATORY].model_
    assert signatories.item(0, 2).text() == "Japan"
    # Reorder: Japan first.
    panels.select_fact(japan.id)
    window.move_selected(-1)
    assert [parties.item(r, 0).text() for r in range(parties.rowCount())] == ["Japan", "Norway"]
    # Tag "Oslo" as a party twice by mistake under different spellings, then merge.
    _select(window, "Oslo", 1)
    window.tag_selection(FactKind.PLACE)
    _select(window, "Oslo", 2)
    window.tag_selection(FactKind.PLACE)
    places = [f for f in window.note if f.kind is FactKind.PLACE]
    assert len({f.entity for f in places}) == 1  # same text: joined when tagged
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()  # the move
    assert [parties.item(r, 0).text() for r in range(parties.rowCount())] == ["Norway", "Japan"]


def test_shortcut_sheet_lists_the_real_shortcuts(make_main_window) -> None:  # type: ignore[no-untyped-def]
    window = make_main_window()
    dialog = window.show_shortcuts()
    table = dialog.findChild(QTableWidget)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Tag as Party"] == "P" and rows["Tag as Signatory"] == "S"
    assert rows["Open"] == "Ctrl+O" and rows["Save"] == "Ctrl+S"
    assert "Find" in rows and "Undo" in rows
    dialog.close()


def test_about_names_version_fonts_and_licences() -> None:
    from briefdesk import __version__
    from briefdesk.ui.help import about_text

    text = about_text()
    assert __version__ in text and "Open Font License" in text and "python-docx" in text


def test_dropping_a_file_opens_it(make_main_window, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.md"
    path.write_text("# Dropped article\n\nIndia and Israel signed an MoU.\n", encoding="utf-8")
    window = make_main_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.file_opened, timeout=20_000):
        window.dropEvent(event)
    assert window.note.article.metadata.title == "Dropped article"
