"""The documents service on a real database: handbook from live data, sections, adapters, outputs."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.db import reading
from app.documents import samples
from app.errors import NotFound, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.models.documents import HandbookPrint
from app.services import documents, policy
from documents_helpers import embedded_fonts, ink_fraction, pdf_pages, pdf_text


def _count(model) -> int:
    with reading() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_handbook_prints_live_data_and_records_the_version(demo_db, admin, tmp_path):
    out = tmp_path / "handbook.pdf"
    result = documents.print_handbook(admin, out, version="2026.3", effective_date=date(2026, 12, 1))
    pages = pdf_pages(out)
    assert result["pages"] == len(pages) >= 10
    text = "\n".join(pages)
    assert "示例电商有限公司" in pages[0] and "2026.3" in pages[0] and "2026-12-01" in pages[0]
    for word in ("总则", "部门职能", "行为规范", "组织架构", "岗位职责", "考勤制度", "绩效评定", "目标管理", "工作流程", "附则"):
        assert word in text
    for person in ("陈志远", "林晓雯", "张雨桐", "冯雅琴"):  # the org chart names the people
        assert person in text
    assert "Job description: 客服专员" in text and "商品上架流程" in text
    assert "costs 100 RMB" in text and "90 or more is excellent" in text
    assert "本手册（版本 2026.3）自 2026-12-01 起施行" in text  # placeholders filled in the closing section
    assert any("WenQuanYi" in f for f in embedded_fonts(out))
    assert ink_fraction(out, tmp_path) > 0.01
    with reading() as s:
        row = s.get(HandbookPrint, result["id"])
        assert (row.version, row.effective_date, row.pages, row.printed_by) == ("2026.3", date(2026, 12, 1), len(pages), admin.username)
        assert row.policy["goals.customer_satisfaction_min"] == 90
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "documents.print_handbook")).scalar_one()


def test_table_of_contents_lists_the_real_page_numbers(demo_db, admin, tmp_path):
    out = tmp_path / "toc.pdf"
    documents.print_handbook(admin, out)
    pages = pdf_pages(out)
    toc = "\n".join(pages[1:3])  # the contents may run onto a second page
    checked = 0
    for n, title in ((1, "总则"), (6, "考勤制度"), (10, "附则")):
        # pypdf reads the dot leader and page number of an entry before its title
        m = re.search(rf"(\d+)\s*Chapter {n} {title}\n", toc)
        assert m, toc
        page = int(m.group(1))
        assert f"Chapter {n} {title}" in pages[page - 1]
        checked += 1
    assert checked == 3


def test_a_changed_setting_shows_in_the_next_handbook(demo_db, admin, tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "now", lambda: datetime(2026, 11, 25, 10, 0))  # versions count within the year
    documents.print_handbook(admin, tmp_path / "before.pdf")
    assert re.search(r"Customer satisfaction at least\s*90", pdf_text(tmp_path / "before.pdf"))
    policy.set_value(admin, "goals.customer_satisfaction_min", "95")
    policy.set_value(admin, "general.department_name", "网店运营中心")
    documents.print_handbook(admin, tmp_path / "after.pdf")
    text = pdf_text(tmp_path / "after.pdf")
    assert re.search(r"Customer satisfaction at least\s*95", text)
    assert "网店运营中心" in text
    assert [r["version"] for r in documents.handbook_prints(admin)] == ["2026.2", "2026.1"]


def test_edited_section_text_is_printed_and_can_be_reset(demo_db, admin, tmp_path):
    documents.save_handbook_section(admin, "conduct", "行为规范与日常纪律", "上班时间不得网购。\n\n第二段。")
    sections = {s["key"]: s for s in documents.handbook_sections(admin)}
    assert sections["conduct"]["edited"] and sections["conduct"]["title"] == "行为规范与日常纪律"
    documents.print_handbook(admin, tmp_path / "edited.pdf")
    text = pdf_text(tmp_path / "edited.pdf")
    assert "行为规范与日常纪律" in text and "上班时间不得网购。" in text
    back = documents.reset_handbook_section(admin, "conduct")
    assert not back["edited"] and back["title"] == "行为规范"
    with reading() as s:
        actions = list(s.execute(select(AuditEntry.action).where(AuditEntry.entity == "handbook_section")
                                 .order_by(AuditEntry.id)).scalars())
    assert actions == ["documents.handbook_section", "documents.handbook_section_reset"]


@pytest.mark.parametrize("key,title,body,error", [
    ("conduct", "  ", "text", ValidationError),
    ("conduct", "x" * 61, "text", ValidationError),
    ("conduct", "ok", "x" * 20001, ValidationError),
    ("nonsense", "ok", "text", NotFound),
])
def test_bad_section_edits_change_nothing(db, admin, key, title, body, error):
    before = _count(AuditEntry)
    with pytest.raises(error):
        documents.save_handbook_section(admin, key, title, body)
    assert _count(AuditEntry) == before
    assert not any(s["edited"] for s in documents.handbook_sections(admin))


def test_section_title_of_60_characters_is_accepted(db, admin):
    assert documents.save_handbook_section(admin, "general", "总" * 60, "")["title"] == "总" * 60


def test_staff_may_neither_print_nor_edit(demo_db, actor_for, tmp_path):
    staff = actor_for("zhangyt")
    with pytest.raises(PermissionDenied):
        documents.print_handbook(staff, tmp_path / "x.pdf")
    with pytest.raises(PermissionDenied):
        documents.save_handbook_section(staff, "general", "总则", "x")
    assert documents.handbook_sections(actor_for("fengyq"))  # HR may


def test_unwritable_or_missing_folder_gives_a_clear_message_and_records_nothing(demo_db, admin, tmp_path):
    with pytest.raises(ValidationError, match="does not exist"):
        documents.print_handbook(admin, tmp_path / "missing" / "h.pdf")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if not __import__("os").access(locked, __import__("os").W_OK):  # root ignores the mode
        with pytest.raises(ValidationError, match="cannot be written"):
            documents.print_handbook(admin, locked / "h.pdf")
    with pytest.raises(ValidationError, match=r"end in \.pdf"):
        documents.print_handbook(admin, tmp_path / "h.docx")
    assert _count(HandbookPrint) == 0


@pytest.fixture
def fake_sources(monkeypatch):
    """Sample sheets and a sample report served by the appraisal and attendance services."""
    from dataclasses import asdict

    from app.services import appraisal, attendance

    sheets = {samples.appraisal_sheet(i).employee_no: samples.appraisal_sheet(i) for i in range(5)}
    monkeypatch.setattr(appraisal, "period_results",
                        lambda actor, period: [{"employee_no": no, "name": sh.name} for no, sh in sheets.items()])
    monkeypatch.setattr(appraisal, "sheet_data", lambda actor, period, no: asdict(sheets[no]))
    report = samples.attendance_report(people=6)
    monkeypatch.setattr(attendance, "monthly_summary", lambda actor, y, m: [asdict(r) for r in report.rows])
    monkeypatch.setattr(attendance, "month_grid", lambda actor, y, m: report.grid)
    return sheets, report


def test_appraisal_batch_in_one_file_or_one_file_per_person(demo_db, admin, tmp_path, fake_sources):
    sheets, _report = fake_sources
    one = documents.write_appraisal_sheets(admin, "2026-10", tmp_path / "all.pdf")
    assert one["sheets"] == 5 and one["files"] == [str(tmp_path / "all.pdf")]
    text = pdf_text(tmp_path / "all.pdf")
    assert all(sh.name in text for sh in sheets.values())
    folder = tmp_path / "each"
    each = documents.write_appraisal_sheets(admin, "2026-10", folder, per_person=True, employee_nos=["E002", "E004"])
    assert sorted(p.rsplit("/", 1)[1] for p in each["files"]) == [
        f"2026-10_E002_{sheets['E002'].name}.pdf", f"2026-10_E004_{sheets['E004'].name}.pdf"]
    assert sheets["E004"].name in pdf_text(each["files"][1]) and sheets["E001"].name not in pdf_text(each["files"][1])


def test_setting_chooses_one_file_per_person(demo_db, admin, tmp_path, fake_sources):
    policy.set_value(admin, "documents.appraisal_one_file_per_person", "true")
    result = documents.write_appraisal_sheets(admin, "2026-10", tmp_path / "out")
    assert len(result["files"]) == 5


def test_cancelled_batch_leaves_no_files(demo_db, admin, tmp_path, fake_sources):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    class Cancelled(Exception):
        pass

    def progress(done, total):
        if done == 3:
            raise Cancelled

    folder = tmp_path / "each"
    with pytest.raises(Cancelled):
        documents.write_appraisal_sheets(admin, "2026-10", folder, per_person=True, progress=progress)
    assert list(folder.iterdir()) == []
    with pytest.raises(Cancelled):
        documents.write_appraisal_sheets(admin, "2026-10", tmp_path / "one.pdf", progress=progress)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["each"]


def test_attendance_report_from_the_attendance_service(demo_db, admin, tmp_path, monkeypatch):
    """The demo department's November as of 2026-11-25 evening, through the real attendance service."""
    from app.services import attendance, month_close

    for module in (attendance, documents, month_close):
        monkeypatch.setattr(module, "now", lambda: datetime(2026, 11, 25, 18, 0))
    summary = {r["employee_no"]: r for r in attendance.monthly_summary(admin, 2026, 11)}
    assert len(summary) == 15 and any(r["late_count"] for r in summary.values())
    result = documents.write_attendance_report(admin, 2026, 11, tmp_path / "att.pdf")
    assert result["people"] == 15
    text = pdf_text(tmp_path / "att.pdf")
    assert all(r["name"] in text for r in summary.values())


def test_bad_period_is_refused(db, admin, tmp_path):
    with pytest.raises(ValidationError, match="is not a period"):
        documents.write_appraisal_sheets(admin, "2026-13", tmp_path / "a.pdf")
