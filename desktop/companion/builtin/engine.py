"""Composing one reply from the conversation so far: read the turn, plan it, render it.

The engine is a pure function of (messages, context, rng): it keeps nothing between calls.
A reply is a few lines chosen from data (see content.py) plus, in most replies, one follow-up
question. Persona style, the child's age and what the child said earlier change which lines
are eligible; the seeded rng picks among them, avoiding lines of the previous reply.

Safety-relevant rules live here as structure, not as hope: sensitive intents (R4 identity,
R12 roles, R23 private data, sad/worried/angry feelings, goodbyes) never get playful
decorations or memory call-backs, goodbyes never get a question that holds the child (R21),
and homework replies are checked for the answer before they leave (see homework.py).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from desktop.companion.backends.base import ChatMessage, TurnContext
from desktop.companion.builtin.content import OfferKind
from desktop.companion.builtin.homework import HomeworkKind, HomeworkRequest, homework_helper
from desktop.companion.builtin.intents import Intent, IntentMatch, matcher
from desktop.companion.builtin.memory import Fact, FactKind, RecallQuestion, memory_reader
from desktop.companion.builtin.reflect import key_phrase_finder
from desktop.companion.builtin.templates import choose, with_capitals
from desktop.companion.builtin.turn import Turn, offered, previous_kind, read_turn, unseen

#: No persona opener, appended fact or memory call-back: these replies stay plain and kind.
SENSITIVE = frozenset({
    Intent.DISTRESS, Intent.OFF_LIMITS, Intent.MONEY, Intent.IDENTITY, Intent.ABOUT_ME,
    Intent.ROMANTIC_ROLE, Intent.FAMILY_ROLE, Intent.AFFECTION, Intent.PERSONAL_INFO, Intent.SAD,
    Intent.WORRIED, Intent.ANGRY, Intent.GOODBYE, Intent.RECALL, Intent.HOMEWORK, Intent.SHARE,
    Intent.NO,
})  # fmt: skip
#: Short social replies where a persona opener ("Fascinating!") would sound odd, and low moods
#: where a cheerful one ("Nice! Bored?") would sound as if the companion was not listening.
NO_OPENER = frozenset({
    Intent.GREETING, Intent.THANKS, Intent.YES, Intent.GOODBYE, Intent.HOW_ARE_YOU, Intent.FALLBACK,
    Intent.ASK_OPINION, Intent.BORED, Intent.TIRED,
})  # fmt: skip
#: Their own follow-ups fit best ("Want another one?"), so no persona offer replaces them.
NO_OFFER = frozenset({Intent.JOKE, Intent.STORY, Intent.FUN_FACT})
#: Replies that end without a question: a goodbye must not try to keep the child (R21).
NO_QUESTION = frozenset({Intent.GOODBYE})
#: Topics whose follow-up may recall a matching fact ("How is Max doing?").
TOPIC_CALLBACKS: dict[Intent, tuple[str, ...]] = {
    Intent.ANIMALS: ("pet", "animal"), Intent.FOOD: ("food",), Intent.GAMES: ("game",),
    Intent.SPORTS: ("sport",), Intent.BOOKS: ("book",), Intent.MUSIC: ("song",),
    Intent.HOBBIES: ("hobby",), Intent.SCHOOL: ("subject",), Intent.WEATHER: ("colour",),
}  # fmt: skip
ALL_CALLBACKS = ("pet", "animal", "colour", "food", "game", "sport", "book", "song", "subject",
                 "movie", "hobby", "like")  # fmt: skip
TOPICS = frozenset({
    Intent.SCHOOL, Intent.FRIENDS, Intent.FAMILY, Intent.ANIMALS, Intent.HOBBIES, Intent.GAMES,
    Intent.FOOD, Intent.WEATHER, Intent.MUSIC, Intent.BOOKS, Intent.SPORTS, Intent.DREAMS,
    Intent.SCIENCE,
})  # fmt: skip
GENERAL_CALLBACK_INTENTS = frozenset(
    {Intent.GREETING, Intent.HOW_ARE_YOU, Intent.HAPPY, Intent.BORED, Intent.YES, Intent.THANKS}
)
TOPIC_CALLBACK_CHANCE = 0.6
GENERAL_CALLBACK_CHANCE = 0.35


@dataclass
class Plan:
    intent: Intent
    lines: list[str]
    question: str | None = None
    opener: bool = True  # persona opener or "Hi!" before the lines
    extras: bool = True  # persona extra lines and explorer facts after them
    #: True when a rendered reply must not be sent as is (a homework answer slipped in).
    unsafe: Callable[[str], bool] | None = None


@dataclass(frozen=True)
class Signals:
    match: IntentMatch
    recall: RecallQuestion | None = None
    facts: list[Fact] = field(default_factory=list)
    homework: HomeworkRequest | None = None


class ReplyEngine:
    def compose(
        self, messages: Sequence[ChatMessage], context: TurnContext, rng: random.Random
    ) -> str:
        turn = read_turn(messages, context)
        signals = self._signals(turn)
        plan = self._plan(turn, signals, rng)
        return self._render(turn, signals, plan, rng)

    # -- understanding -----------------------------------------------------------------------
    def _signals(self, turn: Turn) -> Signals:
        if not turn.text:
            return Signals(IntentMatch(Intent.GREETING))  # nothing said yet: say hello
        reader = memory_reader(turn.language)
        recall = reader.recall_question(turn.text)
        facts = reader.facts(turn.text) if recall is None else []
        homework = homework_helper(turn.language).detect(turn.text, turn.earlier_user)
        classify = matcher(turn.language).classify
        match = classify(
            turn.text, recall=recall is not None, share=bool(facts), homework=homework is not None
        )
        if match.intent is Intent.SHARE and all(f.kind is FactKind.LIKE for f in facts):
            # "I love animals": the topic reply (which may ask after their pet) beats "Cool!".
            topical = classify(turn.text, homework=homework is not None)
            if topical.intent in TOPICS:
                match = topical
        return Signals(match, recall, facts, homework)

    def _plan(self, turn: Turn, signals: Signals, rng: random.Random) -> Plan:
        intent = signals.match.intent
        if intent is Intent.RECALL and signals.recall is not None:
            return self._recall(turn, signals.recall, rng)
        if intent is Intent.SHARE:
            return self._share(turn, signals.facts, rng)
        if intent is Intent.HOMEWORK and signals.homework is not None:
            return self._homework(turn, signals.homework, rng)
        if intent is Intent.YES:
            offer = offered(turn)
            if offer is not None:
                return self._deliver(turn, offer, rng)
        if intent is Intent.MORE:
            kind = previous_kind(turn)
            return self._deliver(turn, kind, rng) if kind else self._fallback(turn, rng)
        if intent is Intent.JOKE:
            return self._deliver(turn, OfferKind.JOKE, rng)
        if intent is Intent.STORY:
            return self._deliver(turn, OfferKind.STORY, rng)
        if intent is Intent.FUN_FACT:
            return self._deliver(turn, OfferKind.FACT, rng)
        if intent in (Intent.FALLBACK, Intent.HAPPY) and _laughing(turn):
            return self._laugh(turn, rng)
        if intent is Intent.FALLBACK:
            return self._fallback(turn, rng)
        groups = dict(signals.match.groups)
        thing = groups.get("thing", "").strip()
        finder = key_phrase_finder(turn.language)
        if intent in TOPICS and finder.sounds_upsetting(turn.text):
            return self._concerned(turn, rng)  # "my dog died" is not "animals are fun!"
        if thing and (not finder.has_content(thing) or finder.is_private(thing)):
            del groups["thing"]  # "do you like me?": no "lots of people love me!"
        return self._simple(turn, intent, rng, groups)

    # -- planning ----------------------------------------------------------------------------
    def _simple(
        self, turn: Turn, intent: Intent, rng: random.Random, extra: dict[str, str]
    ) -> Plan:
        slots = with_capitals({**turn.slots, **{k: v.strip() for k, v in extra.items()}})
        spec = turn.pack.spec(intent)
        line = choose(rng, spec.lines(turn.young), slots, avoid=turn.previous_reply) or ""
        question = None
        if intent not in NO_QUESTION and not line.rstrip().endswith(("?", "？")):
            question = self._question(turn, intent, rng, slots)
        plain = intent in SENSITIVE
        return Plan(
            intent, [line], question, opener=not plain and intent not in NO_OPENER, extras=not plain
        )

    def _question(
        self,
        turn: Turn,
        intent: Intent,
        rng: random.Random,
        slots: dict[str, str],
        fallback_pool: tuple = (),
    ) -> str | None:
        """One follow-up: a memory call-back, the persona's offer, or the intent's own question.

        It avoids the previous reply and the child's own words, so "what about you?" is not
        answered with "What about you?"."""
        avoid = f"{turn.previous_reply}\n{turn.text}"
        if intent not in SENSITIVE:
            keys = TOPIC_CALLBACKS.get(intent, ())
            chance = TOPIC_CALLBACK_CHANCE
            if not keys and intent in GENERAL_CALLBACK_INTENTS | {Intent.FALLBACK}:
                keys, chance = ALL_CALLBACKS, GENERAL_CALLBACK_CHANCE
            callbacks = memory_reader(turn.language).callbacks
            pool = [t for key in keys for t in callbacks.get(key, ())]
            if pool and rng.random() < chance:
                line = choose(rng, pool, slots, avoid=avoid)
                if line:
                    return line
            style = turn.persona
            if intent not in NO_OFFER and style.offer_chance and rng.random() < style.offer_chance:
                line = choose(rng, turn.pack.phrases.offers[style.offer], slots, avoid=avoid)
                if line:
                    return line
        own = turn.pack.spec(intent).questions(turn.young) or fallback_pool
        return choose(rng, own, slots, avoid=avoid) or choose(
            rng, turn.pack.phrases.generic_followups, slots, avoid=avoid
        )

    def _recall(self, turn: Turn, question: RecallQuestion, rng: random.Random) -> Plan:
        reader = memory_reader(turn.language)
        slots = dict(turn.slots)
        memory = turn.memory
        if question.kind is None:
            key, summary = "all", reader.summary(memory, turn.name)
            known = bool(summary)
            slots["facts"] = summary
        elif question.kind is FactKind.NAME:
            key, known = "name", turn.name is not None
        elif question.kind is FactKind.PET:
            pet = memory.pet(question.pet_kind)
            key, known = "pet", pet is not None
            if pet is not None:
                slots.update(pet_name=pet.name, pet_kind=pet.kind)
        elif question.kind is FactKind.FAVOURITE and question.favourite is not None:
            key = "favourite"
            slots["favourite_word"] = reader.favourite_words[question.favourite]
            value = memory.favourites.get(question.favourite)
            known = value is not None
            if value is not None:
                slots["value"] = value
        else:
            key, known = "hobby", memory.hobby is not None
        pool = (reader.recall_known if known else reader.recall_unknown)[key]
        slots = with_capitals(slots)
        line = choose(rng, pool, slots, avoid=turn.previous_reply) or ""
        question_line = None
        if not line.rstrip().endswith(("?", "？")):
            question_line = choose(
                rng, turn.pack.phrases.generic_followups, slots, avoid=turn.previous_reply
            )
        return Plan(Intent.RECALL, [line], question_line, opener=False, extras=False)

    def _share(self, turn: Turn, facts: list[Fact], rng: random.Random) -> Plan:
        """Acknowledge what the child just told us: their name first, then the best other fact."""
        reader = memory_reader(turn.language)
        order = [FactKind.NAME, FactKind.PET, FactKind.FAVOURITE, FactKind.HOBBY, FactKind.LIKE]
        chosen = sorted(facts, key=lambda f: order.index(f.kind))[:2]
        lines, slots = [], dict(turn.slots)
        for fact in chosen:
            slots = with_capitals({**turn.slots, **_fact_slots(fact, reader.favourite_words)})
            lines.append(choose(rng, reader.ack[fact.kind], slots, avoid=turn.previous_reply) or "")
        question = choose(
            rng, reader.ack_followups[chosen[-1].kind], slots, avoid=turn.previous_reply
        )
        return Plan(Intent.SHARE, lines, question, opener=False, extras=False)

    def _homework(self, turn: Turn, request: HomeworkRequest, rng: random.Random) -> Plan:
        reply = homework_helper(turn.language).reply(request, rng, turn.previous_reply, turn.young)
        unsafe = None
        problem = request.problem
        if problem is not None and not (
            request.kind is HomeworkKind.CHECK and str(request.guess) in problem.results()
        ):
            unsafe = problem.gives_away
        return Plan(
            Intent.HOMEWORK,
            [x for x in reply.lines if x],
            reply.question,
            opener=False,
            unsafe=unsafe,
        )

    def _deliver(self, turn: Turn, kind: OfferKind, rng: random.Random) -> Plan:
        """Tell a joke, a story or a fun fact the child has not heard in this conversation."""
        intent = {
            OfferKind.JOKE: Intent.JOKE,
            OfferKind.STORY: Intent.STORY,
            OfferKind.FACT: Intent.FUN_FACT,
        }[kind]
        pack, slots = turn.pack, dict(turn.slots)
        if kind is OfferKind.STORY:
            story = rng.choice(unseen(pack.stories, turn, key=lambda s: s.title))
            hero = turn.name or story.hero
            slots.update(title=story.title, hero=hero, hero_short=turn.name or story.hero_short)
            slots = with_capitals(slots)
            body = story.text.fill(slots)
        else:
            pool = pack.jokes if kind is OfferKind.JOKE else pack.facts
            body = rng.choice(unseen(pool, turn, key=lambda s: s))
            slots = with_capitals(slots)
        intro = choose(rng, pack.spec(intent).lines(turn.young), slots, avoid=turn.previous_reply)
        question = self._question(turn, intent, rng, slots)
        return Plan(intent, [x for x in (intro, body) if x], question, opener=False)

    def _fallback(self, turn: Turn, rng: random.Random) -> Plan:
        """No topic recognised: reflect the key phrase and ask about it, or just ask for more."""
        phrases, avoid = turn.pack.phrases, turn.previous_reply
        finder = key_phrase_finder(turn.language)
        if finder.sounds_upsetting(turn.text):
            return self._concerned(turn, rng)
        topic = finder.find(turn.text)
        if topic is None and finder.is_filler(turn.text):
            # "ok", "lol": nothing was told, so no "what happened next?" about it.
            slots = with_capitals(turn.slots)
            line = choose(rng, phrases.fallback_filler, slots, avoid=avoid)
            question = self._question(turn, Intent.FALLBACK, rng, slots, phrases.generic_followups)
            return Plan(Intent.FALLBACK, [line or ""], question, opener=False)
        if topic:
            slots = with_capitals({**turn.slots, "topic": topic})
            line = choose(rng, phrases.fallback_topic, slots, avoid=avoid)
            question = choose(rng, phrases.fallback_topic_followups, slots, avoid=avoid)
        else:
            slots = with_capitals(turn.slots)
            line = choose(rng, phrases.fallback_plain, slots, avoid=avoid)
            question = self._question(
                turn, Intent.FALLBACK, rng, slots, phrases.fallback_plain_followups
            )
        return Plan(Intent.FALLBACK, [line or ""], question, opener=False)

    def _laugh(self, turn: Turn, rng: random.Random) -> Plan:
        """ "Haha" after a joke: glad it landed, and another one on offer (a "yes" gets it)."""
        phrases, slots = turn.pack.phrases, with_capitals(turn.slots)
        line = choose(rng, phrases.laughter_replies, slots, avoid=turn.previous_reply)
        if previous_kind(turn) is OfferKind.JOKE:
            question = choose(rng, phrases.laughter_followups, slots, avoid=turn.previous_reply)
        else:
            question = self._question(turn, Intent.FALLBACK, rng, slots, phrases.generic_followups)
        return Plan(Intent.FALLBACK, [line or ""], question, opener=False)

    def _concerned(self, turn: Turn, rng: random.Random) -> Plan:
        """A message with "hurt", "broken", "死"…: a gentle line, never "ooh, interesting!"."""
        phrases, avoid = turn.pack.phrases, turn.previous_reply
        slots = with_capitals(turn.slots)
        line = choose(rng, phrases.fallback_concerned, slots, avoid=avoid)
        question = choose(rng, phrases.fallback_concerned_followups, slots, avoid=avoid)
        return Plan(Intent.FALLBACK, [line or ""], question, opener=False, extras=False)

    # -- rendering ---------------------------------------------------------------------------
    def _render(self, turn: Turn, signals: Signals, plan: Plan, rng: random.Random) -> str:
        pack, style, avoid = turn.pack, turn.persona, turn.previous_reply
        slots = with_capitals(turn.slots)
        parts: list[str] = []
        first = next((line for line in plan.lines if line), "")
        if _opens_itself(first, pack):
            pass  # "Ooh, animals!" or "Yummy!" needs no "Nice!" before it
        elif plan.opener and signals.match.greeted and plan.intent is not Intent.GREETING:
            parts.append(choose(rng, pack.phrases.greeting_prefix, slots, avoid=avoid) or "")
        elif plan.opener and style.openers and rng.random() < style.opener_chance:
            parts.append(choose(rng, style.openers, slots, avoid=avoid) or "")
        parts.extend(plan.lines)
        if plan.extras and plan.intent in style.extras and rng.random() < style.extra_chance:
            parts.append(choose(rng, style.extras[plan.intent], slots, avoid=avoid) or "")
        if plan.extras and plan.intent in style.fact_intents and rng.random() < style.fact_chance:
            fact = rng.choice(unseen(pack.facts, turn, key=lambda s: s))
            lead = choose(rng, pack.phrases.fact_lead, slots) or ""
            parts.append(lead + fact)
        if plan.question:
            parts.append(plan.question)
        text = pack.phrases.joiner.join(p.strip() for p in parts if p and p.strip())
        if plan.unsafe is not None and plan.unsafe(text):
            text = pack.phrases.joiner.join(line for line in plan.lines if not plan.unsafe(line))
        return text


def _laughing(turn: Turn) -> bool:
    pattern = turn.pack.phrases.laughter
    return pattern is not None and pattern.fullmatch(turn.text) is not None


_FIRST_SENTENCE = re.compile(r"^[^.!?。！？]*[.!?。！？]")


def _opens_itself(line: str, pack) -> bool:
    """A line that is already an opener: it starts with an interjection ("Ooh, animals!") or
    with a short exclamation ("How exciting! …", "好香呀！"). A persona opener before it would
    stack two ("Nice! Ooh, animals!")."""
    text = line.strip()
    if pack.phrases.starts_with_interjection(text):
        return True
    match = _FIRST_SENTENCE.match(text)
    first = match.group(0) if match else text
    short = len(first) <= 4 if pack.language == "zh" else len(first.split()) <= 2
    return short and first.endswith(("!", "！"))


def _fact_slots(fact: Fact, favourite_words) -> dict[str, str]:
    if fact.kind is FactKind.NAME:
        return {"name": fact.value}
    if fact.kind is FactKind.PET:
        return {"pet_name": fact.value, "pet_kind": fact.pet_kind}
    if fact.kind is FactKind.FAVOURITE and fact.favourite is not None:
        return {"value": fact.value, "favourite_word": favourite_words[fact.favourite]}
    if fact.kind is FactKind.HOBBY:
        return {"hobby": fact.value}
    return {"like": fact.value}
