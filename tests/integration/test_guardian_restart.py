"""The PIN lockout ladder holds across a real restart of the process (issue 3)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.clock import SystemClock
from desktop.guardian.core import open_guardian
from desktop.storage import open_database
from tests.integration import secret_service as _secret_service

# The real Secret Service fixtures (see tests/integration/secret_service.py).
secret_service = _secret_service.secret_service
keyring_service = _secret_service.keyring_service

PIN = "308517"
REPO = Path(__file__).resolve().parents[2]

ATTEMPTS = """
import json, sys
from pathlib import Path
from desktop.clock import SystemClock
from desktop.guardian.core import open_guardian
from desktop.storage import open_database

data_dir, service, *pins = sys.argv[1:]
db = open_database(Path(data_dir))
core = open_guardian(db, Path(data_dir), SystemClock(), service=service)
results = [core.pins.verify(pin) for pin in pins]
last = results[-1]
print(json.dumps({"outcomes": [r.outcome.value for r in results],
                  "failed_attempts": last.lockout.failed_attempts,
                  "locked": last.lockout.locked,
                  "seconds_left": last.lockout.seconds_left}))
db.close()
"""


def run_hearth_process(data_dir, service, *pins):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", ATTEMPTS, str(data_dir), service, *pins],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_lockout_survives_a_restart(tmp_path, keyring_service, secret_service):
    data_dir = tmp_path / "data"
    db = open_database(data_dir)
    open_guardian(
        db, data_dir, SystemClock(), service=keyring_service, keyring_backend=secret_service
    ).enrol(PIN)
    db.close()

    first = run_hearth_process(data_dir, keyring_service, *["000000"] * 6)
    assert first["outcomes"] == ["wrong"] * 6
    assert first["locked"] and first["failed_attempts"] == 6
    assert 0 < first["seconds_left"] <= 60

    # A new process: the count and the lockout are still there, so even the right PIN waits.
    second = run_hearth_process(data_dir, keyring_service, PIN)
    assert second["outcomes"] == ["locked"]
    assert second["locked"] and second["failed_attempts"] == 6
