"""A sheet agrees with itself: an indicator pulled from attendance or task statistics reads the same
figures as the attendance report and the task statistics of that period, for every demo person and month."""

from sqlalchemy import select

from app.db import reading
from app.models.people import Employee
from app.services import appraisal as svc
from app.services.appraisal import _source


def test_pulled_indicators_match_the_attendance_report_and_task_statistics(demo_db, admin):
    checked = 0
    for period in svc.list_periods(admin):
        y, m = period["start"].year, period["start"].month
        with reading() as s:
            sources = {"attendance": _source(s, "attendance", y, m), "tasks": _source(s, "tasks", y, m)}
            ids = {no: i for i, no in s.execute(select(Employee.id, Employee.employee_no)).all()}
        for row in svc.period_results(admin, period["key"]):
            sheet = svc.sheet_data(admin, period["key"], row["employee_no"])
            detail = svc.subject_detail(admin, period["key"], row["employee_no"])
            for ind in detail["indicators"]:
                area, _dot, name = str(ind.get("source") or "").partition(".")
                if area not in sources:
                    continue
                figure = (sources[area].get(ids[row["employee_no"]]) or {}).get(name)
                assert ind["actual"] == (None if figure is None else float(figure)), (period["key"], row, ind["key"])
                if ind["source"] == "attendance.absence_days" and sheet["attendance"] is not None:
                    assert sheet["attendance"]["absence_days"] == ind["actual"]
                checked += 1
    assert checked > 50
