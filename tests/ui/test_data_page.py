"""The parental panel's Data page: export and delete history (R24), retention (R26) and the
separate training consent (R25, R13)."""

import json
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.companion.backends.base import Role
from desktop.companion.repository import ConversationRepository, MessageStatus
from desktop.guardian.audit import AuditKind
from desktop.guardian.notices import ConsentKind
from tests.ui import panel_b_fixtures as _fx
from ui.parental.data_page import AUDIT_DELETED, AUDIT_EXPORTED, DataPage, ExportFormat

panel_ctx = _fx.panel_ctx
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def page(qtbot, panel_ctx):
    def make():
        page = DataPage(panel_ctx)
        qtbot.addWidget(page)
        page.load()
        page.show()
        return page

    return make


@pytest.fixture
def lily(panel_ctx):
    return _fx.add_child(panel_ctx, "Lily", 10)


@pytest.fixture
def history(panel_ctx, lily, clock):
    repo = ConversationRepository(panel_ctx.db)
    old = repo.start(lily.id, "buddy", now=clock.now() - timedelta(days=3))
    repo.add_message(old.id, Role.USER, "hi buddy", MessageStatus.SENT, now=clock.now() - timedelta(days=3))
    repo.add_message(old.id, Role.ASSISTANT, "Hello Lily!", MessageStatus.COMPLETE, now=clock.now() - timedelta(days=3))
    new = repo.start(lily.id, "storyteller", now=clock.now())
    repo.add_message(new.id, Role.USER, SCRIPT, MessageStatus.SENT, now=clock.now())
    return repo, old, new


def yes(dialog):
    assert dialog.objectName() == "confirmDelete"
    assert dialog.defaultButton() is dialog.button(QMessageBox.StandardButton.No)
    dialog.button(QMessageBox.StandardButton.Yes).click()


def no(dialog):
    dialog.button(QMessageBox.StandardButton.No).click()


def test_conversations_are_listed_with_date_and_message_count(qtbot, page, history, clock):
    repo, old, new = history
    # Imported or resumed later, an older conversation can have a newer id: order by date.
    oldest = repo.start(old.profile_id, "tutor", now=clock.now() - timedelta(days=10))
    p = page()
    table = p.conversation_table
    assert table.rowCount() == 3
    assert [table.item(r, 2).text() for r in range(3)] == ["Story Fox", "Buddy", "Professor Owl"]
    assert [table.item(r, 1).text() for r in range(3)] == ["1", "2", "0"]
    assert table.item(0, 0).text() == "2026-11-26 16:00"
    assert table.item(2, 0).text() == oldest.started_at.strftime("%Y-%m-%d %H:%M")
    assert "3 conversations, 3 messages" in p.history_summary.text()


def test_export_writes_json_html_and_markdown(qtbot, panel_ctx, page, history, tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    p = page()
    written = p.export_to(out, list(ExportFormat))
    assert sorted(w.suffix for w in written) == [".html", ".json", ".md"]
    assert all(w.name.startswith("hearth-history-Lily-20261126-1600") for w in written)
    by_suffix = {w.suffix: w.read_text(encoding="utf-8") for w in written}
    data = json.loads(by_suffix[".json"])
    contents = [m["content"] for c in data["conversations"] for m in c["messages"]]
    assert contents == ["hi buddy", "Hello Lily!", SCRIPT]
    assert "Hello Lily!" in by_suffix[".html"] and "<script>" not in by_suffix[".html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in by_suffix[".html"]
    assert "> Hello Lily!" in by_suffix[".md"] and "AI-generated" in by_suffix[".md"]
    assert p.history_status.property("tone") == "ok" and str(out) in p.history_status.text()
    [event] = panel_ctx.guardian.audit.recent(5, kind=AUDIT_EXPORTED)
    assert event.detail["formats"] == ["json", "html", "md"]
    # A second export in the same minute never overwrites the first.
    again = p.export_to(out, [ExportFormat.JSON])
    assert again[0].name.endswith("-2.json") and len(list(out.iterdir())) == 4


def test_export_uses_the_ticked_formats(qtbot, page, history, tmp_path):
    p = page()
    assert p.chosen_formats() == [ExportFormat.JSON, ExportFormat.HTML]
    p.format_checks[ExportFormat.HTML].setChecked(False)
    p.format_checks[ExportFormat.MARKDOWN].setChecked(True)
    assert [w.suffix for w in p.export_to(tmp_path)] == [".json", ".md"]


def test_deleting_one_conversation_asks_and_keeps_the_others(qtbot, panel_ctx, page, history):
    repo, old, new = history
    p = page()
    deleted = []
    p.history_deleted.connect(deleted.append)
    p.select_conversation(old.id)
    assert p.delete_button.isEnabled()
    _fx.answer_modal(no)
    assert p.delete_selected_conversation() is False
    assert repo.count(old.id) == 2
    _fx.answer_modal(yes)
    assert p.delete_selected_conversation() is True
    assert [c.id for c in repo.for_profile(history[1].profile_id)] == [new.id]
    assert panel_ctx.db.execute("select count(*) from messages where conversation_id = ?", [old.id]).fetchone()[0] == 0
    assert p.conversation_table.rowCount() == 1 and deleted == [old.profile_id]
    [event] = panel_ctx.guardian.audit.recent(5, kind=AUDIT_DELETED)
    assert event.detail == {"profile_id": old.profile_id, "conversations": 1, "messages": 2}


def test_deleting_all_history_of_one_child(qtbot, panel_ctx, page, history, clock):
    repo, old, _ = history
    tom = _fx.add_child(panel_ctx, "Tom", 12)
    toms = repo.start(tom.id, "buddy", now=clock.now())
    p = page()
    p.child_combo.select(old.profile_id)
    _fx.answer_modal(yes)
    assert p.delete_all_history() is True
    assert repo.for_profile(old.profile_id) == []
    assert [c.id for c in repo.for_profile(tom.id)] == [toms.id]  # other children untouched
    assert "No saved conversations for Lily" in p.history_summary.text()
    assert not p.delete_all_button.isEnabled() and not p.export_button.isEnabled()


def test_retention_defaults_to_90_days_and_is_saved(qtbot, panel_ctx, page):
    p = page()
    assert p.retention_spin.value() == 90
    assert (p.retention_spin.minimum(), p.retention_spin.maximum()) == (1, 3650)
    p.retention_spin.setValue(30)
    p.save()
    assert panel_ctx.settings.retention_days() == 30
    assert page().retention_spin.value() == 30
    p.restore_defaults()
    p.save()
    assert panel_ctx.settings.retention_days() == 90


def test_training_consent_is_off_by_default_and_records_the_notice(qtbot, panel_ctx, page, lily, clock):
    p = page()
    consents = panel_ctx.guardian.consents
    assert not p.consent.training_check.isChecked() and consents.training_allowed(lily.id) is False
    assert "Not given" in p.consent.training_status.text()
    assert "under 14, so only you, the guardian" in p.consent.training_note.text()  # R25
    assert "training-v1" in p.consent.training_note.text()
    p.consent.training_check.setChecked(True)
    assert "recorded when you save" in p.consent.training_status.text()
    assert consents.training_allowed(lily.id) is False  # nothing recorded before Save
    p.save()
    record = consents.current(lily.id, ConsentKind.TRAINING)
    assert record.active and record.notice_version == "training-v1"
    assert record.given_by == _fx.GUARDIAN_NAME and record.given_at == clock.now()
    assert p.consent.training_status.text() == f"Given by {_fx.GUARDIAN_NAME} on 2026-11-26 16:00 (notice training-v1)."
    # Service consent is untouched: the two are never bundled.
    assert consents.has_consent(lily.id, ConsentKind.SERVICE) is False
    kinds = [e.kind for e in panel_ctx.guardian.audit.recent(10)]
    assert AuditKind.CONSENT_GIVEN in kinds

    clock.advance(3600)
    again = page()
    assert again.consent.training_check.isChecked()
    again.consent.training_check.setChecked(False)
    again.save()
    assert consents.training_allowed(lily.id) is False
    assert again.consent.training_status.text().startswith("Withdrawn on 2026-11-26 17:00")


def test_consent_switches_are_per_child(qtbot, panel_ctx, page, lily):
    teen = _fx.add_child(panel_ctx, "Max", 15)
    p = page()
    p.child_combo.select(teen.id)
    assert "under 14" not in p.consent.training_note.text()
    p.consent.training_check.setChecked(True)
    p.child_combo.select(lily.id)
    assert not p.consent.training_check.isChecked()
    p.save()
    assert panel_ctx.guardian.consents.training_allowed(teen.id) is True
    assert panel_ctx.guardian.consents.training_allowed(lily.id) is False


def test_the_notice_can_be_read_before_agreeing(qtbot, page, lily):
    p = page()
    seen = []

    def read(dialog):
        from PySide6.QtWidgets import QTextBrowser

        seen.append(dialog.findChild(QTextBrowser).toPlainText())
        dialog.reject()

    done = _fx.answer_modal(read)
    p.consent.show_notice()
    assert done and "training-v1" in seen[0] and len(seen[0]) > 300


def test_every_control_is_named_and_strings_are_retranslated(qtbot, page, history):
    p = page()
    assert _fx.unnamed_controls(p) == []
    assert _fx.retranslates(p)
    assert p.conversation_table.rowCount() == 2 and p.consent.training_check.text()


def test_an_unwritable_folder_is_reported_not_raised(qtbot, page, history, tmp_path):
    p = page()
    missing = tmp_path / "no" / "such" / "folder"
    assert p.export_to(missing, [ExportFormat.JSON]) == []
    assert p.history_status.property("tone") == "error" and "could not be written" in p.history_status.text()
