"""Every script shows with the bundled fonts alone, on a machine that has no fonts at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHECK = r"""
import json, sys
from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication
app = QApplication([])
system = QFontDatabase.families()
from briefdesk.core.render.fonts import FAMILY_FALLBACK
from briefdesk.ui.fonts import install_bundled_fonts, ui_font
families = install_bundled_fonts()
samples = {
    "latin": "Defence cooperation: Norway & Japan",
    "cyrillic": "Меморандум о сотрудничестве",
    "hebrew": "ישראל והודו חתמו על מזכר הבנות",
    "arabic": "وقعت الهند وإسرائيل مذكرة تفاهم",
    "devanagari": "भारत और इज़राइल ने समझौते पर हस्ताक्षर किए",
    "chinese": "中国和日本签署了合作协议",
    "japanese": "日本とノルウェーは覚書に署名した",
}
report = {"system": system, "families": families}
for name, text in samples.items():
    layout = QTextLayout(text, ui_font(12))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    report[name] = {
        "missing": sum(list(run.glyphIndexes()).count(0) for run in runs),
        "fonts": sorted({run.rawFont().familyName() for run in runs}),
    }
print(json.dumps(report))
"""


def test_every_script_has_glyphs_from_the_bundled_fonts(tmp_path: Path) -> None:
    """Fontconfig is given no font folder: only the fonts BriefDesk registers exist."""
    import json

    config = tmp_path / "fonts.conf"
    config.write_text(
        f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>""",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # A bare machine: fontconfig offers only its generic aliases, backed by no font file.
    assert set(report["system"]) <= {"Monospace", "Sans Serif", "Serif"}
    assert {
        "Noto Sans",
        "Noto Sans Hebrew",
        "Noto Sans Arabic",
        "Noto Sans Devanagari",
        "Droid Sans Fallback",
    } <= set(report["families"])
    expected = {
        "latin": "Noto Sans",
        "cyrillic": "Noto Sans",
        "hebrew": "Noto Sans Hebrew",
        "arabic": "Noto Sans Arabic",
        "devanagari": "Noto Sans Devanagari",
        "chinese": "Droid Sans Fallback",
        "japanese": "Droid Sans Fallback",
    }
    for script, family in expected.items():
        assert report[script]["missing"] == 0, (script, report[script])
        assert family in report[script]["fonts"], (script, report[script])
