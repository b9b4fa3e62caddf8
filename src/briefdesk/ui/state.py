"""Window state kept between runs in QSettings: geometry, docks, splitters, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from briefdesk.core.recent import add_recent, existing_recent

__all__ = ["recent_files", "remember_recent", "restore_window", "save_window"]

_RECENT = "recent_files"


def recent_files() -> list[str]:
    """The recent files that still exist, most recent first."""
    value = QSettings().value(_RECENT, [])
    if isinstance(value, str):  # QSettings gives a one-item list back as a plain string
        items: list[object] = [value]
    else:
        items = list(value) if isinstance(value, (list, tuple)) else []
    return existing_recent([str(item) for item in items])


def remember_recent(path: Path) -> None:
    """Put *path* first in the recent files."""
    QSettings().setValue(_RECENT, add_recent(recent_files(), path))


def clear_recent() -> None:
    QSettings().setValue(_RECENT, [])


def save_window(window: QMainWindow, splitters: list[QSplitter]) -> None:
    """Keep the window's geometry and docks and the positions of its named *splitters*."""
    settings = QSettings()
    settings.setValue("main_window/geometry", window.saveGeometry())
    settings.setValue("main_window/state", window.saveState())
    for splitter in splitters:
        if splitter.objectName():
            settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())


def restore_window(window: QMainWindow, splitters: list[QSplitter]) -> None:
    """Restore geometry, docks and *splitters*; a window off every screen is recentred.

    The window names its splitters: searching its widget tree for them is a millisecond of
    every start."""
    settings = QSettings()
    geometry = settings.value("main_window/geometry")
    state = settings.value("main_window/state")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for splitter in splitters:
        saved = settings.value(f"splitters/{splitter.objectName()}")
        if splitter.objectName() and isinstance(saved, QByteArray):
            splitter.restoreState(saved)
    screens = QGuiApplication.screens()
    if screens and not any(
        s.availableGeometry().intersects(window.frameGeometry()) for s in screens
    ):
        window.move(screens[0].availableGeometry().center() - window.rect().center())
