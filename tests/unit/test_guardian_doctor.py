"""``hearth doctor`` checks that need no keyring or session bus (issue 3)."""

import io
import json
import subprocess
from datetime import timedelta

from keyring.backends import fail

from desktop import meta
from desktop.doctor import (
    CheckStatus,
    check_admin,
    check_autostart,
    check_clock,
    check_database_file,
    run_checks,
    run_doctor,
)
from desktop.storage import open_database


def by_name(checks):
    return {c.name: c for c in checks}


def test_admin_groups_warn():
    assert check_admin(["users", "audio"], uid=1000).status is CheckStatus.OK
    for group in ("sudo", "wheel", "admin"):
        check = check_admin(["users", group], uid=1000)
        assert check.status is CheckStatus.WARN and group in check.message and check.fix
    assert check_admin([], uid=0).status is CheckStatus.WARN


def test_admin_check_matches_this_account():
    groups = set(
        subprocess.run(["id", "-Gn"], capture_output=True, text=True, check=True).stdout.split()
    )
    uid = int(subprocess.run(["id", "-u"], capture_output=True, text=True, check=True).stdout)
    expected = (
        CheckStatus.WARN if uid == 0 or groups & {"sudo", "wheel", "admin"} else CheckStatus.OK
    )
    assert check_admin().status is expected


def test_autostart(tmp_path):
    check = check_autostart(tmp_path)
    assert check.status is CheckStatus.WARN and "autostart" in check.fix
    entry = tmp_path / "autostart" / f"{meta.APP_ID}.desktop"
    entry.parent.mkdir()
    entry.write_text("[Desktop Entry]\nType=Application\nName=Hearth\nExec=hearth\n")
    assert check_autostart(tmp_path).status is CheckStatus.OK


def test_clock_against_the_high_water_mark(memory_db, clock):
    assert check_clock(memory_db, clock).status is CheckStatus.OK  # no history yet
    later = (clock.now() + timedelta(hours=2)).timestamp()
    memory_db.execute(
        "insert into limits_clock (id, state, mac) values (1, ?, 'x')",
        [json.dumps({"last_trusted": later})],
    )
    check = check_clock(memory_db, clock)
    assert check.status is CheckStatus.FAIL and check.fix
    clock.advance(3 * 3600)
    assert check_clock(memory_db, clock).status is CheckStatus.OK


def test_a_damaged_database_fails(tmp_path):
    db = open_database(tmp_path / "d")
    db["t"].insert_all([{"x": "y" * 500} for _ in range(200)])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    path = tmp_path / "d" / "hearth.db"
    raw = bytearray(path.read_bytes())
    raw[4096 * 3 : 4096 * 3 + 300] = b"\xff" * 300
    path.write_bytes(bytes(raw))
    assert check_database_file(path).status is CheckStatus.FAIL


def test_a_fresh_machine_without_keyring(tmp_path, clock):
    checks = by_name(
        run_checks(
            tmp_path / "none", clock=clock, keyring_backend=fail.Keyring(), config_home=tmp_path
        )
    )
    assert checks["keyring"].status is CheckStatus.WARN
    assert checks["database"].status is CheckStatus.WARN
    assert not (tmp_path / "none").exists()  # the doctor does not create anything


def test_json_output_is_a_list_of_objects(tmp_path, clock):
    out = io.StringIO()
    code = run_doctor(
        tmp_path / "none",
        out,
        as_json=True,
        clock=clock,
        keyring_backend=fail.Keyring(),
        config_home=tmp_path,
    )
    items = json.loads(out.getvalue())
    assert code == 0
    assert {"keyring", "database", "notifications", "account", "autostart"} <= {
        i["name"] for i in items
    }
    assert all(set(i) == {"name", "status", "message", "fix"} for i in items)
    assert all(i["status"] in {"ok", "warn", "fail"} for i in items)


def test_text_output_gives_a_fix_for_each_problem(tmp_path, clock):
    out = io.StringIO()
    run_doctor(
        tmp_path / "none", out, clock=clock, keyring_backend=fail.Keyring(), config_home=tmp_path
    )
    lines = out.getvalue().splitlines()
    problems = [line for line in lines if line.startswith(("[warn]", "[fail]"))]
    assert problems and len([line for line in lines if "fix:" in line]) == len(problems)


def test_clock_state_table_is_read_too(memory_db, clock):
    later = clock.now() + timedelta(minutes=5)
    memory_db["clock_state"].insert({"id": 1, "last_seen_wall": later.isoformat()})
    assert check_clock(memory_db, clock).status is CheckStatus.FAIL


def test_a_channel_that_keeps_failing_is_a_fail_in_doctor(tmp_path):
    """A real webhook channel pointed at a port where nothing listens, pumped by the real
    dispatcher until it counts as failing; doctor must then report a fail for it."""
    from desktop.alerts import (
        AlertDispatcher,
        AlertService,
        ChannelRepository,
        WebhookChannelConfig,
        build_channel,
    )
    from desktop.doctor import CheckStatus, check_alert_channels
    from desktop.storage import open_database
    from tests.support.fake_clock import FakeClock
    from tests.support.sse_server import refused_port

    clock = FakeClock()
    db = open_database(tmp_path)
    assert check_alert_channels(db, clock)[0].status is CheckStatus.WARN  # nothing set up yet
    holder, port = refused_port()
    config = WebhookChannelConfig(channel_id="phone", url=f"http://127.0.0.1:{port}/hook")
    ChannelRepository(db).save(config)
    AlertService(db, clock, [config]).raise_alert(None, "self_harm", 3)
    dispatcher = AlertDispatcher(db, {"phone": build_channel(config)}, clock)
    for _ in range(3):
        dispatcher.pump(clock.now())
        clock.advance(700)  # past the longest backoff
    checks = check_alert_channels(db, clock)
    assert [c.status for c in checks] == [CheckStatus.FAIL]
    assert "phone" in checks[0].name and checks[0].fix
    holder.close()


def test_every_check_carries_a_stable_finding_of_its_topic(tmp_path, clock, memory_db):
    """The panel words each check by ``finding`` (the CLI keeps the English ``message``)."""
    from desktop.doctor import Finding, check_alert_channels

    checks = [
        *run_checks(tmp_path / "none", clock=clock, keyring_backend=fail.Keyring(), config_home=tmp_path),
        check_admin(["sudo"], uid=1000),
        check_admin([], uid=0),
        check_clock(memory_db, clock),
        *check_alert_channels(memory_db, clock),
    ]
    for check in checks:
        assert isinstance(check.finding, Finding), check
        assert check.name.startswith(check.finding.topic.value.replace("_", " ")), check
    assert check_admin([], uid=0).finding is Finding.ACCOUNT_ROOT
    assert check_admin(["users", "wheel"], uid=1000).params == {"groups": ("wheel",)}
