"""Start-up: `hearth --smoke` against a bare PySide6 QMainWindow, same machine, same run.

Prints the median wall time and peak RSS of each and their ratios (targets: ≤1.5 and ≤1.6).
Each process is timed from spawn to exit; RSS comes from wait4's rusage of that very process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "9"))
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(960, 720); w.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def measure(cmd: list[str], env: dict) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{cmd} failed with {status}")
    return elapsed * 1000, usage.ru_maxrss / 1024  # ms, MiB


def main() -> None:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = tempfile.mkdtemp(prefix="hearth-bench-")
    env["HEARTH_DATA_DIR"] = data
    hearth = [sys.executable, "-m", "ui.app", "--smoke"]
    bare = [sys.executable, "-c", BARE]
    root = Path(__file__).resolve().parent.parent
    os.chdir(root)
    # A family that is set up, as on every start after the first: the profile picker shows.
    env["HEARTH_KEYRING_SERVICE"] = f"org.hearthapp.Hearth.bench-{os.getpid()}"
    example = subprocess.run([sys.executable, "-m", "ui.app", "setup", "--print-example"], env=env,
                             capture_output=True, text=True, check=True).stdout
    config = Path(data) / "family.json"
    config.write_text(example, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ui.app", "setup", "--config", str(config), "--pin-stdin"], env=env,
                   input="482916\n", capture_output=True, text=True, check=True)
    measure(hearth, env)  # warm-up: compiled bytecode and font caches; not counted
    results = {"bare": [], "hearth": []}
    for _ in range(RUNS):  # interleaved, so drift hits both equally
        results["bare"].append(measure(bare, env))
        results["hearth"].append(measure(hearth, env))
    med = {k: (statistics.median(t for t, _ in v), statistics.median(r for _, r in v)) for k, v in results.items()}
    print(f"runs: {RUNS} each, interleaved")
    print(f"bare QMainWindow : {med['bare'][0]:7.0f} ms  {med['bare'][1]:6.1f} MiB peak RSS")
    print(f"hearth --smoke   : {med['hearth'][0]:7.0f} ms  {med['hearth'][1]:6.1f} MiB peak RSS")
    print(f"wall-time ratio  : {med['hearth'][0] / med['bare'][0]:.2f} (target <= 1.5)")
    print(f"peak-RSS ratio   : {med['hearth'][1] / med['bare'][1]:.2f} (target <= 1.6)")


if __name__ == "__main__":
    main()
