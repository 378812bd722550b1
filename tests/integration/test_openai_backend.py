"""OpenAICompatBackend against a real loopback server: streams, the request, broken streams, errors.

No part of httpx is mocked: every test opens real TCP connections to ``OpenAIStreamServer``.
Timeouts and cancellation are in ``test_openai_backend_cancel``, the connection test and settings
in ``test_openai_backend_connection``.
"""

from __future__ import annotations

import logging
import time
from email.utils import formatdate

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
from desktop.companion.backends.openai_errors import RateLimitedError
from tests.support.sse_server import (
    CompletionReply,
    ErrorReply,
    OpenAIStreamServer,
    StreamReply,
    refused_port,
)

MESSAGES = [
    ChatMessage(Role.SYSTEM, "You are Buddy, an AI. You are not a person."),
    ChatMessage(Role.USER, "Hi! What is a rainbow?"),
]
Kind = BackendErrorKind


@pytest.fixture
def server():
    with OpenAIStreamServer() as srv:
        yield srv


def backend_for(server, api_key=None, **options) -> OpenAICompatBackend:
    options.setdefault("connect_timeout", 2.0)
    options.setdefault("read_timeout", 5.0)
    return OpenAICompatBackend(server.base_url, "stub-model", api_key, **options)


def collect(backend, cancel=None, context=None) -> list[str]:
    return list(backend.stream_reply(MESSAGES, context or TurnContext(), cancel or CancelToken()))


def failure(backend) -> tuple[BackendError, list[str]]:
    got: list[str] = []
    with pytest.raises(BackendError) as info:
        for piece in backend.stream_reply(MESSAGES, TurnContext(), CancelToken()):
            got.append(piece)
    return info.value, got


# -- normal streams ---------------------------------------------------------------------------


def test_streams_the_reply_in_order(server):
    server.chat = StreamReply(pieces=["A rainbow", " is light", " split by", " raindrops."])
    assert collect(backend_for(server)) == ["A rainbow", " is light", " split by", " raindrops."]


def test_role_only_reasoning_only_and_empty_deltas_are_skipped(server):
    server.chat = StreamReply(pieces=["Hi", "", "!"], reasoning=["The child greets me", "..."])
    assert collect(backend_for(server)) == ["Hi", "!"]


@pytest.mark.parametrize("line_ending", ["\n", "\r\n", "\r"])
def test_chunks_split_across_tcp_writes_with_any_line_ending(server, line_ending):
    text = "你好！我是 Buddy，一个 AI，不是真人。Rainbows 🌈 are light."
    server.chat = StreamReply.saying(
        text,
        chunk_chars=3,
        split_writes=True,
        line_ending=line_ending,
        comments=True,
        multiline_data=True,
    )
    assert "".join(collect(backend_for(server))) == text


def test_close_delimited_body_with_done_is_complete(server):
    server.chat = StreamReply.saying("Hello there, friend.", framing="close")
    assert "".join(collect(backend_for(server))) == "Hello there, friend."


def test_finish_reason_without_done_is_complete(server):
    server.chat = StreamReply.saying("Short answer.", send_done=False, framing="close")
    assert "".join(collect(backend_for(server))) == "Short answer."


def test_server_ignoring_stream_flag_with_one_json_reply(server):
    server.chat = CompletionReply("A whole answer at once.")
    assert collect(backend_for(server)) == ["A whole answer at once."]


def test_slow_first_byte_within_read_timeout(server):
    server.chat = StreamReply(pieces=["late", " but fine"], first_byte_delay=0.4)
    assert collect(backend_for(server, read_timeout=3.0)) == ["late", " but fine"]


def test_reply_is_capped_at_64_kb_and_the_connection_dropped(server):
    server.chat = StreamReply(pieces=["x" * 1024] * 100, interval=0.001)
    backend = backend_for(server)
    assert backend.max_reply_bytes == 64 * 1024
    text = "".join(collect(backend))
    assert len(text.encode()) == 64 * 1024
    assert server.requests[0].client_closed.wait(3), "the runaway stream was not hung up"


def test_cap_clips_at_a_character_edge(server):
    server.chat = StreamReply(pieces=["你好", "你好"])
    assert "".join(collect(backend_for(server, max_reply_bytes=10))) == "你好你"


# -- the request --------------------------------------------------------------------------------


def test_request_body_shape(server):
    backend = backend_for(server, temperature=0.3, max_tokens=200)
    collect(backend, context=TurnContext(seed=42))
    request = server.requests[0]
    assert (request.method, request.path) == ("POST", "/v1/chat/completions")
    assert request.headers["content-type"] == "application/json"
    assert request.headers["accept"] == "text/event-stream"
    assert request.json() == {
        "model": "stub-model",
        "messages": [
            {"role": "system", "content": MESSAGES[0].content},
            {"role": "user", "content": MESSAGES[1].content},
        ],
        "stream": True,
        "temperature": 0.3,
        "max_tokens": 200,
        "seed": 42,
    }


def test_optional_fields_are_left_out_and_no_identifier_is_sent(server):
    collect(backend_for(server))
    body = server.requests[0].json()
    assert set(body) == {"model", "messages", "stream"}  # no "user" field (R26)


@pytest.mark.parametrize("key", [None, "", "sk-test-123"])
def test_authorization_header_only_with_a_key(server, key):
    collect(backend_for(server, api_key=key))
    headers = server.requests[0].headers
    if key:
        assert headers["authorization"] == "Bearer sk-test-123"
    else:
        assert "authorization" not in headers


@pytest.mark.parametrize("suffix", ["", "/", "/chat/completions", "/chat/completions/"])
def test_base_url_forms_reach_the_same_endpoint(server, suffix):
    backend = OpenAICompatBackend(server.base_url + suffix, "stub-model")
    assert backend.base_url == server.base_url
    collect(backend)
    assert server.requests[0].path == "/v1/chat/completions"


def test_url_without_v1_gets_a_404_that_says_so(server):
    backend = OpenAICompatBackend(server.root_url, "stub-model")
    error, _ = failure(backend)
    assert (error.kind, error.status) == (Kind.BAD_REQUEST, 404)
    assert "/v1" in error.detail


# -- broken streams ---------------------------------------------------------------------------


@pytest.mark.parametrize("framing", ["chunked", "close"])
def test_truncated_stream_is_bad_stream(server, framing):
    server.chat = StreamReply(pieces=["a", "b", "c", "d"], truncate_after=2, framing=framing)
    error, got = failure(backend_for(server))
    assert error.kind is Kind.BAD_STREAM
    assert got == ["a", "b"]


def test_eof_without_done_or_finish_reason_is_bad_stream(server):
    server.chat = StreamReply(pieces=["a"], send_done=False, finish_reason=None, framing="close")
    error, got = failure(backend_for(server))
    assert error.kind is Kind.BAD_STREAM and got == ["a"]


def test_malformed_json_chunk_is_bad_stream(server):
    server.chat = StreamReply(pieces=["a", "b", "c", "d"], malformed_at=2)
    error, got = failure(backend_for(server))
    assert error.kind is Kind.BAD_STREAM
    assert "not JSON" in error.detail
    assert got == ["a", "b"]


def test_error_object_inside_the_stream(server):
    server.chat = StreamReply(pieces=["a"], error_event={"message": "GPU fell over", "type": "x"})
    error, got = failure(backend_for(server))
    assert error.kind is Kind.SERVER_ERROR and "GPU fell over" in error.detail
    assert got == ["a"]


# -- HTTP errors ------------------------------------------------------------------------------

VLLM_404 = b'{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","code":404}'


@pytest.mark.parametrize(
    ("reply", "kind", "said"),
    [
        (ErrorReply.unauthorized(), Kind.UNAUTHORIZED, "Incorrect API key"),
        (ErrorReply.forbidden(), Kind.UNAUTHORIZED, "not allowed"),
        (ErrorReply.model_not_found("llama9"), Kind.MODEL_NOT_FOUND, "llama9"),
        (ErrorReply(404, raw_body=VLLM_404), Kind.MODEL_NOT_FOUND, "does not exist"),
        (
            ErrorReply(400, "model 'llama9' not found, try pulling it first"),
            Kind.MODEL_NOT_FOUND,
            "pulling",
        ),
        (ErrorReply(400, "max_tokens must be at least 1"), Kind.BAD_REQUEST, "max_tokens must"),
        (
            ErrorReply(422, raw_body=b'{"detail": "messages: field required"}'),
            Kind.BAD_REQUEST,
            "field required",
        ),
        (
            ErrorReply(404, raw_body=b"404 page not found", content_type="text/plain"),
            Kind.BAD_REQUEST,
            "page not found",
        ),
        (ErrorReply.rate_limited("7"), Kind.RATE_LIMITED, "retry after 7 s"),
        (ErrorReply.server_error(500), Kind.SERVER_ERROR, "server had an error"),
        (ErrorReply.server_error(503), Kind.SERVER_ERROR, "HTTP 503"),
    ],
)
def test_http_errors_map_to_one_kind_each(server, reply, kind, said):
    server.chat = reply
    error, got = failure(backend_for(server))
    assert (error.kind, error.status) == (kind, reply.status)
    assert said in error.detail
    assert got == []


def test_rate_limit_keeps_retry_after_seconds(server):
    server.chat = ErrorReply.rate_limited("7")
    error, _ = failure(backend_for(server))
    assert isinstance(error, RateLimitedError) and error.retry_after == 7.0


def test_rate_limit_retry_after_as_http_date(server):
    server.chat = ErrorReply.rate_limited(formatdate(time.time() + 30, usegmt=True))
    error, _ = failure(backend_for(server))
    assert error.kind is Kind.RATE_LIMITED
    assert 27 <= error.retry_after <= 31  # measured against the server's own Date header


def test_connection_refused():
    holder, port = refused_port()
    try:
        backend = OpenAICompatBackend(f"http://127.0.0.1:{port}/v1", "stub-model")
        started = time.monotonic()
        error, _ = failure(backend)
        assert error.kind is Kind.CONNECTION_REFUSED
        assert time.monotonic() - started < 1.0
    finally:
        holder.close()


def test_api_key_never_leaks_into_errors_repr_or_logs(server, caplog):
    key = "sk-secret-4f9a8b7c6d5e"
    server.chat = ErrorReply.unauthorized(f"Incorrect API key provided: {key}.")
    caplog.set_level(logging.DEBUG)
    backend = backend_for(server, api_key=key)
    error, _ = failure(backend)
    assert error.kind is Kind.UNAUTHORIZED
    assert key not in error.detail and key not in str(error) and "***" in error.detail
    assert key not in repr(backend)
    assert caplog.records, "expected the client to log something at DEBUG"
    assert key not in caplog.text
    assert server.requests[0].headers["authorization"] == f"Bearer {key}"
