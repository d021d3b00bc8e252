"""Policy settings: the numbers the rules use, with shipped defaults and the manager's overrides."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models._base import now
from app.models.policy import PolicySetting
from app.paths import DATA_DIR
from app.rules.settings import SettingSpec, parse_value
from app.services import audit
from app.services.context import Actor
from app.services.permissions import require


@lru_cache(maxsize=1)
def specs() -> dict[str, SettingSpec]:
    """Every known setting, from data/policy/*.json (one file per area)."""
    result: dict[str, SettingSpec] = {}
    for path in sorted((DATA_DIR / "policy").glob("*.json")):
        for raw in json.loads(path.read_text(encoding="utf-8")):
            spec = SettingSpec.from_dict(raw)
            result[spec.key] = spec
    return result


def spec(key: str) -> SettingSpec:
    try:
        return specs()[key]
    except KeyError:
        raise NotFound("There is no setting called {key}. Run 'policy list' to see them.", key=key) from None


def values_in(session: Session) -> dict[str, Any]:
    """All settings in force (defaults overridden by stored values), for rules inside a transaction."""
    result = {key: s.default for key, s in specs().items()}
    for row in session.execute(select(PolicySetting)).scalars():
        if row.key in result:
            result[row.key] = row.value
    return result


def value_in(session: Session, key: str) -> Any:
    row = session.get(PolicySetting, key)
    return row.value if row is not None else spec(key).default


# The settings page's groups, in the domain's words and in the order a manager looks for them.
GROUPS = {
    "attendance": N_("Attendance"), "leave": N_("Leave"), "appraisal": N_("Appraisal"), "tasks": N_("Tasks"),
    "documents": N_("Documents and printing"), "goals": N_("Department goals"), "backup": N_("Backup"),
    "general": N_("General"), "security": N_("Security"),
}


def _group_rank(group: str) -> int:
    order = list(GROUPS)
    return order.index(group) if group in order else len(order)


def _normal(sp: SettingSpec, value: Any) -> Any:
    """A stored list out of choices in the choices' order, as parse_value gives it now (one stored in
    another order compares equal to the same set chosen again); anything else as stored."""
    if sp.type != "str_list" or not sp.choices:
        return value
    try:
        return parse_value(sp, value)
    except ValidationError:
        return value


def list_settings(actor: Actor) -> list[dict]:
    """Every setting with its value, grouped (GROUPS order) and in the order its data file lists them,
    with the English label, unit, one-line help and choice names (translate them with _() to show)."""
    require(actor, "policy.view")
    with reading() as s:
        stored = {row.key: row for row in s.execute(select(PolicySetting)).scalars()}
    rows = []
    ordered = sorted(enumerate(specs().items()), key=lambda item: (_group_rank(item[1][1].group), item[0]))
    for _index, (key, sp) in ordered:
        row = stored.get(key)
        rows.append({
            "key": key, "group": sp.group, "group_label": GROUPS.get(sp.group, sp.group), "type": sp.type,
            "label": sp.label, "help": sp.help, "unit": sp.unit,
            "value": _normal(sp, row.value) if row else sp.default, "default": sp.default,
            "allowed": sp.describe_range(), "changed": row is not None and _normal(sp, row.value) != _normal(sp, sp.default),
            "choices": list(sp.choices), "choice_labels": {str(c): sp.choice_label(c) for c in sp.choices},
            "min": sp.min, "max": sp.max,
        })
    return rows


def get(key: str) -> Any:
    with reading() as s:
        return value_in(s, key)


def set_value(actor: Actor, key: str, raw: Any) -> Any:
    """Validate and store a setting; a bad value is refused with the allowed range."""
    require(actor, "policy.edit")
    if key.startswith("security."):
        require(actor, "policy.edit_security")
    sp = spec(key)
    value = parse_value(sp, raw)
    with transaction() as s:
        row = s.get(PolicySetting, key)
        before = row.value if row else sp.default
        if row is None:
            row = PolicySetting(key=key)
            s.add(row)
        row.value = value
        row.updated_at = now()
        row.updated_by = actor.username
        audit.record(s, actor, "policy.set", "policy", key, {"value": before}, {"value": value})
    return value


def set_values(actor: Actor, changes: dict[str, Any]) -> dict[str, Any]:
    """Several settings in one action (the settings dialog): all valid, or nothing changes."""
    require(actor, "policy.edit")
    parsed = {key: parse_value(spec(key), raw) for key, raw in changes.items()}
    with transaction() as s:
        for key, value in parsed.items():
            row = s.get(PolicySetting, key)
            before = row.value if row else spec(key).default
            if _normal(spec(key), before) == value:  # unchanged: no write, no audit row
                continue
            if key.startswith("security."):  # only an admin may change (weaken) a security setting
                require(actor, "policy.edit_security")
            if row is None:
                row = PolicySetting(key=key)
                s.add(row)
            row.value, row.updated_at, row.updated_by = value, now(), actor.username
            audit.record(s, actor, "policy.set", "policy", key, {"value": before}, {"value": value})
    return parsed


def display_value(value: Any) -> str:
    """How a value is typed in a form or printed (lists comma-separated, booleans true/false)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)
