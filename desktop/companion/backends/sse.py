"""An incremental parser for Server-Sent Events, the framing OpenAI-compatible servers stream in.

Network reads cut the byte stream anywhere: inside ``data:``, between the ``\\r`` and ``\\n`` of a
line end, or inside a multi-byte UTF-8 character of a Chinese reply. The parser therefore works
on bytes, splits lines before decoding (``\\r`` and ``\\n`` never occur inside a UTF-8 sequence),
and remembers a trailing ``\\r`` so that a ``\\r\\n`` split across two reads ends one line, not two.
It follows the WHATWG event-stream rules: ``:`` starts a comment, several ``data:`` lines of one
event are joined with ``\\n``, a blank line dispatches the event, one space after the colon is
dropped, and a UTF-8 byte-order mark at the very start is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

#: A line longer than this without a line end is a broken or hostile server, not a reply.
DEFAULT_MAX_LINE_BYTES = 1024 * 1024

_BOM = b"\xef\xbb\xbf"


class SSEError(ValueError):
    """The byte stream cannot be an event stream (for now: a line without end, too long)."""


@dataclass(frozen=True)
class SSEEvent:
    data: str
    event: str = "message"
    id: str | None = None


class SSEParser:
    """Feed it bytes as they arrive; it hands back the events completed so far."""

    def __init__(self, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES) -> None:
        self._max_line = max_line_bytes
        self._buf = bytearray()
        self._skip_lf = False  # the previous read ended in "\r": a leading "\n" belongs to it
        self._at_start = True  # a BOM is only meaningful before the first byte of content
        self._data: list[str] = []
        self._event = ""
        self._id: str | None = None

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        """Consume one network read; return the events it completed, in order."""
        if not chunk:
            return []
        if self._skip_lf:
            self._skip_lf = False
            if chunk[:1] == b"\n":
                chunk = chunk[1:]
        self._buf += chunk
        if self._at_start:
            if len(self._buf) < len(_BOM) and _BOM.startswith(bytes(self._buf)):
                return []  # could still be a BOM; wait for more bytes
            self._at_start = False
            if self._buf.startswith(_BOM):
                del self._buf[: len(_BOM)]
        events: list[SSEEvent] = []
        start = 0
        buf = self._buf
        size = len(buf)
        while start < size:
            cr = buf.find(b"\r", start)
            lf = buf.find(b"\n", start)
            if cr < 0 and lf < 0:
                break
            end = lf if cr < 0 or (0 <= lf < cr) else cr
            line = bytes(buf[start:end])
            if buf[end] == 0x0D:  # "\r": a following "\n" is part of the same line end
                if end + 1 < size:
                    start = end + 2 if buf[end + 1] == 0x0A else end + 1
                else:
                    start = end + 1
                    self._skip_lf = True
            else:
                start = end + 1
            event = self._line(line)
            if event is not None:
                events.append(event)
        del buf[:start]
        if len(buf) > self._max_line:
            raise SSEError(f"a line longer than {self._max_line} bytes without a line end")
        return events

    def close(self) -> list[SSEEvent]:
        """The stream ended: finish a last line and event that lacked their terminators.

        The standard drops an event that is not followed by a blank line; some servers end with
        ``data: [DONE]`` and no blank line, and dropping their last event would turn a complete
        reply into a truncated one, so the parser is lenient here.
        """
        events: list[SSEEvent] = []
        if self._buf:
            event = self._line(bytes(self._buf))
            self._buf.clear()
            if event is not None:
                events.append(event)
        event = self._dispatch()
        if event is not None:
            events.append(event)
        return events

    def _line(self, raw: bytes) -> SSEEvent | None:
        if not raw:
            return self._dispatch()
        if raw[:1] == b":":
            return None  # comment, often a keep-alive
        line = raw.decode("utf-8", errors="replace")
        field, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._event = value
        elif field == "id" and "\0" not in value:
            self._id = value
        # "retry" and unknown fields are ignored, as the standard says.
        return None

    def _dispatch(self) -> SSEEvent | None:
        if not self._data:
            self._event = ""
            return None
        event = SSEEvent(data="\n".join(self._data), event=self._event or "message", id=self._id)
        self._data = []
        self._event = ""
        return event
