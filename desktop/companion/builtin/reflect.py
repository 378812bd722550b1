"""The key phrase of a message the companion has no topic for, to ask a curious follow-up.

Reflecting one noun phrase ("your new bike") shows the child they were heard without
parroting the whole sentence back. English looks for a determiner + noun ("my new bike"),
then the longest content word; Chinese has no spaces, so the text is cut at function words
and the last remaining chunk (usually the object) is taken. The phrase goes into templates
such as "Can you tell me more about {topic}?", so it never carries a word that leads into it
("about robots", "关于龙"): that word is already in the template.
"""

from __future__ import annotations

import re
from functools import cache

from desktop.resources import load_json

_EN_WORD = re.compile(r"[a-z][a-z'-]*")
_ZH_CUT = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]+")


class KeyPhraseFinder:
    def __init__(self, language: str):
        data = load_json("companion", f"keywords.{language}.json")
        self.language = language
        self._stop = frozenset(data["stopwords"])
        self._swaps: dict[str, str] = data.get("swaps", {})
        self._determiners = frozenset(data.get("determiners", []))
        #: Words that lead into a phrase but are not part of it ("thinking about robots").
        self._introducers = frozenset(data.get("introducers", []))
        #: At most this many words (en) or characters (zh) and no key phrase: "ok", "lol", "也许吧".
        self._short = int(data.get("short_message", 2))
        self._max_len = int(data.get("max_length", 24))
        self._private = tuple(data.get("never_reflect", []))
        self._negative = tuple(data.get("negative_words", []))
        marker = data.get("noun_markers")
        self._noun_after = (
            re.compile(marker + r"(?P<noun>[\u4e00-\u9fff]{2,4})") if marker else None
        )
        if language == "zh":
            words = sorted(self._stop, key=len, reverse=True)
            self._zh_split = re.compile("|".join(re.escape(w) for w in words))

    def find(self, text: str) -> str | None:
        phrase = self._find_zh(text) if self.language == "zh" else self._find_en(text.lower())
        if phrase and len(phrase) <= self._max_len and not self.is_private(phrase):
            return phrase
        return None

    def sounds_upsetting(self, text: str) -> bool:
        """A message with "hurt", "dead", "疼"…: no "ooh, interesting!" for that."""
        lowered = text.lower()
        if self.language == "zh":
            return any(word in lowered for word in self._negative)
        words = set(_EN_WORD.findall(lowered))
        return any(w in words or (not w.isascii() and w in lowered) for w in self._negative)

    def is_private(self, phrase: str) -> bool:
        """ "your address", "电话": never echoed back in a question (R23)."""
        lowered = phrase.lower()
        if self.language == "zh":
            return any(word in lowered for word in self._private)
        return any(word in self._private for word in _EN_WORD.findall(lowered))

    def is_filler(self, text: str) -> bool:
        """A short reply with nothing to reflect ("ok", "hmm", "lol", "也许吧"): the companion
        should not ask "what happened next?" about it."""
        if self.find(text) is not None:
            return False
        if self.language == "zh":
            return len(_ZH_CUT.sub("", text)) <= self._short or not self.has_content(text)
        return len(_EN_WORD.findall(text.lower())) <= self._short or not self.has_content(text)

    def has_content(self, phrase: str) -> bool:
        """False for "me", "it", "你": not worth putting into a reply."""
        if self.language == "zh":
            rest = self._zh_split.sub("", phrase)
            return bool(rest.strip())
        return any(word not in self._stop for word in _EN_WORD.findall(phrase.lower()))

    def _find_en(self, text: str) -> str | None:
        words = _EN_WORD.findall(text)
        for i, word in enumerate(words[:-1]):
            if word not in self._determiners and word not in self._introducers:
                continue
            tail = []
            for nxt in words[i + 1 : i + 3]:
                if nxt in self._stop or nxt in self._determiners or nxt in self._introducers:
                    break
                tail.append(nxt)
            if tail:
                lead = [] if word in self._introducers else [self._swaps.get(word, word)]
                return " ".join([*lead, *tail])
        content = [
            w for w in words if w not in self._stop and len(w) >= 4 and not w.endswith(("ly", "ed"))
        ]
        if not content:
            return None
        return max(content, key=len)

    def _find_zh(self, text: str) -> str | None:
        """A noun after a measure word ("一个树屋") first, else the last short chunk ("海边")."""
        if self._noun_after is not None:
            match = self._noun_after.search(text)
            if match:
                noun = self._zh_split.split(match["noun"])[0]
                if len(noun) >= 2:
                    return noun
        chunks = []
        for piece in _ZH_CUT.split(text):
            chunks.extend(c for c in self._zh_split.split(piece) if c)
        candidates = [c for c in chunks if 2 <= len(c) <= 4]
        return candidates[-1] if candidates else None


@cache
def key_phrase_finder(language: str) -> KeyPhraseFinder:
    return KeyPhraseFinder(language)
