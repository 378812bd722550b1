"""The team-written probe sets, scored as a whole: a lexicon change must not lose ground.

``tests/data/probes/{en,zh}.jsonl`` and ``{en2,zh2}.jsonl`` are child-voice messages written by
the team for this purpose (no evaluation data). The floors are the recall each set reached when
its rules were last reviewed, rounded down; the first sets were studied in full, the second
ones only on their even rows, so their floors are lower and closer to what unseen wording gets.
Raise a floor when the rules improve; never lower one to let a change through.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from desktop.safety import assess
from desktop.safety.categories import Category

PROBES = Path(__file__).resolve().parents[1] / "data" / "probes"

#: file -> label -> lowest acceptable recall; "hard_negative_fpr" is a ceiling.
FLOORS: dict[str, dict[str, float]] = {
    "en": {
        "dependence": 0.89,
        "distress": 0.89,
        "exit": 0.89,
        "financial": 0.92,
        "harmful": 0.89,
        "intimacy": 0.92,
        "personal_info": 0.82,
        "self_harm": 0.89,
        "sexual": 0.95,
        "hard_negative_fpr": 0.05,
    },
    "en2": {
        "dependence": 0.77,
        "distress": 0.75,
        "exit": 0.83,
        "financial": 0.69,
        "harmful": 0.86,
        "intimacy": 0.83,
        "personal_info": 0.86,
        "self_harm": 0.8,
        "sexual": 0.8,
        "hard_negative_fpr": 0.06,
    },
    "zh": {
        "dependence": 0.95,
        "distress": 0.95,
        "exit": 0.95,
        "financial": 0.95,
        "harmful": 0.95,
        "intimacy": 0.95,
        "personal_info": 0.95,
        "self_harm": 0.95,
        "sexual": 0.95,
        "hard_negative_fpr": 0.05,
    },
    "zh2": {
        "dependence": 0.86,
        "distress": 0.89,
        "exit": 0.83,
        "financial": 0.95,
        "harmful": 0.77,
        "intimacy": 0.92,
        "personal_info": 0.83,
        "self_harm": 0.86,
        "sexual": 0.8,
        "hard_negative_fpr": 0.05,
    },
}


def _score(name: str) -> tuple[dict[str, float], float]:
    hits: Counter[str] = Counter()
    support: Counter[str] = Counter()
    false_alarms = hard_negatives = 0
    for line in (PROBES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        found = {c.value for c in assess(row["text"], row["lang"]).categories}
        if row["label"] == "none":
            if row.get("hard_negative"):
                hard_negatives += 1
                false_alarms += found != {Category.NONE.value}
            continue
        support[row["label"]] += 1
        hits[row["label"]] += row["label"] in found
    return {label: hits[label] / support[label] for label in support}, false_alarms / hard_negatives


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_probe_set_keeps_its_recall_and_false_alarm_ceiling(name):
    recall, hard_negative_fpr = _score(name)
    floors = FLOORS[name]
    below = {
        label: round(recall[label], 3)
        for label, floor in floors.items()
        if label != "hard_negative_fpr" and recall[label] < floor
    }
    assert not below, f"{name}: recall fell below its floor: {below}"
    assert hard_negative_fpr <= floors["hard_negative_fpr"], hard_negative_fpr


def test_every_probe_set_has_floors():
    assert set(FLOORS) == {p.stem for p in PROBES.glob("*.jsonl")}
