"""Ending an HTTP request from another thread, even while its read is blocked.

A child pressing "stop", the session ending (R22) or the app quitting must end a model request
at once. httpx reads with a blocking ``recv()``; checking a cancel flag between chunks cannot
interrupt a server that has gone silent, and closing the socket from another thread does not
wake ``recv()`` on Linux. ``shutdown()`` does. So each request keeps its socket, captured through
httpx's public ``trace`` extension the moment the TCP (or TLS) connection exists, and a small
watcher thread shuts it down when the :class:`CancelToken` is cancelled. The blocked read then
fails at once, and the backend, seeing the handle aborted, ends the stream quietly.

The base :class:`CancelToken` has no callback hook, so the watcher polls it every
:data:`CANCEL_POLL_SECONDS`; that bounds the extra delay, not the CPU (it sleeps on an Event).
"""

from __future__ import annotations

import contextlib
import socket
import threading

import httpx

from desktop.companion.backends.base import CancelToken

#: How often the watcher looks at a CancelToken (seconds): the worst-case added latency.
CANCEL_POLL_SECONDS = 0.02


class RequestHandle:
    """One request's sockets, and whether someone aborted it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.aborted = False
        self.response_started = False

    def trace(self, event: str, info: dict) -> None:
        """httpx ``trace`` hook: remember the socket as soon as the connection exists."""
        if event.endswith((".connect_tcp.complete", ".start_tls.complete")):
            self._remember(info.get("return_value"))

    def attach(self, response: httpx.Response) -> None:
        """Called once the status line arrived; a body read error is now a broken stream."""
        self.response_started = True
        self._remember(response.extensions.get("network_stream"))

    def abort(self) -> None:
        """Thread-safe; idempotent. The request's reads and writes fail right away."""
        with self._lock:
            self.aborted = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)

    def _remember(self, stream) -> None:
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return  # a custom transport without sockets: only the between-chunk check applies
        with self._lock:
            if sock not in self._sockets:
                self._sockets.append(sock)
            late = self.aborted
        if late:  # cancelled while connecting: cut it before the request goes out
            _shutdown(sock)


class CancelWatcher:
    """A daemon thread that aborts ``handle`` when ``cancel`` fires; stop it when done."""

    def __init__(self, cancel: CancelToken, handle: RequestHandle) -> None:
        self._cancel = cancel
        self._handle = handle
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hearth-cancel-watch", daemon=True)

    def __enter__(self) -> CancelWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._done.set()

    def _run(self) -> None:
        while not self._done.wait(CANCEL_POLL_SECONDS):
            if self._cancel.cancelled:
                self._handle.abort()
                return


def _shutdown(sock: socket.socket) -> None:
    # The plain socket method is used on TLS sockets too: it acts on the descriptor without
    # touching the SSL object that the reading thread is using.
    with contextlib.suppress(OSError, ValueError):  # already closed
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
