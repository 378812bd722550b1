"""Shared fixtures. Qt must run offscreen unless a test session provides a display on purpose."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop.storage import open_database, open_memory_database  # noqa: E402
from tests.support.fake_clock import FakeClock  # noqa: E402


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def memory_db():
    db = open_memory_database()
    yield db
    db.close()


@pytest.fixture
def file_db(tmp_path):
    """A real SQLite file in a fresh data directory."""
    db = open_database(tmp_path / "data")
    yield db
    db.close()
