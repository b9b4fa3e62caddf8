"""GUI speed: start-up paint against a bare PySide6 window, and highlighting at scale.

Run ``python bench/gui_bench.py`` (offscreen; no display needed). Targets (issue "The desktop
workspace"):

- the main window paints within 2x the time a bare PySide6 window takes, whole process;
- with 5,000 facts on a 100,000-word article, re-highlighting after an edit (one fact added)
  fits in one frame, 16 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from timing import best_process_pair, compile_package

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 9
BARE = """
import time, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication([])
window = QMainWindow(); window.setCentralWidget(QPlainTextEdit("hello")); window.show()
QTimer.singleShot(0, app.quit); app.exec()
"""
OURS = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from briefdesk.ui.app import create_window
window = create_window(); window.show()
QTimer.singleShot(0, app.quit); app.exec()
"""


def _highlighting() -> tuple[float, float, float]:
    """Return (initial highlight s, median one-edit re-highlight s, panel refill s)."""
    from PySide6.QtWidgets import QApplication

    from briefdesk.core.model import Article, Fact, FactKind, Note, tag
    from briefdesk.ui.article_view import ArticleView
    from briefdesk.ui.fact_panels import FactPanels

    app = QApplication.instance() or QApplication([])
    words = (
        "Norway and Japan signed a memorandum on defence cooperation in maritime "
        "domain awareness and cyber security with regular staff talks"
    ).split()
    paragraphs = [" ".join(words[(p + i) % len(words)] for i in range(100)) for p in range(1000)]
    article = Article.from_text("\n\n".join(paragraphs))
    text = article.text
    kinds = list(FactKind)
    facts = []
    position = 0
    for number in range(5000):
        start = text.index("Japan", position)
        position = start + 5
        facts.append(
            Fact(f"f{number}", kinds[number % len(kinds)], start, start + 5, "Japan", f"e{number}")
        )
    note = Note(article, facts)
    view = ArticleView()
    view.resize(1000, 800)
    view.show()
    started = time.perf_counter()
    view.show_note(note)
    app.processEvents()
    initial = time.perf_counter() - started
    edits = []
    position = 0
    for _ in range(20):
        start = text.index("memorandum", position)
        position = start + 10
        change = note.apply(tag(note, FactKind.OUTCOME, start, start + 10))
        started = time.perf_counter()
        view.apply_change(change)
        app.processEvents()
        edits.append(time.perf_counter() - started)
    panels = FactPanels()
    started = time.perf_counter()
    panels.show_note(note)
    refill = time.perf_counter() - started
    return initial, statistics.median(edits), refill


def main() -> int:
    compile_package()
    ours, bare = best_process_pair([sys.executable, "-c", OURS], [sys.executable, "-c", BARE], RUNS)
    initial, edit, refill = _highlighting()
    ratio = ours / bare
    print(f"{'what':<52}{'time':>10}{'target':>12}")
    print(f"{'bare PySide6 window, whole process':<52}{bare:>9.3f}s")
    print(
        f"{'BriefDesk window on the sample, whole process':<52}{ours:>9.3f}s"
        f"{'2.0x bare':>12}  {ratio:.2f}x {'ok' if ratio <= 2 else 'SLOW'}"
    )
    print(f"{'5,000 facts on 100k words: first highlight':<52}{initial * 1000:>8.1f}ms")
    print(
        f"{'5,000 facts on 100k words: re-highlight one edit':<52}{edit * 1000:>8.1f}ms"
        f"{'16 ms':>12}  {'ok' if edit <= 0.016 else 'SLOW'}"
    )
    print(f"{'fact panels filled with 5,000 facts':<52}{refill * 1000:>8.1f}ms")
    return 0 if ratio <= 2 and edit <= 0.016 else 1


if __name__ == "__main__":
    sys.exit(main())
