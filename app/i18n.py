"""Translations for the text the model layer produces (errors, CLI output, PDF labels).

Qt-free on purpose: the catalogs are JSON files under data/i18n/, one per area
(``<area>.zh_CN.json``), mapping the English message id to its translation. English is
the message id itself, so English is always complete; a test checks that every message
id used with ``_()`` in app/ has a zh_CN entry.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache

from app.paths import DATA_DIR

SUPPORTED = ("zh_CN", "en")
_language: str | None = None


def system_language() -> str:
    for var in ("SHOPTEAM_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(lang: str | None) -> None:
    global _language
    _language = lang if lang in SUPPORTED else None


def language() -> str:
    return _language or system_language()


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    folder = DATA_DIR / "i18n"
    if lang == "en" or not folder.exists():
        return merged
    for path in sorted(folder.glob(f"*.{lang}.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def _(msgid: str, **params) -> str:
    """Translate ``msgid`` into the current language and fill in ``{name}`` params."""
    text = catalog(language()).get(msgid, msgid)
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return msgid.format(**params)
    return text


@lru_cache(maxsize=None)
def area_catalog(lang: str, area: str) -> dict[str, str]:
    """One area's own catalogue (data/i18n/<area>.<lang>.json): the translation context of its words."""
    path = DATA_DIR / "i18n" / f"{area}.{lang}.json"
    if lang == "en" or not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def translate_in(context: str, msgid: str, **params) -> str:
    """_() looked up in ``context`` (an area's catalogue) first, as Qt's translation contexts are: a
    word two areas translate differently ("Normal": 正常 as a day status, 中 as a task priority) gets
    its own area's meaning."""
    lang = language()
    text = area_catalog(lang, context).get(msgid) or catalog(lang).get(msgid, msgid)
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return msgid.format(**params)
    return text


def N_(msgid: str) -> str:
    """Mark a message id for translation where it is defined; translate it with _() when shown."""
    return msgid
