"""Guardian alert latency: from detecting a tier-3 message to receipt by the guardian's servers.

Each run takes a crisis message through ``desktop.safety.assess`` (the detector), raises the alert
(``AlertService.raise_alert``: one SQLite transaction, then ``wake()``), and stops the clock when
the loopback SMTP server (aiosmtpd) and the webhook server (``http.server``) have received it —
through the real dispatcher threads, real SQLite file (WAL, synchronous=FULL), real smtplib and
httpx. Target: median ≤ 5 s (REQUIREMENTS.md: ≤ 60 s, goal ≤ 5 s).

Baseline, measured in the same run against the same servers: a bare ``smtplib`` send and a bare
POST through an already-made ``httpx.Client``, with no detector, database or thread in between.
The ratio is Hearth's median over the baseline's median.

    BENCH_RUNS=30 .venv/bin/python benchmarks/bench_alert_latency.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import smtplib  # noqa: E402

import httpx  # noqa: E402

from desktop.alerts import (  # noqa: E402
    AlertDispatcherThread,
    AlertService,
    SmtpChannelConfig,
    SmtpSecurity,
    WebhookChannelConfig,
    build_channel,
)
from desktop.clock import SystemClock  # noqa: E402
from desktop.profiles.models import ChildProfile, Language  # noqa: E402
from desktop.storage import open_database  # noqa: E402
from tests.integration.alerts_support import SmtpServer, WebhookServer, wait_until  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "30"))
TARGET_S = 5.0
MESSAGES = ["I want to kill myself tonight", "我不想活了，想结束自己的生命"]
CHILD = ChildProfile(1, "Lily", date(2014, 3, 1), Language.EN)

try:
    from desktop.safety.detector import assess
except ImportError:  # the detector is another module; without it, time from raise_alert
    assess = None


def detect(text: str) -> tuple[str, int]:
    if assess is None:
        return "self_harm", 3
    verdict = assess(text)
    if int(verdict.tier) < 3:
        raise SystemExit(f"the detector did not rate {text!r} tier 3: {verdict}")
    category = "self_harm" if "self_harm" in verdict.categories else sorted(verdict.categories)[0]
    return str(category), int(verdict.tier)


def arrival(records, key: str) -> float:
    """When the server had the message with this key (it records ``perf_counter`` on receipt)."""
    (hit,) = [r for r in records if r.idempotency_key == key]
    return hit.at


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def p95_ms(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)] * 1000


def measure_hearth(smtp: SmtpServer, hook: WebhookServer, data: Path) -> dict[str, list[float]]:
    clock = SystemClock()
    configs = [
        SmtpChannelConfig(
            host="127.0.0.1",
            port=smtp.port,
            sender="hearth@example.org",
            recipients=("mum@example.org",),
            security=SmtpSecurity.NONE,
            timeout_s=5,
        ),
        WebhookChannelConfig(url=f"{hook.url}/alerts", timeout_s=5),
    ]
    runner = AlertDispatcherThread(
        lambda: open_database(data), {c.channel_id: build_channel(c) for c in configs}, clock
    )
    db = open_database(data)
    service = AlertService(db, clock, configs, wake=runner.wake)
    runner.start()
    times: dict[str, list[float]] = {"detect": [], "raise": [], "smtp": [], "webhook": []}
    try:
        for i in range(RUNS + 1):
            text = MESSAGES[i % len(MESSAGES)]
            t0 = time.perf_counter()
            category, tier = detect(text)
            t1 = time.perf_counter()
            alert = service.raise_alert(CHILD, category, tier)
            t2 = time.perf_counter()
            key = alert.idempotency_key
            if not wait_until(
                lambda k=key: k in smtp.received_keys() and k in hook.received_keys(), 30, 0.001
            ):
                raise SystemExit(f"run {i}: alert not received within 30 s")
            if i == 0:
                continue  # warm-up: imports, first connections, certifi bundle
            times["detect"].append(t1 - t0)
            times["raise"].append(t2 - t1)
            times["smtp"].append(arrival(smtp.mails, key) - t0)
            times["webhook"].append(arrival(hook.received(), key) - t0)
    finally:
        runner.stop()
        db.close()
    return times


def measure_baseline(smtp: SmtpServer, hook: WebhookServer) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"smtp": [], "webhook": []}
    web = httpx.Client()  # made once: the baseline is the bare request, not client set-up
    for i in range(RUNS + 1):
        key = f"baseline-{i}"
        msg = EmailMessage()
        msg["Subject"], msg["From"], msg["To"] = "alert", "hearth@example.org", "mum@example.org"
        msg["X-Hearth-Idempotency-Key"] = key
        msg.set_content("A baseline alert.")
        t0 = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", smtp.port, timeout=5) as client:
            client.send_message(msg)
        t1 = time.perf_counter()
        web.post(f"{hook.url}/alerts", json={"key": key}, headers={"Idempotency-Key": key})
        if i == 0:
            continue
        times["smtp"].append(arrival(smtp.mails, key) - t0)
        times["webhook"].append(arrival(hook.received(), key) - t1)
    web.close()
    return times


def main() -> int:
    global assess
    if assess is not None:
        try:
            assess(MESSAGES[0])
        except Exception as exc:  # a detector mid-edit must not stop the alert measurement
            print(f"note: desktop.safety.assess failed ({exc!r}); timing from raise_alert")
            assess = None
    with (
        tempfile.TemporaryDirectory() as tmp,
        SmtpServer() as smtp,
        WebhookServer() as hook,
    ):
        base = measure_baseline(smtp, hook)
        hearth = measure_hearth(smtp, hook, Path(tmp) / "data")
    source = "desktop.safety.assess" if assess else "raise_alert (detector unavailable)"
    print(f"Guardian alert latency, {RUNS} runs, clock starts at {source}")
    print(f"{'step':<32}{'median ms':>12}{'p95 ms':>10}")
    for label, values in [
        ("detect (assess)", hearth["detect"]),
        ("raise_alert (GUI thread)", hearth["raise"]),
        ("-> SMTP server", hearth["smtp"]),
        ("-> webhook server", hearth["webhook"]),
        ("bare smtplib send", base["smtp"]),
        ("bare httpx POST (warm client)", base["webhook"]),
    ]:
        print(f"{label:<32}{median_ms(values):>12.2f}{p95_ms(values):>10.2f}")
    for channel in ("smtp", "webhook"):
        ratio = statistics.median(hearth[channel]) / statistics.median(base[channel])
        print(f"ratio Hearth/bare {channel}: {ratio:.1f}x")
    worst = max(statistics.median(hearth["smtp"]), statistics.median(hearth["webhook"]))
    verdict = "PASS" if worst <= TARGET_S else "FAIL"
    print(f"target median <= {TARGET_S:.0f} s: {verdict} ({worst * 1000:.1f} ms)")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
