"""OpenAICompatBackend timeouts and cancellation against a real loopback server.

A child pressing "stop" or an exit phrase (R22) must end the turn at once, even while the read is
blocked on a silent server; the turn then ends quietly, with no error and no further text.
"""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
import threading
import time

import httpx
import pytest

from desktop.companion.backends.base import (
    BackendError,
    BackendErrorKind,
    CancelToken,
    ChatMessage,
    Role,
    TurnContext,
)
from desktop.companion.backends.openai_compat import OpenAICompatBackend
from tests.support.sse_server import OpenAIStreamServer, StreamReply

MESSAGES = [ChatMessage(Role.USER, "Tell me a long story.")]
Kind = BackendErrorKind
_SYNC_BACKEND = os.path.join("httpcore", "_backends", "sync.py")


@pytest.fixture
def server():
    with OpenAIStreamServer() as srv:
        yield srv


def backend_for(server, **options) -> OpenAICompatBackend:
    options.setdefault("connect_timeout", 2.0)
    return OpenAICompatBackend(server.base_url, "stub-model", **options)


def failure(backend) -> tuple[BackendError, list[str]]:
    got: list[str] = []
    with pytest.raises(BackendError) as info:
        for piece in backend.stream_reply(MESSAGES, TurnContext(), CancelToken()):
            got.append(piece)
    return info.value, got


class Consumer:
    """Runs a turn on a worker thread, like the app does, so the test thread can cancel it."""

    def __init__(self, backend, cancel: CancelToken) -> None:
        self.pieces: list[str] = []
        self.errors: list[BaseException] = []
        self.finished = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(backend, cancel), daemon=True)
        self._thread.start()

    def _run(self, backend, cancel) -> None:
        try:
            for piece in backend.stream_reply(MESSAGES, TurnContext(), cancel):
                self.pieces.append(piece)
        except BaseException as exc:  # reported to the test thread
            self.errors.append(exc)
        finally:
            self.finished.set()

    def wait_until_blocked_in_read(self, timeout: float = 5.0) -> None:
        """Poll until the worker sits in httpcore's socket read, so cancel must interrupt it."""
        deadline = time.monotonic() + timeout
        while not self._reading():
            assert time.monotonic() < deadline, "the worker never blocked in a read"
            assert not self.finished.is_set(), f"ended early: {self.errors}"
            time.sleep(0.002)

    def cancel_when_blocked_in_read(self, cancel: CancelToken, situation: str) -> float:
        """Cancel once the worker is blocked in a read and return the seconds until the turn
        ended: every stalled-read test measures R22's "at once" in the same way."""
        self.wait_until_blocked_in_read()
        started = time.monotonic()
        cancel.cancel()
        assert self.finished.wait(5)
        elapsed = time.monotonic() - started
        print(f"cancel {situation} returned in {elapsed * 1000:.1f} ms")
        return elapsed

    def _reading(self) -> bool:
        frame = sys._current_frames().get(self._thread.ident)
        for _ in range(4):  # httpcore's read, possibly under ssl.py's recv/read
            if frame is None:
                return False
            code = frame.f_code
            if code.co_name == "read" and code.co_filename.endswith(_SYNC_BACKEND):
                return True
            frame = frame.f_back
        return False

    def wait_for_pieces(self, count: int, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.pieces) < count:
            assert time.monotonic() < deadline, f"only {self.pieces} after {timeout} s"
            assert not self.finished.is_set(), f"ended early: {self.errors}"
            time.sleep(0.005)


def test_read_timeout_before_first_byte(server):
    server.chat = StreamReply(first_byte_delay=10)
    started = time.monotonic()
    error, _ = failure(backend_for(server, read_timeout=0.3))
    assert error.kind is Kind.TIMEOUT
    assert time.monotonic() - started < 2.0


def test_read_timeout_on_a_stall_mid_stream(server):
    server.chat = StreamReply(pieces=["one", " two", " three"], stall_after=2, stall_for=10)
    error, got = failure(backend_for(server, read_timeout=0.3))
    assert error.kind is Kind.TIMEOUT
    assert got == ["one", " two"]


def test_cancel_from_another_thread_unblocks_a_stalled_read(server):
    server.chat = StreamReply(pieces=["one", " two", " three"], stall_after=2, stall_for=30)
    cancel = CancelToken()
    turn = Consumer(backend_for(server, read_timeout=30.0), cancel)
    turn.wait_for_pieces(2)
    assert turn.cancel_when_blocked_in_read(cancel, "during a stall") < 0.5
    assert turn.pieces == ["one", " two"] and turn.errors == []
    assert server.requests[0].client_closed.wait(3), "the connection was not closed"


@pytest.fixture(scope="module")
def tls_contexts(tmp_path_factory):
    """A throwaway certificate for 127.0.0.1 made by the real openssl tool."""
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    return server_side, ssl.create_default_context(cafile=str(cert))


def test_cancel_unblocks_a_stalled_read_over_tls(tls_contexts):
    server_side, client_side = tls_contexts
    reply = StreamReply(pieces=["one", " two", " three"], stall_after=2, stall_for=30)
    with OpenAIStreamServer(chat=reply, tls=server_side) as server:
        assert server.base_url.startswith("https://")
        transport = httpx.HTTPTransport(verify=client_side)
        backend = backend_for(server, read_timeout=30.0, transport=transport)
        cancel = CancelToken()
        turn = Consumer(backend, cancel)
        turn.wait_for_pieces(2)
        assert turn.cancel_when_blocked_in_read(cancel, "during a stall over TLS") < 0.5
        assert turn.pieces == ["one", " two"] and turn.errors == []
        assert server.requests[0].client_closed.wait(3)


def test_cancel_while_waiting_for_the_first_byte(server):
    server.chat = StreamReply(first_byte_delay=30)
    cancel = CancelToken()
    turn = Consumer(backend_for(server, read_timeout=30.0), cancel)
    server.wait_for_requests(1)
    assert turn.cancel_when_blocked_in_read(cancel, "before the first byte") < 0.5
    assert turn.pieces == [] and turn.errors == []
    assert server.requests[0].client_closed.wait(3)


def test_abort_ends_every_turn_in_flight(server):
    server.chat = StreamReply(pieces=["a", "b"], stall_after=1, stall_for=30)
    backend = backend_for(server, read_timeout=30.0)
    turns = [Consumer(backend, CancelToken()) for _ in range(2)]
    for turn in turns:
        turn.wait_for_pieces(1)
    started = time.monotonic()
    backend.abort()
    for turn in turns:
        assert turn.finished.wait(5)
        assert turn.pieces == ["a"] and turn.errors == []
    assert time.monotonic() - started < 0.5


def test_cancelling_one_turn_leaves_another_running(server):
    server.chat = StreamReply(pieces=["a", "b", "c"], interval=0.15)
    backend = backend_for(server)
    first, second = CancelToken(), CancelToken()
    cancelled, running = Consumer(backend, first), Consumer(backend, second)
    cancelled.wait_for_pieces(1)
    first.cancel()
    assert cancelled.finished.wait(5) and running.finished.wait(5)
    assert len(cancelled.pieces) < 3
    assert running.pieces == ["a", "b", "c"] and running.errors == []


def test_cancel_checked_between_chunks(server):
    server.chat = StreamReply(pieces=["a", "b", "c", "d"])
    cancel = CancelToken()
    got = []
    for piece in backend_for(server).stream_reply(MESSAGES, TurnContext(), cancel):
        got.append(piece)
        cancel.cancel()
    assert got == ["a"]


def test_already_cancelled_token_sends_nothing(server):
    cancel = CancelToken()
    cancel.cancel()
    assert list(backend_for(server).stream_reply(MESSAGES, TurnContext(), cancel)) == []
    assert server.request_count == 0


def test_consumer_stopping_early_closes_the_connection(server):
    server.chat = StreamReply(pieces=["a", "b", "c"], interval=0.2)
    stream = backend_for(server).stream_reply(MESSAGES, TurnContext(), CancelToken())
    assert next(stream) == "a"
    stream.close()
    assert server.requests[0].client_closed.wait(3)
