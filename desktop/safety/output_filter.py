"""Check everything a backend says, sentence by sentence, before any of it is shown.

A backend streams chunks; :class:`StreamingOutputFilter` buffers them, releases only complete
sentences that passed the output lexicons (``resources/safety/output/``), and stops at the first
sentence that breaks a rule. From then on nothing more is released and the caller replaces the
whole reply with :attr:`StreamingOutputFilter.safe_replacement` (and logs the reason). Sentences
end at 。！？!? and newlines always, and at "." followed by a space (so "3.5" and "e.g." do not
split). A sentence that runs on for too long is released at its last space so the stream never
stalls; each sentence is checked together with the end of the one before, so a phrase cut in two
is still caught.

Rules (R4, R12, R18, R21, R23): claims to be human; intimate or family roles and sexual content
(minors only); asking for personal information; encouraging self-harm; guilt-tripping the child
into staying. Normalisation is the detector's, so a model cannot slip past with odd spacing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from desktop.resources import resource_path
from desktop.safety import replies
from desktop.safety.lexicon import CompiledScript, compiled_scripts
from desktop.safety.normalize import normalize
from desktop.safety.scanner import scan_hits


class OutputReason(StrEnum):
    CLAIMS_HUMAN = "claims_human"  # R4
    INTIMATE_ROLE = "intimate_role"  # R12, minors
    SEXUAL_CONTENT = "sexual_content"  # R18, minors
    ASKS_PERSONAL_INFO = "asks_personal_info"  # R23
    SELF_HARM_ENCOURAGEMENT = "self_harm_encouragement"  # R21
    GUILT_TRIP = "guilt_trip"  # R21

    @property
    def minors_only(self) -> bool:
        return self in (OutputReason.INTIMATE_ROLE, OutputReason.SEXUAL_CONTENT)


#: When one sentence breaks several rules, the reason reported is the first of these.
_PRIORITY = (
    OutputReason.SELF_HARM_ENCOURAGEMENT,
    OutputReason.SEXUAL_CONTENT,
    OutputReason.CLAIMS_HUMAN,
    OutputReason.INTIMATE_ROLE,
    OutputReason.ASKS_PERSONAL_INFO,
    OutputReason.GUILT_TRIP,
)

#: A sentence without an end mark is released at a space once it is this long.
MAX_SENTENCE = 240
_ALWAYS_END = re.compile(r"[。！？!?…\n]+[”’\"'」』）)\]]*")
_DOT_END = re.compile(r"\.+[”’\"'」』）)\]]*(?=\s)")


@dataclass(frozen=True)
class FilteredSentence:
    """One released sentence. A blocked one is returned once, for logging: never display it."""

    text: str
    blocked: bool
    reason: str | None


@cache
def _rules() -> tuple[CompiledScript, ...]:
    return compiled_scripts(resource_path("safety", "output"))


def check_sentence(text: str, *, is_minor: bool, context: str = "") -> OutputReason | None:
    """The rule ``text`` breaks (looked at after ``context``, the previous sentence), or None."""
    combined = f"{context} {text}" if context else text
    hits = scan_hits(normalize(combined), _rules())
    reasons = {OutputReason(hit.key) for hit in hits}
    if not is_minor:
        reasons = {r for r in reasons if not r.minors_only}
    for reason in _PRIORITY:
        if reason in reasons:
            return reason
    return None


def _split_point(buffer: str) -> int:
    """Index just after the first complete sentence in ``buffer``, or 0 if there is none yet."""
    ends = [m.end() for m in (_ALWAYS_END.search(buffer), _DOT_END.search(buffer)) if m]
    if ends:
        return min(ends)
    if len(buffer) > MAX_SENTENCE:
        space = max(
            buffer.rfind(" ", 0, MAX_SENTENCE),
            buffer.rfind("，", 0, MAX_SENTENCE),
            buffer.rfind(",", 0, MAX_SENTENCE),
        )
        return space + 1 if space > 0 else MAX_SENTENCE
    return 0


class StreamingOutputFilter:
    """Feed backend chunks in, get checked sentences out (see the module docstring)."""

    def __init__(self, is_minor: bool, lang: str):
        self.is_minor = is_minor
        self.lang = lang
        self._buffer = ""
        self._previous = ""
        self._blocked: FilteredSentence | None = None
        self._released: list[str] = []

    @property
    def blocked(self) -> bool:
        """True once any sentence was blocked: replace the whole reply and log the reason."""
        return self._blocked is not None

    @property
    def block_reason(self) -> str | None:
        return self._blocked.reason if self._blocked else None

    @property
    def blocked_text(self) -> str | None:
        """The sentence that was blocked (for the guardian's log, never for the child)."""
        return self._blocked.text if self._blocked else None

    @property
    def safe_replacement(self) -> str | None:
        """The reply to show instead, in the filter's language; None while nothing is blocked."""
        if self._blocked is None or self._blocked.reason is None:
            return None
        return replies.text("safe_replacement", self._blocked.reason, self.lang)

    @property
    def released_text(self) -> str:
        """Everything released so far (what the child may already have seen)."""
        return "".join(self._released)

    def _check(self, sentence: str) -> FilteredSentence:
        reason = check_sentence(sentence, is_minor=self.is_minor, context=self._previous)
        if reason is not None:
            self._blocked = FilteredSentence(sentence, True, reason.value)
            self._buffer = ""
            return self._blocked
        self._previous = sentence
        self._released.append(sentence)
        return FilteredSentence(sentence, False, None)

    def feed(self, chunk: str) -> list[FilteredSentence]:
        """Add a chunk; return the sentences it completed (empty once blocked)."""
        if self._blocked is not None:
            return []
        self._buffer += chunk
        out: list[FilteredSentence] = []
        while self._blocked is None:
            cut = _split_point(self._buffer)
            if not cut:
                break
            sentence, self._buffer = self._buffer[:cut], self._buffer[cut:]
            if sentence.strip():
                out.append(self._check(sentence))
            elif out or self._released:
                self._released.append(sentence)
        return out

    def flush(self) -> list[FilteredSentence]:
        """The stream ended: check and release whatever is left (empty once blocked)."""
        if self._blocked is not None or not self._buffer:
            self._buffer = ""
            return []
        rest, self._buffer = self._buffer, ""
        if not rest.strip():
            return []
        return [self._check(rest)]


def filter_reply(text: str, *, is_minor: bool, lang: str) -> tuple[str, str | None]:
    """Check a whole (non-streamed) reply: (text to show, block reason or None)."""
    stream = StreamingOutputFilter(is_minor, lang)
    stream.feed(text)
    stream.flush()
    if stream.blocked:
        return stream.safe_replacement or "", stream.block_reason
    return text, None
