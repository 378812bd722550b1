import os
import shutil
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def hearth_exe() -> str:
    exe = Path(sys.executable).parent / "hearth"
    found = str(exe) if exe.exists() else shutil.which("hearth")
    assert found, "the hearth gui-script is not installed (pip install -e .)"
    return found


@pytest.fixture
def x_display() -> str:
    """The real X server the test session started; fail loudly in CI when it is missing."""
    display = os.environ.get("DISPLAY")
    if not display:
        if os.environ.get("HEARTH_REQUIRE_DISPLAY"):
            pytest.fail("DISPLAY is not set but HEARTH_REQUIRE_DISPLAY=1: run via scripts/run-tests.sh")
        pytest.skip("no X display; scripts/run-tests.sh provides Xvfb")
    return display


@pytest.fixture
def hearth_env(tmp_path):
    env = dict(os.environ)
    env["HEARTH_DATA_DIR"] = str(tmp_path / "data")
    return env
