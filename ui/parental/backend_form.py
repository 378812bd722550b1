"""Which companion answers: the built-in one, or an OpenAI-compatible server with its address,
model and API key — the backend half of the Companion page.

The key goes to the keyring (``secrets.set_api_key``), never into the database; the form only
learns whether one is stored and shows "•••• (stored in keyring)". "Test connection" tries what
is in the form (saved or not) on a worker thread, so a server that never answers costs the
guardian a spinner, not a frozen panel.
"""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.companion.backends.base import BackendError, BackendErrorKind
from desktop.companion.backends.openai_compat import (
    ConnectionReport,
    OpenAICompatBackend,
    normalize_base_url,
)
from desktop.family_settings import BackendChoice, BackendKind
from desktop.guardian.secrets import SecretsUnavailableError
from ui.messages import backend_error
from ui.parental.page_helpers import (
    Tone,
    clear_field_error,
    note_label,
    set_status,
    show_field_error,
    start_worker,
    status_label,
)

MAX_MODELS_SHOWN = 8


class ConnectionTestWorker(QThread):
    """Runs ``OpenAICompatBackend.test_connection()`` off the GUI thread."""

    report_ready = Signal(object)  # ConnectionReport

    def __init__(self, base_url: str, model: str, api_key: str | None):
        super().__init__()
        self.base_url, self.model, self.api_key = base_url, model, api_key

    def run(self) -> None:
        try:
            backend = OpenAICompatBackend(
                self.base_url, self.model, self.api_key, connect_timeout=5.0, read_timeout=20.0
            )
        except BackendError as exc:
            self.report_ready.emit(ConnectionReport(ok=False, error_kind=exc.kind, detail=exc.detail))
            return
        try:
            report = backend.test_connection()
        except Exception as exc:  # a bug must end in a message, not a silent spinner
            report = ConnectionReport(ok=False, detail=f"{type(exc).__name__}: {exc}")
        finally:
            backend.close()
        self.report_ready.emit(report)


class BackendForm(QGroupBox):
    edited = Signal()
    connection_tested = Signal(bool)  # ok

    def __init__(self, secrets, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backendForm")
        self.secrets = secrets  # desktop.guardian.secrets.SecretStore
        self.saved_choice = BackendChoice()
        self._key_stored = False
        self._clear_key = False
        self._loading = False
        self._worker: ConnectionTestWorker | None = None
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        column = QVBoxLayout(self)
        self.builtin_radio = QRadioButton(self)
        self.openai_radio = QRadioButton(self)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.builtin_radio)
        self.kind_group.addButton(self.openai_radio)
        column.addWidget(self.builtin_radio)
        column.addWidget(self.openai_radio)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.url_edit, self.url_error = QLineEdit(self), status_label(self, "urlError")
        self.model_edit, self.model_error = QLineEdit(self), status_label(self, "modelError")
        self.key_edit, self.key_error = QLineEdit(self), status_label(self, "keyError")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.clear_key_button = QPushButton(self)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.clear_key_button)
        self.url_label, self.model_label, self.key_label = (QLabel(self) for _ in range(3))
        for label, field, error in (
            (self.url_label, self.url_edit, self.url_error),
            (self.model_label, self.model_edit, self.model_error),
            (self.key_label, key_row, self.key_error),
        ):
            cell = QVBoxLayout()
            cell.setSpacing(2)
            if isinstance(field, QHBoxLayout):
                cell.addLayout(field)
            else:
                cell.addWidget(field)
            cell.addWidget(error)
            form.addRow(label, cell)
        self.url_label.setBuddy(self.url_edit)
        self.model_label.setBuddy(self.model_edit)
        self.key_label.setBuddy(self.key_edit)
        column.addLayout(form)
        self.secrets_note = note_label(self, "secretsNote")
        column.addWidget(self.secrets_note)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("testConnectionButton")
        self.test_progress = QProgressBar(self)
        self.test_progress.setRange(0, 0)  # a busy indicator
        self.test_progress.setMaximumWidth(160)
        self.test_progress.setTextVisible(False)
        self.test_progress.setVisible(False)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_progress)
        test_row.addStretch(1)
        column.addLayout(test_row)
        self.test_result = status_label(self, "testResult")
        column.addWidget(self.test_result)

        self.kind_group.buttonToggled.connect(self._kind_toggled)
        for edit in (self.url_edit, self.model_edit, self.key_edit):
            edit.textEdited.connect(self._edited)
        self.clear_key_button.clicked.connect(self.clear_key)
        self.test_button.clicked.connect(self.test_connection)
        for a, b in ((self.builtin_radio, self.openai_radio), (self.openai_radio, self.url_edit),
                     (self.url_edit, self.model_edit), (self.model_edit, self.key_edit),
                     (self.key_edit, self.clear_key_button), (self.clear_key_button, self.test_button)):
            self.setTabOrder(a, b)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Who answers"))
        self.builtin_radio.setText(self.tr("&Built-in companion (works offline, recommended for young children)"))
        self.openai_radio.setText(self.tr("&OpenAI-compatible server (Ollama, llama.cpp, LM Studio, a cloud API)"))
        self.url_label.setText(self.tr("Server &address:"))
        self.url_edit.setPlaceholderText(self.tr("e.g. http://127.0.0.1:11434/v1"))
        self.url_edit.setAccessibleName(self.tr("Server address"))
        self.model_label.setText(self.tr("&Model:"))
        self.model_edit.setPlaceholderText(self.tr("e.g. llama3.2"))
        self.model_edit.setAccessibleName(self.tr("Model name"))
        self.key_label.setText(self.tr("API &key:"))
        self.key_edit.setAccessibleName(self.tr("API key"))
        self.clear_key_button.setText(self.tr("Clear key"))
        self.clear_key_button.setAccessibleName(self.tr("Clear the stored API key"))
        self.test_button.setText(self.tr("&Test connection"))
        self.test_progress.setAccessibleName(self.tr("Testing the connection"))
        self._update_key_field()
        self._update_secrets_note()

    # -- state ------------------------------------------------------------------------------------
    def load(self, choice: BackendChoice) -> None:
        self._loading = True
        try:
            self.saved_choice = choice
            self.url_edit.setText(choice.base_url)
            self.model_edit.setText(choice.model)
            (self.openai_radio if choice.kind is BackendKind.OPENAI else self.builtin_radio).setChecked(True)
            self._clear_key = False
            self._key_stored = self._read_key_stored(choice.key_name)
            self.key_edit.clear()
            set_status(self.test_result, "")
            for field, label in self._field_errors():
                clear_field_error(field, label)
            self._update_key_field()
            self._update_secrets_note()
        finally:
            self._loading = False

    def restore_defaults(self) -> None:
        """The built-in companion. A stored key stays until the guardian clears it."""
        self.builtin_radio.setChecked(True)

    def store_key(self, key_name: str) -> bool:
        """Write (or delete) the API key as the form says; True if the keyring changed.
        Raises ``ValueError`` with a sentence for the guardian when the keyring refuses."""
        typed = self.key_edit.text().strip()
        try:
            if typed:
                self.secrets.set_api_key(key_name, typed)
            elif self._clear_key and self._key_stored:
                self.secrets.delete_api_key(key_name)
            else:
                return False
        except SecretsUnavailableError as exc:
            text = self.tr("The key could not be stored: the keyring is not available (%1).")
            show_field_error(self.key_edit, self.key_error, text.replace("%1", exc.status.detail or exc.status.kind.value))
            raise ValueError(self.key_error.text()) from None
        self._key_stored, self._clear_key = bool(typed), False
        self.key_edit.clear()
        self._update_key_field()
        return True

    def mark_saved(self, choice: BackendChoice) -> None:
        self.saved_choice = choice

    def _kind_toggled(self, *_args) -> None:
        self._update_enabled()
        self._edited()

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.edited.emit()

    def _update_enabled(self) -> None:
        remote = self.openai_radio.isChecked()
        self.url_edit.setEnabled(remote)
        self.model_edit.setEnabled(remote)
        self.key_edit.setEnabled(remote and self.secrets.status.available)
        self.test_button.setEnabled(remote and self._worker is None)
        self.clear_key_button.setEnabled(remote and self._key_stored and not self._clear_key)
        if not remote:
            for field, label in self._field_errors():
                clear_field_error(field, label)

    def _field_errors(self):
        return ((self.url_edit, self.url_error), (self.model_edit, self.model_error), (self.key_edit, self.key_error))

    def validated_choice(self) -> BackendChoice | None:
        """The form as a BackendChoice, or None after showing what is wrong at its field."""
        saved = self.saved_choice
        for field, label in self._field_errors():
            clear_field_error(field, label)
        if not self.openai_radio.isChecked():
            # The server settings are kept, so switching back later needs no retyping.
            return BackendChoice(BackendKind.BUILTIN, saved.base_url, saved.model, saved.key_name)
        url, model, ok = self.url_edit.text().strip(), self.model_edit.text().strip(), True
        try:
            url = normalize_base_url(url)
        except BackendError as exc:
            show_field_error(self.url_edit, self.url_error, self._url_problem(exc))
            ok = False
        if not model:
            show_field_error(self.model_edit, self.model_error, self.tr("Enter the model's name as the server knows it."))
            ok = False
        if not ok:
            (self.url_edit if self.url_error.text() else self.model_edit).setFocus()
            return None
        return BackendChoice(BackendKind.OPENAI, url, model, saved.key_name)

    def _url_problem(self, exc: BackendError) -> str:
        text = self.url_edit.text().strip()
        if not text:
            return self.tr("Enter the server's address, up to and including /v1.")
        if "user name or password" in exc.detail:
            return self.tr("The address must not contain a user name or password; use the API key field.")
        if "?" in text or "#" in text:
            return self.tr("The address ends with its path (such as /v1), without ? or #.")
        return self.tr("This is not an http:// or https:// address, e.g. http://127.0.0.1:11434/v1.")

    # -- the key ----------------------------------------------------------------------------------
    def _read_key_stored(self, key_name: str) -> bool:
        try:
            return bool(self.secrets.get_api_key(key_name))
        except SecretsUnavailableError:
            return False

    def clear_key(self) -> None:
        self._clear_key = True
        self.key_edit.clear()
        self._update_key_field()
        self._edited()

    def key_pending(self) -> bool:
        return bool(self.key_edit.text().strip()) or (self._clear_key and self._key_stored)

    def _update_key_field(self) -> None:
        if self._key_stored and not self._clear_key:
            if self.secrets.status.weaker:
                text = self.tr("•••• (stored in the weaker secrets file)")
            else:
                text = self.tr("•••• (stored in keyring)")
        elif self._clear_key:
            text = self.tr("No key stored (the key will be removed when you save)")
        else:
            text = self.tr("No key stored; leave empty if the server needs none")
        self.key_edit.setPlaceholderText(text)
        self.key_edit.setToolTip(text)
        self._update_enabled()

    def _update_secrets_note(self) -> None:
        status = self.secrets.status
        if not status.available:
            text = self.tr("No keyring is available, so an API key cannot be stored: "
                           "only servers without a key can be used.")
        elif status.weaker:
            text = self.tr("Keys are kept in a plain file in Hearth's data folder because "
                           "this computer has no keyring. This is weaker protection.")
        else:
            text = self.tr("The API key is kept in the system keyring, never in Hearth's database.")
        self.secrets_note.setText(text)

    # -- test connection --------------------------------------------------------------------
    def test_connection(self) -> None:
        """Try the address, model and key in the form on a worker thread."""
        if self._worker is not None:
            return
        choice = self.validated_choice()
        if choice is None or choice.kind is not BackendKind.OPENAI:
            return
        key = self.key_edit.text().strip() or None
        if key is None and self._key_stored and not self._clear_key:
            try:
                key = self.secrets.get_api_key(choice.key_name)
            except SecretsUnavailableError:
                key = None
        self._worker = ConnectionTestWorker(choice.base_url, choice.model, key)
        self._worker.report_ready.connect(self._show_report)
        set_status(self.test_result, self.tr("Testing %1 …").replace("%1", choice.base_url))
        self.test_progress.setVisible(True)
        self._update_enabled()
        start_worker(self._worker)

    def is_testing(self) -> bool:
        return self._worker is not None

    def _show_report(self, report: ConnectionReport) -> None:
        self._worker = None
        self.test_progress.setVisible(False)
        self._update_enabled()
        model = self.model_edit.text().strip()
        if report.ok and report.probed_chat:
            text = self.tr("Connected: the model answered a short test message.")
        elif report.ok and report.model_listed:
            text = self.tr("Connected. The server offers the model “%1”.").replace("%1", model)
        elif report.ok:
            offered = ", ".join(report.models[:MAX_MODELS_SHOWN]) or self.tr("none")
            if len(report.models) > MAX_MODELS_SHOWN:
                offered += ", …"
            text = (self.tr("Connected, but the server does not offer the model “%1”. It offers: %2.")
                    .replace("%1", model).replace("%2", offered))
        else:
            kind = report.error_kind.value if isinstance(report.error_kind, BackendErrorKind) else "other"
            text = self.tr("The connection test failed. %1").replace("%1", backend_error(kind))
            if report.detail:
                text += "\n" + self.tr("Details: %1").replace("%1", report.detail)
        tone = Tone.OK if report.ok and report.model_listed is not False else Tone.ERROR
        set_status(self.test_result, text, tone)
        self.connection_tested.emit(report.ok)
