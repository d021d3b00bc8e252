"""Clock exports: every layout detected from the file itself, matched on the clock no., bursts kept
as one, bad rows listed, the preview equal to what is then written, and a re-import adding nothing.

Every fixture is written by the test: text files directly (GBK where shops' clocks write GBK),
.xlsx with openpyxl and legacy .xls with xlwt (a test-only dependency; the app reads .xls with xlrd).
"""

from datetime import date, datetime

import pytest
from openpyxl import Workbook

from app.errors import ConflictError, ImportRejected, ValidationError
from app.services import attendance as att, policy, punch_import, punches
from app.services.employees import EmployeeInput, create_employee, get_employee, update_employee

NOW = datetime(2026, 11, 25, 12, 0)


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    for module in (punches, punch_import):
        monkeypatch.setattr(module, "now", lambda: NOW)


@pytest.fixture
def shop(db, admin):
    """Three people; two have their clock's user number (考勤号码) on record."""
    create_employee(admin, EmployeeInput("E001", "张三", hire_date=date(2020, 1, 1), clock_no="583"))
    create_employee(admin, EmployeeInput("E002", "李四", hire_date=date(2020, 1, 1), clock_no="17"))
    create_employee(admin, EmployeeInput("E003", "王五", hire_date=date(2020, 1, 1)))
    policy.set_value(admin, "attendance.tracking_start", "2026-10-01")
    return admin


def stored(actor, no: str) -> list[datetime]:
    return [p["at"] for p in punches.list_punches(actor, 2026, 11, no)]


def attlog_line(no, when, state=0):
    return f"{no:>9}\t{when}\t1\t{state}\t1\t0"


def write_xls(path, rows):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def write_xlsx(path, rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(list(row))
    wb.save(path)
    return path


# -- ZKTeco attlog.dat ------------------------------------------------------------------------------

def test_attlog_burst_garbage_and_reimport(shop, tmp_path):
    burst = [attlog_line(583, f"2026-11-03 08:20:{i * 5:02d}", 1) for i in range(7)]  # 7 punches 5 s apart
    lines = burst + [
        attlog_line(583, "2026-11-03 12:01:10", 1),
        "\x00\x13garbage ### from a dying USB stick",
        attlog_line(583, "2026-11-03 13:25:00", 1),
        attlog_line(583, "2026-11-03 17:35:00", 1),
        "17,2026-11-03 08:31:00,1,0,15,0,extra,fields",  # another firmware: commas and more fields
    ]
    path = tmp_path / "1_attlog.dat"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="ascii")
    preview = punch_import.preview_punch_import(shop, path)
    assert preview["layout"] == "attlog"
    assert (preview["from"], preview["to"]) == ("2026-11-03", "2026-11-03")
    assert [s["row"] for s in preview["skipped"]] == [9]
    people = {p["employee_no"]: p for p in preview["people"]}
    assert (people["E001"]["found"], people["E001"]["new"], people["E001"]["already"]) == (10, 4, 6)
    assert people["E002"]["new"] == 1
    result = punches.import_punches(shop, path)
    assert result["added"] == preview["new"] == 5
    assert stored(shop, "E001") == [datetime(2026, 11, 3, 8, 20), datetime(2026, 11, 3, 12, 1, 10),
                                    datetime(2026, 11, 3, 13, 25), datetime(2026, 11, 3, 17, 35)]
    # the clock said "out" (state 1) every time; the schedule says in/out, so the day is normal
    assert att.day_detail(shop, "E001", date(2026, 11, 3), as_of=NOW)["status"] == "normal"
    again = punch_import.preview_punch_import(shop, path)
    assert again["new"] == 0 and again["already"] == 11
    assert punches.import_punches(shop, path)["added"] == 0


def test_attlog_time_that_does_not_exist_rejects_everything(shop, tmp_path):
    path = tmp_path / "attlog.dat"
    path.write_text("\n".join([attlog_line(583, "2026-11-03 08:20:00"), attlog_line(17, "2026-02-30 08:20:00"),
                               attlog_line(999, "2026-11-03 08:21:00"), attlog_line(999, "2026-11-03 17:21:00")]))
    with pytest.raises(ImportRejected) as err:
        punches.import_punches(shop, path)
    assert [e.row for e in err.value.rows] == [2, 3]
    assert "2026-02-30" in str(err.value) and "999" in str(err.value) and "1 more" in str(err.value)
    assert stored(shop, "E001") == []


def test_unknown_clock_no_mapped_in_the_preview_is_remembered(shop, tmp_path):
    path = tmp_path / "attlog.dat"
    path.write_text("\n".join([attlog_line(42, "2026-11-04 08:20:00"), attlog_line(42, "2026-11-04 17:40:00")]))
    preview = punch_import.preview_punch_import(shop, path)
    assert preview["unknown"] == [{"clock_no": "42", "name": "", "rows": 2, "first_row": 1}]
    assert preview["new"] == 0
    punch_import.map_clock_number(shop, "42", "E003")
    assert punch_import.clock_number_map(shop) == [{"clock_no": "42", "employee_no": "E003", "name": "王五"}]
    assert punch_import.preview_punch_import(shop, path)["people"][0]["new"] == 2
    assert punches.import_punches(shop, path)["added"] == 2
    assert len(stored(shop, "E003")) == 2
    with pytest.raises(ConflictError):  # 583 is on 张三's record
        punch_import.map_clock_number(shop, "583", "E003")


def test_clock_no_is_matched_before_the_employee_no(shop, tmp_path):
    # clock user 17 is 李四 (E002) by the clock no.; user 1 has none, and only E001's 工号 has the digits 1
    path = tmp_path / "attlog.dat"
    path.write_text("\n".join([attlog_line(17, "2026-11-05 08:20:00"), attlog_line(1, "2026-11-05 08:25:00")]))
    assert punches.import_punches(shop, path)["added"] == 2
    assert len(stored(shop, "E002")) == 1 and len(stored(shop, "E001")) == 1


# -- ZKTime original records ---------------------------------------------------------------------

def test_zktime_gbk_csv_with_chinese_headers(shop, tmp_path):
    text = ("部门,姓名,考勤号码,日期时间,机器号,编号,比对方式,卡号\n"
            "运营部,张三,583,2026/11/6 8:21:05,1,,指纹,\n"
            "运营部,张三,583,2026/11/6 8:21:09,1,,指纹,\n"
            "运营部,李四,17,2026/11/6 17:36:00,1,,指纹,\n")
    path = tmp_path / "原始记录.csv"
    path.write_bytes(text.encode("gbk"))
    preview = punch_import.preview_punch_import(shop, path)
    assert preview["layout"] == "zktime" and preview["new"] == 2 and preview["already"] == 1
    assert punches.import_punches(shop, path)["added"] == 2
    assert stored(shop, "E001") == [datetime(2026, 11, 6, 8, 21, 5)]


def test_zktime_english_xlsx_and_xls(shop, tmp_path):
    header = ["AC-No.", "No.", "Name", "Time", "State", "New State", "Exception", "Operation"]
    xlsx = write_xlsx(tmp_path / "records.xlsx", [header, ["583", "", "张三", datetime(2026, 11, 9, 8, 22), "C/In", "", "OK", ""],
                                                  ["17", "", "李四", "11/9/2026 5:40 PM", "C/Out", "", "OK", ""]])
    assert punches.import_punches(shop, xlsx)["added"] == 2
    assert stored(shop, "E002") == [datetime(2026, 11, 9, 17, 40)]
    xls = write_xls(tmp_path / "records.xls", [header, ["583", "", "张三", "2026-11-10 08:19:00", "C/In", "", "", ""],
                                               ["583", "", "张三", "2026-11-10 18:02:00", "C/Out", "", "", ""]])
    preview = punch_import.preview_punch_import(shop, xls)
    assert preview["layout"] == "zktime" and preview["new"] == 2
    assert punches.import_punches(shop, xls)["added"] == 2


# -- the device's Att.log report -------------------------------------------------------------------

def report_rows(times_583: dict[int, str], extra_days: int = 0):
    days = list(range(1, 31 + extra_days))
    return [
        ["Att.log report"],
        ["Att. Time", "2026-11-01 ~ 2026-11-30", None, "Tabling date", "2026-12-01"],
        days,
        ["工号:", "583", None, "姓名:", "张三", None, "部门:", "运营部"],
        [times_583.get(d) for d in days],
        ["工号:", "17", None, "姓名:", "李四", None, "部门:", "运营部"],
        ["08:2917:31" if d == 2 else None for d in days],
    ]


def test_att_log_report_run_together_times(shop, tmp_path):
    path = write_xls(tmp_path / "Att.log report.xls", report_rows({2: "08:0112:0513:2818:03", 3: "08:10\n17:45"}))
    preview = punch_import.preview_punch_import(shop, path)
    assert preview["layout"] == "report"
    assert (preview["from"], preview["to"]) == ("2026-11-02", "2026-11-03")
    assert punches.import_punches(shop, path)["added"] == 8
    assert stored(shop, "E001")[:4] == [datetime(2026, 11, 2, 8, 1), datetime(2026, 11, 2, 12, 5),
                                        datetime(2026, 11, 2, 13, 28), datetime(2026, 11, 2, 18, 3)]
    assert stored(shop, "E002") == [datetime(2026, 11, 2, 8, 29), datetime(2026, 11, 2, 17, 31)]


def test_att_log_report_bad_cells_are_listed_by_row(shop, tmp_path):
    rows = report_rows({2: "08:0125:05", 4: "早上", 31: "08:00"}, extra_days=1)  # day 31 is not in November
    path = write_xlsx(tmp_path / "report.xlsx", rows)
    with pytest.raises(ImportRejected) as err:
        punches.import_punches(shop, path)
    message = str(err.value)
    assert [e.row for e in err.value.rows] == [5, 5, 5]
    assert "25:05" in message and "早上" in message and "2026-11-30" in message
    assert stored(shop, "E001") == []


# -- Deli 得力 考勤月报 -----------------------------------------------------------------------------

def deli_rows(day_heading, cells_in, cells_out):
    heads = ["姓名", "工号", "帐号", "部门"] + [day_heading(d) for d in (3, 4, 5)]
    return [["考勤月报", None, "统计时间：2026年11月"], heads,
            ["张三", "583", "13800000001", "运营部"] + cells_in,
            [None, None, None, None] + cells_out]


def test_deli_monthly_report_two_rows_and_missed(shop, tmp_path):
    path = write_xlsx(tmp_path / "考勤月报.xlsx",
                      deli_rows(lambda d: f"26-11-{d:02d}", ["08:21", "漏刷", "-"], ["17:33", "17:40", "-"]))
    preview = punch_import.preview_punch_import(shop, path)
    assert preview["layout"] == "deli" and preview["missed_cells"] == 1
    assert preview["people"] == [{"employee_no": "E001", "name": "张三", "clock_no": "583", "found": 3, "new": 3, "already": 0}]
    assert punches.import_punches(shop, path)["added"] == 3
    assert stored(shop, "E001") == [datetime(2026, 11, 3, 8, 21), datetime(2026, 11, 3, 17, 33),
                                    datetime(2026, 11, 4, 17, 40)]


def test_deli_day_weekday_headings_and_bad_cells(shop, tmp_path):
    good = write_xlsx(tmp_path / "ok.xlsx", deli_rows(lambda d: f"{d}/{'一二三四五六日'[(d + 5) % 7]}",
                                                      ["08:30", "08:31", "08:32"], ["", "-", "18:00"]))
    assert punch_import.preview_punch_import(shop, good)["new"] == 4
    bad = write_xlsx(tmp_path / "bad.xlsx", deli_rows(lambda d: f"26-11-{d:02d}", ["8点", "08:31", "08:32"], ["-", "-", "-"]))
    outside = write_xlsx(tmp_path / "outside.xlsx", deli_rows(lambda d: f"26-12-{d:02d}" if d == 5 else f"26-11-{d:02d}",
                                                              ["08:30", "08:31", "08:32"], ["-"] * 3))
    with pytest.raises(ImportRejected) as err:
        punches.import_punches(shop, bad)
    assert [e.row for e in err.value.rows] == [3] and "8点" in str(err.value)
    with pytest.raises(ImportRejected) as err:
        punches.import_punches(shop, outside)
    assert "26-12-05" in str(err.value)
    assert stored(shop, "E001") == []


# -- refused files, and the clock no. on the employee record --------------------------------------

def test_a_file_in_no_known_layout_names_the_layouts_tried(shop, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("who,when\nsomebody,yesterday\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        punch_import.preview_punch_import(shop, path)
    message = str(err.value)
    for layout in ("attlog.dat", "Att.log report", "Deli", "ZKTime"):
        assert layout in message


def test_clock_no_is_unique_editable_and_in_the_roster_file(shop, tmp_path):
    from app.services.employee_files import export_employees, import_employees

    with pytest.raises(ConflictError):
        create_employee(shop, EmployeeInput("E004", "赵六", clock_no="583"))
    row = get_employee(shop, "E003")
    update_employee(shop, "E003", EmployeeInput("E003", "王五", hire_date=row.hire_date, clock_no="9"))
    assert get_employee(shop, "E003").clock_no == "9"
    path = tmp_path / "roster.csv"
    export_employees(shop, path)
    assert "考勤号码" in path.read_text(encoding="utf-8-sig").splitlines()[0]
    (tmp_path / "in.csv").write_text("工号,姓名,考勤号码\nE003,王五,10\nE004,赵六,\n", encoding="utf-8")
    import_employees(shop, tmp_path / "in.csv")
    assert get_employee(shop, "E003").clock_no == "10" and get_employee(shop, "E001").clock_no == "583"
    (tmp_path / "dup.csv").write_text("工号,姓名,考勤号码\nE003,王五,583\n", encoding="utf-8")
    with pytest.raises(ImportRejected):
        import_employees(shop, tmp_path / "dup.csv")
    (tmp_path / "none.csv").write_text("工号,姓名\nE003,王五\n", encoding="utf-8")
    import_employees(shop, tmp_path / "none.csv")  # a file without the column keeps the clock no.
    assert get_employee(shop, "E003").clock_no == "10"


def test_two_pcs_importing_the_same_file_at_once_store_each_punch_once(shop, tmp_path):
    """Two office PCs import the same export at the same moment (threads here, each with its own
    connection): one import waits for the other, so no punch is stored twice."""
    from concurrent.futures import ThreadPoolExecutor

    lines = [attlog_line(no, f"2026-11-{day:02d} {hh:02d}:{mm:02d}:00")
             for day in range(2, 21) for no in (583, 17) for hh, mm in ((8, 20), (12, 2), (13, 25), (17, 40))]
    path = tmp_path / "attlog.dat"
    path.write_text("\n".join(lines) + "\n")
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _i: punches.import_punches(shop, path)["added"], range(2)))
    assert sorted(results) == [0, len(lines)]
    assert len(stored(shop, "E001")) + len(stored(shop, "E002")) == len(lines)


def staged_runs():
    from sqlalchemy import func, select

    from app.db import reading
    from app.models.clocks import PunchImportRun

    with reading() as s:  # no run keeps punches to add once it is done (or dropped)
        assert s.execute(select(func.count()).select_from(PunchImportRun).where(PunchImportRun.planned.is_not(None))).scalar() == 0
        return [tuple(r) for r in s.execute(select(PunchImportRun.state, PunchImportRun.added))]


def test_one_audit_row_per_import_and_a_cancel_writes_nothing(shop, tmp_path):
    import hashlib

    from sqlalchemy import select

    from app.db import reading
    from app.models.audit import AuditEntry

    lines = [attlog_line(583, f"2026-11-{day:02d} 08:2{i}:00") for day in range(2, 25) for i in range(0, 8, 2)]
    path = tmp_path / "attlog.dat"
    path.write_text("\n".join(lines) + "\n")

    class Stop(Exception):
        pass

    def cancel_while_staging(done, total):  # what the window's Cancel does: raise from inside progress
        if done > 0.5 * total:
            raise Stop()

    with pytest.raises(Stop):
        punch_import.import_punches(shop, path, cancel_while_staging)
    assert stored(shop, "E001") == []
    assert staged_runs() == []  # a cancel before the point of no return writes no run

    def cancel_while_applying(done, total):  # too late: the import finishes, and then is complete
        if done > 0.7 * total:
            raise Stop()

    result = punches.import_punches(shop, path, cancel_while_applying)
    assert len(stored(shop, "E001")) == result["added"] == len(lines)
    assert staged_runs() == [("done", len(lines))]
    punches.import_punches(shop, path)  # adds nothing, so it records nothing
    with reading() as s:
        rows = s.execute(select(AuditEntry).where(AuditEntry.action == "attendance.import")).scalars().all()
    assert len(rows) == 1
    after = rows[0].after
    assert after["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (after["added"], after["punches"], after["from"], after["to"]) == (result["added"], len(lines),
                                                                              "2026-11-02", "2026-11-24")


def test_a_utf16_zktime_export_is_read(shop, tmp_path):
    path = tmp_path / "records.txt"
    path.write_bytes("考勤号码\t姓名\t日期时间\n583\t张三\t2026/11/12 8:23:00\n".encode("utf-16"))
    result = punches.import_punches(shop, path)
    assert result["layout"] == "zktime" and stored(shop, "E001") == [datetime(2026, 11, 12, 8, 23)]


def test_attlog_from_other_firmware_spaces_semicolons_and_short_times(shop, tmp_path):
    path = tmp_path / "GLG_attlog.txt"
    path.write_text("  583 2026-11-13 08:24:10 1 0 1 0 0 0\n17;2026-11-13 8:31;1;0\n583,2026-11-13 17:42:00\n")
    result = punches.import_punches(shop, path)
    assert result["layout"] == "attlog" and result["added"] == 3 and not result["skipped"]
    assert stored(shop, "E002") == [datetime(2026, 11, 13, 8, 31)]
