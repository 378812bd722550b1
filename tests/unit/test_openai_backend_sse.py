"""The SSE parser under every way the network can cut a stream (issue 2, OpenAI backend)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.companion.backends.sse import SSEError, SSEEvent, SSEParser

# One stream with everything: comments, CRLF, a lone CR, LF, multi-line data, an event name,
# a field without a colon, Chinese text (multi-byte UTF-8) and a retry field.
STREAM = (
    b": keep-alive\r\n\r\n"
    b'data: {"a": "\xe4\xbd\xa0\xe5\xa5\xbd"}\r\n\r\n'
    b"data: line one\rdata: line two\r\r"
    b"event: error\ndata:no-space\nretry: 100\n\n"
    b"data\n\n"
    b"id: 7\ndata: [DONE]\n\n"
)
EXPECTED = [
    SSEEvent('{"a": "你好"}'),
    SSEEvent("line one\nline two"),
    SSEEvent("no-space", event="error"),
    SSEEvent(""),
    SSEEvent("[DONE]", id="7"),
]


def parse_in_pieces(data: bytes, cuts: list[int]) -> list[SSEEvent]:
    parser = SSEParser()
    events: list[SSEEvent] = []
    start = 0
    for cut in sorted(set(cuts)) + [len(data)]:
        events += parser.feed(data[start:cut])
        start = cut
    return events + parser.close()


def test_whole_stream_in_one_read():
    assert parse_in_pieces(STREAM, []) == EXPECTED


def test_every_single_cut_position_gives_the_same_events():
    # Covers a cut between \r and \n, inside "data:", and inside a multi-byte character.
    for cut in range(1, len(STREAM)):
        assert parse_in_pieces(STREAM, [cut]) == EXPECTED, cut


def test_byte_by_byte():
    assert parse_in_pieces(STREAM, list(range(1, len(STREAM)))) == EXPECTED


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=len(STREAM) - 1), max_size=20))
def test_random_cuts(cuts):
    assert parse_in_pieces(STREAM, cuts) == EXPECTED


def test_crlf_split_between_reads_ends_one_line_not_two():
    parser = SSEParser()
    assert parser.feed(b"data: a\r") == []
    # Had the "\n" counted as a second line end, the event would have been dispatched already.
    assert parser.feed(b"\ndata: b\r\n\r\n") == [SSEEvent("a\nb")]


def test_byte_order_mark_at_start_is_ignored_even_when_split():
    parser = SSEParser()
    assert parser.feed(b"\xef") == []
    assert parser.feed(b"\xbb\xbfdata: x\n\n") == [SSEEvent("x")]


def test_last_event_without_blank_line_is_kept_at_close():
    parser = SSEParser()
    assert parser.feed(b"data: [DONE]") == []
    assert parser.close() == [SSEEvent("[DONE]")]


def test_blank_lines_without_data_dispatch_nothing():
    parser = SSEParser()
    assert parser.feed(b"\n\n\r\n: only a comment\n\nevent: x\n\n") == []


def test_a_line_without_end_beyond_the_limit_is_an_error():
    parser = SSEParser(max_line_bytes=64)
    parser.feed(b"data: " + b"x" * 50)
    with pytest.raises(SSEError):
        parser.feed(b"x" * 50)


def test_invalid_utf8_is_replaced_not_fatal():
    parser = SSEParser()
    assert parser.feed(b"data: a\xffb\n\n") == [SSEEvent("a\ufffdb")]
