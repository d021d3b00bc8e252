"""Issue 15 item 15: the handbook prints the settings in force as sentences and small tables a person reads,
Chinese lines never start with closing punctuation, and the contents stay on one page listing every part."""

import re
from datetime import date

import pytest

from app.documents.handbook_settings import (APPRAISAL_AREAS, ATTENDANCE_AREAS, SettingsTable, SettingsText,
                                             appraisal_settings, attendance_settings, weekday_span)
from app.documents.pdf import CANNOT_START
from app.i18n import set_language
from app.services import documents, policy
from documents_helpers import pdf_pages


@pytest.fixture
def chinese():
    set_language("zh_CN")
    yield
    set_language("en")


def print_pages(admin, tmp_path, name="handbook.pdf"):
    out = tmp_path / name
    documents.print_handbook(admin, out, version="2026.1", effective_date=date(2026, 12, 1))
    return pdf_pages(out)


def squeeze(text: str) -> str:
    """The page text without the line breaks and spaces reportlab's wrapping puts between characters."""
    return re.sub(r"\s+", "", text)


def test_the_chinese_handbook_reads_its_settings_as_sentences(demo_db, admin, tmp_path, chinese):
    pages = print_pages(admin, tmp_path)
    text = squeeze("\n".join(pages))
    for sentence in ("作息时间", "工作日周一至周五", "上午08:30–12:00", "下午13:30–17:30", "每日值班2人，按值班表轮值",
                     "上班时间之后打卡即为迟到（不设宽限时间）。", "迟到或早退60分钟以上，当天按旷工处理。",
                     "早退当天按旷工处理。", "未经批准离岗60分钟以上的，按旷工处理。",
                     "事假连续2天以内主管领导批准", "超过1天须提供医院病假证明", "请假应至少提前24小时申请",
                     "第1次100元", "第2次及以后每次300元", "连续旷工2天或一个自然年内累计旷工3天的，系统提示开除审查",
                     "A优秀90分以上", "B良好80分以上、不满90分", "E较差低于60分", "员工10%20%70%",
                     "月度得分90分以上为月度优秀", "年度得分由各月得分汇总"):
        assert sentence in text, sentence
    # no key/value dump: no raw keys, no English values, no label of the old settings table
    for dump in ("attendance.", "appraisal.", "True", "False", "weekday", "每周工作日（周一=1）", "其他设置"):
        assert dump not in text, dump


def test_no_printed_chinese_line_starts_with_closing_punctuation(demo_db, admin, tmp_path, chinese):
    bad = [(n, line) for n, page in enumerate(print_pages(admin, tmp_path), 1)
           for line in page.splitlines() if line.strip() and line.strip()[0] in CANNOT_START]
    assert not bad, bad[:5]


def test_a_changed_setting_changes_the_sentence(demo_db, admin, tmp_path, chinese):
    policy.set_value(admin, "attendance.morning_start", "09:00")
    policy.set_value(admin, "attendance.late_grace_minutes", "5")
    policy.set_value(admin, "attendance.work_days", "1,2,3,4,5,6")
    policy.set_value(admin, "attendance.penalties_rmb", "50, 100, 200")
    text = squeeze("\n".join(print_pages(admin, tmp_path)))
    assert "上午09:00–12:00" in text and "工作日周一至周六" in text
    assert "上班时间后5分钟以内打卡不算迟到。" in text
    assert "第1次50元第2次100元第3次及以后每次200元" in text


def test_the_english_handbook_says_the_same_in_english(demo_db, admin, tmp_path):
    text = " ".join(" ".join(print_pages(admin, tmp_path, "en.pdf")).split())
    for sentence in ("Working days Monday to Friday", "Morning 08:30–12:00",
                     "Late or early by 60 minutes or more makes the day an absence.",
                     "absence 2 and every one after 300 RMB", "Staff 10% 20% 70%"):
        assert sentence in text, sentence


def test_the_contents_fit_one_page_and_list_every_part(demo_db, admin, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "toc.pdf"
    documents.print_handbook(admin, out, version="2026.1", effective_date=date(2026, 12, 1))
    reader = PdfReader(str(out))
    contents = squeeze(reader.pages[1].extract_text())

    def titles(outline):
        for item in outline:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield item.title

    entries = list(titles(reader.outline))  # every chapter and section heading is a bookmark
    assert len(entries) > 30 and "Employee Receipt Form" in entries
    missing = [t for t in entries if squeeze(t) not in contents]
    assert not missing, missing
    third = reader.pages[2].extract_text()
    assert "Chapter 1 总则" in third and "Chapter 10" not in third  # the contents took one page; chapter 1 follows


def test_every_setting_of_the_chapter_is_printed_even_one_added_later(db):
    specs = dict(policy.specs())
    values = {k: s.default for k, s in specs.items()}
    for blocks in (attendance_settings(values, specs), appraisal_settings(values, specs)):
        assert all(isinstance(b, (SettingsTable, SettingsText)) for b in blocks)
        assert "Other settings" not in [b.title for b in blocks]  # every shipped setting has its sentence
    new = next(s for k, s in specs.items() if k == "attendance.pay_day")
    from dataclasses import replace

    specs["attendance.new_rule"] = replace(new, key="attendance.new_rule", label="Days of something new", default=4)
    blocks = attendance_settings(values, specs)
    assert blocks[-1].title == "Other settings" and blocks[-1].lines == ["Days of something new: 4"]
    assert ATTENDANCE_AREAS and APPRAISAL_AREAS


def test_weekday_spans_read_as_people_say_them():
    assert weekday_span([1, 2, 3, 4, 5]) == "Monday to Friday"
    assert weekday_span([1, 2, 3, 4, 5, 6, 7]) == "every day"
    assert weekday_span([1, 3]) == "Monday, Wednesday"
    assert weekday_span([]) == "—"
