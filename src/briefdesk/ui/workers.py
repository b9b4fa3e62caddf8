"""Long work off the UI thread: a core function on QThreadPool, with progress and cancel.

Core functions that can take long accept ``progress`` (a fraction from 0 to 1) and ``cancel``
(a callable that returns true once the user has cancelled) and know nothing of threads. A
:class:`Task` runs one on the global thread pool and reports back by signal, in the UI
thread. The progress dialog appears only if the work outlasts a short delay, so quick work
does not flash one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from briefdesk.core.errors import BriefDeskError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

__all__ = ["PROGRESS_DELAY_MS", "Cancelled", "Task"]

PROGRESS_DELAY_MS = 400
"""Work that ends sooner than this shows no progress dialog."""


class Cancelled(BriefDeskError):
    """The user cancelled the work."""


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    progressed = Signal(float)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        task = self._task
        try:
            result = task.function(progress=task.report_progress, cancel=task.cancel_event.is_set)
        except BaseException as error:  # reported to the UI thread, which decides
            task.signals.failed.emit(error)
        else:
            if task.cancel_event.is_set():
                task.signals.failed.emit(Cancelled("cancelled"))
            else:
                task.signals.succeeded.emit(result)


class Task(QObject):
    """Runs ``function(progress=…, cancel=…)`` in the pool; ``finished`` fires in the UI thread.

    ``succeeded`` carries the result; ``failed`` the exception (:class:`Cancelled` if the user
    cancelled). With a *parent* widget, a progress dialog labelled *label* appears after
    PROGRESS_DELAY_MS with a Cancel button.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        function: Callable[..., object],
        label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.function = function
        self.cancel_event = threading.Event()
        self.signals = _Signals()
        self.signals.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.dialog: QProgressDialog | None = None
        if parent is not None:
            from PySide6.QtWidgets import QProgressDialog

            dialog = QProgressDialog(label, "Cancel", 0, 1000, parent)
            dialog.setWindowTitle(label)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(PROGRESS_DELAY_MS)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setValue(0)
            dialog.canceled.connect(self.cancel)
            self.signals.progressed.connect(
                lambda fraction: dialog.setValue(int(fraction * 1000)),
                Qt.ConnectionType.QueuedConnection,
            )
            self.dialog = dialog

    def start(self) -> Task:
        """Queue the work on the global thread pool; return self."""
        QThreadPool.globalInstance().start(_Runnable(self))
        return self

    def cancel(self) -> None:
        """Ask the work to stop; it ends with ``failed(Cancelled)`` at its next check."""
        self.cancel_event.set()

    def report_progress(self, fraction: float) -> None:
        """Called by the work, in the worker thread."""
        self.signals.progressed.emit(max(0.0, min(1.0, fraction)))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _on_succeeded(self, result: object) -> None:
        self._close_dialog()
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_failed(self, error: object) -> None:
        self._close_dialog()
        self.failed.emit(error)
        self.finished.emit()
