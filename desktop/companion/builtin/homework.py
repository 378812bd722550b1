"""Homework help that teaches: hints, strategies and guiding questions, never the answer.

A child asking "what is 7 x 8?" gets a way to work it out ("7 x 4, doubled"), not "56". Every
hint line that would contain the result is thrown away before a line is chosen, so a new
template cannot leak an answer by accident. When the child then offers a number, the
companion checks it against the problem they asked a turn or two earlier.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from desktop.companion.builtin.templates import choose, parse_all
from desktop.resources import load_json

_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
HAN_NUMBER = "[零〇一二两三四五六七八九十百千]+"
_LIMIT = 1_000_000  # bigger numbers are not primary-school sums; treat as generic homework


class Operation(StrEnum):
    ADD = "add"
    SUBTRACT = "subtract"
    MULTIPLY = "multiply"
    DIVIDE = "divide"


_SYMBOLS = {
    Operation.ADD: "+",
    Operation.SUBTRACT: "-",
    Operation.MULTIPLY: "×",
    Operation.DIVIDE: "÷",
}


@dataclass(frozen=True)
class MathProblem:
    a: int
    op: Operation
    b: int

    def results(self) -> tuple[str, ...]:
        """Every way the result could be written, for the give-away check."""
        a, b = self.a, self.b
        if self.op is Operation.ADD:
            return (str(a + b),)
        if self.op is Operation.SUBTRACT:
            return (str(a - b),)
        if self.op is Operation.MULTIPLY:
            return (str(a * b),)
        if b == 0:
            return ()
        quotient, remainder = divmod(a, b)
        return (str(quotient),) if remainder == 0 else (str(quotient), f"{a / b:.2f}".rstrip("0"))

    def gives_away(self, text: str) -> bool:
        """True when ``text`` states the result (an operand equal to it cannot be avoided)."""
        for result in self.results():
            if result in (str(self.a), str(self.b)):
                continue
            if re.search(rf"(?<![\d.]){re.escape(result)}(?![\d])", text):
                return True
        return False


class HomeworkKind(StrEnum):
    CHECK = "check"  # the child offers an answer to the problem they asked before
    MATH = "math"
    ANSWER_PLEASE = "answer_please"
    SPELLING = "spelling"
    ESSAY = "essay"
    RESEARCH = "research"
    GENERAL = "general"


_PATTERN_KINDS = (
    HomeworkKind.ANSWER_PLEASE,
    HomeworkKind.SPELLING,
    HomeworkKind.ESSAY,
    HomeworkKind.RESEARCH,
    HomeworkKind.GENERAL,
)


@dataclass(frozen=True)
class HomeworkRequest:
    kind: HomeworkKind
    problem: MathProblem | None = None
    guess: int | None = None
    slots: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class HomeworkReply:
    lines: list[str]
    question: str | None


def han_to_int(text: str) -> int:
    """ "七" → 7, "十二" → 12, "二十" → 20, "一百零五" → 105 (enough for homework sums)."""
    total, current = 0, 0
    for ch in text:
        if ch in _HAN_DIGITS:
            current = _HAN_DIGITS[ch]
        elif ch in _HAN_UNITS:
            total += (current or 1) * _HAN_UNITS[ch]
            current = 0
    return total + current


def strategies(p: MathProblem) -> list[tuple[str, dict[str, int]]]:
    """Which hint families fit this problem, with the numbers each one mentions."""
    a, b = p.a, p.b
    base = {"a": a, "b": b}
    if p.op is Operation.MULTIPLY:
        return _multiply(a, b, base)
    if p.op is Operation.ADD:
        return _add(a, b, base)
    if p.op is Operation.SUBTRACT:
        return _subtract(a, b, base)
    return _divide(a, b, base)


def _multiply(a: int, b: int, base: dict) -> list[tuple[str, dict]]:
    small, big = sorted((a, b))
    if small == 0:
        return [("mul_zero", {**base, "n": big})]
    if small == 1:
        return [("mul_one", {**base, "n": big})]
    if small > 12:
        return [("mul_columns", base)]
    if big > 12:
        if big < 100 and big % 10 == 0:
            return [("mul_tens", {**base, "small": small, "big": big, "count": big // 10})]
        if big < 100:
            tens, ones = big // 10 * 10, big % 10
            return [
                ("mul_split_tens", {**base, "small": small, "big": big, "tens": tens, "ones": ones})
            ]
        return [("mul_columns", base)]
    out: list[tuple[str, dict]] = []
    if small == 2:
        out.append(("mul_double", {**base, "n": big}))
    for special, key in ((10, "mul_ten"), (5, "mul_five"), (9, "mul_nine")):
        if special in (a, b):
            out.append((key, {**base, "n": b if a == special else a}))
    for x, y in ((a, b), (b, a)):
        if y % 2 == 0 and y >= 4:
            out.append(("mul_half_double", {**base, "x": x, "y": y, "half": y // 2}))
            break
    if not out:
        part = 5 if big > 5 else big - 1
        out.append(("mul_split", {**base, "x": small, "y": big, "y1": part, "y2": big - part}))
    for x, y in ((a, b), (b, a)):
        if 5 <= y <= 12:
            out.append(("mul_skip_count", {**base, "x": x, "y": y, "x2": 2 * x, "x3": 3 * x}))
            break
    return out


def _add(a: int, b: int, base: dict) -> list[tuple[str, dict]]:
    big, small = max(a, b), min(a, b)
    if small <= 10 and big < 100:
        return [("add_count_on", {**base, "big": big, "small": small})]
    if big >= 100:
        return [("add_columns", base)]
    out = [("add_split", {**base, "a_tens": a // 10 * 10, "a_ones": a % 10,
                          "b_tens": b // 10 * 10, "b_ones": b % 10})]  # fmt: skip
    if a % 10 and b % 10 and a % 10 + b % 10 > 10:
        need = 10 - a % 10
        out.append(("add_make_ten", {**base, "need": need, "next_ten": a + need}))
    return out


def _subtract(a: int, b: int, base: dict) -> list[tuple[str, dict]]:
    if a < b:
        return [("sub_negative", base)]
    if a <= 20 and b <= 10:
        return [("sub_count_back", base)]
    out = []
    if a < 1000:
        out.append(("sub_count_up", base))
    if 10 <= b < 100 and b % 10 and a < 1000:
        out.append(("sub_split", {**base, "b_tens": b // 10 * 10, "b_ones": b % 10}))
    if a >= 100:
        out.append(("sub_columns", base))
    return out


def _divide(a: int, b: int, base: dict) -> list[tuple[str, dict]]:
    if b == 0:
        return [("div_zero", base)]
    out = [("div_times_table", base)]
    if a <= 100:
        out.append(("div_share", base))
    if b == 2:
        out.append(("div_half", base))
    return out


class HomeworkHelper:
    """Finds homework in a message and phrases hints, for one language."""

    def __init__(self, language: str):
        data = load_json("companion", f"homework.{language}.json")
        self.language = language
        self._ops: dict[str, Operation] = {
            k.lower(): Operation(v) for k, v in data["operators"].items()
        }
        self._ambiguous = set(data["ambiguous_operators"])
        self._words: dict[str, int] = data.get("number_words", {})
        ops = "|".join(re.escape(o) for o in sorted(self._ops, key=len, reverse=True))
        number = r"\d+"
        if self._words:
            words = "|".join(sorted(self._words, key=len, reverse=True))
            number += rf"|(?<![a-z])(?:{words})(?![a-z])"
        if language == "zh":
            number += f"|{HAN_NUMBER}"
        self._math = re.compile(
            rf"(?<![\d.])(?P<a>{number})\s*(?P<op>{ops})\s*(?P<b>{number})(?![\d.])", re.I
        )
        self._cue = re.compile(data["question_cue"], re.I)
        self._guess = re.compile(data["guess"], re.I)
        self._patterns = {
            k: [re.compile(p, re.I) for p in data["patterns"][k.value]] for k in _PATTERN_KINDS
        }
        self._texts = {key: parse_all(value) for key, value in data["texts"].items()}
        self._strategies = {key: parse_all(value) for key, value in data["strategies"].items()}

    # -- finding homework --------------------------------------------------------------------
    def _number(self, token: str) -> int:
        token = token.lower()
        if token.isdigit():
            return int(token)
        if token in self._words:
            return self._words[token]
        return han_to_int(token)

    def find_problem(self, text: str) -> MathProblem | None:
        for match in self._math.finditer(text):
            op_text = match["op"].lower()
            if op_text in self._ambiguous and not self._cue.search(text):
                continue
            a, b = self._number(match["a"]), self._number(match["b"])
            if a < _LIMIT and b < _LIMIT:
                return MathProblem(a, self._ops[op_text], b)
        return None

    def guess(self, text: str) -> int | None:
        match = self._guess.search(text.strip())
        return self._number(match["n"]) if match else None

    def detect(self, text: str, earlier_user_texts: Sequence[str]) -> HomeworkRequest | None:
        """The homework request in ``text``; ``earlier_user_texts`` (oldest first) give context."""
        guess = self.guess(text)
        if guess is not None:
            problem = self._pending_problem(earlier_user_texts)
            if problem is not None:
                return HomeworkRequest(HomeworkKind.CHECK, problem, guess)
        problem = self.find_problem(text)
        if problem is not None:
            return HomeworkRequest(HomeworkKind.MATH, problem)
        for kind in _PATTERN_KINDS:
            for pattern in self._patterns[kind]:
                match = pattern.search(text)
                if match:
                    slots = {k: v.strip() for k, v in match.groupdict().items() if v and v.strip()}
                    return HomeworkRequest(kind, slots=slots)
        return None

    def _pending_problem(self, earlier: Sequence[str]) -> MathProblem | None:
        """The sum the child asked about in one of their last few messages ("I don't know",
        a wrong guess or two may come in between)."""
        for text in reversed(earlier[-3:]):
            problem = self.find_problem(text)
            if problem is not None:
                return problem
        return None

    # -- answering ---------------------------------------------------------------------------
    def reply(
        self, request: HomeworkRequest, rng: random.Random, avoid: str, young: bool
    ) -> HomeworkReply:
        texts = self._texts
        slots = {k: str(v) for k, v in request.slots.items()}
        problem = request.problem
        if problem is not None:
            slots.update(a=str(problem.a), b=str(problem.b), sym=_SYMBOLS[problem.op])
        if request.kind is HomeworkKind.CHECK and problem is not None:
            slots["guess"] = str(request.guess)
            if str(request.guess) in problem.results():
                return HomeworkReply(
                    [self._pick(rng, "check_right", slots, avoid)],
                    self._pick(rng, "check_right_followups", slots, avoid),
                )
            lines = [self._pick(rng, "check_wrong", slots, avoid), self._hint(problem, rng, avoid)]
            return self._ending(lines, "math_followups", rng, slots, avoid)
        if request.kind is HomeworkKind.MATH and problem is not None:
            intro = "young_math_intro" if young and texts.get("young_math_intro") else "math_intro"
            lines = [self._pick(rng, intro, slots, avoid), self._hint(problem, rng, avoid)]
            if problem.op is Operation.DIVIDE and problem.b and problem.a % problem.b:
                lines.append(self._pick(rng, "div_remainder", slots, avoid))
            return self._ending(lines, "math_followups", rng, slots, avoid)
        key = request.kind.value
        return self._ending([self._pick(rng, key, slots, avoid)], f"{key}_followups", rng, slots, avoid)

    def _ending(
        self, lines: list[str], followups: str, rng: random.Random, slots: dict[str, str], avoid: str
    ) -> HomeworkReply:
        """A guiding question to finish, unless the hint already ends with one: then a nudge
        ("Give it a try!"), so the child is not asked the same thing twice."""
        if lines and lines[-1].rstrip().endswith(("?", "？")):
            return HomeworkReply(lines, self._pick(rng, "nudges", slots, avoid) or None)
        return HomeworkReply(lines, self._pick(rng, followups, slots, avoid))

    def _hint(self, problem: MathProblem, rng: random.Random, avoid: str) -> str:
        pool = []
        for key, numbers in strategies(problem):
            slots = {k: str(v) for k, v in numbers.items()}
            slots["sym"] = _SYMBOLS[problem.op]
            pool.extend(t.fill(slots) for t in self._strategies[key] if t.fits(slots))
        safe = [line for line in pool if not problem.gives_away(line)]
        if not safe:
            slots = {"a": str(problem.a), "b": str(problem.b), "sym": _SYMBOLS[problem.op]}
            safe = [t.fill(slots) for t in self._strategies["generic"]]
        fresh = [line for line in safe if line not in avoid]
        return rng.choice(fresh or safe)

    def _pick(self, rng: random.Random, key: str, slots: dict[str, str], avoid: str) -> str:
        return choose(rng, self._texts.get(key, ()), slots, avoid=avoid) or ""


@cache
def homework_helper(language: str) -> HomeworkHelper:
    return HomeworkHelper(language)
