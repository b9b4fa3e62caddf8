"""The package metadata ships every package and the resources."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT / "src").parts)
        for path in (ROOT / "src").rglob("__init__.py")
    }
    assert found | {"briefdesk.resources"} == listed


def test_bundled_sample_is_found_through_importlib_resources() -> None:
    from briefdesk.ui.app import SAMPLE_ARTICLE

    text = resources.files("briefdesk.resources").joinpath(SAMPLE_ARTICLE).read_text("utf-8")
    assert "fictional" in text and "Norway" in text
