""""What can my guardian see?" — the child's plain-language supervision page (R17, R15, R26).

The chat always shows the "Supervision is on" badge; this page is what it opens. It is honest in
both directions: it says what the guardian *can* see (when and how long, alerts about worrying
messages and their kind, reports the child sends) and, by default, what they *cannot* (the chats
themselves). When the guardian has switched on the full transcript, the page says so first, in
a banner no child can miss (UK Age Appropriate Design Code: a visible monitoring sign).

The words go through ``tr()`` like every screen, so they follow the installed translator;
``lang`` sets the page's locale for numbers and dates.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.complaints.style import emphasize
from ui.complaints.texts import locale_for

#: R26: chats are deleted after this many days unless the guardian chose otherwise.
DEFAULT_RETENTION_DAYS = 90

_BANNER_ON = (
    "QFrame#transcriptBanner { background: #fff4dc; border: 3px solid #b06000; border-radius: 12px; }"
    " QFrame#transcriptBanner QLabel { color: #4a2800; background: transparent; }"
)
_BANNER_OFF = (
    "QFrame#transcriptBanner { background: #e6f4ea; border: 1px solid #34a853; border-radius: 12px; }"
    " QFrame#transcriptBanner QLabel { color: #0d3d1f; background: transparent; }"
)


def _bullets(items: list[str]) -> str:
    return "<ul style='margin-left:-20px'>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


class SupervisionInfoDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        transcript_visible: bool,
        lang=None,
        retention_days: int | None = DEFAULT_RETENTION_DAYS,
        alert_excerpts: bool = False,
        online_companion: bool = False,
    ):
        super().__init__(parent)
        self.setObjectName("supervisionInfoDialog")
        self.transcript_visible = transcript_visible
        self.retention_days = retention_days
        self.alert_excerpts = alert_excerpts
        self.online_companion = online_companion
        self.lang = lang
        self.setLocale(locale_for(lang))
        self.setModal(True)
        self.setMinimumSize(540, 520)
        self.resize(600, 720)
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        body = QWidget()
        body.setObjectName("supervisionBody")
        self.title = QLabel(body)
        self.title.setObjectName("supervisionTitle")
        self.title.setWordWrap(True)
        emphasize(self.title, 1.4)

        self.banner = QFrame(body)
        self.banner.setObjectName("transcriptBanner")
        self.banner.setStyleSheet(_BANNER_ON if self.transcript_visible else _BANNER_OFF)
        self.banner_title = QLabel(self.banner)
        self.banner_title.setWordWrap(True)
        emphasize(self.banner_title, 1.35 if self.transcript_visible else 1.1)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_title)
        banner_layout.addWidget(self.banner_text)

        self.intro = QLabel(body)
        self.intro.setWordWrap(True)
        self.sections: list[tuple[QLabel, QLabel]] = []
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.intro)
        for name in ("sees", "never", "kept", "questions"):
            heading = QLabel(body)
            heading.setObjectName(f"heading_{name}")
            emphasize(heading, 1.15)
            text = QLabel(body)
            text.setObjectName(f"section_{name}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            layout.addSpacing(8)
            layout.addWidget(heading)
            layout.addWidget(text)
            self.sections.append((heading, text))
        layout.addStretch(1)

        self.scroll = QScrollArea(self)
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.close_button = QPushButton(self)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll, 1)
        outer.addLayout(buttons)
        self.close_button.setFocus()

    # -- words --------------------------------------------------------------------------------
    def _sees(self) -> list[str]:
        items = [self.tr("When you used Hearth, and for how long (a usage summary).")]
        if self.alert_excerpts:
            items.append(self.tr("A message if something worrying comes up — for example about getting "
                                 "hurt, or someone asking where you live. It says what kind of worry it "
                                 "is, with a few of the words that were written."))
        else:
            items.append(self.tr("A message if something worrying comes up — for example about getting "
                                 "hurt, or someone asking where you live. It says what kind of worry it "
                                 "is, not your words."))
        items.append(self.tr("Reports, complaints and requests you send from Hearth."))
        if self.transcript_visible:
            items.append(self.tr("Your whole chats: every message you write and every answer, because "
                                 "your guardian switched on “full transcript”."))
        else:
            items.append(self.tr("NOT your chats. Your guardian cannot read your messages. If they ever "
                                 "switch on “full transcript”, this page will say so at the top."))
        return items

    def _never(self) -> list[str]:
        items = [
            self.tr("Hearth never sells your information or gives it away."),
            self.tr("Hearth never shows you ads."),
            self.tr("Hearth never tracks where you are: it does not use your location."),
        ]
        if self.online_companion:
            items.append(self.tr("Your guardian chose an online companion, so your messages are sent "
                                 "to that service to get answers."))
        return items

    def _kept(self) -> list[str]:
        if self.retention_days:
            first = self.tr("Your chats are saved on this computer and deleted automatically after "
                            "%n days.", "", self.retention_days)
        else:
            first = self.tr("Your chats are saved on this computer until your guardian deletes them.")
        return [first, self.tr("Your guardian can delete them sooner.")]

    def _questions(self) -> list[str]:
        return [
            self.tr("Ask your guardian: they can show you the settings and explain them."),
            self.tr("If something feels wrong, use “Report a problem” in the chat."),
        ]

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("What can my guardian see?"))
        self.title.setText(self.tr("Supervision is on: what can my guardian see?"))
        if self.transcript_visible:
            self.banner_title.setText(self.tr("Your guardian can read all your chats."))
            self.banner_text.setText(self.tr("They switched on “full transcript”. Every message you write, "
                                             "and every answer from the companion, can be read by them."))
        else:
            self.banner_title.setText(self.tr("Your guardian cannot read your chats."))
            self.banner_text.setText(self.tr("They see how long you chat, and they get a message if "
                                             "something worrying comes up."))
        self.banner.setAccessibleName(self.banner_title.text())
        self.intro.setText(self.tr("Your guardian is a grown-up in your family who looks after how "
                                   "Hearth is used. Here is exactly what they can and cannot see."))
        headings = [
            self.tr("What your guardian can see"),
            self.tr("What Hearth never does"),
            self.tr("How long things are kept"),
            self.tr("Questions?"),
        ]
        bodies = [self._sees(), self._never(), self._kept(), self._questions()]
        self._plain = [self.title.text(), self.banner_title.text(), self.banner_text.text(),
                       self.intro.text()]
        for (heading, text), title, items in zip(self.sections, headings, bodies, strict=True):
            self._plain += [title, *items]
            heading.setText(title)
            text.setText(_bullets(items))
            text.setAccessibleName(title)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close this page"))

    def plain_text(self) -> str:
        """Everything the page says, as plain text (tests, copy, screen-reader summaries)."""
        return "\n".join(self._plain)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
