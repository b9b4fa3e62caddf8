"""Help ▸ Keyboard Shortcuts and Help ▸ About: both built from what the app really has."""

from __future__ import annotations

import platform
from collections.abc import Iterable

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefdesk import APP_NAME, __version__

__all__ = ["LIBRARIES", "about_text", "shortcuts_dialog"]

DOCUMENTATION_URL = "https://github.com/briefdesk/briefdesk#readme"

LIBRARIES = (
    ("Qt / PySide6", "LGPL-3.0"),
    ("python-docx", "MIT"),
    ("reportlab", "BSD"),
    ("trafilatura", "Apache-2.0"),
    ("lxml", "BSD"),
    ("pypdfium2 / PDFium", "Apache-2.0 or BSD-3-Clause"),
    ("markdown-it-py", "MIT"),
    ("chardet", "LGPL-2.1"),
    ("dateparser", "BSD-3-Clause"),
    ("pycld2 (CLD2)", "Apache-2.0"),
    ("Babel (CLDR data)", "BSD-3-Clause; Unicode licence"),
    ("platformdirs", "MIT"),
)
FONTS = (
    ("Noto Sans, Noto Sans Hebrew, Arabic and Devanagari", "SIL Open Font License 1.1"),
    ("Droid Sans Fallback", "Apache-2.0"),
)


def _label(action: QAction) -> str:
    return action.text().replace("&", "").replace("…", "").strip()


def shortcuts_dialog(actions: Iterable[QAction], parent: QWidget | None = None) -> QDialog:
    """A dialog listing every action that has a shortcut, as the app defines them."""
    rows = sorted(
        {
            (_label(a), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for a in actions
            if not a.shortcut().isEmpty()
        },
    )
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard Shortcuts")
    table = QTableWidget(len(rows), 2, dialog)
    table.setAccessibleName("Keyboard shortcuts")
    table.setHorizontalHeaderLabels(["Action", "Shortcut"])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for row, (label, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(label))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnToContents(1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(460, 520)
    return dialog


def about_text() -> str:
    """The About box: version, runtime, and the licences of what BriefDesk bundles."""
    libraries = "".join(f"<li>{name}: {licence}</li>" for name, licence in LIBRARIES)
    fonts = "".join(f"<li>{name}: {licence}</li>" for name, licence in FONTS)
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Turn a source article into a finished briefing note: tag the key facts, draft "
        "the note, export it to DOCX or PDF.</p>"
        f"<p>Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}</p>"
        f"<p>Bundled fonts:</p><ul>{fonts}</ul>"
        f"<p>Libraries:</p><ul>{libraries}</ul>"
        f'<p>Documentation: <a href="{DOCUMENTATION_URL}">{DOCUMENTATION_URL}</a></p>'
        "<p>BriefDesk is free software under the MIT licence.</p>"
    )
