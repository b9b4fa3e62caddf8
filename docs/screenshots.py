"""Regenerate the screenshots in docs/: ``python docs/screenshots.py`` (offscreen, no display)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # no remembered geometry: a fixed size

from PySide6.QtWidgets import QApplication  # noqa: E402

from briefdesk.core.model import FactKind, find_text  # noqa: E402
from briefdesk.ui.app import create_window  # noqa: E402
from briefdesk.ui.main_window import MainWindow  # noqa: E402

DOCS = Path(__file__).resolve().parent

TAGS = [
    (FactKind.PARTY, "Norway", 1),
    (FactKind.PARTY, "Japan", 1),
    (FactKind.PLACE, "Oslo", 1),
    (FactKind.DATE, "12 March 2026", 1),
    (FactKind.PARTY, "Norway", 2),
    (FactKind.PARTY, "Japan", 2),
    (FactKind.OUTCOME, "Memorandum of Understanding (MoU) on Defence Cooperation", 1),
    (FactKind.SIGNATORY, "Ingrid Solberg Haugen", 1),
    (FactKind.SIGNATORY, "Kenji Morimoto", 1),
    (FactKind.DOMAIN, "maritime domain awareness", 1),
    (FactKind.DOMAIN, "cold-weather operations", 1),
    (FactKind.QUOTE, '"This memorandum turns years of goodwill into a working plan,"', 1),
]


def main() -> None:
    app = QApplication(sys.argv[:1])
    window = create_window()
    assert isinstance(window, MainWindow)
    for kind, words, nth in TAGS:
        start, end = find_text(window.note.article.text, words, nth)
        window.article_view.select_span(start, end)
        window.tag_selection(kind, exact=True)
    window.article_view.select_span(0, 0)
    window.resize(1280, 820)
    window.show()
    app.processEvents()
    window.grab().save(str(DOCS / "screenshot-main-window.png"))
    window.note.history.mark_clean()
    window.close()


if __name__ == "__main__":
    main()
