"""The guardian's time rules for one child, and the defaults the law asks for.

Defaults (documented here because the lock screen, the parental panel and the tests all rely on
them):

- Daily total (R7): under 8 → 40 min, 8 to 15 → 60 min, 16-17 → 120 min, in minor mode; no daily
  limit for adults or with minor mode off. The guardian may set minutes per weekday instead.
- Curfew (R9): 22:00-06:00 local time, on in minor mode, off otherwise. The guardian may turn it
  off for good or exempt single nights.
- Allowed hours: none (the whole day, curfew aside). The guardian may set one window per weekday.
- Session cap: none by default; the rest reminder (R8) already interrupts every 30 min. A guardian
  may set a cap (e.g. 45 min) which then needs a break (default 15 min) before chatting again.
- Rest reminder (R8): every 30 min of active use; the guardian may shorten it to 5 min, never
  lengthen it or switch it off (values are clamped to 5..30).
- AI-not-human reminder (R6): every 60 min of active use, clamped to 5..180 (the law: ≤ 3 h).
- More time: one-off extensions for a given day (+15 min, +1 h, rest of day). Extensions only
  raise that day's budget; they never lift the curfew, which needs an exemption for the night.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from desktop.profiles.models import AgeBand, ChildProfile

SECONDS_PER_DAY = 86_400

#: R7 defaults in minutes; ``None`` means no daily limit.
DEFAULT_DAILY_MINUTES: dict[AgeBand, int | None] = {
    AgeBand.UNDER_8: 40,
    AgeBand.AGE_8_TO_15: 60,
    AgeBand.AGE_16_TO_17: 120,
    AgeBand.ADULT: None,
}

REST_MINUTES_RANGE = (5, 30)  # R8: may be shortened, never switched off
AI_REMINDER_MINUTES_RANGE = (5, 180)  # R6: at least every 3 h
SESSION_CAP_RANGE = (5, 24 * 60)
SESSION_BREAK_RANGE = (1, 4 * 60)
DEPENDENCE_DAYS_RANGE = (2, 14)

#: The more-time choices of the parental panel (minutes; ``None`` = rest of the day).
EXTENSION_CHOICES: tuple[int | None, ...] = (15, 60, None)


class RulesError(ValueError):
    """A rules document or value that cannot be used; ``key`` names the field for the UI."""

    def __init__(self, key: str, message: str):
        super().__init__(f"{key}: {message}")
        self.key = key


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    return max(bounds[0], min(bounds[1], int(value)))


@dataclass(frozen=True)
class ClockWindow:
    """A daily span of local clock time ``[start, end)``, in minutes after midnight.

    ``start > end`` wraps past midnight (the curfew 22:00-06:00); ``end`` may be 1440 (24:00).
    """

    start: int
    end: int

    def __post_init__(self):
        if not (0 <= self.start < 1440 and 0 <= self.end <= 1440) or self.start == self.end:
            raise RulesError("window", f"invalid window {self.start}-{self.end}")

    @property
    def wraps(self) -> bool:
        return self.start > self.end

    def contains(self, second_of_day: float) -> bool:
        start, end = self.start * 60, self.end * 60
        if self.wraps:
            return second_of_day >= start or second_of_day < end
        return start <= second_of_day < end

    def to_text(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end)}"

    @classmethod
    def parse(cls, text: str) -> ClockWindow:
        try:
            start, end = text.split("-")
            return cls(_minutes(start), _minutes(end))
        except (ValueError, AttributeError) as exc:
            raise RulesError("window", f"cannot read {text!r}") from exc


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(text: str) -> int:
    hours, minutes = text.strip().split(":")
    value = int(hours) * 60 + int(minutes)
    if not 0 <= int(minutes) < 60:
        raise ValueError(text)
    return value


@dataclass(frozen=True)
class Extension:
    """More time for one day: ``minutes`` more, or the rest of the day when ``None``."""

    day: date
    minutes: int | None

    def __post_init__(self):
        if self.minutes is not None and not 1 <= self.minutes <= 24 * 60:
            raise RulesError("extension", "an extension is 1 minute to 24 hours")


@dataclass(frozen=True)
class Audience:
    """Who the rules apply to: minor mode on or off, and the age band for R7's defaults."""

    minor_mode: bool
    band: AgeBand

    @classmethod
    def of(cls, profile: ChildProfile, today: date) -> Audience:
        return cls(minor_mode=profile.minor_mode, band=profile.age_band(today))


CURFEW_DEFAULT = ClockWindow(22 * 60, 6 * 60)  # R9


@dataclass(frozen=True)
class TimeRules:
    """One child's time rules. ``None`` fields mean "the default for this audience"."""

    #: Minutes per weekday, Monday first (an inner ``None``: no limit that day); ``None``: R7.
    daily_minutes: tuple[int | None, ...] | None = None
    #: One allowed window per weekday, Monday first; ``None`` = the whole day.
    allowed_hours: tuple[ClockWindow | None, ...] = (None,) * 7
    curfew_enabled: bool | None = None
    curfew: ClockWindow = CURFEW_DEFAULT
    session_cap_minutes: int | None = None
    session_break_minutes: int = 15
    rest_reminder_minutes: int = 30
    ai_reminder_minutes: int = 60
    dependence_limit_days: int = 3
    #: The guardian paused chatting until further notice.
    locked: bool = False
    extensions: tuple[Extension, ...] = ()
    #: Nights (the date on which the night's curfew starts) with no curfew.
    curfew_exempt_nights: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self):
        if self.daily_minutes is not None:
            if len(self.daily_minutes) != 7:
                raise RulesError("daily_minutes", "one value per weekday")
            for value in self.daily_minutes:
                if value is not None and not 0 <= value <= 24 * 60:
                    raise RulesError("daily_minutes", "0 to 1440 minutes")
        if len(self.allowed_hours) != 7:
            raise RulesError("allowed_hours", "one window per weekday")
        for window in self.allowed_hours:
            if window is not None and window.wraps:
                raise RulesError("allowed_hours", "an allowed window ends before midnight")
        if self.session_cap_minutes is not None and not (
            SESSION_CAP_RANGE[0] <= self.session_cap_minutes <= SESSION_CAP_RANGE[1]
        ):
            raise RulesError("session_cap_minutes", "5 minutes to 24 hours")
        # Reminder intervals are clamped rather than refused: the law fixes the bounds (R6, R8).
        object.__setattr__(
            self, "rest_reminder_minutes", _clamp(self.rest_reminder_minutes, REST_MINUTES_RANGE)
        )
        object.__setattr__(
            self,
            "ai_reminder_minutes",
            _clamp(self.ai_reminder_minutes, AI_REMINDER_MINUTES_RANGE),
        )
        object.__setattr__(
            self,
            "session_break_minutes",
            _clamp(self.session_break_minutes, SESSION_BREAK_RANGE),
        )
        object.__setattr__(
            self,
            "dependence_limit_days",
            _clamp(self.dependence_limit_days, DEPENDENCE_DAYS_RANGE),
        )
        object.__setattr__(self, "curfew_exempt_nights", frozenset(self.curfew_exempt_nights))

    # -- what applies -------------------------------------------------------------------------
    def base_daily_minutes(self, day: date, audience: Audience) -> int | None:
        if self.daily_minutes is not None:
            return self.daily_minutes[day.weekday()]
        if not audience.minor_mode:
            return None
        return DEFAULT_DAILY_MINUTES[audience.band]

    def daily_budget_seconds(self, day: date, audience: Audience) -> float | None:
        """Seconds of active use allowed on ``day`` including extensions; ``None`` = no limit."""
        base = self.base_daily_minutes(day, audience)
        if base is None:
            return None
        extra = 0
        for extension in self.extensions:
            if extension.day == day:
                if extension.minutes is None:
                    return None
                extra += extension.minutes
        return float((base + extra) * 60)

    def curfew_applies(self, audience: Audience) -> bool:
        if self.curfew_enabled is None:
            return audience.minor_mode
        return self.curfew_enabled

    def allowed_window(self, day: date) -> ClockWindow | None:
        return self.allowed_hours[day.weekday()]

    def session_cap_seconds(self) -> float | None:
        return None if self.session_cap_minutes is None else self.session_cap_minutes * 60.0

    # -- guardian actions (return new rules; the repository stores them) ----------------------
    def with_extension(self, day: date, minutes: int | None) -> TimeRules:
        return replace(self, extensions=(*self.extensions, Extension(day, minutes)))

    def with_curfew_exemption(self, night: date) -> TimeRules:
        return replace(self, curfew_exempt_nights=self.curfew_exempt_nights | {night})

    def pruned(self, today: date) -> TimeRules:
        """Drop one-off grants for days already past, so the document does not grow forever."""
        yesterday = date.fromordinal(today.toordinal() - 1)
        return replace(
            self,
            extensions=tuple(e for e in self.extensions if e.day >= today),
            # Last night's exemption still matters until 06:00 today.
            curfew_exempt_nights=frozenset(n for n in self.curfew_exempt_nights if n >= yesterday),
        )

    # -- JSON ---------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "version": 1,
            "daily_minutes": None if self.daily_minutes is None else list(self.daily_minutes),
            "allowed_hours": [None if w is None else w.to_text() for w in self.allowed_hours],
            "curfew_enabled": self.curfew_enabled,
            "curfew": self.curfew.to_text(),
            "session_cap_minutes": self.session_cap_minutes,
            "session_break_minutes": self.session_break_minutes,
            "rest_reminder_minutes": self.rest_reminder_minutes,
            "ai_reminder_minutes": self.ai_reminder_minutes,
            "dependence_limit_days": self.dependence_limit_days,
            "locked": self.locked,
            "extensions": [
                {"day": e.day.isoformat(), "minutes": e.minutes} for e in self.extensions
            ],
            "curfew_exempt_nights": sorted(n.isoformat() for n in self.curfew_exempt_nights),
        }

    @classmethod
    def from_dict(cls, data: dict) -> TimeRules:
        """Read a document written by :meth:`to_dict`; missing keys take their defaults."""
        if not isinstance(data, dict):
            raise RulesError("rules", "not a JSON object")
        if data.get("version", 1) != 1:
            raise RulesError("version", f"unknown rules version {data.get('version')!r}")
        try:
            daily = data.get("daily_minutes")
            hours = data.get("allowed_hours") or [None] * 7
            return cls(
                daily_minutes=None
                if daily is None
                else tuple(None if v is None else int(v) for v in daily),
                allowed_hours=tuple(None if w is None else ClockWindow.parse(w) for w in hours),
                curfew_enabled=_optional_bool(data.get("curfew_enabled")),
                curfew=ClockWindow.parse(data.get("curfew", CURFEW_DEFAULT.to_text())),
                session_cap_minutes=_optional_int(data.get("session_cap_minutes")),
                session_break_minutes=int(data.get("session_break_minutes", 15)),
                rest_reminder_minutes=int(data.get("rest_reminder_minutes", 30)),
                ai_reminder_minutes=int(data.get("ai_reminder_minutes", 60)),
                dependence_limit_days=int(data.get("dependence_limit_days", 3)),
                locked=bool(data.get("locked", False)),
                extensions=tuple(
                    Extension(date.fromisoformat(e["day"]), _optional_int(e.get("minutes")))
                    for e in data.get("extensions", ())
                ),
                curfew_exempt_nights=frozenset(
                    date.fromisoformat(n) for n in data.get("curfew_exempt_nights", ())
                ),
            )
        except (TypeError, ValueError, KeyError) as exc:
            if isinstance(exc, RulesError):
                raise
            raise RulesError("rules", str(exc)) from exc


def _optional_int(value) -> int | None:
    return None if value is None else int(value)


def _optional_bool(value) -> bool | None:
    return None if value is None else bool(value)
