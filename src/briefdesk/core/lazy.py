"""Packages whose names load on first use (PEP 562), so start-up pays only for what it uses."""

from __future__ import annotations

import importlib
import sys

TYPE_CHECKING = False  # not typing's: importing typing costs 3 ms of every command's start

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    package: str, where: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return ``__getattr__`` and ``__dir__`` for *package*, importing each name from the
    module *where* names for it the first time it is asked for, then keeping it."""

    def __getattr__(name: str) -> Any:
        try:
            module = importlib.import_module(where[name])
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(module, name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(where)

    return __getattr__, __dir__
