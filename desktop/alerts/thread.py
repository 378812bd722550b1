"""Running the dispatcher in the background, so sending never blocks the chat.

Each channel gets its own daemon thread with its own :class:`AlertDispatcher` and its own SQLite
connection (from ``db_factory``; a connection belongs to the thread that uses it, and WAL lets the
GUI thread write alerts meanwhile). So a mail server that makes every attempt wait for its full
timeout never holds back the phone push. Each loop sleeps until its next delivery is due, or
until :meth:`AlertDispatcherThread.wake` says a new alert was raised, so a tier-3 alert leaves at
once. Plain ``threading`` and no Qt: the core stays Qt-free; the Qt layer calls ``start``,
``wake`` and ``stop``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from sqlite_utils import Database

from desktop.alerts.dispatcher import AlertDispatcher, PumpReport
from desktop.alerts.outbox import AlertOutbox
from desktop.clock import Clock

if TYPE_CHECKING:  # the senders (smtplib, httpx) load only when channels are built
    from desktop.alerts.channels import AlertChannel

log = logging.getLogger(__name__)


class _ChannelLoop:
    """One channel's pump loop on its own thread."""

    def __init__(self, owner: AlertDispatcherThread, channel: AlertChannel):
        self.owner = owner
        self.channel = channel
        self.wake_event = threading.Event()
        self.stopping = threading.Event()
        self.rounds = 0
        self.last_report: PumpReport | None = None
        self.last_error: str | None = None
        self.thread = threading.Thread(
            target=self._run, name=f"hearth-alerts-{channel.channel_id}", daemon=True
        )

    def stop(self) -> None:
        self.stopping.set()
        self.wake_event.set()

    def _run(self) -> None:
        db = self._open()
        if db is None:
            return
        try:
            dispatcher = AlertDispatcher(
                db, {self.channel.channel_id: self.channel}, self.owner.clock, **self.owner.options
            )
            while not self.stopping.is_set():
                self.wake_event.clear()
                if self.wake_event.wait(self._round(dispatcher)):
                    dispatcher.resume()  # woken by a new alert, not by the timer
        finally:
            db.close()

    def _open(self) -> Database | None:
        while not self.stopping.is_set():
            try:
                return self.owner.db_factory()
            except Exception as exc:
                log.exception("alert dispatcher cannot open the database")
                self.last_error = f"cannot open the database: {exc}"
                self.wake_event.wait(self.owner.idle_interval_s)
                self.wake_event.clear()
        return None

    def _round(self, dispatcher: AlertDispatcher) -> float:
        """Pump once; return how long to sleep."""
        idle = self.owner.idle_interval_s
        try:
            report = dispatcher.pump()
        except Exception as exc:  # e.g. the database stayed locked beyond busy_timeout
            log.exception("alert dispatcher round failed")
            self.last_error = str(exc)
            return min(idle, 5.0)
        self.rounds += 1
        self.last_report = report
        self.last_error = None
        if report.next_due_at is None:
            return idle
        wait = (report.next_due_at - self.owner.clock.now()).total_seconds()
        return min(max(wait, 0.01), idle)


class AlertDispatcherThread:
    """Background delivery: one daemon thread per channel, until :meth:`stop`."""

    def __init__(
        self,
        db_factory: Callable[[], Database],
        channels: Mapping[str, AlertChannel],
        clock: Clock,
        *,
        idle_interval_s: float = 30.0,
        **dispatcher_options,
    ):
        self.db_factory = db_factory
        self.clock = clock
        self.idle_interval_s = idle_interval_s
        self.options = dispatcher_options
        self._channels = dict(channels)
        self._loops: dict[str, _ChannelLoop] = {}
        self._retired: list[_ChannelLoop] = []
        self._lock = threading.Lock()
        self._started = False

    # -- control (any thread) ----------------------------------------------------------------
    def start(self) -> None:
        with self._lock:
            if self._started:
                raise RuntimeError("the dispatcher was already started")
            self._started = True
            # One process per data directory (single-instance lock): any lease still in the
            # database was left by a process that died between sending and recording.
            db = self.db_factory()
            try:
                AlertOutbox(db).release_leases()
            finally:
                db.close()
            for channel_id, channel in self._channels.items():
                self._start_loop(channel_id, channel)

    def _start_loop(self, channel_id: str, channel: AlertChannel) -> None:
        loop = _ChannelLoop(self, channel)
        self._loops[channel_id] = loop
        loop.thread.start()

    def wake(self) -> None:
        """Pump now instead of at the next due time (a new alert was raised)."""
        for loop in list(self._loops.values()):
            loop.wake_event.set()

    def set_channels(self, channels: Mapping[str, AlertChannel]) -> None:
        """Replace the channels (the guardian edited them). A loop that is mid-send finishes
        that send and records it; its leases keep the new loop from sending the same alert."""
        with self._lock:
            old = self._loops
            self._loops = {}
            self._channels = dict(channels)
            for loop in old.values():
                loop.stop()
                self._retired.append(loop)
            if self._started:
                for channel_id, channel in self._channels.items():
                    self._start_loop(channel_id, channel)

    def stop(self, timeout: float = 5.0) -> bool:
        """Ask every loop to finish and wait up to ``timeout`` in total; False if one is still
        sending (they are daemon threads, so they cannot keep the app from exiting)."""
        with self._lock:
            loops = [*self._loops.values(), *self._retired]
        for loop in loops:
            loop.stop()
        # Real time on purpose: this bounds a thread join, it is not the app's notion of time.
        deadline = time.monotonic() + timeout
        for loop in loops:
            if loop.thread.is_alive():
                loop.thread.join(max(0.0, deadline - time.monotonic()))
        return not any(loop.thread.is_alive() for loop in loops)

    # -- observing ---------------------------------------------------------------------------
    @property
    def is_alive(self) -> bool:
        return any(loop.thread.is_alive() for loop in self._loops.values())

    @property
    def rounds(self) -> int:
        """Rounds pumped so far by the current loops (tests and ``hearth doctor``)."""
        return sum(loop.rounds for loop in self._loops.values())

    def last_errors(self) -> dict[str, str]:
        """Loop-level problems (not channel failures, which are in ``channel_health``)."""
        return {cid: loop.last_error for cid, loop in self._loops.items() if loop.last_error}
