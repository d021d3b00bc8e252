"""Installing the Qt translators: every resources/i18n/*_<lang>.qm plus Qt's own qtbase catalogue."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app import i18n as app_i18n
from app.paths import RESOURCES_DIR

_installed: list[QTranslator] = []


def choose_language(explicit: str | None = None) -> str:
    """--lang, then the saved choice, then the system: Chinese on a Chinese system, English elsewhere."""
    if explicit in app_i18n.SUPPORTED:
        return explicit
    saved = QSettings().value("ui/language", "")
    if saved in app_i18n.SUPPORTED:
        return saved
    import os

    if os.environ.get("SHOPTEAM_LANG") in app_i18n.SUPPORTED:
        return os.environ["SHOPTEAM_LANG"]
    for tag in QLocale().uiLanguages():
        if tag.lower().startswith("zh"):
            return "zh_CN"
    return "en"


def install(language: str) -> None:
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    app_i18n.set_language(language)
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China) if language == "zh_CN" else QLocale(QLocale.English, QLocale.UnitedStates))
    if language == "en":
        return
    for qm in sorted((RESOURCES_DIR / "i18n").glob(f"*_{language}.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            app.installTranslator(tr)
            _installed.append(tr)
    qt_tr = QTranslator(app)
    if qt_tr.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
