"""Every audit kind Hearth can write reads as words in the guardian's language.

The kinds come from the code, not from a list in this test: the core's enums (``AuditKind``,
``LimitEventKind``) and every literal or constant handed to an audit ``record`` call anywhere
in desktop/ and ui/. A new kind without a label fails here before a guardian sees a raw code.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from desktop.guardian.audit import Actor, AuditKind
from desktop.limits.audit import LimitEventKind
from tests.ui import guardian_fixtures as gf
from ui.i18n import install_translators
from ui.parental.audit_labels import audit_kind_label, audit_kind_labels
from ui.parental.audit_page import AuditPage

secret_service = gf.secret_service
keyring_service = gf.keyring_service
home = gf.home
family = gf.family

ROOT = Path(__file__).resolve().parents[2]
ENUMS = {"AuditKind": AuditKind, "LimitEventKind": LimitEventKind}
DOTTED = re.compile(r"^[a-z_]+\.[a-z_]+$")
#: ``audit.record(actor, kind, …)``, a sink's ``record(kind, …)`` and the panel's ``_audit(kind, …)``.
RECORDERS = {"record", "_audit"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def _resolve(node, constants: dict[str, ast.expr]) -> str | None:
    """A string literal, ``AuditKind.X`` / ``LimitEventKind.X``, or a module constant of those."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in ENUMS
    ):
        return ENUMS[node.value.id][node.attr].value
    if isinstance(node, ast.Name) and node.id in constants:
        return _resolve(constants[node.id], constants)
    return None


def kinds_written_in(path: Path) -> list[tuple[str, str]]:
    """(where, kind) for every dotted code passed to a ``record(...)``/``_audit(...)`` call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in RECORDERS:
            for arg in node.args[:2]:  # record(actor, kind, ...) or a sink's record(kind, ...)
                value = _resolve(arg, constants)
                if value and DOTTED.match(value):
                    found.append((f"{path.relative_to(ROOT)}:{node.lineno}", value))
    return found


def all_kinds_written() -> list[tuple[str, str]]:
    return [
        k
        for top in ("desktop", "ui")
        for p in sorted((ROOT / top).rglob("*.py"))
        for k in kinds_written_in(p)
    ]


def test_every_kind_in_the_core_enums_has_its_own_label():
    labels = audit_kind_labels()
    kinds = [*AuditKind, *LimitEventKind]
    assert [k.value for k in kinds if k not in labels] == []
    assert [k.value for k in kinds if not labels[k] or labels[k] == k.value] == []
    assert len(set(labels.values())) == len(labels), "two kinds read the same"


def test_every_kind_the_code_records_has_a_label():
    written = all_kinds_written()
    kinds = {kind for _, kind in written}
    # The scan really sees the writers: core, time limits, the panel and the child's screens.
    assert {
        AuditKind.PIN_CHANGED,
        LimitEventKind.LIMIT_HIT,
        AuditKind.PANEL_OPENED,
        AuditKind.MORE_TIME_DECIDED,
        AuditKind.CRISIS_ACKNOWLEDGED,
    } <= kinds
    labels = audit_kind_labels()
    assert [(where, kind) for where, kind in written if kind not in labels] == []


def test_an_unknown_kind_is_shown_as_written():
    assert audit_kind_label("appeal.sent") == "appeal.sent"
    assert audit_kind_label(AuditKind.PIN_FAILED) == "Wrong PIN"
    assert audit_kind_label("pin.failed", {}) == "pin.failed"  # a cached table is honoured


def _whats(page) -> list[str]:
    return [page.table.item(r, 2).text() for r in range(page.table.rowCount())]


def test_the_audit_page_reads_in_english_and_in_chinese(qtbot, qapp, family):
    audit = family.core.audit
    family.core.pins.verify("000000")
    audit.for_actor(Actor.SYSTEM).record(
        LimitEventKind.CURFEW_ATTEMPT, {"profile_id": family.child.id}
    )
    audit.record(Actor.GUARDIAN, AuditKind.HISTORY_EXPORTED, {"profile_id": family.child.id})
    audit.record(Actor.CHILD, "appeal.sent", {})
    page = AuditPage(family.context())
    qtbot.addWidget(page)
    page.load()
    english = _whats(page)
    assert english[:4] == [
        "appeal.sent",
        "Chat history exported",
        "Tried to chat during the night-time curfew",
        "Wrong PIN",
    ]
    assert not [w for w in english if DOTTED.match(w) and w != "appeal.sent"]

    install_translators(qapp, "zh")
    gf.announce_language_change(page)
    chinese = _whats(page)
    assert chinese[:4] == ["appeal.sent", "已导出聊天记录", "在夜间休息时段尝试聊天", "PIN 码错误"]
    assert all(CJK.search(w) for w in chinese[1:]), chinese
    assert page.kind_box.itemText(0) == "全部事件"
    filters = [page.kind_box.itemText(i) for i in range(1, page.kind_box.count())]
    assert "appeal.sent" in filters and all(CJK.search(f) for f in filters if f != "appeal.sent")
    assert page.table.horizontalHeaderItem(2).text() == "事件"
    assert page.table.item(0, 1).text() == "孩子"


@pytest.mark.parametrize("kind", [*AuditKind, *LimitEventKind], ids=str)
def test_every_label_has_a_chinese_translation(qapp, kind):
    install_translators(qapp, "zh")
    assert CJK.search(audit_kind_label(kind)), kind
