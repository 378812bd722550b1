"""The integrity lock screen explains every reason the core can give, in words."""

from types import SimpleNamespace

import pytest

from desktop.guardian.integrity import IntegrityReason
from ui.gate_views import IntegrityLockView


@pytest.mark.parametrize("reason", list(IntegrityReason))
def test_every_integrity_reason_has_its_own_sentence(qtbot, reason):
    view = IntegrityLockView()
    qtbot.addWidget(view)
    view.show_state(SimpleNamespace(reasons=(reason,)))
    body = view.body.text()
    assert "A protection check failed" not in body
    assert reason.value not in body


def test_an_unknown_reason_is_still_shown_rather_than_hidden(qtbot):
    view = IntegrityLockView()
    qtbot.addWidget(view)
    view.show_state(SimpleNamespace(reasons=("something_new",)))
    assert "A protection check failed (something_new)" in view.body.text()
