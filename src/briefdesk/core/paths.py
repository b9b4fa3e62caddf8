"""Where BriefDesk keeps its own files: settings, state (autosave), user data (templates),
and the resources it ships (fonts, templates, samples).

``BRIEFDESK_BASEDIR`` puts them all under one folder (for tests, portable installs and
running two profiles side by side); otherwise they follow the platform's conventions.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

TYPE_CHECKING = False  # not typing's: importing typing costs 3 ms of every command's start
if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["cache_dir", "config_dir", "data_dir", "resource", "state_dir"]

_APP = "BriefDesk"


def _base(kind: str) -> Path | None:
    base = os.environ.get("BRIEFDESK_BASEDIR")
    return Path(base) / kind if base else None


def state_dir() -> Path:
    """Autosave and recovery files: per user, not roamed."""
    import platformdirs

    return _base("state") or Path(platformdirs.user_state_dir(_APP, appauthor=False))


def config_dir() -> Path:
    """Preferences."""
    import platformdirs

    return _base("config") or Path(platformdirs.user_config_dir(_APP, appauthor=False))


def data_dir() -> Path:
    """The user's own templates and other data."""
    import platformdirs

    return _base("data") or Path(platformdirs.user_data_dir(_APP, appauthor=False))


def cache_dir() -> Path:
    """Data BriefDesk can rebuild (CLDR tables, parsed cue files): safe to delete.

    On Linux the XDG rule is applied directly (what platformdirs answers there): this is
    asked on every ``briefdesk suggest``, and importing platformdirs is 3 ms of it.
    """
    base = _base("cache")
    if base is not None:
        return base
    system: str = sys.platform  # a variable: mypy would judge the other branch unreachable
    if system == "linux":
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        root = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
        return root / _APP
    import platformdirs

    return Path(platformdirs.user_cache_dir(_APP, appauthor=False))


def resource(*parts: str) -> Traversable:
    """A file or folder of the bundled resources (``resource("fonts")``).

    A plain Path wherever the package is on disk (a wheel, an editable checkout, the
    bundle); importlib.resources, which costs 2-3 ms to import (zipfile with it), is asked
    only for an install it alone can read, such as a zip.
    """
    from importlib import import_module

    package = import_module("briefdesk.resources")  # resources/, mapped in by the install
    if package.__file__ is not None:
        folder = Path(package.__file__).parent
        if folder.is_dir():
            return folder.joinpath(*parts)
    from importlib import resources

    return resources.files(package).joinpath(*parts)
