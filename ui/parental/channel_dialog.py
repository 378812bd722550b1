"""The small form that adds or edits one alert channel (e-mail, webhook/ntfy, desktop).

The core's ``validate()`` decides what is acceptable; this form only maps its ``ConfigError``
fields back to widgets, so the error appears next to the field that caused it. Passwords and
tokens go to the keyring (``secrets.set_secret``) under a name the config refers to; the
database keeps only that name. A field left empty keeps the secret already stored.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.alerts import (
    ChannelConfig,
    ChannelKind,
    ConfigError,
    DesktopChannelConfig,
    SmtpChannelConfig,
    SmtpSecurity,
    WebhookChannelConfig,
    WebhookMode,
)
from desktop.guardian.secrets import SecretsUnavailableError
from desktop.profiles.models import Language
from ui.parental.page_helpers import clear_field_error, note_label, show_field_error, status_label


def password_secret_name(channel_id: str) -> str:
    return f"alerts.{channel_id}.password"


def token_secret_name(channel_id: str) -> str:
    return f"alerts.{channel_id}.token"


def new_channel_id(kind: ChannelKind, taken: set[str]) -> str:
    """``email``, ``email-2``, … : ids are internal, the guardian never types one."""
    base = kind.value
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


class ChannelDialog(QDialog):
    """Edit one channel; after ``accept()`` the validated config is in :attr:`config`."""

    def __init__(self, kind: ChannelKind, secrets, *, existing: ChannelConfig | None = None,
                 taken_ids: set[str] = frozenset(), parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("channelDialog")
        self.kind = ChannelKind(kind)
        self.secrets = secrets
        self.existing = existing
        self.channel_id = existing.channel_id if existing else new_channel_id(self.kind, set(taken_ids))
        self.config: ChannelConfig | None = None
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.addLayout(self.form)
        self.hint = note_label(self, "channelHint")
        layout.addWidget(self.hint)
        self.general_error = status_label(self, "generalError")
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._build()
        self._fill(existing)
        self.retranslate_ui()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    # -- widgets ----------------------------------------------------------------------------
    def _row(self, key: str, widget: QWidget) -> QWidget:
        label = QLabel(self)
        label.setBuddy(widget)
        error = status_label(self, f"{key}Error")
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(widget)
        cell.addWidget(error)
        self.form.addRow(label, cell)
        self._fields[key], self._labels[key] = (widget, error), label
        return widget

    def _build(self) -> None:
        if self.kind is ChannelKind.EMAIL:
            self.host_edit = self._row("host", QLineEdit(self))
            self.port_edit = self._row("port", QLineEdit(self))
            self.security_combo = self._row("security", QComboBox(self))
            for sec in (SmtpSecurity.STARTTLS, SmtpSecurity.SSL, SmtpSecurity.NONE):
                self.security_combo.addItem("", sec.value)
            self.sender_edit = self._row("sender", QLineEdit(self))
            self.recipients_edit = self._row("recipients", QLineEdit(self))
            self.username_edit = self._row("username", QLineEdit(self))
            self.password_edit = self._row("password_secret", QLineEdit(self))
            self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        elif self.kind is ChannelKind.WEBHOOK:
            self.url_edit = self._row("url", QLineEdit(self))
            self.mode_combo = self._row("mode", QComboBox(self))
            for mode in (WebhookMode.NTFY, WebhookMode.JSON):
                self.mode_combo.addItem("", mode.value)
            self.token_edit = self._row("token_secret", QLineEdit(self))
            self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.forget_token = QCheckBox(self)
            self.form.addRow("", self.forget_token)
        self.language_combo = self._row("language", QComboBox(self))
        self.language_combo.addItem("English", Language.EN.value)
        self.language_combo.addItem("中文", Language.ZH.value)
        self.enabled_check = QCheckBox(self)
        self.form.addRow("", self.enabled_check)

    def _fill(self, cfg: ChannelConfig | None) -> None:
        self.enabled_check.setChecked(cfg.enabled if cfg else True)
        if cfg is not None:
            self.language_combo.setCurrentIndex(self.language_combo.findData(cfg.language.value))
        if self.kind is ChannelKind.EMAIL:
            self.port_edit.setText(str(cfg.port) if cfg else "587")
            if cfg is not None:
                self.host_edit.setText(cfg.host)
                self.security_combo.setCurrentIndex(self.security_combo.findData(cfg.security.value))
                self.sender_edit.setText(cfg.sender)
                self.recipients_edit.setText(", ".join(cfg.recipients))
                self.username_edit.setText(cfg.username)
        elif self.kind is ChannelKind.WEBHOOK:
            if cfg is not None:
                self.url_edit.setText(cfg.url)
                self.mode_combo.setCurrentIndex(self.mode_combo.findData(cfg.mode.value))
            self.forget_token.setVisible(bool(cfg and cfg.token_secret))

    def retranslate_ui(self) -> None:
        titles = {ChannelKind.EMAIL: self.tr("E-mail alerts"), ChannelKind.WEBHOOK: self.tr("Webhook or ntfy alerts"),
                  ChannelKind.DESKTOP: self.tr("Desktop notifications")}
        self.setWindowTitle(titles[self.kind])
        names = {
            "host": self.tr("SMTP &server:"), "port": self.tr("&Port:"), "security": self.tr("&Security:"),
            "sender": self.tr("&From address:"), "recipients": self.tr("&To (comma-separated):"),
            "username": self.tr("&User name:"), "password_secret": self.tr("Pass&word:"),
            "url": self.tr("&Address (URL):"), "mode": self.tr("&Format:"), "token_secret": self.tr("Access &token:"),
            "language": self.tr("&Language of the alerts:"),
        }
        for key, label in self._labels.items():
            label.setText(names[key])
            self._fields[key][0].setAccessibleName(names[key].replace("&", "").rstrip(":"))
        self.enabled_check.setText(self.tr("&Send alerts through this channel"))
        stored = self.tr("(unchanged: a value is stored in the keyring)")
        if self.kind is ChannelKind.EMAIL:
            for i, text in enumerate((self.tr("STARTTLS (usually port 587)"), self.tr("SSL/TLS (usually port 465)"),
                                      self.tr("None (only a relay on this computer, no password)"))):
                self.security_combo.setItemText(i, text)
            self.recipients_edit.setPlaceholderText(self.tr("parent@example.org, other@example.org"))
            has = bool(self.existing and self.existing.password_secret)
            self.password_edit.setPlaceholderText(stored if has else self.tr("stored in the keyring, not in Hearth's database"))
            self.hint.setText(self.tr("Alerts say which child and why, never the conversation itself unless you "
                                      "chose excerpts. Use an app password if your provider offers one."))
        elif self.kind is ChannelKind.WEBHOOK:
            self.mode_combo.setItemText(0, self.tr("ntfy push notification (e.g. https://ntfy.sh/your-topic)"))
            self.mode_combo.setItemText(1, self.tr("JSON webhook"))
            has = bool(self.existing and self.existing.token_secret)
            self.token_edit.setPlaceholderText(stored if has else self.tr("optional; stored in the keyring"))
            self.forget_token.setText(self.tr("Remove the stored token"))
            self.hint.setText(self.tr("Pick an ntfy topic name nobody can guess, or protect it with a token."))
        else:
            self.hint.setText(self.tr("A discreet notification on this computer that an alert is waiting. "
                                      "It never says why, because your child may see it."))

    # -- building the config ----------------------------------------------------------------------
    def field_error(self, key: str) -> str:
        return self._fields[key][1].text() if key in self._fields else ""

    def _build_config(self) -> ChannelConfig | None:
        """The form's values over the existing config, so settings the form does not show
        (a CA file, a timeout) survive an edit."""
        for widget, label in self._fields.values():
            clear_field_error(widget, label)
        common = {"channel_id": self.channel_id, "language": Language(self.language_combo.currentData()),
                  "enabled": self.enabled_check.isChecked()}
        if self.kind is ChannelKind.DESKTOP:
            return self._merge(DesktopChannelConfig, common)
        if self.kind is ChannelKind.WEBHOOK:
            keep = bool(self.existing and self.existing.token_secret) and not self.forget_token.isChecked()
            token = token_secret_name(self.channel_id) if (self.token_edit.text() or keep) else ""
            return self._merge(WebhookChannelConfig, {
                **common, "url": self.url_edit.text().strip(), "mode": WebhookMode(self.mode_combo.currentData()),
                "token_secret": token})
        port_text = self.port_edit.text().strip()
        if not port_text.isdigit():
            self._show("port", self.tr("The port is a number between 1 and 65535 (usually 587 or 465)."))
            return None
        username = self.username_edit.text().strip()
        has_password = bool(self.password_edit.text()) or bool(self.existing and self.existing.password_secret)
        recipients = self.recipients_edit.text().replace(";", ",").split(",")
        return self._merge(SmtpChannelConfig, {
            **common, "host": self.host_edit.text().strip(), "port": int(port_text),
            "sender": self.sender_edit.text().strip(), "recipients": tuple(r.strip() for r in recipients if r.strip()),
            "security": SmtpSecurity(self.security_combo.currentData()), "username": username,
            "password_secret": password_secret_name(self.channel_id) if username and has_password else ""})

    def _merge(self, cls, values: dict) -> ChannelConfig:
        if isinstance(self.existing, cls):
            return replace(self.existing, **values)
        return cls(**values)

    def _show(self, key: str, text: str) -> None:
        if key in self._fields:
            widget, label = self._fields[key]
            show_field_error(widget, label, text)
            widget.setFocus()
        else:
            show_field_error(self, self.general_error, text)

    def _config_error_text(self, exc: ConfigError) -> str:
        texts = {
            "host": self.tr("Enter the mail server's name, e.g. smtp.example.org."),
            "port": self.tr("The port is a number between 1 and 65535 (usually 587 or 465)."),
            "sender": self.tr("Enter the address the alerts come from."),
            "recipients": self.tr("Enter at least one address to send alerts to, separated by commas."),
            "password_secret": self.tr("A user name needs a password."),
            "security": self.tr("A password is never sent without encryption: choose STARTTLS or SSL/TLS."),
            "url": self.tr("Enter an http:// or https:// address; an ntfy address needs a topic."),
        }
        text = texts.get(exc.field, self.tr("This setting cannot work."))
        if exc.field in ("port", "password_secret", "security"):
            return text  # the sentence says it all
        return f"{text} ({exc.detail})"  # names the value at fault, e.g. which address

    def validate(self) -> ChannelConfig | None:
        """The validated config, or None after showing the problem next to its field."""
        self.general_error.setVisible(False)
        config = self._build_config()
        if config is None:
            return None
        try:
            config.validate()
        except ConfigError as exc:
            self._show(exc.field, self._config_error_text(exc))
            return None
        return config

    def accept(self) -> None:
        config = self.validate()
        if config is None:
            return
        try:
            self._store_secrets(config)
        except SecretsUnavailableError as exc:
            self._show("", self.tr("The keyring is not available, so the password cannot be stored (%1).")
                       .replace("%1", exc.status.detail or exc.status.kind.value))
            return
        self.config = config
        super().accept()

    def _store_secrets(self, config: ChannelConfig) -> None:
        if isinstance(config, SmtpChannelConfig):
            if config.password_secret and self.password_edit.text():
                self.secrets.set_secret(config.password_secret, self.password_edit.text())
            elif not config.password_secret and self.existing and self.existing.password_secret:
                self.secrets.delete_secret(self.existing.password_secret)
        elif isinstance(config, WebhookChannelConfig):
            if config.token_secret and self.token_edit.text():
                self.secrets.set_secret(config.token_secret, self.token_edit.text())
            elif not config.token_secret and self.existing and self.existing.token_secret:
                self.secrets.delete_secret(self.existing.token_secret)


