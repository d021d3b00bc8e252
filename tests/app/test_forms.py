"""The paper forms, printed from the demo department and read back with pypdf: the names, dates and
approvals are in the text, every font is embedded, and an output folder that cannot be written is a
clear message."""

from datetime import date, datetime

import pytest

from app.errors import NotFound, ValidationError
from app.services import forms, leave, roster
from tests.app.documents_helpers import all_fonts, embedded_fonts, pdf_pages, pdf_text

NOW = datetime(2026, 11, 25, 12, 0)


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    monkeypatch.setattr(leave, "now", lambda: NOW)


def fonts_embedded(path) -> bool:
    return all_fonts(path) == embedded_fonts(path) and any("WenQuanYi" in f for f in all_fonts(path))


def test_leave_form_shows_who_what_when_and_each_approval(demo_db, admin, tmp_path):
    request_id = leave.request_leave(admin, "E010", "personal", datetime(2026, 12, 16, 8, 30),
                                     datetime(2026, 12, 17, 17, 30), "家中有事，需回老家")
    routed = forms.leave_form(admin, request_id)[0].approver
    approver_no = routed[routed.index("（") + 1:routed.index("）")]
    leave.decide_leave(leave.approver_actor(approver_no), request_id, True)
    out = tmp_path / "leave.pdf"
    result = forms.print_leave_form(admin, request_id, out)
    text = pdf_text(out)
    approver_name = routed[:routed.index("（")]
    for expected in ("郑凯", "E010", "2026-12-16 08:30", "2026-12-17 17:30", "家中有事", "15 h (2 days)",
                     approver_name, "Approved", "2026-11-25 12:00", "Applicant signature"):
        assert expected in text, expected
    assert result["pages"] == 1 and fonts_embedded(out)


def test_roster_is_one_landscape_page_with_the_people_on_duty(demo_db, admin, tmp_path):
    roster.set_roster_day(admin, date(2026, 12, 5), ["E004", "E009"])
    out = tmp_path / "roster.pdf"
    result = forms.print_roster(admin, "2026-12", out)
    from pypdf import PdfReader

    page = PdfReader(str(out)).pages[0]
    assert result["pages"] == 1 and float(page.mediabox.width) > float(page.mediabox.height)
    text = pdf_text(out)
    assert "Duty Roster 2026-12" in text and "张雨桐" in text and "吴俊杰" in text
    assert fonts_embedded(out)


def test_handbook_receipt_on_its_own_and_after_the_handbook(demo_db, admin, tmp_path):
    from app.services.documents import print_handbook

    out = tmp_path / "receipt.pdf"
    forms.print_handbook_receipt(admin, out, "2026.3")
    text = pdf_text(out)
    assert "Employee Receipt Form" in text and "2026.3" in text and "陈志远" in text and "冯雅琴" in text
    assert fonts_embedded(out)
    book = tmp_path / "handbook.pdf"
    print_handbook(admin, book, version="2026.4", effective_date=date(2026, 12, 1))
    last = pdf_pages(book)[-1]
    assert "Employee Receipt Form" in last and "2026.4" in last and "陈志远" in last


def test_job_card_and_blank_appraisal_form_of_a_position(demo_db, admin, tmp_path):
    card = tmp_path / "card.pdf"
    forms.print_job_card(admin, "运营专员", card)
    text = pdf_text(card)
    assert "Job Description" in text and "运营专员" in text and "运营组" in text and "Employee signature" in text
    blank = tmp_path / "form.pdf"
    result = forms.print_appraisal_form(admin, "运营组/运营专员", blank)
    text = " ".join(pdf_text(blank).split())
    assert result["indicators"] >= 3
    for expected in ("Appraisal Form", "运营专员", "销售额达成率", "50% · 25% of total", "积极主动", "A", "D"):
        assert expected in text, expected
    assert fonts_embedded(card) and fonts_embedded(blank)
    with pytest.raises(NotFound):
        forms.print_job_card(admin, "宇航员", card)


def test_an_output_folder_that_cannot_be_written_is_a_clear_message(demo_db, admin, tmp_path):
    with pytest.raises(ValidationError, match="does not exist"):
        forms.print_roster(admin, "2026-12", tmp_path / "missing" / "roster.pdf")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ValidationError):
        forms.print_job_card(admin, "运营专员", blocker / "card.pdf")
    with pytest.raises(ValidationError, match="YYYY-MM"):
        forms.print_roster(admin, "12/2026", tmp_path / "r.pdf")
    assert not list(tmp_path.glob("*.pdf"))


def test_handover_form_from_the_attendance_record(demo_db, admin, tmp_path):
    from app.services.handover import record_handover

    handover_id = record_handover(admin, "E004", "E005", datetime(2026, 12, 8, 10, 0), datetime(2026, 12, 8, 11, 30),
                                  "工商银行", "客服旺旺账号；今日待发货订单 12 单")
    out = tmp_path / "handover.pdf"
    result = forms.print_handover_form(admin, handover_id, out)
    text = pdf_text(out)
    for expected in ("Temporary Work Handover Form", "张雨桐", "E004", "刘子轩", "E005", "2026-12-08 10:00",
                     "2026-12-08 11:30", "工商银行", "今日待发货订单", "Taken over by (signature)"):
        assert expected in text, expected
    assert result["pages"] == 1 and fonts_embedded(out)
    with pytest.raises(NotFound):
        forms.print_handover_form(admin, 9999, tmp_path / "none.pdf")
