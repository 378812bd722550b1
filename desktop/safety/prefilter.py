"""Find which rules can possibly fire in a long text, with one cheap scan.

A long post (a forum user's history can be 30 000 characters) would otherwise be scanned by
every one of several hundred rules. Instead, each rule's *required literals* are derived from its
compiled pattern: a set of strings such that any match must contain one of them. One scan
with a trie-shaped regular expression of all literals finds where they occur; each rule then
runs only on the sentences around its literals. The result is the same as a full scan (a test
checks this), at a fraction of the cost.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - older interpreters
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

#: Literals shorter than this occur everywhere; a rule whose best literal is shorter always runs.
MIN_LITERAL = 3
#: Largest set of alternative strings tracked for one piece of a pattern.
_LIMIT = 256

_Literals = frozenset[str] | None
_REPEATS = tuple(
    op
    for op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None))
    if op is not None
)
_ZERO_WIDTH = (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT)


#: Frequent words and the shortest usable literal, set by :func:`required_literals` while it runs.
_COMMON: frozenset[str] = frozenset()
_MIN_LENGTH = MIN_LITERAL


def _cost(literal: str) -> int:
    """Rough frequency of a literal in ordinary text: common words and short strings are costly."""
    core = literal.strip()
    if len(core) < _MIN_LENGTH:
        return 10_000
    if core in _COMMON or literal.replace(" ", "") in _COMMON:
        return 200
    return {1: 200, 2: 20, 3: 5, 4: 2}.get(len(core), 1)


def _quality(literals: frozenset[str]) -> tuple[int, int]:
    """Higher is more selective: a set's cost is the sum of its literals' costs."""
    return (-sum(map(_cost, literals)), min(len(x.strip()) for x in literals))


def _better(a: _Literals, b: _Literals) -> _Literals:
    """The more selective of two requirement sets (longest shortest literal, then fewest)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if _quality(a) >= _quality(b) else b


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _LIMIT:
        return None
    return frozenset(x + y for x in a for y in b)


def _reduce(strings: frozenset[str]) -> frozenset[str]:
    """Drop strings that contain another member: finding the shorter one is enough."""
    ordered = sorted(strings, key=len)
    kept: list[str] = []
    for candidate in ordered:
        if not any(k in candidate for k in kept):
            kept.append(candidate)
    return frozenset(kept)


def _common_suffix(strings: frozenset[str]) -> str:
    reversed_strings = [x[::-1] for x in strings]
    return os.path.commonprefix(reversed_strings)[::-1] if reversed_strings else ""


def _node(op, av) -> tuple[_Literals, _Literals]:
    """(every exact string the node can match, or None; strings one of which it must contain)."""
    if op is sre_c.LITERAL:
        return frozenset({chr(av)}), None
    if op in _ZERO_WIDTH:
        return frozenset({""}), None
    if op is sre_c.IN:
        if all(kind is sre_c.LITERAL for kind, _ in av) and len(av) <= 4:
            return frozenset(chr(code) for _, code in av), None
        return None, None
    if op is sre_c.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre_c.BRANCH:
        return _branch(av[1])
    if op in _REPEATS:
        low, high, body = av
        exact, required = _sequence(body)
        if exact is not None and high <= 2:
            options: set[str] = set()
            for count in range(low, high + 1):
                combo: frozenset[str] | None = frozenset({""})
                for _ in range(count):
                    combo = _product(combo, exact) if combo is not None else None
                if combo is None:
                    options = set()
                    break
                options |= combo
            if options and len(options) <= _LIMIT:
                return frozenset(options), None
        if low >= 1:
            return None, _better(exact if exact and "" not in exact else None, required)
        return None, None
    return None, None


def _sequence(items) -> tuple[_Literals, _Literals]:
    best: _Literals = None
    current: frozenset[str] = frozenset({""})
    all_exact = True

    def consider(candidate: frozenset[str]) -> None:
        nonlocal best
        if candidate and "" not in candidate:
            best = _better(best, _reduce(candidate))

    for op, av in items:
        exact, required = _node(op, av)
        if exact is None:
            best = _better(best, required)
        else:
            joined = _product(current, exact)
            if joined is not None:
                current = joined
                continue
            consider(current)
            # Keep what every string so far ends with ("th" + {an, en} -> {than, then}).
            tail = _common_suffix(current)
            current = frozenset(tail + x for x in exact) if tail else exact
            all_exact = False
            continue
        all_exact = False
        consider(current)
        current = frozenset({""})
    consider(current)
    return (current if all_exact else None), best


def _branch(alternatives) -> tuple[_Literals, _Literals]:
    exact_union: set[str] | None = set()
    required_union: set[str] | None = set()
    for alternative in alternatives:
        exact, required = _sequence(alternative)
        if exact is not None and exact_union is not None:
            exact_union |= exact
        else:
            exact_union = None
        usable = _better(exact if exact and "" not in exact else None, required)
        if usable is None or required_union is None:
            required_union = None
        else:
            required_union |= usable
    exact_out = (
        frozenset(exact_union) if exact_union is not None and len(exact_union) <= _LIMIT else None
    )
    return exact_out, (frozenset(required_union) if required_union else None)


def required_literals(
    pattern: str, min_length: int = MIN_LITERAL, common: frozenset[str] = frozenset()
) -> _Literals:
    """Strings one of which every match of ``pattern`` contains, or None if none can be proven.

    ``common`` words are avoided as literals when a rarer choice exists (they would wake the
    rule up in nearly every sentence); they are still used when nothing better is required.
    """
    global _COMMON, _MIN_LENGTH
    _COMMON, _MIN_LENGTH = common, min_length
    try:
        exact, required = _sequence(sre_parse.parse(pattern))
        found = _better(exact if exact and "" not in exact else None, required)
    finally:
        _COMMON, _MIN_LENGTH = frozenset(), MIN_LITERAL
    if found is None or min(len(lit.strip()) for lit in found) < min_length:
        return None
    return found


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, shaped as a trie so each position costs little."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return build(trie)


class Prefilter:
    """Maps keys (rules) to the positions in a text where one of their literals starts."""

    def __init__(self, requirements: Iterable[tuple[Hashable, frozenset[str]]]):
        owners: dict[str, list[Hashable]] = defaultdict(list)
        for key, literals in requirements:
            for literal in literals:
                owners[literal].append(key)
        words = sorted(owners)
        # A match of a longer literal also counts for every shorter literal it starts with.
        fires: dict[str, list[Hashable]] = {}
        for word in words:
            keys: list[Hashable] = []
            for end in range(1, len(word) + 1):
                keys.extend(owners.get(word[:end], ()))
            fires[word] = list(dict.fromkeys(keys))
        self._fires = fires
        self._regex = re.compile(f"(?=({trie_pattern(words)}))") if words else None

    def scan(self, text: str) -> dict[Hashable, list[int]]:
        """Every key with at least one literal in ``text``, and where its literals start."""
        found: dict[Hashable, list[int]] = {}
        if self._regex is None:
            return found
        spots: dict[str, list[int]] = {}
        for match in self._regex.finditer(text):
            word = match.group(1)
            if word:
                at = spots.get(word)
                if at is None:
                    spots[word] = [match.start()]
                else:
                    at.append(match.start())
        fires = self._fires
        for word, at in spots.items():
            for key in fires[word]:
                have = found.get(key)
                if have is None:
                    found[key] = list(at)
                else:
                    have.extend(at)
        return found

    hits = scan
