"""Where BriefDesk keeps its files."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from briefdesk.core import paths


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule is applied on Linux only")
@pytest.mark.parametrize("xdg", [None, "/tmp/xdg-cache", "relative/ignored"])
def test_cache_dir_is_where_platformdirs_puts_it(
    xdg: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFDESK_BASEDIR", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert paths.cache_dir() == Path(platformdirs.user_cache_dir("BriefDesk", appauthor=False))


def test_one_base_folder_holds_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFDESK_BASEDIR", str(tmp_path))
    assert paths.cache_dir() == tmp_path / "cache"
    assert paths.state_dir() == tmp_path / "state"
