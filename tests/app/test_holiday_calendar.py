"""The shop's holiday calendar: seeded statutory years, the shop's entries winning, a year the package
does not know (2027), the import's all-or-nothing row errors, and the banner's rule."""

from datetime import date, datetime

import pytest

from app.errors import ImportRejected, PermissionDenied, ValidationError
from app.rules.calendar import HOLIDAY, MAKEUP, REST, WORKDAY, day_kind
from app.services import attendance as att, calendar as cal

SCHEDULE_2027 = (
    "date,kind,name\n"
    "2027-01-01,holiday,元旦\n"
    "2027-02-06~2027-02-12,holiday,春节\n"
    "2027-02-14,makeup,春节\n"
    "2027-02-20,makeup,春节\n"
)


def _write(tmp_path, text, name="holidays.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_statutory_years_are_in_the_database(db, admin):
    data = cal.show_year(admin, 2026)
    assert data["complete"] is True
    days = {d["date"]: d for d in data["days"]}
    assert days["2026-10-01"]["kind"] == HOLIDAY and days["2026-10-01"]["source"] == "statutory"
    assert days["2026-10-10"]["kind"] == MAKEUP  # a Saturday worked to make up for National Day
    assert "2026-10-12" not in days  # an ordinary Monday is not listed
    assert cal.show_year(admin, 2004)["complete"] is True


def test_an_unknown_year_never_raises_and_follows_the_week_pattern(db, admin):
    data = cal.show_year(admin, 2027)
    assert data == {"year": 2027, "complete": False, "days": []}
    view = cal.year_view(admin, 2027)
    assert view.kinds[date(2027, 1, 1)] == WORKDAY and view.kinds[date(2027, 1, 2)] == REST
    # the month's figures for a year the package does not know are computed, not refused
    assert att.monthly_summary(admin, 2027, 1, as_of=datetime(2027, 2, 1)) == []


def test_the_shops_entry_wins_and_clearing_it_restores_the_package(db, admin):
    cal.set_day(admin, date(2026, 10, 10), REST, "shop closed")
    with att.reading() as s:
        assert cal.load_calendar(s)[date(2026, 10, 10)] == REST
    entry = next(d for d in cal.show_year(admin, 2026)["days"] if d["date"] == "2026-10-10")
    assert entry == {"date": "2026-10-10", "kind": REST, "name": "shop closed", "source": "shop"}
    assert cal.clear_day(admin, date(2026, 10, 10)) is True
    with att.reading() as s:
        assert cal.load_calendar(s)[date(2026, 10, 10)] == MAKEUP
    assert cal.clear_day(admin, date(2026, 10, 10)) is False


def test_a_shop_entered_2027_gives_the_right_days_due(demo_db, admin, tmp_path):
    result = cal.import_year(admin, _write(tmp_path, SCHEDULE_2027))
    assert result == {"days": 10, "years": [2027]}
    data = cal.show_year(admin, 2027)
    assert data["complete"] is True
    assert data["days"][0] == {"date": "2027-01-01", "kind": "holiday", "name": "元旦", "source": "shop"}
    with att.reading() as s:
        sched = att.load_schedule(s, date(2027, 3, 1))
        people = att.load_people(s)
    assert not sched.working_day(date(2027, 1, 1))   # 元旦, a Friday
    assert sched.working_day(date(2027, 2, 14))      # a Sunday worked for 春节
    assert not sched.working_day(date(2027, 2, 8))   # a Monday of the 春节 week
    nobody_on_duty = [p for p in people if not any(k[0] == p.id and k[1].year == 2027 for k in sched.roster)]
    person = nobody_on_duty[0]
    assert sum(sched.is_scheduled(person, d) for d in att.month_days(2027, 1)) == 20
    assert sum(sched.is_scheduled(person, d) for d in att.month_days(2027, 2)) == 17
    jan = att.monthly_summary(admin, 2027, 1, [person.employee_no], as_of=datetime(2027, 2, 1))[0]
    feb = att.monthly_summary(admin, 2027, 2, [person.employee_no], as_of=datetime(2027, 3, 1))[0]
    assert (jan["days_due"], feb["days_due"]) == (20, 17)
    assert jan["absence_days"] == 20 and feb["absence_days"] == 17  # nobody punched: absent on working days only


@pytest.mark.parametrize("row, reason", [
    ("2027-02-30,holiday,x", "'2027-02-30' is not a date"),
    ("2027-02-12~2027-02-06,holiday,x", "runs backwards"),
    ("2027-03-01,party,x", "unknown kind 'party'"),
    ("2027-01-01~2027-03-01,holiday,x", "longer than 31 days"),
    ("2027-01-01,rest,x", "already listed in row 2"),
])
def test_a_bad_row_rejects_the_whole_file(db, admin, tmp_path, row, reason):
    path = _write(tmp_path, "date,kind,name\n2027-01-01,holiday,元旦\n" + row + "\n")
    with pytest.raises(ImportRejected) as caught:
        cal.import_year(admin, path)
    assert [r.row for r in caught.value.rows] == [3] and reason in caught.value.rows[0].reason
    assert cal.show_year(admin, 2027)["days"] == []  # nothing changed


def test_chinese_kinds_and_headers_are_understood(db, admin, tmp_path):
    cal.import_year(admin, _write(tmp_path, "日期,类型,名称\n2027-01-01,放假,元旦\n2027-02-20,补班,春节\n"))
    kinds = {d["date"]: d["kind"] for d in cal.show_year(admin, 2027)["days"]}
    assert kinds == {"2027-01-01": HOLIDAY, "2027-02-20": MAKEUP}


def test_only_leaders_and_hr_edit_the_calendar(demo_db, actor_for):
    with pytest.raises(PermissionDenied):
        cal.set_day(actor_for("zhangyt"), date(2027, 1, 1), HOLIDAY)
    cal.set_day(actor_for("fengyq"), date(2027, 1, 1), HOLIDAY, "元旦")
    with pytest.raises(ValidationError):
        cal.set_day(actor_for("linxw"), date(2027, 1, 1), "party")


def test_the_banner_from_november_while_next_year_is_unknown(db, admin):
    assert cal.missing_next_year(date(2026, 10, 31)) is None
    assert cal.missing_next_year(date(2026, 11, 1)) == 2027
    assert cal.missing_next_year(date(2025, 11, 1)) is None  # the package knows 2026
    cal.set_day(admin, date(2027, 1, 1), HOLIDAY, "元旦")
    assert cal.missing_next_year(date(2026, 12, 1)) is None


def test_rules_without_a_calendar_ask_the_package_and_never_raise():
    assert day_kind(date(2026, 10, 1), [1, 2, 3, 4, 5]) == HOLIDAY
    assert day_kind(date(2027, 1, 1), [1, 2, 3, 4, 5]) == WORKDAY
    assert day_kind(date(2027, 1, 1), [1, 2, 3, 4, 5], {date(2027, 1, 1): HOLIDAY}) == HOLIDAY


def test_handbook_lines_group_a_holiday_period(db, admin, tmp_path):
    cal.import_year(admin, _write(tmp_path, SCHEDULE_2027))
    with att.reading() as s:
        lines = cal.handbook_lines(s, 2027)
    assert lines[1].startswith("2027-02-06 ~ 2027-02-12") and "春节" in lines[1]
    assert len(lines) == 4


def test_an_xlsx_schedule_with_real_date_cells(db, admin, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["日期", "类型", "名称"])
    ws.append([datetime(2027, 1, 1), "holiday", "元旦"])
    ws.append(["2027-02-06~2027-02-12", "holiday", "春节"])
    path = tmp_path / "2027.xlsx"
    wb.save(path)
    assert cal.import_year(admin, path) == {"days": 8, "years": [2027]}


def test_the_import_reports_progress_and_a_cancel_writes_nothing(db, admin, tmp_path):
    path = _write(tmp_path, "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-20,makeup,春节\n")
    seen = []
    assert cal.import_year(admin, path, lambda done, total: seen.append((done, total)))["days"] == 2
    assert seen == [(1, 2), (2, 2)]

    class Stop(Exception):
        pass

    def cancel(done, total):
        raise Stop()

    path = _write(tmp_path, "date,kind,name\n2028-01-01,holiday,元旦\n", name="2028.csv")
    with pytest.raises(Stop):
        cal.import_year(admin, path, cancel)
    assert not any(e.day.year == 2028 and e.source == "shop" for e in cal.year_view(admin, 2028).entries)
