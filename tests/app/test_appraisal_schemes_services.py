"""Applying a scheme to positions: new audited template versions, periods keep theirs, bad input refused."""

import pytest
from sqlalchemy import select

from app.db import reading
from app.errors import NotFound
from app.models.appraisal import AppraisalPeriod, AppraisalSubject
from app.models.audit import AuditEntry
from app.models.people import Employee
from app.services import appraisal as svc
from app.services import appraisal_schemes as schemes
from app.services.appraisal_templates import get_template, list_templates


def _template_of(period_key: str, employee_no: str) -> dict:
    with reading() as s:
        return s.execute(select(AppraisalSubject.template)
                         .join(AppraisalPeriod, AppraisalPeriod.id == AppraisalSubject.period_id)
                         .join(Employee, Employee.id == AppraisalSubject.employee_id)
                         .where(AppraisalPeriod.key == period_key, Employee.employee_no == employee_no)).scalar_one()


def test_apply_then_open_uses_the_new_version_and_an_earlier_period_keeps_the_old(demo_db, admin):
    svc.open_period(admin, "2025-H2")  # opened with the shipped 运营专员 template
    done = schemes.apply_scheme(admin, "kpi-50-50", ["运营专员", "客服专员"])
    assert {(r["position"], r["version"]) for r in done} == {("运营专员", 2), ("客服专员", 2)}
    schemes.apply_scheme(admin, "task-attitude-ability", ["运营经理", "客服主管"])
    svc.open_period(admin, "2026-H1")

    old, new = _template_of("2025-H2", "E004"), _template_of("2026-H1", "E004")  # 张雨桐, 运营专员
    assert old["name"] == "运营专员考核表" and "scheme" not in old
    assert new["name"] == "员工关键/一般绩效考核（50/50）" and new["scheme"] == "kpi-50-50" and new["version"] == 2
    assert [(x["name"], x["weight"]) for x in new["sections"]] == [("关键绩效指标", 50), ("一般绩效指标", 50)]
    assert new["raters"] == {"gm": 10, "leader": 20, "head": 70} and new["period"] == "half"
    assert _template_of("2026-H1", "E003")["scheme"] == "task-attitude-ability"  # 王浩然, 运营经理

    # the template page lists the new template; the history keeps what it replaced
    rows = {r["position"]: r for r in list_templates(admin)}
    assert rows["运营专员"]["name"] == "员工关键/一般绩效考核（50/50）" and rows["运营专员"]["edited"]
    history = schemes.template_versions(admin, "运营组", "运营专员")
    assert [(h["version"], h["scheme"]) for h in history] == [(2, "kpi-50-50"), (1, "")]
    assert history[0]["created_by"] == admin.username

    # applying again is version 3, and still leaves the open periods alone
    schemes.apply_scheme(admin, "monthly-100", ["运营专员"])
    assert get_template(admin, "运营组", "运营专员")["version"] == 3
    assert _template_of("2026-H1", "E004")["scheme"] == "kpi-50-50"

    with reading() as s:
        audits = s.execute(select(AuditEntry).where(AuditEntry.action == "appraisal.scheme_apply")).scalars().all()
    assert len(audits) == 5 and all(a.actor == admin.username for a in audits)


def test_an_unknown_position_is_refused_by_name_and_nothing_changes(demo_db, admin):
    before = get_template(admin, "运营组", "运营专员")
    with pytest.raises(NotFound, match="品牌总监"):
        schemes.apply_scheme(admin, "kpi-50-50", ["运营专员", "品牌总监"])
    assert get_template(admin, "运营组", "运营专员") == before
    assert schemes.template_versions(admin, "运营组", "运营专员") == []
    with pytest.raises(NotFound, match="no appraisal scheme kpi-99"):
        schemes.apply_scheme(admin, "kpi-99", ["运营专员"])


def test_the_preview_shows_the_current_and_the_proposed_template(demo_db, admin):
    rows = schemes.preview_scheme(admin, "kpi-50-50", ["运营专员"])
    assert rows[0]["current"]["name"] == "运营专员考核表" and rows[0]["current_version"] is None
    assert rows[0]["proposed"]["scheme"] == "kpi-50-50" and rows[0]["proposed"]["version"] == 2


def test_a_template_edited_by_hand_keeps_the_schemes_raters_and_period(demo_db, admin):
    from app.services.appraisal_templates import save_template

    schemes.apply_scheme(admin, "kpi-50-50", ["运营专员"])
    template = get_template(admin, "运营组", "运营专员")
    template["sections"][0]["indicators"][0]["target"] = 120
    saved = save_template(admin, "运营组", "运营专员", template)
    assert saved["raters"] == {"gm": 10, "leader": 20, "head": 70} and saved["period"] == "half"
    assert saved["version"] == 3 and saved["scheme"] == "kpi-50-50"


def _raters_of(period_key: str, employee_no: str) -> dict:
    """role -> (employee nos, weight) of one person's raters as the period fixed them."""
    with reading() as s:
        raters = s.execute(select(AppraisalSubject.raters)
                           .join(AppraisalPeriod, AppraisalPeriod.id == AppraisalSubject.period_id)
                           .join(Employee, Employee.id == AppraisalSubject.employee_id)
                           .where(AppraisalPeriod.key == period_key, Employee.employee_no == employee_no)).scalar_one()
        nos = {e.id: e.employee_no for e in s.execute(select(Employee)).scalars()}
    out: dict = {}
    for r in raters:
        role = "+".join(r["roles"])
        people, _w = out.get(role, ([], 0))
        out[role] = (sorted(people + [nos[r["employee_id"]]]), r["weight"])
    return out


def test_the_schemes_raters_land_on_the_people_it_names(demo_db, admin):
    schemes.apply_scheme(admin, "kpi-50-50", ["运营专员"])
    schemes.apply_scheme(admin, "kpi-360", ["运营经理", "客服主管"])
    svc.open_period(admin, "2026-H1")
    # 张雨桐 (staff of 运营组): head 王浩然 70, leader 林晓雯 20, gm 陈志远 10
    assert _raters_of("2026-H1", "E004") == {"head": (["E003"], 70), "leader": (["E002"], 20), "gm": (["E001"], 10)}
    # 王浩然 (head of 运营组) under kpi-360: his leader 50; the other middle manager under 林晓雯 as peer 20;
    # his direct reports share 30; no gm part; his self-assessment is recorded, not a rater
    raters = _raters_of("2026-H1", "E003")
    assert raters["leader"] == (["E002"], 50)
    assert raters["peer"] == (["E007"], 20)
    assert raters["subordinate"][1] == 30 and {"E004", "E005", "E006"} <= set(raters["subordinate"][0])
    assert "gm" not in raters and "E003" not in sum((p for p, _w in raters.values()), [])


def test_two_managers_apply_at_once_and_both_versions_are_kept(demo_db, admin):
    """Two PCs apply a scheme to the same position at the same moment: one waits for the other; both land,
    numbered one after the other, and the later one is in force."""
    import threading

    barrier, errors = threading.Barrier(2), []

    def apply(key):
        try:
            barrier.wait(timeout=10)
            schemes.apply_scheme(admin, key, ["运营专员"])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(repr(exc))

    threads = [threading.Thread(target=apply, args=(k,)) for k in ("kpi-50-50", "monthly-100")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    history = schemes.template_versions(admin, "运营组", "运营专员")
    assert [h["version"] for h in history] == [3, 2, 1]
    assert {h["scheme"] for h in history[:2]} == {"kpi-50-50", "monthly-100"}
    assert get_template(admin, "运营组", "运营专员")["scheme"] == history[0]["scheme"]
