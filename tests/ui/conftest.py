from datetime import date

import pytest

from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository
from desktop.storage import open_database


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def app_db(data_dir):
    db = open_database(data_dir)
    yield db
    db.close()


@pytest.fixture
def child(app_db, clock):
    return ProfileRepository(app_db).add_child("Lily", date(2016, 3, 1), Language.EN, now=clock.now())


@pytest.fixture
def make_window(qtbot, data_dir, app_db, clock):
    from ui.app import build_main_window

    def make(backend, **kw):
        window = build_main_window(data_dir, app_db, clock, backend=backend, quiet_disclosure=True, seed=7, **kw)
        qtbot.addWidget(window)
        window.show()
        return window

    return make
