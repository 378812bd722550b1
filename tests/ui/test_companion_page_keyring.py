"""The Companion page with the real Secret Service: the API key lives in the keyring only."""

import subprocess

from desktop.family_settings import BackendChoice, BackendKind
from tests.support.sse_server import ModelList, OpenAIStreamServer
from tests.ui import panel_b_fixtures as _fx
from ui.parental.companion_page import CompanionPage

keyring_ctx = _fx.keyring_ctx
secret_service = _fx.secret_service
keyring_service = _fx.keyring_service

KEY = "sk-hearth-test-8c1f0e5a9b7d4e21"


def _lookup(service, entry):
    result = subprocess.run(["secret-tool", "lookup", "service", service, "username", entry],
                            capture_output=True, text=True, timeout=10, check=False)
    return result.stdout.strip()


def _page(qtbot, ctx):
    page = CompanionPage(ctx)
    qtbot.addWidget(page)
    page.load()
    page.show()
    return page


def test_saving_the_backend_puts_the_key_in_the_keyring_only(qtbot, keyring_ctx, keyring_service, data_dir):
    page = _page(qtbot, keyring_ctx)
    assert "keyring" in page.backend_form.secrets_note.text() and "weaker" not in page.backend_form.secrets_note.text()
    assert page.backend_form.key_edit.placeholderText().startswith("No key stored")
    page.backend_form.openai_radio.setChecked(True)
    page.backend_form.url_edit.setText("http://127.0.0.1:11434/v1/chat/completions")
    page.backend_form.model_edit.setText("llama3.2")
    page.backend_form.key_edit.setText(KEY)
    page.save()

    choice = keyring_ctx.settings.backend()
    assert choice == BackendChoice(BackendKind.OPENAI, "http://127.0.0.1:11434/v1", "llama3.2", "openai")
    assert keyring_ctx.guardian.secrets.get_api_key("openai") == KEY
    assert _lookup(keyring_service, "api-key:openai") == KEY  # really in the Secret Service
    assert KEY.encode() not in _fx.database_bytes(data_dir)
    assert keyring_ctx.backend_changes == [True]
    assert page.backend_form.key_edit.text() == "" and page.backend_form.key_edit.placeholderText() == "•••• (stored in keyring)"

    # A fresh page (the panel reopened) shows that a key exists without reading it into the field.
    again = _page(qtbot, keyring_ctx)
    assert again.backend_form.openai_radio.isChecked() and again.backend_form.model_edit.text() == "llama3.2"
    assert again.backend_form.key_edit.text() == "" and again.backend_form.key_edit.placeholderText() == "•••• (stored in keyring)"
    assert again.backend_form.clear_key_button.isEnabled()

    again.backend_form.clear_key()
    again.save()
    assert keyring_ctx.guardian.secrets.get_api_key("openai") is None
    assert _lookup(keyring_service, "api-key:openai") == ""
    assert keyring_ctx.backend_changes == [True, True]
    assert keyring_ctx.settings.backend().kind is BackendKind.OPENAI  # clearing the key is not switching


def test_the_stored_key_is_used_by_the_connection_test(qtbot, keyring_ctx):
    keyring_ctx.guardian.secrets.set_api_key("openai", KEY)
    with OpenAIStreamServer(models=ModelList(ids=("stub-model",))) as server:
        keyring_ctx.settings.set_backend(BackendChoice(BackendKind.OPENAI, server.base_url, "stub-model"))
        page = _page(qtbot, keyring_ctx)
        with qtbot.waitSignal(page.backend_form.connection_tested, timeout=10000) as signal:
            page.backend_form.test_connection()
        assert signal.args == [True]
        assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"
    assert KEY not in page.backend_form.test_result.text()
