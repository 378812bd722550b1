"""Guardian alerts by e-mail (smtplib, STARTTLS or implicit TLS).

The alert's idempotency key becomes the Message-ID, so a mail client or a filter can drop the
duplicate that a crash between "sent" and "marked delivered" may cause. Failures are mapped to
specific messages (refused, timed out, TLS, authentication, rejected recipient).
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import format_datetime

from desktop.alerts.config import SecretLookup, SmtpChannelConfig, SmtpSecurity
from desktop.alerts.errors import ChannelError, ConfigError, FailureKind, classify_os_error
from desktop.alerts.models import Alert, ChannelKind
from desktop.alerts.render import render_alert
from desktop.meta import APP_NAME, ORGANIZATION_DOMAIN, VERSION


def message_id(idempotency_key: str) -> str:
    return f"<{idempotency_key}@{ORGANIZATION_DOMAIN}>"


def build_email(alert: Alert, config: SmtpChannelConfig) -> EmailMessage:
    rendered = render_alert(alert, config.language)
    msg = EmailMessage()
    msg["Subject"] = rendered.subject
    msg["From"] = config.sender
    msg["To"] = ", ".join(config.recipients)
    msg["Date"] = format_datetime(alert.created_at)
    msg["Message-ID"] = message_id(alert.idempotency_key)
    msg["X-Hearth-Idempotency-Key"] = alert.idempotency_key
    msg["X-Mailer"] = f"{APP_NAME} {VERSION}"
    if alert.tier >= 3:
        msg["Importance"] = "high"
        msg["X-Priority"] = "1"
    msg.set_content(rendered.text)
    return msg


class EmailChannel:
    kind = ChannelKind.EMAIL

    def __init__(self, config: SmtpChannelConfig, secret_lookup: SecretLookup | None = None):
        config.validate()
        self.config = config
        self.channel_id = config.channel_id
        self._secret_lookup = secret_lookup

    def _password(self) -> str | None:
        cfg = self.config
        if not cfg.username:
            return None
        password = self._secret_lookup(cfg.password_secret) if self._secret_lookup else None
        if not password:
            raise ConfigError(
                "password_secret", f"no password stored under {cfg.password_secret!r}"
            )
        return password

    def _tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.config.ca_file)

    def _connect(self) -> smtplib.SMTP:
        cfg = self.config
        security = SmtpSecurity(cfg.security)
        if security is SmtpSecurity.SSL:
            return smtplib.SMTP_SSL(
                cfg.host, cfg.port, timeout=cfg.timeout_s, context=self._tls_context()
            )
        smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout_s)
        if security is SmtpSecurity.STARTTLS:
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                smtp.close()
                raise ChannelError(
                    FailureKind.TLS,
                    f"{cfg.host}:{cfg.port} does not offer STARTTLS "
                    "(try SSL, usually port 465, or check the port)",
                )
            smtp.starttls(context=self._tls_context())
            smtp.ehlo()
        return smtp

    def send(self, alert: Alert) -> None:
        cfg = self.config
        where = f"{cfg.host}:{cfg.port}"
        password = self._password()
        message = build_email(alert, cfg)
        try:
            smtp = self._connect()
            try:
                if cfg.username:
                    smtp.login(cfg.username, password)
                smtp.send_message(message)
            finally:
                try:
                    smtp.quit()
                except (smtplib.SMTPException, OSError):
                    smtp.close()
        except ChannelError:
            raise
        except smtplib.SMTPAuthenticationError as exc:
            raise ChannelError(
                FailureKind.AUTH_FAILED,
                f"{where} did not accept user {cfg.username!r} and its password "
                f"({exc.smtp_code} {_text(exc.smtp_error)})",
            ) from exc
        except smtplib.SMTPNotSupportedError as exc:
            raise ChannelError(
                FailureKind.AUTH_FAILED, f"{where} does not support logging in ({exc})"
            ) from exc
        except smtplib.SMTPRecipientsRefused as exc:
            refused = ", ".join(f"{r} ({c} {_text(m)})" for r, (c, m) in exc.recipients.items())
            raise ChannelError(FailureKind.REJECTED, f"{where} refused {refused}") from exc
        except smtplib.SMTPSenderRefused as exc:
            raise ChannelError(
                FailureKind.REJECTED,
                f"{where} refused sender {exc.sender} ({exc.smtp_code} {_text(exc.smtp_error)})",
            ) from exc
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code in (530, 535, 534):
                kind = FailureKind.AUTH_FAILED
            else:
                kind = FailureKind.REJECTED
            raise ChannelError(kind, f"{where}: {exc.smtp_code} {_text(exc.smtp_error)}") from exc
        except smtplib.SMTPServerDisconnected as exc:
            if isinstance(exc.__context__, TimeoutError):  # smtplib wraps read timeouts
                raise self._timeout(where) from exc
            raise ChannelError(
                FailureKind.PROTOCOL,
                f"{where} closed the connection (is this an SMTP port, and is the TLS mode right?)",
            ) from exc
        except smtplib.SMTPException as exc:
            raise ChannelError(FailureKind.PROTOCOL, f"{where}: {exc}") from exc
        except TimeoutError as exc:
            raise self._timeout(where) from exc
        except OSError as exc:
            raise classify_os_error(exc, where) from exc

    def _timeout(self, where: str) -> ChannelError:
        return ChannelError(
            FailureKind.TIMEOUT,
            f"no answer from {where} within {self.config.timeout_s:g} s "
            "(is it an SMTP port, and is the SSL/STARTTLS choice right?)",
        )


def _text(value: bytes | str) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)
