from datetime import date

import pytest

from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository
from desktop.storage import open_database


@pytest.fixture(scope="session", autouse=True)
def english_translators(qapp):
    """Install English (with its plural forms) once, before any widget exists, as the app does."""
    from ui.i18n import install_translators

    install_translators(qapp, "en")


@pytest.fixture(autouse=True)
def english_after_each_test(qapp, english_translators):
    """Tests share one QApplication: a test that switches language must not leak it."""
    yield
    from ui.i18n import current_language, install_translators

    if current_language() != "en":  # only then: a language change reaches every live widget
        install_translators(qapp, "en")


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
