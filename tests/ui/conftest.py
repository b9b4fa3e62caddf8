"""Qt tests: no work may be left running in the thread pool when a test ends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool


@pytest.fixture(autouse=True)
def no_work_left_behind(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(10_000), "work still running in QThreadPool after the test"
