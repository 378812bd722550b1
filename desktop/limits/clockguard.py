"""Trusted time: the wall clock, corrected for anyone who moved it (DESIGN.md, threat model).

Within one boot, wall time minus time-since-boot (the clock's *boot offset*) is constant, so any
change of it is the clock being moved. The guard records it for the guardian and undoes it:

    trusted = raw wall time − (boot offset now − boot offset at start) + shift at start

so moving the clock forward to "tomorrow" does not open tomorrow's budget, and moving it back
out of the curfew does not lift the curfew. Suspend does not change the boot offset (boot time
keeps counting while asleep) and a time-zone change does not change the instant, so neither is
corrected; a zone change is still recorded.

Across restarts the guard persists a MAC'd high-water mark (``limits_clock``): the last trusted
instant, the raw reading and boot offset behind it, the shift in force and the boot id.

- Same boot (same ``/proc/sys/kernel/random/boot_id``): the shift carries over exactly, so a
  clock moved while Hearth was closed is still undone.
- Boot id unknown (not Linux): the same boot is inferred when the offset is unchanged, or when
  the computed boot moment lies before the last instant seen (no reboot can explain that).
- A new boot: the clock is trusted, except that trusted time never goes back past the
  high-water mark (a rollback is recorded and corrected). A clock set forward before a reboot
  cannot be told from a long power-off without a network; that limit is documented.

The guardian can accept the system time as it is (:meth:`ClockGuard.accept_system_time`), e.g.
after fixing a wrong clock.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from desktop.clock import Clock
from desktop.limits.audit import AuditSink, LimitEventKind
from desktop.limits.integrity import check_key, tag, verify
from desktop.limits.localtime import local

#: Boot-offset changes up to this size are clock drift (NTP slewing), not reported as tampering.
TOLERANCE_SECONDS = 5.0
#: Wall time minus time since boot is the moment the machine booted: it must lie in the past,
#: and not decades ago. A process whose clocks are faked (libfaketime fakes the boot-time
#: clock too) produces nonsense here, and nonsense must never move the trusted time forward.
MAX_UPTIME_SECONDS = 5 * 366 * 86400.0
_PURPOSE = "hearth.limits.clock.v1"


def read_boot_id() -> str | None:
    """Linux's per-boot random id; ``None`` elsewhere."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip() or None
    except OSError:
        return None


def zone_id(moment: datetime) -> str:
    """A name for the zone of ``moment``: the IANA key if known, else the UTC offset.

    With a bare offset (``datetime.now().astimezone()``) a DST change looks like a zone change;
    the event detail says so (``dst_possible``), and nothing is granted either way.
    """
    tz = moment.tzinfo
    if isinstance(tz, ZoneInfo):
        return tz.key
    offset = moment.utcoffset()
    if offset is None:
        return "naive"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@dataclass(frozen=True)
class ClockState:
    last_trusted: float
    last_raw: float
    raw_offset: float
    shift: float
    boot_id: str | None
    zone: str


class ClockGuard:
    """One per process; every limits component asks it for the time."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        key: bytes,
        audit: AuditSink,
        *,
        boot_id: Callable[[], str | None] = read_boot_id,
        tolerance: float = TOLERANCE_SECONDS,
    ):
        self.db = db
        self.clock = clock
        self.key = check_key(key)
        self.audit = audit
        self._boot_id = boot_id
        self.tolerance = tolerance
        self._started = False

    # -- start --------------------------------------------------------------------------------
    def start(self, *, floor: datetime | None = None) -> None:
        """Check the clock against the persisted mark; ``floor`` is an extra lower bound the
        caller may keep elsewhere (e.g. the keyring) in case the database was replaced."""
        raw = self.clock.now()
        raw_ts, offset, boot = raw.timestamp(), self.clock.boot_offset(), self._boot_id()
        state = self._load()
        shift = 0.0
        if state is not None and not self._plausible(offset, raw_ts):
            # The boot clock cannot be trusted: resume from the last trusted instant, so no
            # amount of faking moves the day forward; time only advances while Hearth runs.
            shift = state.last_trusted - raw_ts
            self._record(LimitEventKind.CLOCK_UNVERIFIABLE, state.last_trusted, raw, raw_ts - state.last_trusted, "restart")
        elif state is not None:
            moved = offset - state.raw_offset
            # A mark saved by a faked process has no usable offset; the high-water bound below
            # still holds the time back, and nothing here may push it forward.
            if self._plausible(state.raw_offset, state.last_raw) and self._same_boot(state, boot, offset):
                shift = state.shift - moved
                if abs(moved) > self.tolerance:
                    self._record(LimitEventKind.CLOCK_MOVED, raw_ts + shift, raw, moved, "closed")
            if state.zone != zone_id(raw):
                self._record_zone(raw_ts + shift, state.zone, raw)
        bound = max(
            state.last_trusted if state is not None else float("-inf"),
            floor.timestamp() if floor is not None else float("-inf"),
        )
        if raw_ts + shift < bound - self.tolerance:
            behind = bound - (raw_ts + shift)
            self._record(LimitEventKind.CLOCK_ROLLED_BACK, bound, raw, -behind, "restart")
            shift += behind
        self._base_offset = offset
        self._base_shift = shift
        self._reported = 0.0
        self._last_ts = max(raw_ts + shift, bound)
        self._last_raw = raw_ts
        self._last_offset = offset
        self._zone = zone_id(raw)
        self._boot = boot
        self._started = True
        self.checkpoint()

    def _plausible(self, offset: float, raw_ts: float) -> bool:
        """Is ``offset`` (wall minus uptime) a boot moment in the recent past?"""
        return raw_ts - MAX_UPTIME_SECONDS <= offset <= raw_ts + self.tolerance

    def _same_boot(self, state: ClockState, boot: str | None, offset: float) -> bool:
        if boot is not None and state.boot_id is not None:
            return boot == state.boot_id
        if abs(offset - state.raw_offset) <= self.tolerance:
            return True
        # The boot moment computed from the current clock lies before the last instant we saw
        # the machine running: no reboot explains that, the clock was moved.
        return offset < state.last_raw - self.tolerance

    def peek(self) -> datetime:
        """The trusted time as a fresh start would compute it, without writing or recording
        anything: for a second process (``hearth status``) next to the running app."""
        raw = self.clock.now()
        raw_ts, offset = raw.timestamp(), self.clock.boot_offset()
        row = self.db.execute("select state, mac from limits_clock where id = 1").fetchone()
        if row is None or not verify(self.key, row[1], _PURPOSE, row[0]):
            return raw
        state = ClockState(**json.loads(row[0]))
        if not self._plausible(offset, raw_ts):
            return local(state.last_trusted, raw.tzinfo)
        shift = 0.0
        if self._plausible(state.raw_offset, state.last_raw) and self._same_boot(state, self._boot_id(), offset):
            shift = state.shift - (offset - state.raw_offset)
        return local(max(raw_ts + shift, state.last_trusted), raw.tzinfo)

    # -- reading ------------------------------------------------------------------------------
    def now(self) -> datetime:
        """The trusted local time (aware, in the current zone)."""
        if not self._started:
            self.start()
        raw = self.clock.now()
        offset = self.clock.boot_offset()
        drift = offset - self._base_offset
        ts = raw.timestamp() - drift + self._base_shift
        if abs(drift - self._reported) > self.tolerance:
            self._record(LimitEventKind.CLOCK_MOVED, ts, raw, drift - self._reported, "running")
            self._reported = drift
        zone = zone_id(raw)
        if zone != self._zone:
            self._record_zone(ts, self._zone, raw)
            self._zone = zone
        ts = max(ts, self._last_ts)
        self._last_ts, self._last_raw, self._last_offset = ts, raw.timestamp(), offset
        return local(ts, raw.tzinfo)

    def timestamp(self) -> float:
        return self.now().timestamp()

    @property
    def shift_seconds(self) -> float:
        """Trusted minus raw wall time at the last reading (0 when nobody moved the clock)."""
        return self._last_ts - self._last_raw

    def high_water(self) -> datetime:
        """The latest trusted instant seen, for callers that mirror it outside the database."""
        return local(self._last_ts, self.clock.now().tzinfo)

    # -- guardian -----------------------------------------------------------------------------
    def accept_system_time(self) -> None:
        """Trust the system clock as it is now (the guardian fixed it); recorded."""
        raw = self.clock.now()
        self._record(
            LimitEventKind.CLOCK_ACCEPTED, raw.timestamp(), raw, -self.shift_seconds, "guardian"
        )
        self._base_offset = self.clock.boot_offset()
        self._base_shift = 0.0
        self._reported = 0.0
        self._last_ts = self._last_raw = raw.timestamp()
        self._last_offset = self._base_offset
        self.checkpoint()

    # -- persistence --------------------------------------------------------------------------
    def checkpoint(self) -> None:
        state = ClockState(
            last_trusted=self._last_ts,
            last_raw=self._last_raw,
            raw_offset=self._last_offset,
            shift=self._last_ts - self._last_raw,
            boot_id=self._boot,
            zone=self._zone,
        )
        text = json.dumps(asdict(state), sort_keys=True)
        self.db.execute(
            "insert into limits_clock (id, state, mac) values (1, ?, ?) "
            "on conflict(id) do update set state = excluded.state, mac = excluded.mac",
            [text, tag(self.key, _PURPOSE, text)],
        )

    def _load(self) -> ClockState | None:
        row = self.db.execute("select state, mac from limits_clock where id = 1").fetchone()
        if row is None:
            return None
        if not verify(self.key, row[1], _PURPOSE, row[0]):
            self.audit.record(
                LimitEventKind.LEDGER_TAMPERED,
                {"table": "limits_clock", "at": self.clock.now().isoformat()},
            )
            return None
        return ClockState(**json.loads(row[0]))

    def _record(
        self, kind: LimitEventKind, trusted_ts: float, raw: datetime, seconds: float, when: str
    ) -> None:
        self.audit.record(
            kind,
            {
                "at": local(trusted_ts, raw.tzinfo).isoformat(),
                "system_time": raw.isoformat(),
                "seconds": round(seconds, 3),
                "detected": when,
            },
        )

    def _record_zone(self, trusted_ts: float, old: str, raw: datetime) -> None:
        self.audit.record(
            LimitEventKind.TIMEZONE_CHANGED,
            {
                "at": local(trusted_ts, raw.tzinfo).isoformat(),
                "from": old,
                "to": zone_id(raw),
                "dst_possible": not isinstance(raw.tzinfo, ZoneInfo),
            },
        )
