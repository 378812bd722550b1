"""``scripts/screenshots.py`` still works: two of its shots, offscreen, on a real family (real
keyring, real SQLite file, the built-in companion), give full-size pictures with something
drawn in them. The script is not run by CI otherwise, so this is what keeps it from rotting."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from desktop.companion.backends.base import Role
from desktop.companion.repository import MessageStatus
from desktop.storage import open_database
from tests.ui import guardian_fixtures as gf

secret_service = gf.secret_service
keyring_service = gf.keyring_service

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("hearth_screenshots", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def distinct_colours(image: QImage, step: int = 7) -> int:
    """How many colours a grid of sampled pixels holds (1 for a blank picture)."""
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


@pytest.fixture
def shots(qapp, tmp_path, clock, keyring_service, secret_service):
    module = _load_script()
    before = set(qapp.findChildren(QTranslator))
    family = module.make_family(tmp_path / "data", clock, service=keyring_service, keyring_backend=secret_service)
    module.seed_history(family)
    window = module.build_window(family)
    yield module, family, window
    module.close_dialogs()
    window.close()
    runner = window.ctx.alert_runner
    if runner is not None and runner.is_alive:
        runner.stop()
    window.deleteLater()
    family.db.close()
    # Opening a chat switches the UI to the child's language; leave no translator behind.
    for translator in qapp.findChildren(QTranslator):
        if translator not in before:
            QApplication.instance().removeTranslator(translator)


def test_picker_and_chat_shots_are_full_size_pictures(shots, tmp_path):
    module, family, window = shots
    picker = module.shoot_picker(window, tmp_path / "out" / "picker-en.png")
    chat_path = module.shoot_chat(window, family, "en", tmp_path / "out" / "chat-en.png")

    # The conversation really happened: three questions, three companion replies, stored.
    chat = window.chat
    stored = chat.service.repo.all_messages(chat.service.conversation.id)
    assert [m.role for m in stored] == [Role.USER, Role.ASSISTANT] * 3
    assert all(m.status is MessageStatus.COMPLETE for m in stored if m.role is Role.ASSISTANT)
    assert [m.content for m in stored if m.role is Role.USER] == list(module.CONVERSATIONS["en"])
    assert "56" not in stored[-1].content  # a hint, never the answer

    for path in (picker, chat_path):
        image = QImage(str(path))
        assert not image.isNull(), path
        assert (image.width(), image.height()) == module.SIZE, path
        assert path.stat().st_size < module.MAX_BYTES_PER_SHOT
        assert distinct_colours(image) > 8, f"{path.name} looks blank"


def test_the_setup_shot_stores_no_family(shots, tmp_path, clock, secret_service):
    module, _family, _window = shots
    data_dir = tmp_path / "setup-data"
    path = module.shoot_setup("zh", clock, tmp_path / "setup-zh.png", data_dir=data_dir,
                              keyring_backend=secret_service)
    image = QImage(str(path))
    assert (image.width(), image.height()) == module.SIZE
    assert distinct_colours(image) > 8
    # The wizard stopped at a consent page and was discarded: no PIN, no child, no consent.
    db = open_database(data_dir)
    try:
        for table in ("guardian_pin", "child_profiles", "consents"):
            assert db.execute(f"select count(*) from {table}").fetchone()[0] == 0, table
    finally:
        db.close()
