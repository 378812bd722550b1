"""Run the compiled lexicons over the normalised views of one message.

The prefilter finds where each rule's literals occur, and only the sentences around those places
are masked and searched by the rules that own them. Measured on the development data this is
4-10 times faster than masking the whole text and running one alternation per lexicon file, for
short chat messages and 30 000-character forum posts alike. The whole-text path is kept: tests
use it as the reference the windowed path must agree with.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.safety.categories import Category
from desktop.safety.lexicon import CompiledScript, RuleSet
from desktop.safety.normalize import NormalizedText

#: Views longer than this take the windowed path (all of them: it is faster at every length).
LONG_TEXT = 0
#: A window is the sentence around a literal; a longer sentence is cut on a grid of this size.
RADIUS = 150
#: Stands for "more text here", so ^/$ rules cannot mistake a window edge for the message edge.
_EDGE = "\u00b6"


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon file that fired: its key (category or reason), the line, the text matched."""

    key: str
    subtype: str
    rule: str
    matched: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """One rule that fired: which category, the lexicon line, and the normalised text matched."""

    category: Category
    subtype: str
    rule: str
    matched: str


def _evidence(rule_set: RuleSet, source: str, matched: str) -> Hit:
    return Hit(rule_set.key, rule_set.subtype, source, matched)


def _scan_whole(compiled: CompiledScript, text: str, seen: set, found: list[Hit]) -> None:
    text = compiled.apply_masks(text)
    for rule_set in compiled.rule_sets:
        key = (rule_set.key, rule_set.subtype)
        if key in seen:
            continue
        hit = rule_set.search(text)
        if hit is not None:
            seen.add(key)
            found.append(_evidence(rule_set, hit[0].source, hit[1]))


def _window(text: str, position: int, breaks: str) -> tuple[int, int]:
    """The sentence around ``position``; very long sentences are cut on a fixed grid.

    Windows come from a fixed set of spans, so each is masked once however many literals fall
    inside it. Rules are written to match within one sentence, so a window loses nothing.
    """
    # The window keeps the mark that ends the previous sentence: rules may begin with ". ".
    start = max(0, max(text.rfind(b, 0, position) for b in breaks))
    ends = [i for i in (text.find(b, position) for b in breaks) if i != -1]
    end = min(ends) + 1 if ends else len(text)  # keep the mark that ends this sentence too
    if end - start > 3 * RADIUS:
        cell = (position - start) // RADIUS
        low = max(start, start + (cell - 1) * RADIUS)
        high = min(end, start + (cell + 2) * RADIUS)
        if low > start:
            space = text.find(" ", low, position)
            low = space + 1 if space != -1 else low
        if high < end:
            space = text.rfind(" ", position, high)
            high = space if space != -1 else high
        start, end = low, high
    return start, end


def _edge_window(text: str, edge: str) -> tuple[int, int]:
    """Where a rule tied to the start or end of the message (``^``/``$``) can match."""
    reach = 3 * RADIUS
    if edge == "start":
        return 0, len(text) if len(text) <= reach else max(text.rfind(" ", 0, reach), 1)
    return (0 if len(text) <= reach else text.find(" ", len(text) - reach) + 1), len(text)


def _scan_windows(compiled: CompiledScript, text: str, seen: set, found: list[Hit]) -> None:
    hits = compiled.prefilter.scan(text)
    breaks = compiled.script.sentence_breaks
    spans: dict[int, tuple[int, int]] = {
        -1: _edge_window(text, "start"),
        -2: _edge_window(text, "end"),
    }
    raw: dict[tuple[int, int], str] = {}
    masked: dict[tuple[int, int], str] = {}
    edges = {"start": -1, "end": -2}
    gate_spots: list[int] | None = None

    def window(position: int) -> tuple[tuple[int, int], str]:
        span = spans.get(position)
        if span is None:
            span = spans[position] = _window(text, position, breaks)
        piece = raw.get(span)
        if piece is None:
            start, end = span
            piece = text[start:end]
            if start > 0:
                piece = f"{_EDGE} {piece}"
            if end < len(text):
                piece = f"{piece} {_EDGE}"
            raw[span] = piece
        return span, piece

    def masked_piece(span: tuple[int, int], piece: str) -> str:
        done = masked.get(span)
        if done is None:
            done = masked[span] = compiled.apply_masks(piece)
        return done

    for set_index, rule_set in enumerate(compiled.rule_sets):
        key = (rule_set.key, rule_set.subtype)
        if key in seen:
            continue
        for rule_index, rule in enumerate(rule_set.rules):
            if rule.anchor is not None:
                positions = [edges[rule.anchor]]
            elif rule.literals is None:
                # No literal to look for: the folder's gate (which every such rule needs) marks
                # the places to look; without a gate, search the whole text.
                if gate_spots is None:
                    gate_spots = (
                        [m.start() for m in compiled.gate.finditer(text)]
                        if compiled.gate is not None
                        else []
                    )
                positions = (
                    gate_spots
                    if compiled.gate is not None
                    else [m.start() for m in rule.regex.finditer(text)]
                )
            else:
                positions = hits.get((set_index, rule_index), [])
            match = None
            tried: set[tuple[int, int]] = set()
            for position in positions:
                span, piece = window(position)
                if span in tried:
                    continue
                tried.add(span)
                # Masks only ever remove text, so a window the rule misses unmasked is skipped
                # without paying for the masks.
                if rule.regex.search(piece) is None:
                    continue
                match = rule.regex.search(masked_piece(span, piece))
                if match is not None:
                    break
            if match is not None:
                seen.add(key)
                found.append(_evidence(rule_set, rule.source, match.group(0)))
                break


def scan_hits(
    views: object,
    scripts: tuple[CompiledScript, ...],
    *,
    windowed: bool | None = None,
) -> list[Hit]:
    """Every (key, subtype) found in the views of ``views`` (a NormalizedText), first rule each.

    ``windowed`` forces one path (tests compare them); by default the windowed path runs.
    """
    found: list[Hit] = []
    seen: set[tuple[str, str]] = set()
    for compiled in scripts:
        text = getattr(views, compiled.script.view)
        if not compiled.applies_to(text):
            continue
        use_windows = len(text) > LONG_TEXT if windowed is None else windowed
        if use_windows:
            _scan_windows(compiled, text, seen, found)
        else:
            _scan_whole(compiled, text, seen, found)
    return found


def scan(
    norm: NormalizedText,
    scripts: tuple[CompiledScript, ...],
    *,
    windowed: bool | None = None,
) -> list[Evidence]:
    """Every (category, subtype) found in ``norm``, with the first rule that showed it."""
    return [
        Evidence(Category(hit.key), hit.subtype, hit.rule, hit.matched)
        for hit in scan_hits(norm, scripts, windowed=windowed)
    ]
