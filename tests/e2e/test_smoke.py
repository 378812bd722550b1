"""The real `hearth` process: --version, --smoke under Xvfb, status --json, a second instance."""

import json
import re
import subprocess
from datetime import date

from desktop import meta
from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository
from desktop.storage import open_database
from tests.support.fake_clock import FakeClock


def test_version(hearth_exe):
    out = subprocess.run([hearth_exe, "--version"], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0
    assert out.stdout.strip() == f"{meta.APP_NAME} {meta.VERSION}"


def test_smoke_under_xvfb(hearth_exe, hearth_env, x_display):
    env = {**hearth_env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display}
    out = subprocess.run([hearth_exe, "--smoke"], capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    match = re.search(r"hearth smoke ok: started in (\d+) ms", out.stdout)
    assert match, out.stdout
    assert 0 < int(match.group(1)) < 30_000


def test_status_json_lists_profiles(hearth_exe, hearth_env, tmp_path):
    db = open_database(tmp_path / "data")
    ProfileRepository(db).add_child("小明", date(2017, 6, 1), Language.ZH, now=FakeClock().now())
    db.close()
    env = {k: v for k, v in hearth_env.items() if k != "DISPLAY"}
    out = subprocess.run([hearth_exe, "status", "--json"], capture_output=True, text=True, timeout=30, env=env)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["profiles"][0]["name"] == "小明"
    assert report["profiles"][0]["age_band"] in {"under_8", "8_to_15"}


def test_corrupt_database_gets_a_clear_message(hearth_exe, hearth_env, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "hearth.db").write_bytes(b"garbage" * 500)
    out = subprocess.run([hearth_exe, "status", "--json"], capture_output=True, text=True, timeout=30, env=hearth_env)
    assert out.returncode == 2
    assert "corrupt" in out.stderr
    assert (data / "hearth.db").read_bytes() == b"garbage" * 500
