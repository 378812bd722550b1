"""The translation files: current with ui/, finished, compiled, and faithful to their sources.

``tools/translations.py check`` is the gate (stale, unfinished or uncompiled files); the other
tests catch what it cannot: a message lupdate never saw (a wrapper, a variable passed to tr()),
a plural extracted as a plain message, a placeholder or accelerator lost in translation, and a
Chinese UI without Qt's own Chinese strings (dialog buttons) — R1/R2/R11 texts must reach the
child in their language.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from ui.i18n import install_translators

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"
ZH_TS = TS_DIR / "hearth_zh_CN.ts"
EN_TS = TS_DIR / "hearth_en.ts"
#: How many plural forms each language has (Qt's numerus rules): Chinese one, English two.
PLURAL_FORMS = {ZH_TS: 1, EN_TS: 2}


def _tools_module():
    spec = importlib.util.spec_from_file_location("hearth_tools_translations", ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    numerus: bool
    forms: tuple[str, ...]  # the translation, or each numerus form


def _entries(ts: Path) -> dict[tuple[str, str], Entry]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            numerus = msg.get("numerus") == "yes"
            forms = tuple(f.text or "" for f in tr.iter("numerusform")) if numerus else (tr.text or "",)
            out[(name, msg.findtext("source"))] = Entry(name, msg.findtext("source"), numerus, forms)
    return out


@pytest.fixture
def restore_language(qapp):
    """The QApplication is shared by every test: leave it in English, as the app starts."""
    yield
    install_translators(qapp, "en")


# -- the gate ----------------------------------------------------------------------------------
def test_translation_files_are_current_finished_and_compiled():
    problems = _tools_module().check()
    assert problems == []


def test_the_check_notices_an_unfinished_message(tmp_path):
    """The gate can fail: a copy with one translation removed is reported as unfinished."""
    tools = _tools_module()
    broken = tmp_path / ZH_TS.name
    text = ZH_TS.read_text(encoding="utf-8")
    marker = "<translation>今天谁来聊天？</translation>"
    assert marker in text
    broken.write_text(text.replace(marker, '<translation type="unfinished"></translation>'), encoding="utf-8")
    assert tools.unfinished(broken) == [("ProfilePickerView", "Who is chatting today?")]


# -- plural forms -----------------------------------------------------------------------------
@pytest.mark.parametrize("ts", [ZH_TS, EN_TS], ids=["zh_CN", "en"])
def test_every_numerus_entry_has_the_forms_its_language_needs(ts):
    numerus = [e for e in _entries(ts).values() if e.numerus]
    assert numerus, f"{ts.name} has no plural messages"
    for entry in numerus:
        assert len(entry.forms) == PLURAL_FORMS[ts], (entry.context, entry.source, entry.forms)
        for form in entry.forms:
            assert "%n" in form, (entry.context, entry.source, form)


def test_english_holds_exactly_the_plural_messages_of_the_chinese_file():
    zh = {k for k, e in _entries(ZH_TS).items() if e.numerus}
    en = {k for k, e in _entries(EN_TS).items() if e.numerus}
    assert en == zh
    assert all(e.numerus for e in _entries(EN_TS).values())  # -pluralonly


def test_english_plurals_are_used_at_run_time(qapp, restore_language):
    from ui.setup import texts

    install_translators(qapp, "en")
    assert texts.wrong_pin_text(1) == "The PIN is not correct. 1 more wrong try before PIN entry pauses."
    assert texts.wrong_pin_text(3) == "The PIN is not correct. 3 more wrong tries before PIN entry pauses."


# -- nothing escapes extraction ----------------------------------------------------------------
@dataclass(frozen=True)
class Call:
    where: str
    context: str | None
    source: str | None
    plural: bool


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_qt_translate(func) -> bool:
    """``QCoreApplication.translate`` (or an alias named ``translate``), not ``painter.translate``."""
    if isinstance(func, ast.Name):
        return True
    return isinstance(func.value, ast.Name) and func.value.id in {"QCoreApplication", "QGuiApplication", "QApplication"}


def _translation_calls(path: Path) -> list[Call]:
    """Every ``x.tr(...)``, ``translate(...)`` and ``X.translate(...)`` in one ui/ module.

    ``self.tr`` takes its context from the enclosing class (as lupdate does), ``Name.tr`` from
    ``Name``; ``translate`` from its first argument. A non-literal text or context is returned
    with ``source``/``context`` None, because lupdate cannot see it.
    """
    calls: list[Call] = []

    def visit(node, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                where = f"{path.relative_to(ROOT)}:{child.lineno}"
                if name == "tr" and isinstance(func, ast.Attribute) and child.args:
                    owner = func.value
                    context = cls if isinstance(owner, ast.Name) and owner.id == "self" else getattr(owner, "id", None)
                    calls.append(Call(where, context, _literal(child.args[0]), len(child.args) >= 3))
                elif name == "translate" and _is_qt_translate(func) and len(child.args) >= 2:
                    calls.append(Call(where, _literal(child.args[0]), _literal(child.args[1]), len(child.args) >= 4))
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return calls


def test_every_translated_string_in_ui_is_extracted_with_its_plural():
    """A wrapper (``_t(text)``), ``tr(variable)`` or an f-string would leave English in the
    Chinese UI; lupdate marks ``translate(ctx, text, "", n)`` plural only for a literal ``n``,
    so plurals must use ``Context.tr(text, "", n)`` or ``self.tr(text, "", n)``."""
    entries = _entries(ZH_TS)
    calls = [c for p in sorted((ROOT / "ui").rglob("*.py")) for c in _translation_calls(p)]
    assert len(calls) > 500
    hidden = [c.where for c in calls if c.source is None or c.context is None]
    assert hidden == [], "translation calls lupdate cannot read (use literal strings)"
    missing = [(c.where, c.context, c.source) for c in calls if (c.context, c.source) not in entries]
    assert missing == []
    not_plural = [(c.where, c.source) for c in calls if c.plural and not entries[(c.context, c.source)].numerus]
    assert not_plural == []


# -- faithful translations ---------------------------------------------------------------------
ACCELERATOR = re.compile(r"&(?=\w)")
PLACEHOLDER = re.compile(r"%(?:\d|n)")
TAG = re.compile(r"</?[a-zA-Z]+")


def test_chinese_keeps_placeholders_accelerators_markup_and_line_breaks():
    wrong = []
    for entry in _entries(ZH_TS).values():
        source = entry.source.replace("&&", "")
        for text in entry.forms:
            target = text.replace("&&", "")
            checks = {
                "placeholders": sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(target)),
                "accelerator": len(ACCELERATOR.findall(source)) == len(ACCELERATOR.findall(target)),
                "markup": sorted(TAG.findall(source)) == sorted(TAG.findall(target)),
                "line breaks": source.count("\n") == target.count("\n"),
                "not English": target != source or not re.search(r"[a-z]{3,} [a-z]{3,}", source),
            }
            wrong += [(entry.context, entry.source, what) for what, ok in checks.items() if not ok]
    assert wrong == []


def test_chinese_uses_the_agreed_terms():
    """One word per idea across the whole UI (the glossary the reviewers agreed on)."""
    texts = " ".join(f for e in _entries(ZH_TS).values() for f in e.forms)
    for avoided in ("家长面板", "家长控制", "AI 同伴", "AI伙伴", "宵禁", "PIN码", "恢复代码", "护理人"):
        assert avoided not in texts, avoided
    for term in ("AI 伙伴", "监护人", "未成年人模式", "家长设置", "夜间休息时段", "每日时长", "休息提醒",
                 "求助卡", "PIN 码", "恢复码", "审计日志", "同意"):
        assert term in texts, term


# -- loading --------------------------------------------------------------------------------
def test_qt_base_chinese_translation_loads():
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    assert translator.load("qtbase_zh_CN", folder), folder
    assert translator.translate("QPlatformTheme", "Cancel") == "取消"


def test_chinese_install_translates_ours_and_qts_strings(qapp, qtbot, restore_language):
    assert install_translators(qapp, "zh") == "zh"
    assert QCoreApplication.translate("ProfilePickerView", "Who is chatting today?") == "今天谁来聊天？"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().startswith("取消")
    install_translators(qapp, "en")
    assert QCoreApplication.translate("ProfilePickerView", "Who is chatting today?") == "Who is chatting today?"
