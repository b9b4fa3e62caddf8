"""Regenerate the screenshots in docs/: ``python docs/screenshots.py`` (offscreen, no display)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # no remembered geometry: a fixed size

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from briefdesk.core.model import FactKind, find_text
from briefdesk.ui.app import create_window
from briefdesk.ui.main_window import MainWindow

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


HEBREW = """נורווגיה ויפן חתמו על מזכר הבנות ביטחוני

אוסלו, 12 במרץ 2026

נורווגיה ויפן חתמו היום באוסלו על מזכר הבנות לשיתוף פעולה ביטחוני. על המזכר חתמו שרת \
ההגנה של נורווגיה, אינגריד סולברג האוגן, ושר המדינה להגנה של יפן, קנג'י מורימוטו.

המזכר עוסק במודעות למרחב הימי, בפעילות בתנאי קור ובהגנת סייבר, וקובע שיחות מטות סדירות \
וחילופי קציני קישור (Liaison Officers).

"המזכר הזה הופך שנים של רצון טוב לתוכנית עבודה", אמרה השרה לאחר הטקס.

מאמר זה בדוי. הוא נכתב עבור BriefDesk כדוגמה.
"""

HEBREW_TAGS = [
    (FactKind.PARTY, "נורווגיה", 1),
    (FactKind.PARTY, "יפן", 1),
    (FactKind.PLACE, "אוסלו", 2),
    (FactKind.DATE, "12 במרץ 2026", 1),
    (FactKind.SIGNATORY, "אינגריד סולברג האוגן", 1),
    (FactKind.SIGNATORY, "קנג'י מורימוטו", 1),
    (FactKind.DOMAIN, "הגנת סייבר", 1),
    (FactKind.OUTCOME, "מזכר הבנות לשיתוף פעולה ביטחוני", 1),
]


def export_page(window: MainWindow) -> None:
    """Export the note as PDF and keep its first page as a PNG (needs poppler's pdftoppm)."""
    import shutil
    import subprocess

    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: the exported page is not refreshed")
        return
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "briefing.pdf"
        window.draft_editor.fields["to"].setText("Minister for Defence")
        window.draft_editor.fields["from"].setText("Asia-Pacific Desk")
        window.draft_editor.commit_all()
        QApplication.processEvents()
        loop = QEventLoop()
        window.export_finished.connect(loop.quit)
        window.export_to(pdf, ask_to_open=False)
        loop.exec()
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "70",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(DOCS / "export-briefing-page1"),
            ],
            check=True,
        )


def shoot(
    window: MainWindow,
    tags: list[tuple[FactKind, str, int]],
    name: str,
    fields: dict[str, dict[str, str]] | None = None,
) -> None:
    app = QApplication.instance()
    for kind, words, nth in tags:
        start, end = find_text(window.note.article.text, words, nth)
        window.article_view.select_span(start, end)
        window.tag_selection(kind, exact=True)
    for words, values in (fields or {}).items():
        fact = next(f for f in window.note if f.text == words)
        for key, value in values.items():
            window.fact_panels.set_field(fact.entity, key, value)
            app.processEvents()  # type: ignore[union-attr]
    window.article_view.select_span(0, 0)
    window.fact_panels.setCurrentIndex(1)  # the signatories: the richest panel
    window.draft_editor.fields["classification"].setCurrentText("OFFICIAL-SENSITIVE")
    app.processEvents()  # type: ignore[union-attr]
    window.draft_editor.draft_from_facts()
    app.processEvents()  # type: ignore[union-attr]
    window.resize(1600, 900)
    window.show()
    app.processEvents()  # type: ignore[union-attr]
    window.grab().save(str(DOCS / name))
    if name == "screenshot-main-window.png":
        export_page(window)
    window.note.history.mark_clean()
    window.close()


def main() -> None:
    app = QApplication(sys.argv[:1])
    fields = {
        "Ingrid Solberg Haugen": {"title": "Minister of Defence", "party": "Norway"},
        "Kenji Morimoto": {"title": "State Minister of Defense", "party": "Japan"},
    }
    shoot(create_window(), TAGS, "screenshot-main-window.png", fields)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hebrew-mou.txt"
        path.write_text(HEBREW, encoding="utf-8")
        window = create_window()
        assert isinstance(window, MainWindow)
        loop = QEventLoop()
        window.file_opened.connect(loop.quit)
        window.open_path(path)
        loop.exec()
        shoot(
            window,
            HEBREW_TAGS,
            "screenshot-hebrew.png",
            {
                "אינגריד סולברג האוגן": {"title": "שרת ההגנה", "party": "נורווגיה"},
                "קנג'י מורימוטו": {"title": "שר המדינה להגנה", "party": "יפן"},
            },
        )
    del app


if __name__ == "__main__":
    main()
