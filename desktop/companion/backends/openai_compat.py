"""A streaming client for any server that speaks OpenAI's Chat Completions API.

Families point Hearth at Ollama (``http://127.0.0.1:11434/v1``), a llama.cpp server
(``http://localhost:8080/v1``), vLLM, LM Studio or a cloud API. The guardian enters the address up
to and including ``/v1``; a trailing slash is dropped, and an address pasted with
``/chat/completions`` on the end is accepted too. Nothing is appended, because some servers
mount the API under other prefixes.

Why the design is what it is:

- The reply streams over Server-Sent Events (``sse``, ``openai_stream``) so the child sees words
  as they come and the output filter can judge each sentence before it is shown.
- A child pressing "stop", the session ending (R22) or the app quitting must end the request
  *now*, even while the read is blocked on a silent server; ``socket_abort`` does that. Keep-alive
  is off so every request opens, and can therefore capture and cut, its own connection.
- Every failure becomes one :class:`BackendError` kind (``openai_errors``); the child's message
  was stored before the call, so retrying is the conversation service's job.
- The API key is sent only as a Bearer header when one is configured, is never logged, never
  shown by ``repr`` and is blanked out of error text a server echoes back. No ``user`` field or
  other identifier goes to the server (R26).
- A runaway server cannot flood the UI: the reply stops after ``max_reply_bytes`` of text.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

import httpx

from desktop import meta
from desktop.companion.backends.base import (
    BackendError,
    BackendErrorKind,
    CancelToken,
    ChatMessage,
    Role,
    TurnContext,
)
from desktop.companion.backends.openai_errors import error_for_status, error_for_transport, redact
from desktop.companion.backends.openai_stream import MAX_RESPONSE_BYTES, read_capped, read_reply
from desktop.companion.backends.socket_abort import CancelWatcher, RequestHandle

log = logging.getLogger(__name__)

#: Text a single reply may carry before Hearth stops reading (UTF-8 bytes).
DEFAULT_MAX_REPLY_BYTES = 64 * 1024
#: Read timeout for the model list; the chat probe uses the full read timeout (models load).
MODELS_READ_TIMEOUT = 15.0


@dataclass(frozen=True)
class OpenAIBackendSettings:
    """What the parental panel stores for this backend. The key itself lives in the keyring."""

    base_url: str
    model: str
    key_name: str = ""  # keyring entry holding the API key; "" means the server needs none
    temperature: float | None = None
    max_tokens: int | None = None
    connect_timeout: float = 5.0
    read_timeout: float = 60.0


@dataclass(frozen=True)
class ConnectionReport:
    """The answer to the panel's "test connection" button.

    ``ok`` means the server answered as an OpenAI-compatible API. ``model_listed`` is None when
    the server offers no model list and a one-token chat request was used instead
    (``probed_chat``); a successful probe proves the model works.
    """

    ok: bool
    model_listed: bool | None = None
    models: tuple[str, ...] = ()
    error_kind: BackendErrorKind | None = None
    detail: str = ""
    status: int | None = None
    probed_chat: bool = False


def normalize_base_url(url: str) -> str:
    """The API root without a trailing slash; raises NOT_CONFIGURED for an unusable address."""
    text = (url or "").strip().rstrip("/")
    if text.endswith("/chat/completions"):
        text = text[: -len("/chat/completions")].rstrip("/")
    if not text:
        raise BackendError(BackendErrorKind.NOT_CONFIGURED, "no server address")
    try:
        parsed = httpx.URL(text)
    except httpx.InvalidURL as exc:
        raise BackendError(BackendErrorKind.NOT_CONFIGURED, f"invalid address: {exc}") from None
    if parsed.userinfo:
        # A password in the address would be stored in the settings and logged with every
        # request; secrets belong in the keyring, as the API key.
        raise BackendError(
            BackendErrorKind.NOT_CONFIGURED, "the address must not contain a user name or password"
        )
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise BackendError(BackendErrorKind.NOT_CONFIGURED, f"not an http(s) address: {text}")
    if parsed.query or parsed.fragment:  # paths are appended to it, so it must end in a path
        raise BackendError(BackendErrorKind.NOT_CONFIGURED, f"address with ? or #: {text}")
    return text


def _is_loopback(url: str) -> bool:
    host = httpx.URL(url).host
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class OpenAICompatBackend:
    """Streams replies from an OpenAI-compatible ``/chat/completions`` endpoint."""

    name = "openai"

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 60.0,
        transport: httpx.BaseTransport | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
    ) -> None:
        self.base_url = normalize_base_url(base_url)
        self.model = (model or "").strip()
        if not self.model:
            raise BackendError(BackendErrorKind.NOT_CONFIGURED, "no model name")
        self._api_key = api_key or None
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.max_reply_bytes = max_reply_bytes
        self._timeout = httpx.Timeout(
            connect=connect_timeout, read=read_timeout, write=connect_timeout, pool=connect_timeout
        )
        self._client = httpx.Client(
            transport=transport,
            timeout=self._timeout,
            limits=httpx.Limits(max_keepalive_connections=0),
            # A local server must not be sent through a proxy from the environment.
            trust_env=not _is_loopback(self.base_url),
            follow_redirects=False,
            headers={"User-Agent": f"{meta.APP_NAME}/{meta.VERSION}"},
        )
        self._lock = threading.Lock()
        self._active: set[RequestHandle] = set()

    @classmethod
    def from_settings(
        cls,
        settings: OpenAIBackendSettings,
        api_key_lookup: Callable[[str], str | None],
        **kwargs,
    ) -> OpenAICompatBackend:
        """Build the backend from stored settings; the key comes from the OS keyring lookup.

        A configured key name whose key cannot be read is NOT_CONFIGURED rather than a silent
        unauthenticated request.
        """
        key = None
        if settings.key_name:
            try:
                key = api_key_lookup(settings.key_name)
            except Exception as exc:  # the keyring's errors are not ours to enumerate
                raise BackendError(
                    BackendErrorKind.NOT_CONFIGURED,
                    f"API key {settings.key_name!r} unreadable ({type(exc).__name__})",
                ) from None
            if not key:
                raise BackendError(
                    BackendErrorKind.NOT_CONFIGURED, f"no API key stored as {settings.key_name!r}"
                )
        return cls(
            settings.base_url,
            settings.model,
            key,
            connect_timeout=settings.connect_timeout,
            read_timeout=settings.read_timeout,
            temperature=settings.temperature,
            max_tokens=settings.max_tokens,
            **kwargs,
        )

    def __repr__(self) -> str:
        key = "set" if self._api_key else "none"
        return f"OpenAICompatBackend(base_url={self.base_url!r}, model={self.model!r}, key={key})"

    @property
    def chat_url(self) -> str:
        return f"{self.base_url}/chat/completions"

    @property
    def models_url(self) -> str:
        return f"{self.base_url}/models"

    def close(self) -> None:
        """Abort what is in flight and release the HTTP client."""
        self.abort()
        self._client.close()

    def abort(self) -> None:
        """Cut every request in flight (e.g. the app quits); their streams end without error."""
        with self._lock:
            handles = list(self._active)
        for handle in handles:
            handle.abort()

    # -- chat -------------------------------------------------------------------------------

    def stream_reply(
        self, messages: Sequence[ChatMessage], context: TurnContext, cancel: CancelToken
    ) -> Iterator[str]:
        """Yield reply text as it streams; end quietly on cancel; raise BackendError."""
        body = self.request_body(messages, context)
        yield from self._stream(body, cancel, self._timeout)

    def request_body(
        self,
        messages: Sequence[ChatMessage],
        context: TurnContext,
        *,
        max_tokens: int | None = None,
    ) -> dict:
        """The JSON body of a chat request (public so the conversation service can log its size)."""
        body: dict = {
            "model": self.model,
            "messages": [{"role": Role(m.role).value, "content": m.content} for m in messages],
            "stream": True,
        }
        if self.temperature is not None:
            body["temperature"] = self.temperature
        limit = max_tokens if max_tokens is not None else self.max_tokens
        if limit is not None:
            body["max_tokens"] = limit
        if context.seed is not None:
            body["seed"] = context.seed
        return body

    def _headers(self, accept: str) -> dict[str, str]:
        headers = {"Accept": accept}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return headers

    def _stream(self, body: dict, cancel: CancelToken, timeout: httpx.Timeout) -> Iterator[str]:
        handle = RequestHandle()
        with self._lock:
            self._active.add(handle)
        try:
            with CancelWatcher(cancel, handle):
                if cancel.cancelled:
                    return
                with self._client.stream(
                    "POST",
                    self.chat_url,
                    json=body,
                    headers=self._headers("text/event-stream"),
                    timeout=timeout,
                    extensions={"trace": handle.trace},
                ) as response:
                    handle.attach(response)
                    if not response.is_success:
                        raw = read_capped(response, MAX_RESPONSE_BYTES)
                        raise error_for_status(
                            response.status_code, raw, response.headers, self.chat_url
                        )
                    yield from read_reply(response, cancel, self.max_reply_bytes)
        except (httpx.HTTPError, BackendError) as exc:
            if cancel.cancelled or handle.aborted:
                log.debug("chat request to %s cancelled", self.chat_url)
                return  # a cut connection after cancel is the cancel, not a failure
            if isinstance(exc, httpx.HTTPError):
                error = error_for_transport(exc, response_started=handle.response_started)
            else:
                error = exc
            error = redact(error, self._api_key)
            log.info("chat request to %s failed: %s", self.chat_url, error.kind.value)
            if error is exc:
                raise
            raise error from exc
        finally:
            with self._lock:
                self._active.discard(handle)

    # -- connection test --------------------------------------------------------------------

    def test_connection(self) -> ConnectionReport:
        """GET /models and look for the model; fall back to a one-token chat if there is none."""
        timeout = _with_read(self._timeout, min(self._timeout.read or 60.0, MODELS_READ_TIMEOUT))
        try:
            with self._client.stream(
                "GET", self.models_url, headers=self._headers("application/json"), timeout=timeout
            ) as response:
                raw = read_capped(response, MAX_RESPONSE_BYTES)
                status, headers = response.status_code, response.headers
        except httpx.HTTPError as exc:
            return _failed(error_for_transport(exc, response_started=False))
        if status in (404, 405):
            return self._probe_chat()  # llama.cpp builds and proxies without a model list
        if not 200 <= status < 300:
            return _failed(
                redact(error_for_status(status, raw, headers, self.models_url), self._api_key)
            )
        models = _model_ids(raw)
        if models is None:  # answered, but not with a model list: ask the chat endpoint
            return self._probe_chat()
        listed = _model_in(self.model, models)
        return ConnectionReport(ok=True, model_listed=listed, models=models, status=status)

    def _probe_chat(self) -> ConnectionReport:
        body = self.request_body([ChatMessage(Role.USER, "Hi")], TurnContext(), max_tokens=1)
        try:
            for _ in self._stream(body, CancelToken(), self._timeout):
                pass
        except BackendError as error:
            return replace(_failed(error), probed_chat=True)
        return ConnectionReport(ok=True, model_listed=None, probed_chat=True, status=200)


def _model_ids(raw: bytes) -> tuple[str, ...] | None:
    """The ids of an OpenAI ``{"data": [{"id": ...}]}`` list, or None if it is not one."""
    try:
        payload = json.loads(raw)
    except ValueError:
        return None
    data = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(data, list):
        return None
    return tuple(str(m["id"]) for m in data if isinstance(m, dict) and "id" in m)


def _model_in(model: str, ids: Sequence[str]) -> bool:
    # Ollama lists "llama3.2:latest" for a model a guardian may type as "llama3.2".
    return any(i == model or i == f"{model}:latest" or model == f"{i}:latest" for i in ids)


def _failed(error: BackendError) -> ConnectionReport:
    return ConnectionReport(
        ok=False, error_kind=error.kind, detail=error.detail, status=error.status
    )


def _with_read(timeout: httpx.Timeout, read: float) -> httpx.Timeout:
    return httpx.Timeout(connect=timeout.connect, read=read, write=timeout.write, pool=timeout.pool)
