"""The evaluation CLI, run as a real process on a small JSONL file written here."""

import json
import subprocess
import sys

import pytest

ROWS = [
    {
        "id": "a",
        "text": "i am planning to kill myself",
        "lang": "en",
        "label": "self_harm",
        "hard_negative": False,
    },
    # deliberately mislabelled so that self_harm recall is 1/2
    {"id": "b", "text": "i like turtles", "lang": "en", "label": "self_harm"},
    {"id": "c", "text": "hello there", "lang": "en", "label": "none", "hard_negative": False},
    {"text": "this homework is killing me", "lang": "en", "label": "none", "hard_negative": True},
    {"text": "bye", "lang": "en", "label": "none", "hard_negative": True, "source": "x"},
    {"text": "我好绝望", "lang": "zh", "label": "distress", "hard_negative": False},
    {"text": "你好", "lang": "zh", "label": "none", "hard_negative": False},
    {"text": "笑死我了", "lang": "zh", "label": "none", "hard_negative": True},
    {"text": "再见", "lang": "zh", "label": "exit", "hard_negative": False},
]


def _run(path, *args):
    return subprocess.run(
        [sys.executable, "-m", "desktop.safety.evaluate", str(path), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def dev_file(tmp_path):
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n", "utf-8")
    return path


def test_json_report_has_the_documented_shape_and_numbers(dev_file):
    result = _run(dev_file, "--json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert set(report) == {"overall", "by_lang", "hard_negative_fpr", "ordinary_fpr", "latency_ms"}
    for table in [report["overall"], *report["by_lang"].values()]:
        for metrics in table.values():
            assert set(metrics) == {"precision", "recall", "f1", "support"}

    overall = report["overall"]
    assert overall["self_harm"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": pytest.approx(2 / 3),
        "support": 2,
    }
    assert overall["distress"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    # "bye" labelled none is a detected exit: a false positive for exit and for the none row
    assert overall["exit"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": pytest.approx(2 / 3),
        "support": 1,
    }
    assert overall["none"]["support"] == 5
    assert overall["none"]["recall"] == pytest.approx(4 / 5)
    assert overall["none"]["precision"] == pytest.approx(4 / 5)

    assert set(report["by_lang"]) == {"en", "zh"}
    assert report["by_lang"]["en"]["self_harm"]["support"] == 2
    assert report["by_lang"]["zh"]["distress"]["recall"] == 1.0
    assert report["by_lang"]["en"]["exit"]["support"] == 0
    assert report["hard_negative_fpr"] == {"en": 0.5, "zh": 0.0}
    assert report["ordinary_fpr"] == {"en": 0.0, "zh": 0.0}
    latency = report["latency_ms"]
    assert set(latency) == {"median", "p99"}
    assert 0 < latency["median"] <= latency["p99"]


def test_text_report_prints_tables_for_people(dev_file):
    result = _run(dev_file)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "overall" in out and "lang=en" in out and "lang=zh" in out
    assert "hard_negative_fpr: en=0.500, zh=0.000" in out
    assert "latency_ms: median=" in out


def test_unknown_labels_are_rejected(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "x", "lang": "en", "label": "spam"}) + "\n", "utf-8")
    result = _run(path, "--json")
    assert result.returncode != 0
    assert "spam" in result.stderr
