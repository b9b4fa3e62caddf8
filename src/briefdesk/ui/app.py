"""Starting the desktop app: the QApplication, the bundled sample, the main window."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from briefdesk import APP_ID, APP_NAME, __version__
from briefdesk.core.paths import resource

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

__all__ = ["SAMPLE_ARTICLE", "create_window", "main", "offer_recovery", "run_gui"]

SAMPLE_ARTICLE = "samples/maritime-mou.txt"
"""The article the app opens when started without a file (the project's own text, in
English: its language is given, not guessed, which would load a language model at start-up)."""


def sample_note() -> object:
    """Return a new note on the bundled sample article."""
    from dataclasses import replace

    from briefdesk.core import ingest
    from briefdesk.core.model import Article, Note, Source

    data = resource(SAMPLE_ARTICLE).read_bytes()
    name = SAMPLE_ARTICLE.rsplit("/", 1)[-1]
    article = ingest.read_bytes(data, name=name, language=False)
    meta = replace(article.metadata, language="en", publisher="BriefDesk sample articles")
    return Note(Article(article.text, article.blocks, meta), source=Source(name, data))


def app_icon() -> QIcon:
    """BriefDesk's icon, in every size it ships."""
    from PySide6.QtGui import QIcon, QPixmap

    icon = QIcon()
    folder = resource("icons")
    for entry in folder.iterdir():
        if entry.name.startswith(f"{APP_ID}-") and entry.name.endswith(".png"):
            if isinstance(entry, Path):
                icon.addFile(str(entry))  # decoded only when a size is drawn
            else:
                pixmap = QPixmap()
                pixmap.loadFromData(entry.read_bytes())
                icon.addPixmap(pixmap)
    return icon


def create_window(path: str | None = None) -> object:
    """Return a main window on *path* (an article or a note), or on the sample if ``None``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from briefdesk.ui.fonts import install_bundled_fonts, ui_font
    from briefdesk.ui.main_window import MainWindow

    # The CJK font after the first paint (a note that needs it registers it at once).
    install_bundled_fonts(include_large=False)
    QTimer.singleShot(300, install_bundled_fonts)
    QApplication.setFont(ui_font())
    QApplication.setWindowIcon(app_icon())
    window = MainWindow(sample_note())  # type: ignore[arg-type]
    if path is not None:
        window.open_path(Path(path))
    return window


def run_gui(path: str | None = None) -> int:
    """Open the app, on *path* if given; return the exit code when the last window closes.

    If BriefDesk already runs for this user, *path* opens there and this process ends.
    """
    from PySide6.QtWidgets import QApplication

    from briefdesk.ui.single_instance import InstanceServer, send_to_running

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(APP_ID)
    if send_to_running([Path(path)] if path else []):
        sys.stdout.write("opened in the running BriefDesk\n")
        return 0
    window = create_window(path)
    window.show()  # type: ignore[attr-defined]
    windows: list[object] = [window, *offer_recovery(window)]

    def open_here(paths: list[Path]) -> None:
        from briefdesk.ui.main_window import MainWindow

        if not paths:  # started again without a file: bring the app to the front
            front = windows[-1]
            assert isinstance(front, MainWindow)
            front.raise_()
            front.activateWindow()
        for target in paths:
            new = create_window()
            assert isinstance(new, MainWindow)
            new.show()
            new.open_path(target)
            windows.append(new)

    server = InstanceServer(open_here)
    server.listen()
    return int(app.exec())


def offer_recovery(window: object) -> list[object]:
    """Offer to recover notes autosaved by a BriefDesk that did not close cleanly.

    The newest goes into *window* if it holds no changes of its own; others open in new
    windows. Declined recoveries are deleted. Returns the new windows.
    """
    from PySide6.QtWidgets import QMessageBox

    from briefdesk.core import store
    from briefdesk.core.errors import BriefDeskError
    from briefdesk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    opened: list[object] = []
    for recovery in store.find_recoverable():
        when = time.strftime("%d %b %Y %H:%M", time.localtime(recovery.saved_at))
        answer = QMessageBox.question(
            window,
            "Recover unsaved work?",
            f"BriefDesk closed unexpectedly while “{recovery.title}” had unsaved changes. "
            f"They were autosaved at {when}. Recover them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            store.discard(recovery)
            continue
        try:
            note = recovery.load()
        except BriefDeskError as error:
            QMessageBox.critical(window, "Cannot recover", str(error))
            continue
        target = window
        if window.note.is_modified or opened or window.path is not None:
            target = MainWindow(note)
            target.show()
            opened.append(target)
        target.adopt_recovered(note, recovery.original)
        target.autosave()  # under the new window's id, before the old files go
        store.discard(recovery)
    return opened


def main() -> None:
    """The ``briefdesk-gui`` entry point: the same as ``briefdesk gui [FILE]``."""
    from briefdesk.cli import main as cli_main

    sys.exit(cli_main(["gui", *sys.argv[1:]]))
