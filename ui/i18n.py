"""Loading translations: Hearth's own (resources/translations) and Qt's (qtbase_zh_CN)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.resources import resource_path

_installed: list[QTranslator] = []
_current = {"lang": "en"}


def current_language() -> str:
    """The interface language last installed ("en" or "zh")."""
    return _current["lang"]


def language_for(requested: str | None) -> str:
    if requested:
        return requested
    return "zh" if QLocale.system().name().lower().startswith("zh") else "en"


def install_translators(app: QApplication, requested: str | None = None) -> str:
    """Install the translators for ``requested`` (or the system language); returns it.

    Installing new translators sends every widget a LanguageChange event, and each screen's
    ``retranslate_ui()`` picks the new strings up while the app runs.
    """
    lang = language_for(requested)
    # Dates, weekday names and numbers follow the interface language too.
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh"
                       else QLocale(QLocale.Language.English, QLocale.system().territory()))
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    ours = str(resource_path("translations"))
    if lang == "zh":
        from PySide6.QtCore import QLibraryInfo

        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files = (("qtbase_zh_CN", qt_dir), ("hearth_zh_CN", ours))
    else:
        files = (("hearth_en", ours),)  # English plural forms only
    _current["lang"] = lang
    for base, folder in files:
        translator = QTranslator(app)
        if translator.load(base, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return lang
