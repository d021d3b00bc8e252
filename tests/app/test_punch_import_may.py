"""The preview says whether the import may run and why not: the dialog only follows it."""

from datetime import date

import pytest

from app.services import policy, punch_import
from app.services.employees import EmployeeInput, create_employee

from tests.app.test_clock_import import NOW, _fixed_now  # noqa: F401 (the clock's "now", a fixture)


@pytest.fixture
def shop(db, admin):
    create_employee(admin, EmployeeInput("E001", "张三", hire_date=date(2020, 1, 1), clock_no="583"))
    policy.set_value(admin, "attendance.tracking_start", "2026-10-01")
    return admin


def attlog(tmp_path, *lines):
    path = tmp_path / "1_attlog.dat"
    path.write_text("\n".join(f"{no:>9}\t{when}\t1\t0\t1\t0" for no, when in lines) + "\n", encoding="ascii")
    return path


def test_a_clean_file_with_new_punches_may_be_imported(shop, tmp_path):
    preview = punch_import.preview_punch_import(shop, attlog(tmp_path, ("583", "2026-11-02 08:30:00")))
    assert preview["may_import"] and preview["why_not"] == ""


def test_an_unknown_clock_no_blocks_the_import_until_it_is_mapped(shop, tmp_path):
    path = attlog(tmp_path, ("583", "2026-11-02 08:30:00"), ("77", "2026-11-02 08:31:00"))
    preview = punch_import.preview_punch_import(shop, path)
    assert not preview["may_import"] and "clock no." in preview["why_not"]
    punch_import.map_clock_number(shop, "77", "E001")
    assert punch_import.preview_punch_import(shop, path)["may_import"]


def test_a_file_already_imported_has_nothing_to_import(shop, tmp_path):
    path = attlog(tmp_path, ("583", "2026-11-02 08:30:00"))
    punch_import.import_punches(shop, path)
    preview = punch_import.preview_punch_import(shop, path)
    assert not preview["may_import"] and "already recorded" in preview["why_not"]


def test_punches_before_tracking_starts_are_refused_in_the_preview_as_by_the_import(shop, tmp_path):
    preview = punch_import.preview_punch_import(shop, attlog(tmp_path, ("583", "2026-09-02 08:30:00")))
    assert not preview["may_import"] and "2026-09-02" in preview["why_not"]


def test_bad_rows_block_the_import(shop, tmp_path):
    path = tmp_path / "1_attlog.dat"
    path.write_text(f"{'583':>9}\t2026-13-45 08:30:00\t1\t0\t1\t0\n{'583':>9}\t2026-11-02 08:30:00\t1\t0\t1\t0\n",
                    encoding="ascii")
    preview = punch_import.preview_punch_import(shop, path)
    assert preview["errors"] and not preview["may_import"] and preview["why_not"]
