"""Desktop integration for a pip install: menu entry, icons, and the ``.briefdesk`` file type.

Everything goes under the user's XDG data folder (``~/.local/share``), so no rights are
needed, and ``uninstall_desktop_entry`` removes exactly what ``install_desktop_entry`` wrote.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

from briefdesk import APP_ID
from briefdesk.core.atomic import atomic_write
from briefdesk.core.errors import BriefDeskError

__all__ = ["ICON_SIZES", "install_desktop_entry", "uninstall_desktop_entry"]

ICON_SIZES = (16, 32, 48, 64, 128, 256)


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def _targets() -> dict[str, Path]:
    data = _data_home()
    targets = {
        "desktop": data / "applications" / f"{APP_ID}.desktop",
        "mime": data / "mime" / "packages" / f"{APP_ID}.xml",
        "metainfo": data / "metainfo" / f"{APP_ID}.metainfo.xml",
        "svg": data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    }
    for size in ICON_SIZES:
        targets[f"png{size}"] = (
            data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / (f"{APP_ID}.png")
        )
    return targets


def _launcher() -> str:
    """The command that opens BriefDesk from this installation (quoted for Exec=)."""
    script = Path(sys.executable).with_name("briefdesk-gui")
    if script.exists():
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m briefdesk gui"


def _refresh_caches(data: Path) -> None:
    """Let the desktop notice the new file type and entry (tools missing: nothing to do)."""
    for command in (
        ["update-mime-database", str(data / "mime")],
        ["update-desktop-database", str(data / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", str(data / "icons" / "hicolor")],
    ):
        if shutil.which(command[0]):
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                subprocess.run(command, capture_output=True, timeout=60, check=False)


def install_desktop_entry() -> list[Path]:
    """Install the menu entry, icons, metainfo and MIME type; return the files written.

    Raises BriefDeskError if a file cannot be written.
    """
    package = resources.files("briefdesk.resources")
    desktop = package.joinpath("desktop")
    icons = package.joinpath("icons")
    entry = desktop.joinpath(f"{APP_ID}.desktop").read_text("utf-8")
    entry = entry.replace("Exec=briefdesk-gui %f", f"Exec={_launcher()} %f")
    contents = {
        "desktop": entry.encode("utf-8"),
        "mime": desktop.joinpath(f"{APP_ID}.mime.xml").read_bytes(),
        "metainfo": desktop.joinpath(f"{APP_ID}.metainfo.xml").read_bytes(),
        "svg": icons.joinpath(f"{APP_ID}.svg").read_bytes(),
    }
    for size in ICON_SIZES:
        contents[f"png{size}"] = icons.joinpath(f"{APP_ID}-{size}.png").read_bytes()
    written = []
    try:
        for key, path in _targets().items():
            path.parent.mkdir(parents=True, exist_ok=True)
            data = contents[key]
            atomic_write(path, lambda handle, d=data: handle.write(d))  # type: ignore[misc]
            written.append(path)
    except OSError as error:
        raise BriefDeskError(f"cannot install the desktop entry: {error}") from None
    _refresh_caches(_data_home())
    return written


def uninstall_desktop_entry() -> list[Path]:
    """Remove what :func:`install_desktop_entry` wrote; return the files removed."""
    removed = []
    for path in _targets().values():
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    _refresh_caches(_data_home())
    return removed
