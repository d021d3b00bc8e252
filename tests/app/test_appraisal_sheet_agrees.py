"""A sheet agrees with itself: an indicator pulled from attendance or task statistics reads the same
figures as the monthly attendance report (月度考勤汇总, the frozen figures once a month is closed) and the
task statistics that the manager sees, for every demo person and month."""

from datetime import datetime

from app.services import appraisal as svc
from app.services.attendance import monthly_summary
from app.services.tasks import task_stats


def _by_no(rows: list[dict]) -> dict[str, dict]:
    return {r["employee_no"]: r for r in rows}


def test_pulled_indicators_match_the_attendance_report_and_task_statistics(demo_db, admin):
    checked = {"attendance": 0, "tasks": 0}
    for period in svc.list_periods(admin):
        if period["kind"] != "month":
            continue
        y, m = period["start"].year, period["start"].month
        reports = {"attendance": _by_no(monthly_summary(admin, y, m)), "tasks": _by_no(task_stats(admin, y, m))}
        for row in svc.period_results(admin, period["key"]):
            no = row["employee_no"]
            sheet = svc.sheet_data(admin, period["key"], no)
            for ind in svc.subject_detail(admin, period["key"], no)["indicators"]:
                area, _dot, name = str(ind.get("source") or "").partition(".")
                if area not in reports:
                    continue
                figure = reports[area].get(no, {}).get(name)
                assert ind["actual"] == (None if figure is None else float(figure)), (period["key"], no, ind["key"], figure)
                if area == "attendance" and sheet["attendance"] is not None:  # the sheet's own attendance section
                    assert float(sheet["attendance"][name]) == ind["actual"], (period["key"], no, name)
                checked[area] += 1
    assert checked["attendance"] > 50 and checked["tasks"] > 50  # every demo month, both sources


def test_a_closed_month_is_pulled_with_the_figures_pay_was_based_on(demo_db, admin):
    """Once a month is closed its report shows the stored figures; a later change of the working hours must not
    change the absence the appraisal pulls for that month."""
    from app.services import policy
    from app.services.month_close import close_month

    close_month(admin, "2026-10", close_pending=True, as_of=datetime(2026, 11, 25, 9))  # the demo's day
    policy.set_value(admin, "attendance.morning_start", "07:00")  # live: everyone is over an hour late, so absent
    report = _by_no(monthly_summary(admin, 2026, 10))
    assert all(r["absence_days"] == 0 for r in report.values())  # the closed month's report keeps its figures
    svc.reopen_period(admin, "2026-10", "pull again after the close")
    svc.pull_actuals(admin, "2026-10")
    pulled = 0
    for row in svc.period_results(admin, "2026-10"):
        for ind in svc.subject_detail(admin, "2026-10", row["employee_no"])["indicators"]:
            if ind.get("source") == "attendance.absence_days":
                assert ind["actual"] == float(report[row["employee_no"]]["absence_days"]), row["employee_no"]
                pulled += 1
    assert pulled > 5
    assert svc.sheet_data(admin, "2026-10", "E004")["attendance"]["absence_days"] == report["E004"]["absence_days"]
