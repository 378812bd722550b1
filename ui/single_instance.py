"""One Hearth per data directory (DESIGN.md, threat model: a second instance).

A QLockFile in the data directory stops two processes from counting usage twice or working
around a lock; a QLocalServer lets the second launch ask the first to show its window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal

from desktop import meta


def _server_name(data_dir: Path) -> str:
    import hashlib  # loads OpenSSL (~3 ms): only once the window is up, or for a second launch

    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"{meta.APP_ID}-{digest}"


class SingleInstanceGuard(QObject):
    """Holds the lock for the life of the process; emits ``activation_requested``."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._lock = QLockFile(str(data_dir / "hearth.lock"))
        self._lock.setStaleLockTime(0)
        self._data_dir = data_dir.resolve()  # the name is derived later; the folder is fixed now
        self._server = None

    def acquire(self) -> bool:
        """True when this is the only Hearth on this data directory (the lock alone decides)."""
        return self._lock.tryLock(100)

    def listen(self) -> None:
        """Answer later launches by raising our window. Called once the window is up: the lock
        already keeps a second copy out, this only makes the second launch friendlier."""
        from PySide6.QtNetwork import QLocalServer

        name = _server_name(self._data_dir)
        QLocalServer.removeServer(name)
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(name)

    def notify_running_instance(self, timeout_ms: int = 1000) -> bool:
        """Ask the running Hearth to raise its window. True if it answered."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(_server_name(self._data_dir))
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(b"activate\n")
        socket.flush()
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._read(c))

    def _read(self, conn) -> None:
        if b"activate" in bytes(conn.readAll()):
            self.activation_requested.emit()
        conn.disconnectFromServer()
