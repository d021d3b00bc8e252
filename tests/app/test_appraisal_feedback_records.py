"""The feedback records the schemes print: the interview record (four stages, a plan, the employee's
confirmation), the appeal's talk with the 分管领导 before HR decides, and the annual 述职报告 the raters read and
the annual sheet prints. Each prints as a PDF whose text is checked; who may do what is the service's rule."""

from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.db import reading
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import set_language
from app.models.audit import AuditEntry
from app.models.people import Employee
from app.services import appraisal as svc
from app.services import appraisal_feedback as fb
from app.services import appraisal_feedback_print as printing
from app.services import documents
from app.services.context import Actor
from tests.app.appraisal_history_helpers import publish

STAGES = {"goals": "十月目标：销售额 50 万，转化率 3%。", "process": "双十一预热执行到位，详情页改版延迟一周。",
          "feedback": "销售额达成 92%，转化率略低于目标。", "improvement": "下月重点提升详情页转化。"}


@pytest.fixture(autouse=True)
def chinese(demo_db):  # after the database fixture, which sets the language back
    set_language("zh_CN")
    yield
    set_language("en")


def _text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _staff(no: str) -> Actor:
    with reading() as s:
        e = s.execute(select(Employee).where(Employee.employee_no == no)).scalar_one()
    return Actor(username=no.lower(), role="staff", employee_id=e.id)


def _audit(action: str) -> list:
    with reading() as s:
        return list(s.execute(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)).scalars())


@pytest.fixture
def month(demo_db, admin):
    return svc.list_periods(admin)[1]  # 2026-10, locked and published on 2026-11-05


def _plan(follow_up="2026-12-10"):
    return [{"action": "详情页 A/B 测试两轮", "owner": "E004", "follow_up": follow_up},
            {"action": "每周复盘转化数据", "owner": "E003", "follow_up": "2026-12-31"}]


def test_the_head_records_the_four_stages_and_the_employee_confirms(month, actor_for, tmp_path):
    head, employee = actor_for("wanghr"), actor_for("zhangyt")
    key = month["key"]
    fb.save_interview(head, key, "E004", STAGES, _plan(), held_on=date(2026, 11, 8))
    shown = fb.feedback_of(employee, key, "E004")
    assert shown["interview"]["stages"] == STAGES
    assert [(p["owner"], p["follow_up"]) for p in shown["interview"]["plan"]] == [("E004", date(2026, 12, 10)),
                                                                                ("E003", date(2026, 12, 31))]
    assert shown["may_confirm_interview"] and not shown["may_edit_interview"]
    with pytest.raises(PermissionDenied):
        fb.save_interview(employee, key, "E004", STAGES, _plan())
    fb.confirm_interview(employee, key, "同意改进计划。", on=date(2026, 11, 9))
    with pytest.raises(ConflictError):
        fb.confirm_interview(employee, key, on=date(2026, 11, 9))
    done = fb.feedback_of(head, key, "E004")["interview"]
    assert done["confirmed_on"] == date(2026, 11, 9) and done["employee_remark"] == "同意改进计划。"
    assert _audit("appraisal.interview_confirm")[-1].actor == "zhangyt"
    out = printing.print_interview(employee, key, "E004", tmp_path / "面谈.pdf")
    text = _text(out["path"])
    for word in ("绩效面谈记录", "张雨桐", "目标确定", "实施过程", "绩效反馈", "绩效改进", "详情页 A/B 测试两轮",
                 "2026-12-10", "王浩然", "2026-11-09", "同意改进计划"):
        assert word in text, word
    # a change after the confirmation needs a new one
    fb.save_interview(head, key, "E004", STAGES | {"improvement": "下月重点提升详情页转化与客单价。"}, _plan(),
                      held_on=date(2026, 11, 8))
    assert fb.feedback_of(employee, key, "E004")["interview"]["confirmed_on"] is None
    assert "员工尚未确认" in _text(printing.print_interview(head, key, "E004", tmp_path / "again.pdf")["path"])


def test_a_bad_interview_record_is_refused_whole(month, actor_for):
    head, key = actor_for("wanghr"), month["key"]
    with pytest.raises(ValidationError, match="实施过程"):
        fb.save_interview(head, key, "E004", STAGES | {"process": "  "}, _plan())
    with pytest.raises(ValidationError, match="第 2 项.*E999"):
        fb.save_interview(head, key, "E004", STAGES, [_plan()[0], {"action": "x", "owner": "E999", "follow_up": "2026-12-01"}],
                          held_on=date(2026, 11, 8))
    with pytest.raises(ValidationError, match="早于面谈日期"):
        fb.save_interview(head, key, "E004", STAGES, _plan("2026-11-01"), held_on=date(2026, 11, 8))
    with pytest.raises(ValidationError, match="至少一项措施"):
        fb.save_interview(head, key, "E004", STAGES, [], held_on=date(2026, 11, 8))
    assert fb.feedback_of(head, key, "E004")["interview"] is None
    with pytest.raises(NotFound):  # nothing to confirm yet
        fb.confirm_interview(actor_for("zhangyt"), key, on=date(2026, 11, 9))


def test_only_the_raters_the_employee_hr_and_gm_see_the_records(month, actor_for):
    key = month["key"]
    fb.save_interview(actor_for("wanghr"), key, "E004", STAGES, _plan(), held_on=date(2026, 11, 8))
    for who in ("zhangyt", "wanghr", "linxw", "fengyq", "chenzy"):
        assert fb.feedback_of(actor_for(who), key, "E004")["interview"] is not None
    with pytest.raises(PermissionDenied):
        fb.feedback_of(_staff("E005"), key, "E004")
    with pytest.raises(PermissionDenied):
        printing.interview_record(_staff("E005"), key, "E004")


def test_the_appeal_form_records_the_talk_with_the_supervising_leader_and_hr_decision(month, actor_for, tmp_path):
    key, employee, leader, head, hr = month["key"], actor_for("zhangyt"), actor_for("linxw"), actor_for("wanghr"), actor_for("fengyq")
    published = month["published_on"]
    with pytest.raises(ConflictError, match="申诉期已于"):  # outside the appeal window
        fb.file_appeal(employee, key, "目标偏高。", on=published + timedelta(days=8))
    appeal = fb.file_appeal(employee, key, "活动场次统计漏了两场。", on=published + timedelta(days=2))
    with pytest.raises(PermissionDenied):  # the head is not the supervising leader
        fb.record_appeal_talk(head, appeal["id"], "看过数据。", on=published + timedelta(days=3))
    with pytest.raises(ValidationError, match="早于申诉提交日期"):
        fb.record_appeal_talk(leader, appeal["id"], "谈过。", on=published)
    entry = fb.feedback_of(leader, key, "E004")["appeals"][0]
    assert entry["may_record_talk"] and entry["leader"] == "林晓雯"
    fb.record_appeal_talk(leader, appeal["id"], "核对了活动记录，确有两场未计入，建议人事复核。", on=published + timedelta(days=3))
    with pytest.raises(ConflictError, match="已经记录过"):
        fb.record_appeal_talk(hr, appeal["id"], "再谈。", on=published + timedelta(days=4))
    assert fb.feedback_of(employee, key, "E004")["appeals"][0]["talk"]["leader"] == "林晓雯"
    fb.decide_appeal(hr, appeal["id"], False, "活动场次已按系统记录核实，维持原结果。")
    with pytest.raises(ConflictError):
        fb.record_appeal_talk(hr, appeal["id"], "迟到的记录。")
    out = printing.print_appeal(employee, appeal["id"], tmp_path / "申诉.pdf")
    text = _text(out["path"])
    for word in ("考核申诉表", "张雨桐", "活动场次统计漏了两场", "与分管领导面谈", "林晓雯", "确有两场未计入",
                 "人事部处理意见", "已驳回", "维持原结果", "冯", (published + timedelta(days=7)).isoformat()):
        assert word in text, word
    with pytest.raises(PermissionDenied):
        printing.appeal_form(_staff("E005"), appeal["id"])


@pytest.fixture
def year(demo_db, admin):
    publish("2026", {}, state="entry")  # the annual period opens; nobody scored yet
    return "2026"


def test_the_annual_report_is_written_by_the_employee_read_by_raters_and_printed_with_the_sheet(year, actor_for,
                                                                                             admin, tmp_path):
    employee, head, leader = actor_for("zhangyt"), actor_for("wanghr"), actor_for("linxw")
    body = "2026 年述职：负责天猫店铺运营，双十一销售额 186 万，完成率 103%。明年重点：私域复购。"
    assert fb.feedback_of(employee, year, "E004")["may_write_report"]
    assert not fb.feedback_of(head, year, "E004")["may_write_report"]
    with pytest.raises(PermissionDenied):
        fb.save_annual_report(head, year, "代写。", employee_no="E004")
    fb.save_annual_report(employee, year, body)
    for rater in (head, leader):
        assert fb.feedback_of(rater, year, "E004")["annual_report"]["body"] == body
    with pytest.raises(PermissionDenied):
        fb.feedback_of(_staff("E005"), year, "E004")
    with pytest.raises(ValidationError, match="年度考核期"):
        fb.save_annual_report(employee, svc.list_periods(admin)[1]["key"], body)
    standalone = _text(printing.print_annual_report(head, year, "E004", tmp_path / "述职.pdf")["path"])
    assert "述职报告" in standalone and "私域复购" in standalone
    publish("2026", {"E004": 91.5})
    with pytest.raises(ConflictError, match="已经批准"):
        fb.save_annual_report(employee, year, body + "补充。")
    out = documents.write_appraisal_sheets(admin, year, tmp_path / "annual.pdf", employee_nos=["E004"])
    pages = [p.extract_text() for p in PdfReader(out["files"][0]).pages]
    assert "年度绩效考核表" in pages[0] and "述职报告" in pages[-1] and "私域复购" in pages[-1]
    assert "述职报告" not in pages[0]
