"""The appraisal scheme library: load the shipped schemes, preview and apply one to positions.

Schemes live in data/appraisal/schemes/<key>.json (rules: app/rules/appraisal_schemes.py). A scheme
whose weights do not add up is refused when the library loads, with the file and the reason.
Applying a scheme writes each position's template as a new numbered version (audited); a period
already open keeps the copy of the template it was opened with.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import N_, _, language
from app.models._base import now
from app.models.appraisal import AppraisalTemplate
from app.models.appraisal_versions import AppraisalTemplateVersion
from app.models.org import Department, Position
from app.paths import DATA_DIR
from app.rules.appraisal_schemes import TEMPLATE_KEYS, scheme_name, scheme_problems, scheme_template
from app.services import audit, policy
from app.services.appraisal_templates import template_in
from app.services.context import Actor
from app.services.permissions import require

SCHEMES_DIR = DATA_DIR / "appraisal" / "schemes"
GRADE_NAMES = {"five": N_("five grades (A–E)"), "four": N_("four grades (A–D)")}


# -- the library ----------------------------------------------------------------------------------
def read_schemes(folder: Path) -> list[dict]:
    """Every scheme in ``folder`` (*.json, one scheme each), checked; the first bad file refuses all."""
    schemes, keys = [], set()
    for path in sorted(Path(folder).glob("*.json")):
        try:
            scheme = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValidationError("The appraisal scheme {file} cannot be read: {reason}", file=path.name,
                                  reason=str(exc)) from None
        problems = scheme_problems(scheme) if isinstance(scheme, dict) else [_("It is not a scheme.")]
        if not problems and scheme["key"] in keys:
            problems = [_("The key {key} is used by another scheme.", key=scheme["key"])]
        if problems:
            raise ValidationError("The appraisal scheme {file} was refused: {problems}", file=path.name,
                                  problems="; ".join(problems))
        keys.add(scheme["key"])
        schemes.append(scheme)
    return schemes


@lru_cache(maxsize=1)
def _shipped() -> tuple:
    return tuple(sorted(read_schemes(SCHEMES_DIR), key=lambda s: (s.get("order", 99), s["key"])))


def shipped_schemes() -> list[dict]:
    return copy.deepcopy(list(_shipped()))


def scheme_by_key(key: str) -> dict:
    for scheme in _shipped():
        if scheme["key"] == key.strip():
            return copy.deepcopy(scheme)
    raise NotFound("There is no appraisal scheme {key}; the schemes are: {keys}.", key=key,
                   keys=", ".join(s["key"] for s in _shipped()))


def summary(scheme: dict, lang: Optional[str] = None) -> dict:
    """What `appraisal scheme list --format json` prints for one scheme."""
    lang = lang or language()
    return {"key": scheme["key"], "name": scheme_name(scheme, lang), "period": scheme["period"],
            "sections": [{"name": s["name_en"] if lang == "en" and s.get("name_en") else s["name"],
                          "weight": s["weight"]} for s in scheme["sections"]],
            "raters": [{"role": r["role"], "weight": r["weight"]} for r in scheme["raters"]]}


def list_schemes(actor: Actor) -> list[dict]:
    """Every shipped scheme, whole (names and descriptions in both languages)."""
    require(actor, "appraisal.templates")
    return shipped_schemes()


# -- positions -------------------------------------------------------------------------------------
def _positions_named(s: Session, names: Sequence[str]) -> list[tuple[Position, str]]:
    """(position, department name) for each name ("运营专员", or "电商运营部/运营专员" where a name is in
    two departments); every unknown name is refused in one message."""
    wanted = [n.strip() for n in names if n and n.strip()]
    if not wanted:
        raise ValidationError("Name at least one position.")
    rows = s.execute(select(Position, Department.name).join(Department, Department.id == Position.department_id)
                     .order_by(Department.sort_order, Position.id)).all()
    found, unknown = [], []
    for name in wanted:
        dept, _sep, pos = name.rpartition("/")
        hits = [(p, d) for p, d in rows if p.name == pos.strip() and (not dept or d == dept.strip())]
        if not hits:
            unknown.append(name)
        for hit in hits:
            if hit not in found:
                found.append(hit)
    if unknown:
        raise NotFound("There is no position named {names}; nothing was changed.", names="、".join(unknown))
    return found


def scheme_positions(actor: Actor) -> list[dict]:
    """Every position with what the scheme dialog shows and ticks by: manager or staff, template, version."""
    require(actor, "appraisal.templates")
    with reading() as s:
        rows = []
        for pos, dept in s.execute(select(Position, Department.name).join(Department, Department.id == Position.department_id)
                                   .order_by(Department.sort_order, Position.id)).all():
            template = template_in(s, pos, pos.is_manager)
            rows.append({"department": dept, "position": pos.name, "is_manager": bool(pos.is_manager),
                         "template": template.get("name", ""), "scheme": template.get("scheme", ""),
                         "version": template.get("version")})
        return rows


def _current_version(s: Session, position_id: int) -> int:
    return s.execute(select(func.max(AppraisalTemplateVersion.version))
                     .where(AppraisalTemplateVersion.position_id == position_id)).scalar() or 0


def record_version(s: Session, position_id: int, body: dict, scheme: str, by: str) -> int:
    """Append the next numbered version of a position's template; returns its number."""
    number = _current_version(s, position_id) + 1
    s.add(AppraisalTemplateVersion(position_id=position_id, version=number, name=str(body.get("name", ""))[:100],
                                   scheme=scheme, body=copy.deepcopy(body), created_by=by))
    s.flush()
    return number


def preview_scheme(actor: Actor, key: str, positions: Sequence[str]) -> list[dict]:
    """For each position: the template in force and the one the scheme would write, side by side."""
    require(actor, "appraisal.templates")
    scheme = scheme_by_key(key)
    with reading() as s:
        in_force = policy.value_in(s, "appraisal.grade_scheme")
        out = []
        for pos, dept in _positions_named(s, positions):
            current = template_in(s, pos, pos.is_manager)
            version = _current_version(s, pos.id)
            out.append({"position": pos.name, "department": dept, "current": current,
                        "current_version": version or None, "grades_in_force": in_force,
                        "proposed": dict(scheme_template(scheme), version=(version or 1) + 1)})
        return out


def grades_note(scheme_grades: str, in_force: str) -> str:
    """Said when a scheme's grade scheme is not the shop's setting: its positions are graded with the scheme's
    (appraisal_core.Config.scheme_of), everyone else with the setting's."""
    if not scheme_grades or scheme_grades == in_force:
        return ""
    return _("This scheme grades with {scheme}: its positions are graded with it, while the setting in force "
             "(appraisal.grade_scheme) grades everyone else with {setting}.", scheme=_(GRADE_NAMES[scheme_grades]),
             setting=_(GRADE_NAMES[in_force]))


def apply_scheme(actor: Actor, key: str, positions: Sequence[str]) -> list[dict]:
    """Write the scheme as each position's template, a new version per position, audited; all or nothing.

    A position that never had a numbered version first gets its template in force recorded as
    version 1, so the history shows what was replaced."""
    require(actor, "appraisal.templates")
    scheme = scheme_by_key(key)
    try:
        with transaction() as s:
            out = []
            for pos, dept in _positions_named(s, positions):
                # one writer per position at a time on a shared PostgreSQL (SQLite already holds the write lock)
                s.execute(select(Position.id).where(Position.id == pos.id).with_for_update())
                row = s.execute(select(AppraisalTemplate).where(AppraisalTemplate.position_id == pos.id)).scalar()
                before = template_in(s, pos, pos.is_manager)
                if _current_version(s, pos.id) == 0:
                    record_version(s, pos.id, dict(before, version=1), str(before.get("scheme", "")),
                                   row.updated_by if row is not None else "")
                body = scheme_template(scheme)
                body["version"] = _current_version(s, pos.id) + 1
                record_version(s, pos.id, body, scheme["key"], actor.username)
                name = body.pop("name")[:100]
                if row is None:
                    row = AppraisalTemplate(position_id=pos.id, name=name, body=body)
                    s.add(row)
                row.name, row.body, row.updated_at, row.updated_by = name, body, now(), actor.username
                audit.record(s, actor, "appraisal.scheme_apply", "position", pos.id,
                             {"template": before.get("name"), "version": before.get("version"),
                              "scheme": before.get("scheme")},
                             {"template": name, "version": body["version"], "scheme": scheme["key"],
                              "position": pos.name, "department": dept})
                out.append({"position": pos.name, "department": dept, "version": body["version"],
                            "template": name, "scheme": scheme["key"],
                            "note": grades_note(scheme.get("grades", ""), policy.value_in(s, "appraisal.grade_scheme"))})
            return out
    except IntegrityError:
        raise ConflictError("Someone changed these templates at the same moment; look at them again and apply "
                            "the scheme once more.") from None


def template_versions(actor: Actor, department: str, position: str) -> list[dict]:
    """A position's template history, newest first."""
    require(actor, "appraisal.templates")
    with reading() as s:
        pos = _positions_named(s, [f"{department}/{position}"])[0][0]
        rows = s.execute(select(AppraisalTemplateVersion).where(AppraisalTemplateVersion.position_id == pos.id)
                         .order_by(AppraisalTemplateVersion.version.desc())).scalars()
        return [{"version": r.version, "name": r.name, "scheme": r.scheme, "created_at": r.created_at,
                 "created_by": r.created_by} for r in rows]


def kept_keys(template: dict) -> dict:
    """The scheme fields a template keeps when it is edited by hand (raters, period, grades …)."""
    return {k: copy.deepcopy(template[k]) for k in TEMPLATE_KEYS + ("scheme",) if k in template}


# -- the handbook ----------------------------------------------------------------------------------
def position_schemes_in(s: Session, values: dict) -> list[dict]:
    """Each position's scheme as the templates in force say (for the handbook's 绩效评定 chapter):
    template and scheme name, period kind, sections with weights, raters with weights.

    A template without its own raters is rated as the settings say for staff or managers."""
    names = {x["key"]: x for x in _shipped()}
    staff = values.get("appraisal.weights_staff", [10, 20, 70])
    managers = values.get("appraisal.weights_manager", [30, 70, 0])
    rows = []
    for pos, dept in s.execute(select(Position, Department.name).join(Department, Department.id == Position.department_id)
                               .order_by(Department.sort_order, Position.id)).all():
        template = template_in(s, pos, pos.is_manager)
        raters = template.get("raters")
        if isinstance(raters, dict):
            raters = [(role, weight) for role, weight in raters.items()]
        else:
            weights = managers if pos.is_manager else staff
            raters = [(role, weight) for role, weight in zip(("gm", "leader", "head"), weights or []) if weight]
        scheme = names.get(template.get("scheme", ""))
        rows.append({"department": dept, "position": pos.name, "template": template.get("name", ""),
                     "scheme": scheme_name(scheme, "zh_CN") if scheme else "",
                     "scheme_en": scheme_name(scheme, "en") if scheme else "",
                     "period": template.get("period", ""), "version": template.get("version"),
                     "grades": template.get("grades", ""),  # its own grade scheme, when the scheme names one
                     "sections": [(x.get("name", ""), x.get("weight", 0)) for x in template.get("sections", [])],
                     "raters": raters})
    return rows
