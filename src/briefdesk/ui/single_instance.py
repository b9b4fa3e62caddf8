"""One BriefDesk per user: opening a file while it runs opens it in the running app.

The first process listens on a local socket named after the user's state folder; a second
process sends it the files to open and exits, so two processes never fight over autosave.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from briefdesk.core.paths import state_dir

__all__ = ["CONNECT_TIMEOUT_MS", "InstanceServer", "send_to_running"]

CONNECT_TIMEOUT_MS = 500
"""How long a new process waits for a running BriefDesk to answer before starting its own."""


def server_name() -> str:
    """The socket name: per user and per storage folder (BRIEFDESK_BASEDIR gives its own)."""
    digest = hashlib.sha1(str(state_dir()).encode("utf-8")).hexdigest()[:16]
    return f"briefdesk-{digest}"


def send_to_running(paths: list[Path]) -> bool:
    """Ask a running BriefDesk to open *paths* (none: come to the front); False if none runs."""
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    message = json.dumps({"open": [str(p.resolve()) for p in paths]}).encode("utf-8")
    socket.write(QByteArray(message + b"\n"))
    socket.flush()
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for other BriefDesk processes; calls *on_open* with the paths they send."""

    def __init__(self, on_open: Callable[[list[Path]], None], parent: QObject | None = None):
        super().__init__(parent)
        self._on_open = on_open
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; a socket left by a crashed BriefDesk is removed first."""
        name = server_name()
        if self._server.listen(name):
            return True
        QLocalServer.removeServer(name)
        return self._server.listen(name)

    def _on_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._on_disconnected(s))

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        self._buffers[socket] = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if len(self._buffers[socket]) > 1_000_000:  # not a BriefDesk talking
            socket.abort()

    def _on_disconnected(self, socket: QLocalSocket) -> None:
        data = self._buffers.pop(socket, b"")
        socket.deleteLater()
        try:
            message = json.loads(data.decode("utf-8").strip() or "{}")
            paths = [Path(p) for p in message.get("open", []) if isinstance(p, str)]
        except (UnicodeDecodeError, ValueError, AttributeError):
            return
        self._on_open(paths)
