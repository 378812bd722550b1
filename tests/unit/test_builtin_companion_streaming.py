"""The built-in companion streams like a model: small chunks, paced, and it stops when cancelled."""

from __future__ import annotations

import queue
import threading
import time

from desktop.companion.backends.base import CancelToken, ChatMessage, Role
from desktop.companion.builtin import BuiltinCompanion
from desktop.companion.builtin.streaming import chunk_text
from tests.unit.test_builtin_companion import context

STORY_EN = [ChatMessage(Role.USER, "tell me a story")]
STORY_ZH = [ChatMessage(Role.USER, "给我讲个故事吧")]


def test_chunks_rejoin_to_the_exact_text():
    for text in [
        "Hello there! How are you?",
        "你好！我是AI，不是真人。",
        "  mixed 中文 and English…  ",
        "",
        "a",
    ]:
        assert "".join(chunk_text(text)) == text


def test_english_is_cut_into_words_and_chinese_into_pairs_of_characters():
    assert chunk_text("Hi there, friend!") == ["Hi ", "there, ", "friend!"]
    zh = chunk_text("我是人工智能程序")
    assert zh == ["我是", "人工", "智能", "程序"]


def test_a_reply_streams_in_many_chunks_that_make_up_the_reply():
    bot = BuiltinCompanion(chunk_delay=0, seed=3)
    for msgs, lang in ((STORY_EN, "en"), (STORY_ZH, "zh")):
        chunks = list(bot.stream_reply(msgs, context(lang), CancelToken()))
        assert len(chunks) > 20
        assert "".join(chunks) == bot.reply_text(msgs, context(lang))


def test_a_cancelled_token_yields_nothing():
    token = CancelToken()
    token.cancel()
    assert list(BuiltinCompanion(chunk_delay=0).stream_reply(STORY_EN, context(), token)) == []


def test_cancelling_mid_stream_stops_between_chunks():
    token = CancelToken()
    got = []
    for chunk in BuiltinCompanion(chunk_delay=0, seed=1).stream_reply(STORY_EN, context(), token):
        got.append(chunk)
        if len(got) == 3:
            token.cancel()
    assert len(got) == 3


def test_cancel_from_another_thread_stops_a_paced_stream_promptly():
    """The chat worker consumes on a thread; the GUI thread cancels (the stop button)."""
    delay = 0.05
    bot = BuiltinCompanion(chunk_delay=delay, seed=1)
    total = len(chunk_text(bot.reply_text(STORY_EN, context())))
    token = CancelToken()
    chunks: queue.Queue[str] = queue.Queue()
    done = threading.Event()

    def worker():
        for chunk in bot.stream_reply(STORY_EN, context(), token):
            chunks.put(chunk)
        done.set()

    threading.Thread(target=worker, daemon=True).start()
    for _ in range(2):
        chunks.get(timeout=5)
    cancelled_at = time.monotonic()
    token.cancel()
    assert done.wait(timeout=5)
    assert time.monotonic() - cancelled_at < 3 * delay + 0.5
    received = 2 + chunks.qsize()
    assert received < total


def test_chunks_are_paced_by_chunk_delay():
    bot = BuiltinCompanion(chunk_delay=0.01, seed=1)
    msgs = [ChatMessage(Role.USER, "hello")]
    started = time.monotonic()
    chunks = list(bot.stream_reply(msgs, context(), CancelToken()))
    assert time.monotonic() - started >= 0.01 * (len(chunks) - 1)
