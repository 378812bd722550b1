"""The parental panel's "test connection" and building the backend from stored settings."""

from __future__ import annotations

import pytest

from desktop.companion.backends.base import BackendError, BackendErrorKind, CancelToken, TurnContext
from desktop.companion.backends.openai_compat import (
    OpenAIBackendSettings,
    OpenAICompatBackend,
    normalize_base_url,
)
from tests.support.sse_server import (
    ErrorReply,
    ModelList,
    OpenAIStreamServer,
    StreamReply,
    refused_port,
)

Kind = BackendErrorKind


@pytest.fixture
def server():
    with OpenAIStreamServer() as srv:
        yield srv


def check(server, model="stub-model", **options):
    options.setdefault("connect_timeout", 2.0)
    options.setdefault("read_timeout", 5.0)
    return OpenAICompatBackend(server.base_url, model, **options).test_connection()


def test_ok_and_model_listed(server):
    server.models = ModelList(["other-model", "stub-model"])
    report = check(server)
    assert report.ok and report.model_listed is True and not report.probed_chat
    assert report.models == ("other-model", "stub-model")
    assert [(r.method, r.path) for r in server.requests] == [("GET", "/v1/models")]


def test_ollama_latest_tag_counts_as_listed(server):
    server.models = ModelList(["llama3.2:latest", "qwen2.5:3b"])
    assert check(server, model="llama3.2").model_listed is True
    assert check(server, model="qwen2.5").model_listed is False


def test_ok_but_model_missing(server):
    server.models = ModelList(["gemma3:270m"])
    report = check(server, model="llama3.2")
    assert report.ok and report.model_listed is False
    assert report.models == ("gemma3:270m",)
    assert report.error_kind is None


def test_unauthorized(server):
    server.models = ErrorReply.unauthorized()
    report = check(server, api_key="sk-wrong")
    assert not report.ok and report.error_kind is Kind.UNAUTHORIZED and report.status == 401
    assert server.requests[0].headers["authorization"] == "Bearer sk-wrong"


def test_server_error(server):
    server.models = ErrorReply.server_error(503)
    report = check(server)
    assert not report.ok and report.error_kind is Kind.SERVER_ERROR and report.status == 503


def test_connection_refused():
    holder, port = refused_port()
    try:
        backend = OpenAICompatBackend(f"http://127.0.0.1:{port}/v1", "m", connect_timeout=2.0)
        report = backend.test_connection()
    finally:
        holder.close()
    assert not report.ok and report.error_kind is Kind.CONNECTION_REFUSED


def test_no_model_list_falls_back_to_a_one_token_chat(server):
    server.models = ErrorReply(404, raw_body=b"Not Found", content_type="text/plain")
    server.chat = StreamReply(pieces=["Hi"])
    report = check(server)
    assert report.ok and report.probed_chat and report.model_listed is None
    chat = server.requests[1]
    assert (chat.method, chat.path) == ("POST", "/v1/chat/completions")
    assert chat.json()["max_tokens"] == 1 and chat.json()["model"] == "stub-model"


def test_fallback_chat_reports_the_missing_model(server):
    server.models = ErrorReply(404, raw_body=b"Not Found", content_type="text/plain")
    server.chat = ErrorReply.model_not_found("stub-model")
    report = check(server)
    assert not report.ok and report.probed_chat
    assert report.error_kind is Kind.MODEL_NOT_FOUND and report.status == 404


def test_a_web_page_instead_of_a_model_list_is_probed(server):
    page = b"<html><body>Welcome to my router</body></html>"
    server.models = ErrorReply(200, raw_body=page, content_type="text/html")
    server.chat = ErrorReply(404, raw_body=page, content_type="text/html")
    report = check(server)
    assert not report.ok and report.probed_chat and report.error_kind is Kind.BAD_REQUEST


# -- settings -------------------------------------------------------------------------------


def test_from_settings_reads_the_key_by_name(server):
    asked = []

    def lookup(name):
        asked.append(name)
        return "sk-from-keyring"

    settings = OpenAIBackendSettings(server.base_url, "stub-model", key_name="openai:home")
    backend = OpenAICompatBackend.from_settings(settings, lookup)
    assert asked == ["openai:home"]
    list(backend.stream_reply([], TurnContext(), CancelToken()))
    assert server.requests[0].headers["authorization"] == "Bearer sk-from-keyring"


def test_from_settings_without_key_name_never_asks_the_keyring(server):
    def lookup(name):
        raise AssertionError("the keyring must not be asked")

    settings = OpenAIBackendSettings(server.base_url + "/", "stub-model", temperature=0.5)
    backend = OpenAICompatBackend.from_settings(settings, lookup)
    assert backend.base_url == server.base_url and backend.temperature == 0.5
    list(backend.stream_reply([], TurnContext(), CancelToken()))
    assert "authorization" not in server.requests[0].headers


@pytest.mark.parametrize("lookup_result", [None, ""])
def test_from_settings_with_a_lost_key_is_not_configured(lookup_result):
    settings = OpenAIBackendSettings("http://127.0.0.1:9/v1", "m", key_name="openai:home")
    with pytest.raises(BackendError) as info:
        OpenAICompatBackend.from_settings(settings, lambda name: lookup_result)
    assert info.value.kind is Kind.NOT_CONFIGURED


def test_from_settings_with_a_failing_keyring_is_not_configured():
    def lookup(name):
        raise RuntimeError("secret service says sk-should-not-appear")

    settings = OpenAIBackendSettings("http://127.0.0.1:9/v1", "m", key_name="openai:home")
    with pytest.raises(BackendError) as info:
        OpenAICompatBackend.from_settings(settings, lookup)
    assert info.value.kind is Kind.NOT_CONFIGURED
    assert "sk-should-not-appear" not in str(info.value)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "ftp://example.org/v1",
        "localhost:11434/v1",
        "http:///v1",
        "/chat/completions",
        "http://127.0.0.1:8080/v1?api-version=1",
    ],
)
def test_unusable_addresses_are_not_configured(url):
    with pytest.raises(BackendError) as info:
        normalize_base_url(url)
    assert info.value.kind is Kind.NOT_CONFIGURED


def test_credentials_in_the_address_are_refused_and_not_echoed():
    with pytest.raises(BackendError) as info:
        normalize_base_url("https://family:hunter2secret@llm.example.org/v1")
    assert info.value.kind is Kind.NOT_CONFIGURED
    assert "hunter2secret" not in str(info.value)


def test_empty_model_is_not_configured():
    with pytest.raises(BackendError) as info:
        OpenAICompatBackend("http://127.0.0.1:11434/v1", "  ")
    assert info.value.kind is Kind.NOT_CONFIGURED


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:11434/v1", "http://127.0.0.1:11434/v1"),
        (" http://localhost:8080/v1/ ", "http://localhost:8080/v1"),
        ("https://api.example.com/v1/chat/completions", "https://api.example.com/v1"),
        ("http://box.local:1234/openai/v1//", "http://box.local:1234/openai/v1"),
    ],
)
def test_normalized_addresses(url, expected):
    assert normalize_base_url(url) == expected
