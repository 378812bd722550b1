"""The parental panel's Companion page: personas per child (R12, R15) and the backend choice."""

import pytest
from PySide6.QtCore import Qt

from desktop.companion.personas import load_catalogue, personas_for
from desktop.family_settings import BackendKind
from tests.support.sse_server import ModelList, OpenAIStreamServer, refused_port
from tests.ui import panel_b_fixtures as _fx
from ui.messages import backend_error
from ui.parental.companion_page import CompanionPage
from ui.parental.page_helpers import running_workers

panel_ctx = _fx.panel_ctx
INTIMATE = {p.id for p in load_catalogue() if p.relationship.is_intimate}


@pytest.fixture
def page(qtbot, panel_ctx):
    def make():
        page = CompanionPage(panel_ctx)
        qtbot.addWidget(page)
        page.load()
        page.show()
        return page

    return make


def test_intimate_personas_are_never_listed_for_a_minor(qtbot, panel_ctx, page):
    assert {"sweetheart", "big_sister"} == INTIMATE
    lily = _fx.add_child(panel_ctx, "Lily", 10)
    sam = _fx.add_child(panel_ctx, "Sam", 17)
    adult = _fx.add_child(panel_ctx, "Ada", 19)
    p = page()
    assert p.child_combo.count() == 3
    for child, age in ((lily, 10), (sam, 17)):
        p.child_combo.select(child.id)
        shown = set(p.shown_persona_ids())
        assert shown == {x.id for x in personas_for(age)} and shown
        assert not shown & INTIMATE  # R12: not even offered
        assert "never offered to anyone under 18" in p.persona_note.text()
    # The same list widget does show them for an adult profile: the filter is the age rule.
    p.child_combo.select(adult.id)
    assert set(p.shown_persona_ids()) >= INTIMATE


def test_unticked_personas_are_saved_as_blocked(qtbot, panel_ctx, page):
    lily = _fx.add_child(panel_ctx, "Lily", 10)
    sam = _fx.add_child(panel_ctx, "Sam", 12)
    p = page()
    p.child_combo.select(lily.id)
    changes = []
    p.changed.connect(lambda: changes.append(1))
    row = p.shown_persona_ids().index("tutor")
    p.persona_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert changes
    p.save()
    assert panel_ctx.settings.blocked_personas(lily.id) == ["tutor"]
    assert panel_ctx.settings.blocked_personas(sam.id) == []
    again = page()
    again.child_combo.select(lily.id)
    states = {again.persona_list.item(i).data(Qt.ItemDataRole.UserRole): again.persona_list.item(i).checkState()
              for i in range(again.persona_list.count())}
    assert states["tutor"] == Qt.CheckState.Unchecked and states["buddy"] == Qt.CheckState.Checked
    again.restore_defaults()
    again.save()
    assert panel_ctx.settings.blocked_personas(lily.id) == []


def test_the_last_persona_stays_available(qtbot, panel_ctx, page):
    lily = _fx.add_child(panel_ctx, "Lily", 10)
    p = page()
    p.child_combo.select(lily.id)
    for i in range(p.persona_list.count()):
        p.persona_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    checked = [i for i in range(p.persona_list.count())
               if p.persona_list.item(i).checkState() == Qt.CheckState.Checked]
    assert len(checked) == 1
    assert p.persona_status.isVisible() and "At least one persona" in p.persona_status.text()
    p.save()
    blocked = panel_ctx.settings.blocked_personas(lily.id)
    assert len(blocked) == p.persona_list.count() - 1


def test_a_bad_address_is_shown_at_the_field_and_nothing_is_saved(qtbot, panel_ctx, page):
    p = page()
    p.backend_form.openai_radio.setChecked(True)
    p.backend_form.url_edit.setText("ftp://example.org/v1")
    p.backend_form.model_edit.setText("")
    with pytest.raises(ValueError):
        p.save()
    assert p.backend_form.url_error.isVisible() and "http" in p.backend_form.url_error.text()
    assert p.backend_form.model_error.isVisible()
    assert p.backend_form.url_edit.accessibleDescription() == p.backend_form.url_error.text()
    assert panel_ctx.settings.backend().kind is BackendKind.BUILTIN
    assert panel_ctx.backend_changes == []


def test_connection_test_against_a_real_server_says_ok(qtbot, panel_ctx, page):
    with OpenAIStreamServer(models=ModelList(ids=("stub-model", "other"))) as server:
        p = page()
        p.backend_form.openai_radio.setChecked(True)
        p.backend_form.url_edit.setText(server.base_url + "/")
        p.backend_form.model_edit.setText("stub-model")
        p.backend_form.key_edit.setText("sk-typed-but-unsaved")
        with qtbot.waitSignal(p.backend_form.connection_tested, timeout=10000) as signal:
            qtbot.mouseClick(p.backend_form.test_button, Qt.MouseButton.LeftButton)
            # While the worker runs the button is disabled and the spinner shows.
            assert not p.backend_form.test_button.isEnabled() and p.backend_form.test_progress.isVisible()
        assert signal.args == [True]
        assert "offers the model “stub-model”" in p.backend_form.test_result.text()
        assert p.backend_form.test_result.property("tone") == "ok"
        assert p.backend_form.test_button.isEnabled() and not p.backend_form.test_progress.isVisible()
        qtbot.waitUntil(lambda: running_workers() == 0, timeout=5000)  # the thread ended and was freed
        [request] = server.requests
        assert request.path == "/v1/models"
        assert request.headers["authorization"] == "Bearer sk-typed-but-unsaved"


def test_connection_test_names_a_model_the_server_does_not_offer(qtbot, panel_ctx, page):
    with OpenAIStreamServer(models=ModelList(ids=("llama3.2:latest", "qwen2.5"))) as server:
        p = page()
        p.backend_form.openai_radio.setChecked(True)
        p.backend_form.url_edit.setText(server.base_url)
        p.backend_form.model_edit.setText("mistral")
        with qtbot.waitSignal(p.backend_form.connection_tested, timeout=10000):
            p.backend_form.test_connection()
        assert "does not offer the model “mistral”" in p.backend_form.test_result.text()
        assert "llama3.2:latest, qwen2.5" in p.backend_form.test_result.text()
        assert p.backend_form.test_result.property("tone") == "error"


def test_connection_refused_is_reported_in_plain_words(qtbot, panel_ctx, page):
    sock, port = refused_port()
    try:
        p = page()
        p.backend_form.openai_radio.setChecked(True)
        p.backend_form.url_edit.setText(f"http://127.0.0.1:{port}/v1")
        p.backend_form.model_edit.setText("stub-model")
        with qtbot.waitSignal(p.backend_form.connection_tested, timeout=10000) as signal:
            p.backend_form.test_connection()
        assert signal.args == [False]
        assert backend_error("connection_refused") in p.backend_form.test_result.text()
        assert p.backend_form.test_result.property("tone") == "error" and p.backend_form.test_result.isVisible()
    finally:
        sock.close()


def test_builtin_backend_disables_the_server_fields(qtbot, panel_ctx, page):
    p = page()
    assert p.backend_form.builtin_radio.isChecked()
    assert not p.backend_form.url_edit.isEnabled() and not p.backend_form.test_button.isEnabled()
    p.backend_form.openai_radio.setChecked(True)
    assert p.backend_form.url_edit.isEnabled() and p.backend_form.test_button.isEnabled()
    assert "weaker" in p.backend_form.secrets_note.text()  # the file fallback says so where keys are entered


def test_every_control_is_named_and_strings_are_retranslated(qtbot, panel_ctx, page):
    _fx.add_child(panel_ctx, "Lily", 10)
    p = page()
    assert _fx.unnamed_controls(p) == []
    assert _fx.retranslates(p)
    assert p.backend_form.key_edit.placeholderText()  # the retranslation reached the backend form
