"""Issue 15 item 15 (part): Chinese line breaking in every PDF, and the rules in force in the order and words a
person reads (choice names and weekdays, not raw values)."""

from reportlab.platypus import Paragraph

from app.documents.pdf import CANNOT_START, styles

TEXT = ("上午 8:30–12:00，下午 13:30–17:30；迟到或早退 60 分钟以上按旷工处理，全年第一次旷工罚款 100 元，"
        "第二次起每次 300 元！请假须提前 24 小时申请：事假 2 天以内由直属主管审批？病假超过 1 天须提供医院证明》"
        "连续旷工 2 天或全年累计 3 天，提示辞退审查。")


def lines_of(width: float) -> list[str]:
    para = Paragraph(TEXT, styles()["body"])
    para.wrap(width, 10_000)
    out = []
    for line in para.blPara.lines:
        words = getattr(line, "words", None)
        out.append("".join(getattr(w, "text", "") for w in words) if words is not None else "".join(line[1]))
    return out


def test_no_line_starts_with_chinese_closing_punctuation():
    bad = []
    for width in range(60, 400, 7):
        for line in lines_of(width)[1:]:
            if line and line[0] in CANNOT_START:
                bad.append((width, line[:8]))
    assert not bad, bad[:5]


def test_settings_in_force_name_choices_and_weekdays(demo_db):
    from app.documents.handbook_rules import settings_table
    from app.i18n import set_language
    from app.services import policy

    values = policy.get_all() if hasattr(policy, "get_all") else {k: s.default for k, s in policy.specs().items()}
    try:
        set_language("zh_CN")
        rows = {label: value for label, value, _unit in settings_table(values, policy.specs(), ["attendance."])}
        assert rows["每周工作日（周一=1）"] == "周一、周二、周三、周四、周五"
        assert rows["某时段只有一次打卡时计为"] == "缺卡"
    finally:
        set_language("en")
    rows = [label for label, _v, _u in settings_table(values, policy.specs(), ["attendance."])]
    assert rows.index("Morning session starts") < rows.index("Afternoon session ends") < rows.index(
        "Grace minutes before a punch counts as late")  # the data file's order, not the keys' alphabet
