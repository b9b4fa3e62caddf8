"""Desktop integration files, and installing them for a pip user (then removing them)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.briefdesk.BriefDesk"


def test_metainfo_validates() -> None:
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed here (Debian: appstream)")
    result = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            str(ROOT / "resources" / "desktop" / f"{APP_ID}.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_install_and_uninstall_the_desktop_entry(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    result = subprocess.run(
        [sys.executable, "-m", "briefdesk", "--install-desktop-entry"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    share = tmp_path / "share"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(share / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    executable = section["Exec"].split(" %f")[0].split()[0]
    assert Path(executable).exists()
    assert "application/vnd.briefdesk+zip" in section["MimeType"]
    assert "application/pdf" in section["MimeType"]  # "Open with" for articles
    mime = ET.parse(share / "mime" / "packages" / f"{APP_ID}.xml").getroot()
    [kind] = mime
    assert kind.get("type") == "application/vnd.briefdesk+zip"
    for size in (16, 48, 256):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").exists()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").exists()
    if shutil.which("update-mime-database"):
        # The MIME database was rebuilt with our type in it.
        assert "application/vnd.briefdesk+zip" in (share / "mime" / "types").read_text()
    result = subprocess.run(
        [sys.executable, "-m", "briefdesk", "--uninstall-desktop-entry"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert not list((share / "icons").rglob(f"{APP_ID}.*"))
