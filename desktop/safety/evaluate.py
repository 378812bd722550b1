"""Measure the detector on a labelled JSONL file.

    python -m desktop.safety.evaluate FILE.jsonl [--json]

Each line is an object with ``text``, ``lang``, ``label`` (a :class:`Category` value) and
optionally ``hard_negative``; other fields are ignored. A row counts as detected for its label
when that label is among the assessed categories (a message can carry several). A ``none`` row
is a false positive when any risk category is assessed.

The text report is for people; ``--json`` prints exactly one object for scripts and CI:
``overall``, ``by_lang``, ``hard_negative_fpr``, ``ordinary_fpr``, ``latency_ms``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.safety.categories import Category
from desktop.safety.detector import assess


@dataclass(frozen=True)
class Row:
    text: str
    lang: str
    label: str
    hard_negative: bool


@dataclass(frozen=True)
class Scored:
    row: Row
    categories: frozenset[str]
    seconds: float

    @property
    def flagged(self) -> bool:
        """Any risk category at all (what a false positive on a ``none`` row means)."""
        return bool(self.categories - {Category.NONE.value})


def read_rows(path: Path) -> list[Row]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            data = json.loads(line)
            label = str(data["label"])
            try:
                Category(label)
            except ValueError:
                raise SystemExit(f"{path}:{number}: unknown label {label!r}") from None
            rows.append(
                Row(
                    str(data["text"]),
                    str(data.get("lang") or "en"),
                    label,
                    bool(data.get("hard_negative", False)),
                )
            )
    return rows


def score(rows: Iterable[Row], detector: Callable = assess) -> list[Scored]:
    detector("warm up")  # compile the lexicons outside the timed region
    scored = []
    clock = time.perf_counter
    for row in rows:
        start = clock()
        assessment = detector(row.text, row.lang)
        elapsed = clock() - start
        scored.append(Scored(row, frozenset(c.value for c in assessment.categories), elapsed))
    return scored


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def label_metrics(scored: Sequence[Scored]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support for every label present in the rows or predictions."""
    labels = {s.row.label for s in scored} | {c for s in scored for c in s.categories}
    order = [c.value for c in Category if c.value in labels]
    table: dict[str, dict[str, float]] = {}
    for label in order:
        tp = sum(1 for s in scored if s.row.label == label and label in s.categories)
        fp = sum(1 for s in scored if s.row.label != label and label in s.categories)
        support = sum(1 for s in scored if s.row.label == label)
        precision = _ratio(tp, tp + fp)
        recall = _ratio(tp, support)
        f1 = _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
        table[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    return table


def _fpr(scored: Sequence[Scored], *, hard: bool) -> dict[str, float]:
    out: dict[str, float] = {}
    for lang in sorted({s.row.lang for s in scored}):
        pool = [
            s
            for s in scored
            if s.row.lang == lang
            and s.row.label == Category.NONE.value
            and s.row.hard_negative is hard
        ]
        if pool:
            out[lang] = _ratio(sum(s.flagged for s in pool), len(pool))
    return out


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def report(scored: Sequence[Scored]) -> dict:
    millis = [s.seconds * 1000 for s in scored]
    langs = sorted({s.row.lang for s in scored})
    return {
        "overall": label_metrics(scored),
        "by_lang": {
            lang: label_metrics([s for s in scored if s.row.lang == lang]) for lang in langs
        },
        "hard_negative_fpr": _fpr(scored, hard=True),
        "ordinary_fpr": _fpr(scored, hard=False),
        "latency_ms": {
            "median": statistics.median(millis) if millis else 0.0,
            "p99": _percentile(millis, 0.99),
        },
    }


def format_text(result: dict) -> str:
    lines = []

    def table(title: str, metrics: dict[str, dict[str, float]]) -> None:
        lines.append(title)
        lines.append(f"  {'label':<14}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}")
        for label, m in metrics.items():
            lines.append(
                f"  {label:<14}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}"
                f"{m['support']:>9d}"
            )

    table("overall", result["overall"])
    for lang, metrics in result["by_lang"].items():
        table(f"lang={lang}", metrics)
    for key in ("hard_negative_fpr", "ordinary_fpr"):
        values = ", ".join(f"{lang}={v:.3f}" for lang, v in result[key].items()) or "n/a"
        lines.append(f"{key}: {values}")
    lat = result["latency_ms"]
    lines.append(f"latency_ms: median={lat['median']:.3f} p99={lat['p99']:.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop.safety.evaluate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("file", type=Path, help="JSONL rows {text, lang, label, hard_negative}")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = report(score(read_rows(args.file)))
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(format_text(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
