"""The core works without Qt: what the CLI and the tests share must not need a display."""

from __future__ import annotations

import subprocess
import sys

BLOCK_QT = """
import sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} is blocked in this test")
        return None

sys.meta_path.insert(0, BlockQt())
import pkgutil, importlib
import briefdesk.core, briefdesk.cli
for module in pkgutil.walk_packages(briefdesk.core.__path__, "briefdesk.core."):
    importlib.import_module(module.name)
print("ok")
"""


def test_core_and_cli_import_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_cli_verbs_run_without_qt(tmp_path) -> None:  # type: ignore[no-untyped-def]
    note = str(tmp_path / "n.briefdesk")
    article = tmp_path / "a.txt"
    article.write_text("India and Israel signed an MoU in Tel Aviv.\n", encoding="utf-8")
    script = BLOCK_QT.replace(
        'print("ok")',
        (
            "from briefdesk.cli import main\n"
            f"assert main(['new', {str(article)!r}, '-o', {note!r}]) == 0\n"
            f"assert main(['export', {note!r}, '-o', "
            f"{str(tmp_path / 'n.docx')!r}]) == 0\n"
            "print('ok')"
        ),
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("ok")
    assert (tmp_path / "n.docx").exists()
