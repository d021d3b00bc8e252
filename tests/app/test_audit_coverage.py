"""A trail that covers the data (issue 14, item 4): rows reference their audit row, `check` finds a
direct edit, insert or delete and a deleted audit tail; keyed mode finds a recomputed chain."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime

import pytest

from app.db import current, reading
from app.errors import ValidationError
from app.services import audit_key, backup, employees
from app.services.system import check

pytestmark = pytest.mark.usefixtures("sqlite_only")


def _sql(*statements):
    con = sqlite3.connect(current().path)
    for st in statements:
        con.execute(st)
    con.commit()
    con.close()


def _problems(admin):
    report = check(admin)
    return report.problems


def test_the_demo_is_covered_and_checks_clean(demo_db, admin):
    con = sqlite3.connect(current().path)
    missing = con.execute("SELECT count(*) FROM punch WHERE audit_id IS NULL").fetchone()[0]
    con.close()
    assert missing == 0
    assert check(admin).ok


@pytest.mark.parametrize("statement, what", [
    ("UPDATE punch SET at = '2026-11-03 07:59:00' WHERE id = (SELECT min(id) FROM punch)", "Punch"),
    ("UPDATE appraisal_score SET score = 99 WHERE id = (SELECT min(id) FROM appraisal_score)", "Appraisal score"),
    ("UPDATE leave_request SET status = 'approved' WHERE id = (SELECT min(id) FROM leave_request WHERE status != 'approved')",
     "Leave request"),
    ("UPDATE app_user SET role = 'admin' WHERE username = 'zhangyt'", "User account"),
])
def test_a_direct_edit_of_the_data_is_named(demo_db, admin, statement, what):
    _sql(statement)
    problems = _problems(admin)
    assert any(p.startswith(what) and "changed outside ShopTeam" in p for p in problems), problems


def test_a_punch_added_or_deleted_directly_is_found(demo_db, admin):
    _sql("INSERT INTO punch(employee_id, at, source, recorded_at, recorded_by, note) "
         "VALUES (4, '2026-11-04 08:30:00', 'kiosk', '2026-11-04 08:30:00', '', '')")
    assert any("has no audit row" in p for p in _problems(admin))
    _sql("DELETE FROM punch WHERE audit_id IS NULL", "DELETE FROM punch WHERE id = (SELECT max(id) FROM punch)")
    assert any("deleted outside ShopTeam" in p for p in _problems(admin))


def test_changes_through_the_services_stay_covered(demo_db, admin, actor_for):
    from app.services.users import add_user

    add_user(admin, "clerk2", "secret-pass-99", "hr", "E015")
    employees.get_employee(admin, "E004")
    assert check(admin).ok


def test_a_deleted_audit_tail_is_found_through_the_backup_anchor(demo_db, admin, tmp_path):
    assert check(admin).ok
    backup.make_backup(admin)
    _sql("DELETE FROM audit_log WHERE id > (SELECT max(id) - 3 FROM audit_log)")
    problems = _problems(admin)
    assert any("lost rows" in p for p in problems), problems


def test_deleting_the_whole_trail_is_found(demo_db, admin):
    backup.make_backup(admin)
    _sql("UPDATE punch SET audit_id = NULL", "UPDATE app_user SET audit_id = NULL", "UPDATE appraisal_score SET audit_id = NULL",
         "UPDATE leave_request SET audit_id = NULL", "UPDATE overtime_request SET audit_id = NULL",
         "UPDATE punch_correction SET audit_id = NULL", "DELETE FROM audit_log")
    assert not check(admin).ok


def test_a_backup_with_an_edited_punch_is_not_restored(demo_db, admin, tmp_path):
    saved = backup.make_backup(admin, tmp_path / "saved.db").path
    con = sqlite3.connect(saved)
    con.execute("UPDATE punch SET at = '2026-11-03 07:59:00' WHERE id = (SELECT min(id) FROM punch)")
    con.commit()
    con.close()
    with pytest.raises(ValidationError, match="changed outside ShopTeam"):
        backup.restore_backup(admin, saved)


def _recompute_plain_chain(path):
    """What someone with database access and our source code can do: rewrite a row, recompute every hash."""
    con = sqlite3.connect(path)
    prev = ""
    for row in con.execute("SELECT id, at, actor, action, entity, entity_id, before, after, covers FROM audit_log ORDER BY id").fetchall():
        id_, at, actor, action, entity, eid, before, after, covers = row
        after_v = json.loads(after) if after else None
        if action == "employee.update":
            after_v["phone"] = "00000000000"
            con.execute("UPDATE audit_log SET after = ? WHERE id = ?", (json.dumps(after_v, ensure_ascii=False), id_))
        fields = [prev, datetime.fromisoformat(at).isoformat(), actor, action, entity, eid,
                  json.loads(before) if before else None, after_v]
        if covers and json.loads(covers) is not None:
            fields.append(json.loads(covers))
        new = hashlib.sha256(json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, new, id_))
        prev = new
    con.commit()
    con.close()


def _touch_e004(admin):
    row = employees.get_employee(admin, "E004")
    data = employees.EmployeeInput(**{k: v for k, v in vars(row).items() if k in employees.EmployeeInput.__dataclass_fields__})
    data.phone = "13911112222"
    employees.update_employee(admin, "E004", data)


def test_plain_mode_cannot_see_a_recomputed_chain_but_keyed_mode_can(demo_db, admin, monkeypatch, tmp_path):
    monkeypatch.setenv("SHOPTEAM_NO_KEYRING", "1")
    audit_key.forget_cache()
    _touch_e004(admin)
    _recompute_plain_chain(current().path)
    assert check(admin).ok  # the documented limit of plain mode
    result = audit_key.enable(admin)
    assert result["since"] > 1
    _touch_e004(admin)
    assert check(admin).ok
    _recompute_plain_chain(current().path)
    problems = _problems(admin)
    assert any("altered at row" in p for p in problems), problems
    audit_key.forget_cache()


def test_the_monthly_report_footer_prints_the_chain_head(demo_db, admin, tmp_path):
    from pypdf import PdfReader

    from app.services.anchor import head_in
    from app.services.documents import write_attendance_report

    out = tmp_path / "report.pdf"
    with reading() as s:
        head = head_in(s)
    write_attendance_report(admin, 2026, 11, out)
    text = PdfReader(str(out)).pages[0].extract_text()
    assert f"#{head.rows}" in text and head.last_hash[:12] in text
