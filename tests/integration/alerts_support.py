"""Real servers on 127.0.0.1 for the alert tests and the latency benchmark.

- :class:`SmtpServer`: aiosmtpd in its own thread, plain / STARTTLS / implicit TLS, optional AUTH.
- :class:`WebhookServer`: a threaded ``http.server`` that records every POST and can answer with
  any status, or hold requests until released.
- :class:`BlackHoleServer`: accepts TCP connections and never says a word (for timeouts).

Each records what it *received*, so tests count receipts server-side, by idempotency key.
"""

from __future__ import annotations

import datetime as dt
import email
import ipaddress
import json
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout: float = 10.0, interval: float = 0.01) -> bool:
    """Poll ``predicate`` until it is true or the deadline passes (no sleep-and-hope)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


def make_self_signed_cert(directory: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1/localhost; returns (cert, key) paths."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def server_tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    return ctx


# -- SMTP --------------------------------------------------------------------------------------
@dataclass
class ReceivedMail:
    message_id: str
    idempotency_key: str
    subject: str
    sender: str
    recipients: list[str]
    body: str
    #: ``time.perf_counter()`` when the server had the whole message (for the benchmark).
    at: float = 0.0


@dataclass
class _SmtpHandler:
    mails: list[ReceivedMail] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        msg = email.message_from_bytes(envelope.original_content, policy=policy.default)
        body = msg.get_body(("plain",))
        mail = ReceivedMail(
            message_id=str(msg["Message-ID"]),
            idempotency_key=str(msg["X-Hearth-Idempotency-Key"]),
            subject=str(msg["Subject"]),
            sender=envelope.mail_from,
            recipients=list(envelope.rcpt_tos),
            body=body.get_content() if body else "",
            at=time.perf_counter(),
        )
        with self.lock:
            self.mails.append(mail)
        return "250 Message accepted for delivery"


class SmtpServer:
    """aiosmtpd on 127.0.0.1. ``mode``: "plain", "starttls" or "ssl"."""

    def __init__(
        self,
        *,
        port: int | None = None,
        mode: str = "plain",
        cert: tuple[Path, Path] | None = None,
        credentials: tuple[str, str] | None = None,
    ):
        self.port = port or free_port()
        self.handler = _SmtpHandler()
        kwargs: dict = {}
        if mode == "starttls":
            kwargs["tls_context"] = server_tls_context(*cert)
            kwargs["require_starttls"] = True
        elif mode == "ssl":
            kwargs["ssl_context"] = server_tls_context(*cert)
        if credentials:
            user, password = credentials

            def authenticator(server, session, envelope, mechanism, auth_data):
                ok = isinstance(auth_data, LoginPassword) and (
                    auth_data.login.decode(),
                    auth_data.password.decode(),
                ) == (user, password)
                return AuthResult(success=ok, handled=False)  # aiosmtpd answers 535

            kwargs["authenticator"] = authenticator
            kwargs["auth_required"] = True
            # aiosmtpd only counts STARTTLS as TLS; an implicit-TLS session is encrypted too.
            kwargs["auth_require_tls"] = mode == "starttls"
        self.controller = Controller(
            self.handler,
            hostname="127.0.0.1",
            port=self.port,
            server_hostname="localhost",
            **kwargs,
        )

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    @property
    def mails(self) -> list[ReceivedMail]:
        with self.handler.lock:
            return list(self.handler.mails)

    def received_keys(self) -> list[str]:
        return [m.idempotency_key for m in self.mails]


# -- HTTP --------------------------------------------------------------------------------------
@dataclass
class ReceivedRequest:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float = 0.0

    @property
    def idempotency_key(self) -> str:
        return self.headers.get("idempotency-key", "")

    def json(self):
        return json.loads(self.body)


class WebhookServer:
    """A threaded HTTP server recording each POST; answers ``status`` (default 200)."""

    def __init__(
        self, *, port: int | None = None, status: int = 200, cert: tuple[Path, Path] | None = None
    ):
        self.status = status
        self.requests: list[ReceivedRequest] = []
        self.lock = threading.Lock()
        #: While cleared, requests are recorded but not answered (to model a slow receiver).
        self.answer = threading.Event()
        self.answer.set()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server API
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                request = ReceivedRequest(
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                    time.perf_counter(),
                )
                with outer.lock:
                    outer.requests.append(request)
                outer.answer.wait(30)
                self.send_response(outer.status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port or 0), Handler)
        self.httpd.daemon_threads = True
        if cert:
            self.httpd.socket = server_tls_context(*cert).wrap_socket(
                self.httpd.socket, server_side=True
            )
        self.port = self.httpd.server_address[1]
        self.url = f"{'https' if cert else 'http'}://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> WebhookServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.answer.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def received(self) -> list[ReceivedRequest]:
        with self.lock:
            return list(self.requests)

    def received_keys(self) -> list[str]:
        return [r.idempotency_key for r in self.received()]


class BlackHoleServer:
    """Accepts connections and stays silent: every client must time out."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        self.sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
                self._held.append(conn)
            except OSError:
                continue

    @property
    def connections(self) -> int:
        return len(self._held)

    def __enter__(self) -> BlackHoleServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(2)
        for conn in self._held:
            conn.close()
        self.sock.close()
