"""Long work runs in the thread pool, reports progress, and can be cancelled."""

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot

from briefdesk.ui.workers import Cancelled, Task


def test_result_and_progress_arrive_in_the_ui_thread(qtbot: QtBot) -> None:
    seen: list[float] = []
    threads: list[bool] = []

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        for step in range(1, 5):
            progress(step / 4)
        return threading.current_thread() is threading.main_thread()

    task = Task(work, "Working")
    task.signals.progressed.connect(seen.append)
    task.succeeded.connect(threads.append)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start()
    assert threads == [False]  # it ran in a worker thread
    qtbot.waitUntil(lambda: seen[-1:] == [1.0])


def test_cancel_stops_the_work(qtbot: QtBot) -> None:
    started = threading.Event()

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        started.set()
        deadline = time.monotonic() + 10
        while not cancel() and time.monotonic() < deadline:
            time.sleep(0.005)
        return "finished anyway"

    errors: list[object] = []
    task = Task(work, "Working")
    task.failed.connect(errors.append)
    task.start()
    assert started.wait(5)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.cancel()
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)


def test_errors_are_reported_not_raised(qtbot: QtBot) -> None:
    def work(progress, cancel):  # type: ignore[no-untyped-def]
        raise ValueError("broken")

    errors: list[object] = []
    task = Task(work, "Working")
    task.failed.connect(errors.append)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start()
    assert isinstance(errors[0], ValueError)
