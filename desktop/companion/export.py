"""A child's chat history as files a family can keep: JSON for machines, HTML or Markdown to read.

R24: users can copy (export) their history; the guardian does it for a minor from the parental
panel. R1: every AI message stays marked as AI-generated outside the app too, so a printed or
forwarded export never passes a companion's words off as a person's.

Why it is written the way it is:

- The same :class:`HistoryExport` feeds all three formats, so they cannot disagree on what was
  said, by whom, or which messages were AI-generated.
- Message text is untrusted (a child or a model typed it): HTML escapes every character that
  means something to a browser and forbids scripts with a Content-Security-Policy as well;
  Markdown quotes each message and backslash-escapes the characters a renderer would act on, so
  a message cannot forge a heading, a link or raw HTML in the document around it.
- Only what the history needs leaves the database (names, persona, times, text, status); the
  birthday and per-message safety metadata do not (R26, minimum data).
- Files are written to a temporary name, mode 0600, then renamed: a crash never leaves half a
  history behind, and other users of the computer cannot read it.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.companion.backends.base import Role
from desktop.companion.personas import Persona, load_catalogue
from desktop.companion.repository import ConversationRepository, MessageStatus
from desktop.profiles.models import ChildProfile, Language
from desktop.resources import load_json

EXPORT_FORMAT = "hearth-history"
EXPORT_VERSION = 1


@dataclass(frozen=True)
class ExportedMessage:
    id: int
    role: Role
    speaker: str
    ai_generated: bool
    status: MessageStatus
    created_at: datetime
    content: str


@dataclass(frozen=True)
class ExportedConversation:
    id: int
    persona_id: str
    persona_name: str
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None
    messages: tuple[ExportedMessage, ...]


@dataclass(frozen=True)
class HistoryExport:
    profile: ChildProfile
    language: Language
    exported_at: datetime | None
    conversations: tuple[ExportedConversation, ...]

    @property
    def message_count(self) -> int:
        return sum(len(c.messages) for c in self.conversations)


@dataclass(frozen=True)
class ExportLabels:
    """The export's own words in one language (``resources/export/history.json``)."""

    title: str
    exported_at: str
    ai_notice: str
    conversation: str
    started: str
    ended: str
    count: str
    ai_generated: str
    hearth: str
    no_history: str
    status: dict[str, str]

    @classmethod
    def load(cls, language: Language) -> ExportLabels:
        data = load_json("export", "history.json")
        entry = data.get(Language(language).value) or data["en"]
        return cls(**{k: (dict(v) if isinstance(v, dict) else v) for k, v in entry.items()})


def is_ai_generated(role: Role, status: MessageStatus) -> bool:
    """A companion's reply is AI-generated; Hearth's own fixed notices are not (R1)."""
    return role is Role.ASSISTANT and status is not MessageStatus.NOTICE


def collect_history(
    repo: ConversationRepository,
    profile: ChildProfile,
    *,
    language: Language | None = None,
    exported_at: datetime | None = None,
    catalogue: list[Persona] | None = None,
) -> HistoryExport:
    """Every conversation of ``profile``, oldest first, each with its messages in order."""
    language = Language(language or profile.language)
    labels = ExportLabels.load(language)
    personas = {p.id: p for p in (catalogue if catalogue is not None else load_catalogue())}
    conversations = []
    for conv in reversed(repo.for_profile(profile.id)):
        persona = personas.get(conv.persona_id)
        persona_name = persona.name(language.value) if persona else conv.persona_id
        messages = []
        for m in repo.all_messages(conv.id):
            if m.role is Role.USER:
                speaker = profile.display_name
            elif m.role is Role.ASSISTANT and m.status is not MessageStatus.NOTICE:
                speaker = persona_name
            else:
                speaker = labels.hearth
            messages.append(
                ExportedMessage(
                    id=m.id,
                    role=m.role,
                    speaker=speaker,
                    ai_generated=is_ai_generated(m.role, m.status),
                    status=m.status,
                    created_at=m.created_at,
                    content=m.content,
                )
            )
        conversations.append(
            ExportedConversation(
                id=conv.id,
                persona_id=conv.persona_id,
                persona_name=persona_name,
                started_at=conv.started_at,
                ended_at=conv.ended_at,
                end_reason=conv.end_reason,
                messages=tuple(messages),
            )
        )
    return HistoryExport(profile, language, exported_at, tuple(conversations))


# -- writing --------------------------------------------------------------------------------
def _write_private(path: Path, text: str) -> Path:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _time(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def render_json(history: HistoryExport) -> str:
    """JSON, for another program or a later import"""
    payload = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": history.exported_at.isoformat() if history.exported_at else None,
        "profile": {
            "id": history.profile.id,
            "display_name": history.profile.display_name,
            "language": history.profile.language.value,
        },
        "conversations": [
            {
                "id": c.id,
                "persona_id": c.persona_id,
                "persona_name": c.persona_name,
                "started_at": c.started_at.isoformat(),
                "ended_at": c.ended_at.isoformat() if c.ended_at else None,
                "end_reason": c.end_reason,
                "messages": [
                    {
                        "id": m.id,
                        "role": m.role.value,
                        "speaker": m.speaker,
                        "ai_generated": m.ai_generated,
                        "status": m.status.value,
                        "created_at": m.created_at.isoformat(),
                        "content": m.content,
                    }
                    for m in c.messages
                ],
            }
            for c in history.conversations
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#])")


def markdown_text(text: str) -> str:
    """Backslash-escape what a Markdown renderer would turn into markup or raw HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _status_note(labels: ExportLabels, m: ExportedMessage) -> str:
    return labels.status.get(m.status.value, "")


def render_markdown(history: HistoryExport) -> str:
    """Markdown, readable as plain text and in any Markdown viewer"""
    labels = ExportLabels.load(history.language)
    name = history.profile.display_name
    lines = [f"# {markdown_text(labels.title.format(child=name))}", ""]
    if history.exported_at:
        lines += [f"_{labels.exported_at.format(time=_time(history.exported_at))}_", ""]
    lines += [f"> {markdown_text(labels.ai_notice)}", ""]
    if not history.conversations:
        lines += [markdown_text(labels.no_history), ""]
    for c in history.conversations:
        lines += [f"## {markdown_text(labels.conversation.format(persona=c.persona_name))}", ""]
        when = labels.started.format(time=_time(c.started_at))
        if c.ended_at:
            when += ", " + labels.ended.format(time=_time(c.ended_at))
        lines += [f"{when} · {labels.count.format(count=len(c.messages))}", ""]
        for m in c.messages:
            tags = [labels.ai_generated] if m.ai_generated else []
            if note := _status_note(labels, m):
                tags.append(note)
            tag_text = f" _({markdown_text(', '.join(tags))})_" if tags else ""
            lines.append(f"**{markdown_text(m.speaker)}**{tag_text} · {_time(m.created_at)}")
            lines.append("")
            body = m.content.splitlines() or [""]
            lines += [f"> {markdown_text(line)}".rstrip() for line in body]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


_CSS = """
body { font-family: system-ui, "WenQuanYi Micro Hei", sans-serif; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; color: #1d2a36; background: #fbf7f0; line-height: 1.5; }
.notice { background: #fff4dc; border: 1px solid #e0a458; border-radius: 8px; padding: .5rem 1rem; }
.conversation { margin-top: 2rem; }
.meta { color: #4a5560; font-size: .9rem; }
.msg { border-radius: 10px; padding: .5rem .8rem; margin: .6rem 0; border: 1px solid #e6dccb; }
.msg.user { background: #e8f0fe; margin-left: 4rem; }
.msg.ai { background: #ffffff; margin-right: 4rem; }
.msg.hearth { background: #e6f4ea; }
.who { font-weight: bold; }
.tag { display: inline-block; font-size: .8rem; font-weight: bold; border-radius: 6px;
       padding: 0 .4rem; margin-left: .4rem; background: #1f3a5f; color: #ffffff; }
.tag.status { background: #6b4e16; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin-top: .3rem; }
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def render_html(history: HistoryExport) -> str:
    """HTML, one self-contained page with no scripts"""
    labels = ExportLabels.load(history.language)
    title = labels.title.format(child=history.profile.display_name)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_h(history.language.value)}">',
        "<head>",
        '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_h(title)}</h1>",
    ]
    if history.exported_at:
        time_text = labels.exported_at.format(time=_time(history.exported_at))
        out.append(f'<p class="meta">{_h(time_text)}</p>')
    out.append(f'<p class="notice">{_h(labels.ai_notice)}</p>')
    if not history.conversations:
        out.append(f"<p>{_h(labels.no_history)}</p>")
    for c in history.conversations:
        when = labels.started.format(time=_time(c.started_at))
        if c.ended_at:
            when += ", " + labels.ended.format(time=_time(c.ended_at))
        out += [
            f'<section class="conversation" id="conversation-{c.id}">',
            f"<h2>{_h(labels.conversation.format(persona=c.persona_name))}</h2>",
            f'<p class="meta">{_h(when)} · {_h(labels.count.format(count=len(c.messages)))}</p>',
        ]
        for m in c.messages:
            kind = "user" if m.role is Role.USER else ("ai" if m.ai_generated else "hearth")
            tags = ""
            if m.ai_generated:
                tags += f'<span class="tag ai-generated">{_h(labels.ai_generated)}</span>'
            if note := _status_note(labels, m):
                tags += f'<span class="tag status">{_h(note)}</span>'
            out += [
                f'<div class="msg {kind}">',
                f'<div><span class="who">{_h(m.speaker)}</span>{tags} '
                f'<time class="meta" datetime="{_h(m.created_at.isoformat())}">'
                f"{_h(_time(m.created_at))}</time></div>",
                f'<div class="text">{_h(m.content)}</div>',
                "</div>",
            ]
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _file_exporter(
    name: str, render: Callable[[HistoryExport], str], what: str
) -> Callable[..., Path]:
    """The writer for one file format. Every format collects the history and writes it privately
    the same way and differs only in ``render``, so the writers are built from their renderers
    rather than spelled out once per format."""

    def export(
        repo: ConversationRepository,
        profile: ChildProfile,
        path: Path,
        *,
        language: Language | None = None,
        exported_at: datetime | None = None,
        catalogue: list[Persona] | None = None,
    ) -> Path:
        history = collect_history(
            repo, profile, language=language, exported_at=exported_at, catalogue=catalogue
        )
        return _write_private(path, render(history))

    export.__name__ = export.__qualname__ = name
    export.__doc__ = f"Write ``profile``'s whole history to ``path`` as {what}; returns ``path``."
    return export


export_json = _file_exporter("export_json", render_json, "JSON")
export_markdown = _file_exporter("export_markdown", render_markdown, "Markdown")
export_html = _file_exporter("export_html", render_html, "one HTML page")
