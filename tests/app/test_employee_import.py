"""Roster import: every encoding Excel writes, Chinese or English headers, all-or-nothing with row errors."""

import pytest
from openpyxl import Workbook, load_workbook

from app.errors import ImportRejected, ValidationError
from app.services import employees as svc
from app.services.employee_files import export_employees, import_employees

HEADER_ZH = "工号,姓名,部门,岗位,上级工号,入职日期,工卡号,电话\n"
ROWS = ("M001,周经理,运营部,运营经理,,2024-01-02,C001,13700000001\n"
        "S001,钱小花,运营部,运营专员,M001,2025/3/5,C002,13700000002\n"
        "S002,孙小明,客服组,客服专员,M001,2025年6月1日,,\n")


def write(tmp_path, text, encoding="utf-8", name="roster.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_encoding_imports(db, admin, tmp_path, encoding):
    result = import_employees(admin, write(tmp_path, HEADER_ZH + ROWS, encoding))
    assert result == {"created": 3, "updated": 0}
    rows = {r.employee_no: r for r in svc.list_employees(admin)}
    assert rows["S001"].manager_name == "周经理" and rows["S001"].hire_date.isoformat() == "2025-03-05"
    assert rows["S002"].department == "客服组" and rows["S002"].hire_date.isoformat() == "2025-06-01"


def test_english_headers_and_xlsx(db, admin, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["employee_no", "name", "department", "position", "manager_no", "hire_date", "badge", "phone"])
    ws.append(["A1", "Alice", "Ops", "Lead", None, "2024-01-01", "X1", 13700000000])
    ws.append(["A2", "Bob", "Ops", "Clerk", "A1", None, None, None])
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    assert import_employees(admin, path)["created"] == 2
    assert svc.get_employee(admin, "A1").phone == "13700000000"


def test_a_bad_file_imports_nothing_and_names_every_bad_row(demo_db, admin, tmp_path):
    text = HEADER_ZH + (
        "N001,新人甲,运营组,运营专员,M009,2025-01-01,,\n"       # row 2: unknown manager
        "N002,,运营组,运营专员,E003,2025-01-01,,\n"             # row 3: missing name
        "N003,新人丙,运营组,运营专员,E003,2025-13-01,,\n"       # row 4: bad date
        "N004,新人丁,运营组,运营专员,E003,2025-01-01,B01119253,\n" # row 5: badge of 张雨桐
        "N005,新人戊,运营组,运营专员,E003,2025-01-01,,\n"
        "N005,新人己,运营组,运营专员,E003,2025-01-01,,\n"       # row 7: duplicate 工号
        "N006,新人庚,运营组,运营专员,N007,2025-01-01,,\n"
        "N007,新人辛,运营组,运营专员,N006,2025-01-01,,\n"       # rows 8-9: a reporting loop
    )
    before = svc.count(admin)
    with pytest.raises(ImportRejected) as err:
        import_employees(admin, write(tmp_path, text))
    by_row = {e.row: e.reason for e in err.value.rows}
    assert "M009" in by_row[2]
    assert "Name is missing" in by_row[3]
    assert "bad date" in by_row[4]
    assert "B01119253" in by_row[5] and "E004" in by_row[5]
    assert "row 6" in by_row[7]
    assert "loop" in by_row[8]
    assert "Row 2:" in str(err.value)
    assert svc.count(admin) == before


def test_reimport_updates_instead_of_duplicating(demo_db, admin, tmp_path):
    out = tmp_path / "roster.xlsx"
    assert export_employees(admin, out) == 15
    wb = load_workbook(out)
    ws = wb.active
    assert [c.value for c in ws[1]][:3] == ["工号", "姓名", "部门"]
    ws["J5"] = "13999999999"  # phone of row 5 (E004)
    wb.save(out)
    assert import_employees(admin, out) == {"created": 0, "updated": 15}
    assert svc.get_employee(admin, "E004").phone == "13999999999"
    assert svc.count(admin) == 15


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\x00\x01\x02binary", "not a text table"),
    ("姓名,电话\n张三,1\n".encode(), "lacks the column"),
    (b"\xff\xfe\xfa\xfb\xfc" * 10, "encoding"),
    (b"PK\x03\x04garbage", "cannot be opened"),
])
def test_unreadable_files_give_a_clear_message(db, admin, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        import_employees(admin, path)
    assert svc.count(admin) == 0


def test_export_neutralises_formulas(db, admin, tmp_path):
    import_employees(admin, write(tmp_path, HEADER_ZH + "X1,=HYPERLINK(\"x\"),部门,岗位,,,,+8613700000000\n"))
    out = tmp_path / "out.csv"
    export_employees(admin, out)
    text = out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'+8613700000000" in text
