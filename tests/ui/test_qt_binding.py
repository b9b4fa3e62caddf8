"""Guards against faults in the Qt binding itself."""

from __future__ import annotations

import os
import subprocess
import sys

VOID_CALLS = """
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
holder = QObject()
for index in range(10_000):
    holder.setObjectName("x")      # void C++ calls: PySide6 6.12.0 on Python 3.11 leaks a
    label.setText("y")             # reference to None on each and aborts after a few thousand
print("ok")
"""


def test_many_void_calls_do_not_crash() -> None:
    """10,000 void Qt calls must not abort the interpreter (PySide6 6.12.0's none_dealloc)."""
    result = subprocess.run(
        [sys.executable, "-c", VOID_CALLS],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
