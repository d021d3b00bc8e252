"""Text kept intact (issue 14, item 7): encodings detected, UTF-16 read, formulas neutralised on every
output including standard output, control characters refused wherever text is saved."""

from __future__ import annotations

import pytest

from app.cli import main
from app.errors import ValidationError
from app.services import employees as svc
from app.services.employee_files import import_employees
from app.services.tasks import TaskInput, add_comment, create_task


def _write(tmp_path, text, encoding):
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("text, encoding", [
    ("employee_no,name\nA1,Renée Noël\n", "latin-1"),
    ("工號,姓名\nE101,張雨桐\nE102,陳大文\n", "big5"),
])
def test_a_file_that_is_not_utf8_or_gbk_is_refused_not_garbled(db, admin, tmp_path, text, encoding):
    with pytest.raises(ValidationError, match="UTF-8"):
        import_employees(admin, _write(tmp_path, text, encoding))
    assert svc.count(admin) == 0


@pytest.mark.parametrize("text, encoding", [
    ("工号,姓名\nE1,张三\n", "gbk"),
    ("工号\t姓名\nE1\t张三\n", "utf-16"),     # Excel's "Unicode text"
    ("工号\t姓名\nE1\t张三\n", "utf-16-le"),  # the same without its BOM
    ("工号,姓名\nE1,张三\n", "utf-8"),
])
def test_utf8_gbk_and_utf16_files_import(db, admin, tmp_path, text, encoding):
    import_employees(admin, _write(tmp_path, text, encoding))
    assert svc.get_employee(admin, "E1").name == "张三"


def test_month_summary_on_standard_output_is_neutralised(demo_db, admin, capsys, cli_admin):
    row = svc.get_employee(admin, "E004")
    data = svc.EmployeeInput(**{k: v for k, v in vars(row).items() if k in svc.EmployeeInput.__dataclass_fields__})
    data.name = '=HYPERLINK("http://evil","x")'
    svc.update_employee(admin, "E004", data)
    assert main(["--db", demo_db.url, "attendance", "month", "2026-11", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "'=HYPERLINK" in out and ',=HYPERLINK' not in out


@pytest.mark.parametrize("title", ["买\x1b[31m红色", "铃\x07声", "两\n行"])
def test_task_titles_refuse_control_characters(demo_db, admin, title):
    with pytest.raises(ValidationError, match="control characters"):
        create_task(admin, TaskInput(title=title, assignee_no="E004"))


def test_comments_keep_line_breaks_but_refuse_escapes(demo_db, admin):
    card = create_task(admin, TaskInput(title="整理库存", assignee_no="E004"))
    add_comment(admin, card.id, "第一行\n第二行")
    with pytest.raises(ValidationError, match="control characters"):
        add_comment(admin, card.id, "看这里\x1b[2J")


def test_names_refuse_control_characters_in_any_service(demo_db, admin):
    from app.services.org import DepartmentInput, create_department

    with pytest.raises(ValidationError, match="control characters"):
        create_department(admin, DepartmentInput(name="客服\x1b部"))


def test_an_edit_is_checked_only_in_the_fields_it_changes(demo_db):
    """A new row is checked in every field; an edited row only where it changed, so a value an older
    version stored stays readable and the row can still be edited elsewhere."""
    from sqlalchemy import select, update

    from app.db import transaction
    from app.models.people import Employee

    with transaction() as s:  # an older version stored a control character (written past the check)
        s.execute(update(Employee).where(Employee.employee_no == "E004").values(phone="138\x07"))
    with transaction() as s:
        e = s.execute(select(Employee).where(Employee.employee_no == "E004")).scalar_one()
        e.name = "张雨桐（新）"  # another field: saved
    with pytest.raises(ValidationError, match="control characters"):
        with transaction() as s:
            s.execute(select(Employee).where(Employee.employee_no == "E004")).scalar_one().name = "张\x1b雨桐"
    with pytest.raises(ValidationError, match="control characters"):
        with transaction() as s:
            s.add(Employee(employee_no="E999", name="新人", phone="139\x07"))
