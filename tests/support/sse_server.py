"""A real HTTP server on 127.0.0.1 that speaks the OpenAI streaming protocol, badly on request.

Tests and benchmarks use it instead of mocking httpx: the client under test opens real TCP
connections, reads real chunked SSE bytes and meets real timeouts and disconnects.

    with OpenAIStreamServer(chat=StreamReply.saying("Hello there!")) as server:
        backend = OpenAICompatBackend(server.base_url, "stub-model")
        ...
        assert server.requests[0].json()["stream"] is True

``chat`` answers ``POST {prefix}/chat/completions`` and ``models`` answers ``GET {prefix}/models``.
Each is one behaviour (:class:`StreamReply`, :class:`ErrorReply`, :class:`CompletionReply`,
:class:`ModelList`) or a list of them used one per request (the last one repeats), so a test can
script "429, then a normal stream" (the behaviours live in ``sse_replies`` and are re-exported
here). Any other path gets Go-style ``404 page not found``. Pass ``tls=`` a server-side
``ssl.SSLContext`` to serve https.

Waits inside a response (slow first byte, stalls, chunk intervals) end early when the client hangs
up or the server stops, so ``stop()`` is quick and each :class:`RecordedRequest` can tell when the
client closed its connection (``client_closed``), which is how tests see that a cancel really
dropped the connection.
"""

from __future__ import annotations

import json
import select
import socket
import ssl
import sys
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.sse_replies import (
    Behaviour,
    CompletionReply,
    ErrorReply,
    ModelList,
    RecordedRequest,
    StreamReply,
)

__all__ = [
    "CompletionReply",
    "ErrorReply",
    "ModelList",
    "OpenAIStreamServer",
    "RecordedRequest",
    "StreamReply",
    "refused_port",
]


class _Gone(Exception):
    """The client hung up or the server is stopping: abandon this response."""


class OpenAIStreamServer:
    """A threaded loopback server; ``start()`` binds port 0, ``stop()`` shuts everything down."""

    def __init__(
        self,
        chat: Behaviour | Sequence[Behaviour] | None = None,
        models: Behaviour | Sequence[Behaviour] | None = None,
        *,
        prefix: str = "/v1",
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.chat = chat if chat is not None else StreamReply()
        self.models = models if models is not None else ModelList()
        self.prefix = prefix.rstrip("/")
        self.tls = tls  # a server-side context: serve https (the client must trust its cert)
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._served = {"chat": 0, "models": 0}
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> OpenAIStreamServer:
        httpd = _QuietServer(("127.0.0.1", 0), _Handler)
        if self.tls is not None:
            httpd.socket = self.tls.wrap_socket(httpd.socket, server_side=True)
        httpd.owner = self  # type: ignore[attr-defined]
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> OpenAIStreamServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # -- what tests read --------------------------------------------------------------------

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def root_url(self) -> str:
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """What a guardian would type: the root plus ``/v1``."""
        return self.root_url + self.prefix

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def request_count(self) -> int:
        with self._lock:
            return len(self._requests)

    def wait_for_requests(self, count: int, timeout: float = 5.0) -> list[RecordedRequest]:
        """Poll until ``count`` requests arrived; raise TimeoutError at the deadline."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self._requests) >= count:
                    return list(self._requests)
            self.stopping.wait(0.005)
        raise TimeoutError(f"{count} requests expected, {self.request_count} arrived")

    # -- used by the handler ----------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _behaviour(self, route: str) -> Behaviour:
        with self._lock:
            configured = self.chat if route == "chat" else self.models
            index = self._served[route]
            self._served[route] += 1
        if isinstance(configured, list | tuple):
            return configured[min(index, len(configured) - 1)]
        return configured


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A client that hangs up mid-stream (cancel, cap, timeout) is the point of many tests.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "OpenAIStreamServer/1"

    def setup(self) -> None:
        super().setup()
        # Every write leaves at once as its own segment, so split writes reach the client split.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass

    @property
    def owner(self) -> OpenAIStreamServer:
        return self.server.owner  # type: ignore[attr-defined]

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = self.path.split("?", 1)[0]
        record = RecordedRequest(
            method=self.command,
            path=path,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            received_at=time.monotonic(),
        )
        self.owner._record(record)
        self.record = record
        if self.command == "POST" and path == self.owner.prefix + "/chat/completions":
            behaviour = self.owner._behaviour("chat")
        elif self.command == "GET" and path == self.owner.prefix + "/models":
            behaviour = self.owner._behaviour("models")
        else:
            self._send_body(404, b"404 page not found", "text/plain; charset=utf-8")
            return
        try:
            if isinstance(behaviour, StreamReply):
                self._stream(behaviour, record)
            elif isinstance(behaviour, ErrorReply):
                self._error(behaviour)
            elif isinstance(behaviour, CompletionReply):
                self._completion(behaviour, record)
            else:
                data = [
                    {"id": i, "object": "model", "created": 0, "owned_by": "stub"}
                    for i in behaviour.ids
                ]
                self._send_json(200, {"object": "list", "data": data})
        except _Gone:
            self.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            record.client_closed.set()
            self.close_connection = True

    # -- simple answers ---------------------------------------------------------------------

    def _send_body(self, status: int, body: bytes, content_type: str, extra=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _send_json(self, status: int, payload: dict, extra=()) -> None:
        self._send_body(status, json.dumps(payload).encode(), "application/json", extra)

    def _error(self, reply: ErrorReply) -> None:
        extra = [("Retry-After", reply.retry_after)] if reply.retry_after is not None else []
        if reply.raw_body is not None:
            self._send_body(reply.status, reply.raw_body, reply.content_type, extra)
            return
        error = {"message": reply.message, "type": reply.type, "param": None, "code": reply.code}
        self._send_json(reply.status, {"error": error}, extra)

    def _completion(self, reply: CompletionReply, record: RecordedRequest) -> None:
        message = {"role": "assistant", "content": reply.text}
        self._send_json(
            200,
            {
                "id": "chatcmpl-stub",
                "object": "chat.completion",
                "model": _model_of(record),
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            },
        )

    # -- the stream -------------------------------------------------------------------------

    def _stream(self, reply: StreamReply, record: RecordedRequest) -> None:
        self._wait(reply.first_byte_delay, record)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        if reply.framing == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        model = _model_of(record)
        if reply.role_chunk:
            self._event(reply, _chunk(model, {"role": "assistant", "content": ""}))
        for thought in reply.reasoning:
            self._event(reply, _chunk(model, {"reasoning_content": thought}))
        for index, piece in enumerate(reply.pieces):
            if reply.truncate_after is not None and index >= reply.truncate_after:
                self._cut()
                return
            if reply.stall_after is not None and index == reply.stall_after:
                self._wait(reply.stall_for, record)
            elif index and reply.interval:
                self._wait(reply.interval, record)
            if reply.malformed_at == index:
                self._write_sse(reply, 'data: {"choices": [{"delta": {"content": "oops"' + "\n\n")
                continue
            self._event(reply, _chunk(model, {"content": piece}))
        if reply.truncate_after is not None:
            self._cut()
            return
        if reply.error_event is not None:
            self._event(reply, {"error": reply.error_event})
        elif reply.finish_reason is not None:
            self._event(reply, _chunk(model, {}, reply.finish_reason))
        if reply.send_done:
            self._write_sse(reply, "data: [DONE]\n\n")
        if reply.framing == "chunked":
            self.wfile.write(b"0\r\n\r\n")

    def _event(self, reply: StreamReply, payload: dict) -> None:
        if reply.comments:
            self._write_sse(reply, ": keep-alive\n\n")
        if reply.multiline_data:
            text = json.dumps(payload, ensure_ascii=False, indent=1)
            lines = "".join(f"data: {line}\n" for line in text.split("\n"))
            self._write_sse(reply, lines + "\n")
        else:
            self._write_sse(reply, f"data: {json.dumps(payload, ensure_ascii=False)}\n\n")

    def _write_sse(self, reply: StreamReply, text: str) -> None:
        data = text.replace("\n", reply.line_ending).encode("utf-8")
        if not reply.split_writes:
            self._write_body(reply, data)
            return
        # Cut at awkward places: inside "data:", inside multi-byte characters, between \r and \n.
        cuts = sorted({1, 3, 5, len(data) // 3, len(data) // 2 + 1, len(data) - 2, len(data) - 1})
        start = 0
        for cut in [c for c in cuts if 0 < c < len(data)] + [len(data)]:
            self._write_body(reply, data[start:cut])
            start = cut
            self._wait(0.001, self.record)  # let each piece leave as its own segment

    def _write_body(self, reply: StreamReply, data: bytes) -> None:
        if not data:
            return
        if reply.framing == "chunked":
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        else:
            self.wfile.write(data)

    def _cut(self) -> None:
        """Drop the connection mid-body (for chunked framing: no terminating chunk)."""
        self.close_connection = True
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_WR)

    def _wait(self, seconds: float, record: RecordedRequest) -> None:
        """Wait, but give up at once when the client hangs up or the server stops."""
        if seconds <= 0:
            return
        deadline = time.monotonic() + seconds
        sock = self.connection
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            if self.owner.stopping.is_set():
                raise _Gone
            readable, _, _ = select.select([sock], [], [], min(remaining, 0.01))
            if readable and _peer_gone(sock):
                record.client_closed.set()
                raise _Gone
            if readable:  # bytes we do not expect (a pipelined request): keep waiting
                self.owner.stopping.wait(min(remaining, 0.01))


def _peer_gone(sock: socket.socket) -> bool:
    """Whether a readable socket is readable because the client closed it.

    A client sends nothing after its request, so reading (not peeking, which TLS sockets do
    not allow) is harmless; a short timeout covers a TLS record that is not complete yet.
    """
    previous = sock.gettimeout()
    sock.settimeout(0.01)
    try:
        return sock.recv(1) == b""
    except (TimeoutError, BlockingIOError, ssl.SSLWantReadError):
        return False
    except OSError:
        return True
    finally:
        sock.settimeout(previous)


def _chunk(model: str, delta: dict, finish_reason: str | None = None) -> dict:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


def _model_of(record: RecordedRequest) -> str:
    try:
        return str(record.json().get("model", "stub-model"))
    except ValueError:
        return "stub-model"


def refused_port() -> tuple[socket.socket, int]:
    """A loopback port where a connection is refused: bound, never listening.

    Keep the returned socket open for the test's duration so no one else can take the port.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    return sock, sock.getsockname()[1]
