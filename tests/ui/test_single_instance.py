"""A second `briefdesk FILE` hands the file to the running app and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefdesk.ui.single_instance import InstanceServer


def test_a_second_process_hands_over_its_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFDESK_BASEDIR", str(tmp_path / "home"))
    received: list[list[Path]] = []
    server = InstanceServer(received.append)
    assert server.listen()
    article = tmp_path / "article.txt"
    article.write_text("Norway and Japan signed an MoU.\n", encoding="utf-8")
    second = subprocess.Popen(
        [sys.executable, "-m", "briefdesk", str(article)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "BRIEFDESK_BASEDIR": str(tmp_path / "home"),
        },
    )
    qtbot.waitUntil(lambda: bool(received), timeout=30_000)
    out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err
    assert "opened in the running BriefDesk" in out
    assert received == [[article.resolve()]]
