"""Imports change only what the file says (issue 14, item 1), and the smaller import rules."""

from datetime import date

import pytest
from openpyxl import Workbook

from app.errors import ImportRejected, ValidationError
from app.services import employees as svc
from app.services.employee_files import export_employees, import_employees


def write(tmp_path, text, name="f.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(admin, no):
    return svc.get_employee(admin, no).as_dict()


def test_missing_columns_leave_every_other_field(demo_db, admin, tmp_path):
    before = snapshot(admin, "E004")
    assert before["phone"] and before["badge_code"] and before["hire_date"] and before["manager_no"]
    result = import_employees(admin, write(tmp_path, "工号,姓名\nE004,张雨桐\n"))
    assert result == {"created": 0, "updated": 1}
    assert snapshot(admin, "E004") == before


def test_empty_cells_leave_the_field_and_a_marker_clears_it(demo_db, admin, tmp_path):
    before = snapshot(admin, "E004")
    text = "工号,姓名,电话,工卡号,岗位,部门,入职日期\nE004,,-,(清空),,,\n"
    import_employees(admin, write(tmp_path, text))
    after = snapshot(admin, "E004")
    assert after["phone"] == "" and after["badge_code"] == ""
    for key in ("name", "department", "position", "hire_date", "manager_no", "status"):
        assert after[key] == before[key], key


def test_a_person_who_left_comes_back_only_with_a_status_column(demo_db, admin, tmp_path):
    svc.deactivate_employee(admin, "E004", date(2026, 10, 31))
    import_employees(admin, write(tmp_path, "工号,姓名,电话\nE004,张雨桐,13900000000\n"))
    row = svc.get_employee(admin, "E004")
    assert row.status == "left" and row.leave_date == date(2026, 10, 31) and row.phone == "13900000000"
    import_employees(admin, write(tmp_path, "工号,状态\nE004,\n"))
    assert svc.get_employee(admin, "E004").status == "left"
    import_employees(admin, write(tmp_path, "工号,状态\nE004,在职\n"))
    row = svc.get_employee(admin, "E004")
    assert row.status == "active" and row.leave_date is None


def test_status_cannot_be_cleared_and_a_new_person_needs_a_name(demo_db, admin, tmp_path):
    with pytest.raises(ImportRejected) as err:
        import_employees(admin, write(tmp_path, "工号,状态\nE004,-\nN001,\n"))
    rows = {e.row: e.reason for e in err.value.rows}
    assert "cleared" in rows[2] and "Name is missing" in rows[3]


def test_merged_xlsx_cells_read_as_their_top_left_value(demo_db, admin, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["工号", "姓名", "部门", "岗位"])
    ws.append(["N001", "甲", "客服组", "客服专员"])
    ws.append(["N002", "乙", None, None])
    ws.append(["N003", "丙", None, None])
    ws.merge_cells("C2:C4")
    ws.merge_cells("D2:D4")
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    assert import_employees(admin, path)["created"] == 3
    for no in ("N001", "N002", "N003"):
        row = svc.get_employee(admin, no)
        assert (row.department, row.position) == ("客服组", "客服专员"), no


def test_merged_cells_do_not_blank_existing_people(demo_db, admin, tmp_path):
    before = {no: snapshot(admin, no) for no in ("E004", "E005", "E006")}
    wb = Workbook()
    ws = wb.active
    ws.append(["工号", "姓名", "上级工号"])
    ws.append(["E004", before["E004"]["name"], before["E004"]["manager_no"]])
    ws.append(["E005", before["E005"]["name"], None])
    ws.append(["E006", before["E006"]["name"], None])
    ws.merge_cells("C2:C4")
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    import_employees(admin, path)
    for no in ("E005", "E006"):
        assert svc.get_employee(admin, no).manager_no == before["E004"]["manager_no"]
        assert svc.get_employee(admin, no).phone == before[no]["phone"]


def test_a_header_only_file_is_refused(demo_db, admin, tmp_path):
    with pytest.raises(ValidationError, match="no rows"):
        import_employees(admin, write(tmp_path, "工号,姓名\n"))


def test_error_lists_are_capped(demo_db, admin, tmp_path):
    text = "工号,姓名,入职日期\n" + "".join(f"X{i},某人,not-a-date\n" for i in range(500))
    with pytest.raises(ImportRejected) as err:
        import_employees(admin, write(tmp_path, text))
    lines = str(err.value).splitlines()
    assert len(lines) == 1 + 200 + 1
    assert "300" in lines[-1]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_exported_roster_imports_back_unchanged(demo_db, admin, tmp_path, suffix):
    svc.update_employee(admin, "E004", svc.EmployeeInput(
        **{**{k: v for k, v in vars(svc.get_employee(admin, "E004")).items()
              if k in svc.EmployeeInput.__dataclass_fields__}, "phone": "+8613800000001",
           "badge_code": "-B1", "name": "=张雨桐"}))
    before = [r.as_dict() for r in svc.list_employees(admin)]
    out = tmp_path / f"roster{suffix}"
    export_employees(admin, out)
    import_employees(admin, out)
    assert [r.as_dict() for r in svc.list_employees(admin)] == before


def test_every_importer_takes_a_file_with_only_its_required_columns(demo_db, admin, tmp_path):
    from app.services.punches import import_punches, list_punches
    from app.services.tasks import import_tasks

    assert import_tasks(admin, str(write(tmp_path, "标题,负责人工号\n整理 - 库存,E004\n", "t.csv"))) == 1
    result = import_punches(admin, write(tmp_path, "工号,时间\nE004,2026-11-03 08:41\n", "p.csv"))
    assert result["added"] == 1
    assert [p["at"].isoformat() for p in list_punches(admin, 2026, 11, "E004") if p["source"] == "import"] == ["2026-11-03T08:41:00"]
