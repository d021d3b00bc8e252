"""Chinese first, English complete: every message the model layer shows has a zh_CN translation."""

import ast
from pathlib import Path

from app import i18n

APP = Path(__file__).resolve().parents[2] / "app"
ERROR_CLASSES = {"ShopTeamError", "ValidationError", "NotFound", "PermissionDenied", "ConflictError",
                 "DatabaseError", "SchemaTooNew", "ImportRejected"}


def message_ids():
    """String literals passed to _(), N_() or an error class, across app/."""
    found = {}
    for path in APP.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
            if name in {"_", "N_"} | ERROR_CLASSES:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.setdefault(first.value, f"{path.relative_to(APP.parent)}:{node.lineno}")
    return found


def test_every_app_message_has_a_chinese_translation():
    i18n.catalog.cache_clear()
    catalog = i18n.catalog("zh_CN")
    missing = {msg: where for msg, where in message_ids().items() if msg not in catalog}
    assert missing == {}, f"{len(missing)} messages lack zh_CN in data/i18n/*.zh_CN.json"


def test_chinese_translations_keep_their_placeholders():
    import re

    catalog = i18n.catalog("zh_CN")
    wrong = [m for m, t in catalog.items() if set(re.findall(r"\{(\w+)", m)) != set(re.findall(r"\{(\w+)", t))]
    assert wrong == []


def test_messages_switch_language():
    i18n.set_language("zh_CN")
    try:
        assert i18n._("Wrong user name or password.") != "Wrong user name or password."
    finally:
        i18n.set_language("en")
    assert i18n._("Wrong user name or password.") == "Wrong user name or password."


def test_every_policy_label_and_unit_has_a_chinese_translation():
    from app.services import policy

    policy.specs.cache_clear()
    catalog = i18n.catalog("zh_CN")
    missing = sorted({s.label for s in policy.specs().values() if s.label and s.label not in catalog}
                     | {s.unit for s in policy.specs().values() if s.unit and s.unit not in catalog})
    assert missing == []
