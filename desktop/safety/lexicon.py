"""Load the pattern files under ``resources/safety/lexicon/`` and compile them once.

Layout (documented for reviewers in docs/safety.md)::

    resources/safety/lexicon/<script>/<category>[.<subtype>].txt
    resources/safety/lexicon/<script>/_macros.txt    NAME = regex, used as {NAME}
    resources/safety/lexicon/<script>/_masks.txt     idioms/negations blanked out first
    resources/safety/lexicon/<script>/_gate.txt      optional: skip the folder unless it matches

``<script>`` is ``en`` (matched against the ``latin`` view), ``zh`` (the ``han`` view),
``pinyin`` (the ``pinyin`` view) or ``raw`` (the ``base`` view: digits, e-mail addresses).
One regular expression per line; ``#`` starts a comment line. How a line becomes a regex
(optional spaces, relaxed double letters, word edges) is in :mod:`desktop.safety.patterns`.
Patterns must not use capturing groups: every rule gets one named group so evidence can say
which line fired.

Files are compiled into one alternation per (script, file), so a short message costs one scan
per file rather than one per line. Each rule is also compiled alone, with the literals any of its
matches must contain (see :mod:`desktop.safety.prefilter`), for the windowed scan of long texts.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from desktop.resources import resource_path
from desktop.safety.categories import Category
from desktop.safety.patterns import SCRIPTS, Script, anchor_of, prepare
from desktop.safety.prefilter import Prefilter, required_literals


@dataclass(frozen=True)
class Rule:
    """One pattern line; ``source`` is ``script/file:line`` for evidence and debugging."""

    source: str
    pattern: str
    regex: re.Pattern[str]
    #: One of these occurs in every match; None means the rule must scan the whole text.
    literals: frozenset[str] | None
    #: "start" or "end" when the rule only matches at that edge of the message (exit phrases).
    anchor: str | None = None


@dataclass(frozen=True)
class RuleSet:
    """All rules of one file; ``regex`` is them all as one alternation.

    ``key`` is the file name before the first dot: a :class:`Category` value for the detector's
    lexicons, an output-filter reason for the output lexicons.
    """

    key: str
    subtype: str
    script: str
    rules: tuple[Rule, ...]

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Compiled on first use: the windowed scan needs only the rules one by one, so the
        alternation (as costly to compile as the rules themselves) is paid only by the whole-text
        scan and the output filter."""
        parts = [f"(?P<r{i}>{rule.regex.pattern})" for i, rule in enumerate(self.rules)]
        return re.compile("|".join(parts) if parts else r"(?!x)x")

    @property
    def category(self) -> Category:
        return Category(self.key)

    def search(self, text: str) -> tuple[Rule, str] | None:
        match = self.regex.search(text)
        if match is None:
            return None
        index = int(match.lastgroup[1:])  # type: ignore[index]
        return self.rules[index], match.group(0)


@dataclass(frozen=True)
class Masks:
    """The ``_masks.txt`` lines of one script; only lines whose literals occur are applied."""

    regexes: tuple[re.Pattern[str], ...]
    always: tuple[int, ...]
    prefilter: Prefilter
    replacement: str

    def apply(self, text: str) -> str:
        if not self.regexes:
            return text
        return self.apply_lines(text, set(self.prefilter.hits(text)))

    def apply_lines(self, text: str, lines: set[int]) -> str:
        """Apply the mask lines ``lines`` (plus those without literals) in file order."""
        for index in sorted(lines.union(self.always)):
            text = self.regexes[index].sub(self.replacement, text)
        return text


@dataclass(frozen=True)
class CompiledScript:
    script: Script
    masks: Masks
    rule_sets: tuple[RuleSet, ...]
    gate: re.Pattern[str] | None
    prefilter: Prefilter

    def applies_to(self, text: str) -> bool:
        return bool(text) and (self.gate is None or self.gate.search(text) is not None)

    def apply_masks(self, text: str) -> str:
        return self.masks.apply(text)


def _lines(path: Path) -> list[tuple[int, str]]:
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        out.append((number, line))
    return out


def _load_macros(folder: Path) -> dict[str, str]:
    path = folder / "_macros.txt"
    macros: dict[str, str] = {}
    if not path.exists():
        return macros
    for number, line in _lines(path):
        name, sep, body = line.partition("=")
        if not sep:
            raise ValueError(f"{path}:{number}: expected NAME = regex")
        macros[name.strip()] = body.strip()
    return macros


def _load_common(folder: Path) -> frozenset[str]:
    path = folder / "_common.txt"
    if not path.exists():
        return frozenset()
    return frozenset(word for _, line in _lines(path) for word in line.split())


def _compile_file(
    path: Path, script: Script, macros: dict[str, str], common: frozenset[str] = frozenset()
) -> RuleSet:
    stem = path.name.removesuffix(".txt")
    key, _, subtype = stem.partition(".")
    rules: list[Rule] = []
    for number, line in _lines(path):
        where = f"{script.name}/{path.name}:{number}"
        body = prepare(line, script, macros, where)
        literals = required_literals(body, script.min_literal, common)
        rules.append(Rule(where, line, re.compile(body), literals, anchor_of(body)))
    return RuleSet(key, subtype, script.name, tuple(rules))


def _compile_masks(folder: Path, script: Script, macros: dict[str, str]) -> Masks:
    path = folder / "_masks.txt"
    lines = _lines(path) if path.exists() else []
    bodies = [prepare(line, script, macros, f"{script.name}/_masks.txt:{n}") for n, line in lines]
    literals = [required_literals(body, script.min_literal) for body in bodies]
    return Masks(
        tuple(re.compile(body) for body in bodies),
        tuple(i for i, lit in enumerate(literals) if lit is None),
        Prefilter((i, lit) for i, lit in enumerate(literals) if lit is not None),
        script.mask_replacement,
    )


def lexicon_root() -> Path:
    return resource_path("safety", "lexicon")


#: The first caller compiles; a second thread asking meanwhile (the chat's first message during
#: the start-up warm-up) waits for that result instead of compiling everything a second time.
_COMPILING = threading.Lock()


def compiled_scripts(root: Path | None = None) -> tuple[CompiledScript, ...]:
    """Every script folder compiled; cached, so the first call pays (a few seconds) and no other."""
    with _COMPILING:
        return _compiled_scripts(root)


@cache
def _compiled_scripts(root: Path | None) -> tuple[CompiledScript, ...]:
    root = root or lexicon_root()
    compiled = []
    for script in SCRIPTS:
        folder = root / script.name
        if not folder.is_dir():
            continue
        macros = _load_macros(folder)
        common = _load_common(folder)
        rule_sets = tuple(
            _compile_file(path, script, macros, common)
            for path in sorted(folder.glob("*.txt"))
            if not path.name.startswith("_")
        )
        prefilter = Prefilter(
            ((set_index, rule_index), rule.literals)
            for set_index, rule_set in enumerate(rule_sets)
            for rule_index, rule in enumerate(rule_set.rules)
            if rule.literals is not None
        )
        compiled.append(
            CompiledScript(
                script,
                _compile_masks(folder, script, macros),
                rule_sets,
                _compile_gate(folder),
                prefilter,
            )
        )
    return tuple(compiled)


def _compile_gate(folder: Path) -> re.Pattern[str] | None:
    path = folder / "_gate.txt"
    if not path.exists():
        return None
    return re.compile("|".join(line for _, line in _lines(path)))
