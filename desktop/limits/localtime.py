"""Local-calendar arithmetic done on instants, so DST and time-zone changes cannot fool it.

Python compares and subtracts two aware datetimes that share a ``tzinfo`` by their wall-clock
fields, which is wrong across a DST change (the repeated hour of a November night would look
like no time passed). Everything here therefore works on UTC timestamps (``float`` seconds) and
only turns them into local datetimes to ask "which date / which clock time is it there?".
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo


def local(ts: float, tz: tzinfo) -> datetime:
    """The local datetime of the instant ``ts`` in ``tz``."""
    return datetime.fromtimestamp(ts, tz)


def at_local(day: date, minute: int, tz: tzinfo) -> float:
    """The instant of local clock time ``minute`` (0..1440) on ``day``.

    A clock time skipped by a spring-forward change resolves like zoneinfo does (``fold=0``, the
    offset before the change), i.e. to the first real instant after the gap.
    """
    if minute >= 1440:
        day, minute = day + timedelta(days=1), minute - 1440
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz).timestamp()


def second_of_day(moment: datetime) -> float:
    return moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6


def day_key(ts: float, tz: tzinfo, floor: date | None = None) -> date:
    """The ledger day of an instant: its local date, never earlier than ``floor``.

    The floor is the newest day already written for this child: moving the time zone west (or
    any other trick that makes the local date go back) keeps counting on the newest day instead
    of reopening an older one with time left on it.
    """
    today = local(ts, tz).date()
    return today if floor is None or today >= floor else floor


def next_midnight(day: date, tz: tzinfo) -> float:
    """The instant the day after ``day`` begins in ``tz``."""
    return at_local(day + timedelta(days=1), 0, tz)
