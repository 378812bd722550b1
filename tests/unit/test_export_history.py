"""Exporting a child's history (R24) with every AI message marked as AI-generated (R1)."""

import json
import os
import stat
from datetime import date

import pytest

from desktop.companion.backends.base import Role
from desktop.companion.export import (
    collect_history,
    export_html,
    export_json,
    export_markdown,
    markdown_text,
)
from desktop.companion.repository import ConversationRepository, MessageStatus
from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository

SCRIPT = '<script>alert("pwned")</script>'


@pytest.fixture
def repo(memory_db):
    return ConversationRepository(memory_db)


@pytest.fixture
def lily(memory_db, clock):
    return ProfileRepository(memory_db).add_child("Lily", date(2016, 3, 1), Language.EN, now=clock.now())


@pytest.fixture
def history(repo, lily, clock):
    first = repo.start(lily.id, "buddy", now=clock.now())
    repo.add_message(first.id, Role.USER, "hello buddy", MessageStatus.SENT, now=clock.now())
    clock.advance(5)
    repo.add_message(first.id, Role.ASSISTANT, "Hi Lily! How was school?", MessageStatus.COMPLETE, now=clock.now())
    clock.advance(60)
    repo.end(first.id, "exit", now=clock.now())
    clock.advance(3600)
    second = repo.start(lily.id, "storyteller", now=clock.now())
    repo.add_message(second.id, Role.USER, SCRIPT + "\n# not a heading", MessageStatus.SENT, now=clock.now())
    repo.add_message(second.id, Role.ASSISTANT, "Let me tell you a st", MessageStatus.PARTIAL, now=clock.now())
    repo.add_message(second.id, Role.ASSISTANT, "Please talk to someone you trust.", MessageStatus.NOTICE, now=clock.now())
    return first, second


def test_collect_orders_conversations_oldest_first_and_names_speakers(repo, lily, history, clock):
    export = collect_history(repo, lily, exported_at=clock.now())
    assert [c.persona_id for c in export.conversations] == ["buddy", "storyteller"]
    assert export.conversations[0].persona_name == "Buddy"
    first = export.conversations[0].messages
    assert [(m.speaker, m.ai_generated) for m in first] == [("Lily", False), ("Buddy", True)]
    second = export.conversations[1].messages
    # A fixed notice from Hearth is not AI-generated; a cut-short reply still is.
    assert [m.ai_generated for m in second] == [False, True, False]
    assert second[2].speaker.startswith("Hearth")
    assert export.message_count == 5


def test_json_contains_every_message_with_ai_flags(repo, lily, history, clock, tmp_path):
    path = export_json(repo, lily, tmp_path / "h.json", exported_at=clock.now())
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "hearth-history" and data["profile"]["display_name"] == "Lily"
    assert "birthday" not in data["profile"]  # minimum data (R26)
    messages = [m for c in data["conversations"] for m in c["messages"]]
    assert [m["content"] for m in messages][:2] == ["hello buddy", "Hi Lily! How was school?"]
    assert messages[1]["ai_generated"] is True and messages[1]["role"] == "assistant"
    assert messages[0]["ai_generated"] is False
    assert messages[2]["content"].startswith(SCRIPT)  # JSON keeps the exact text
    assert data["conversations"][0]["end_reason"] == "exit"
    assert data["exported_at"] == clock.now().isoformat()


def test_html_escapes_message_text_and_marks_ai(repo, lily, history, tmp_path):
    text = export_html(repo, lily, tmp_path / "h.html").read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in text
    assert "hello buddy" in text and "Hi Lily! How was school?" in text
    assert text.count('class="tag ai-generated"') == 2  # the two companion replies
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert "Buddy" in text and "Story Fox" in text
    assert "2026-11-26 16:00" in text  # timestamps


def test_markdown_quotes_and_escapes_messages(repo, lily, history, tmp_path):
    text = export_markdown(repo, lily, tmp_path / "h.md").read_text(encoding="utf-8")
    assert "# Chat history of Lily" in text
    assert "> hello buddy" in text
    assert '> \\<script\\>alert("pwned")\\</script\\>' in text
    assert "<script>" not in text
    assert "> \\# not a heading" in text  # a message cannot forge a heading
    assert "**Buddy** _(AI-generated)_" in text
    assert "AI-generated, cut short" in text


def test_markdown_escape_round_trip():
    assert markdown_text("a*b_c<d>[e](f)#!") == r"a\*b\_c\<d\>\[e\](f)\#!"
    assert markdown_text("plain 中文 text.") == "plain 中文 text."


def test_chinese_profile_gets_chinese_labels(repo, memory_db, clock, tmp_path):
    mei = ProfileRepository(memory_db).add_child("小美", date(2015, 5, 5), Language.ZH, now=clock.now())
    conv = repo.start(mei.id, "buddy", now=clock.now())
    repo.add_message(conv.id, Role.ASSISTANT, "你好！", MessageStatus.COMPLETE, now=clock.now())
    text = export_html(repo, mei, tmp_path / "mei.html").read_text(encoding="utf-8")
    assert "小美 的聊天记录" in text and "AI 生成" in text and "小伙伴" in text
    assert '<html lang="zh">' in text


def test_empty_history_says_so(repo, lily, tmp_path):
    assert "No saved conversations." in export_markdown(repo, lily, tmp_path / "e.md").read_text()
    data = json.loads(export_json(repo, lily, tmp_path / "e.json").read_text())
    assert data["conversations"] == []


def test_files_are_private_and_written_whole(repo, lily, history, tmp_path):
    path = export_html(repo, lily, tmp_path / "h.html")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.html"]  # no temp file left


def test_other_childrens_history_is_not_exported(repo, lily, history, memory_db, clock, tmp_path):
    tom = ProfileRepository(memory_db).add_child("Tom", date(2014, 1, 1), Language.EN, now=clock.now())
    conv = repo.start(tom.id, "buddy", now=clock.now())
    repo.add_message(conv.id, Role.USER, "tom's secret", MessageStatus.SENT, now=clock.now())
    text = export_json(repo, lily, tmp_path / "lily.json").read_text()
    assert "tom's secret" not in text
