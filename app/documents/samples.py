"""Synthetic documents for benchmarks, tests and layout checks (never shown as real data).

Deterministic: the same ``seed`` gives the same people and scores.
"""

from __future__ import annotations

import random
from datetime import date

from app.documents.appraisal_sheet import AppraisalSheet, AttendanceFigures, IndicatorLine, RaterLine
from app.documents.attendance_report import AttendanceReport, AttendanceRow

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["子轩", "雨桐", "思琪", "浩然", "梦瑶", "俊杰", "欣然", "嘉豪", "静怡", "天宇", "佳怡", "志远", "晓雯", "雅琴"]
POSITIONS = [("运营专员", "运营组"), ("客服专员", "客服组"), ("推广专员", "推广组"), ("美工", "美工组"),
             ("数据分析师", "运营组")]
INDICATORS = [("销售额达成率", "关键绩效指标", 30, "100%"), ("转化率", "关键绩效指标", 20, "3.5%"),
              ("活动参与度", "关键绩效指标", 10, "4 场"), ("客户满意度", "一般绩效指标", 15, "≥ 90%"),
              ("工作态度", "一般绩效指标", 10, "A"), ("专业能力", "一般绩效指标", 15, "A")]
GRADES = [(90, "A", "优秀"), (80, "B", "良好"), (70, "C", "好"), (60, "D", "合格"), (0, "E", "较差")]


def grade_of(score: float) -> tuple[str, str]:
    return next((g, label) for floor, g, label in GRADES if score >= floor)


def person(i: int) -> tuple[str, str]:
    return f"E{i + 1:03d}", SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES) + i) % len(GIVEN)]


def appraisal_sheet(i: int, period_key: str = "2026-10", seed: int = 7) -> AppraisalSheet:
    rnd = random.Random(seed * 1000 + i)
    no, name = person(i)
    position, department = POSITIONS[i % len(POSITIONS)]
    indicators = []
    for label, section, weight, target in INDICATORS:
        score = round(weight * rnd.uniform(0.6, 1.0), 1)
        actual = f"{rnd.randint(70, 125)}%" if target.endswith("%") else rnd.choice(["A", "B", "C"])
        indicators.append(IndicatorLine(label, weight, target, actual, score, section))
    raters = [RaterLine("总经理", "陈志远", 10, round(rnd.uniform(65, 98), 1)),
              RaterLine("主管领导", "林晓雯", 20, round(rnd.uniform(65, 98), 1)),
              RaterLine("部门负责人", "王浩然", 70, round(rnd.uniform(65, 98), 1))]
    final = round(sum(r.weight * r.score / 100 for r in raters), 2)
    grade, label = grade_of(final)
    year, month = (int(x) for x in period_key.split("-"))
    trend = []
    for back in range(5, -1, -1):
        m = (month - 1 - back) % 12 + 1
        trend.append((f"{m}月", final if back == 0 else round(rnd.uniform(62, 97), 1)))
    return AppraisalSheet(
        period_key=period_key, employee_no=no, name=name, position=position, department=department,
        indicators=indicators, raters=raters, final_score=final, grade=grade, grade_label=label,
        attendance=AttendanceFigures(22, 22 - (i % 3), i % 4, (i % 4) * 7, i % 2, 0, (i % 3) * 4, rnd.choice([0, 2, 4])),
        trend=trend,
        comment="本月完成了双十一预热活动的商品上架与页面更新，执行及时；转化率略低于目标，"
                "下月需加强详情页优化与老客户召回，期望在活动复盘中提出三条改进建议。",
        appeal_deadline=date(year + (month // 12), month % 12 + 1, 17),
    )


def attendance_report(people: int = 15, year: int = 2026, month: int = 10, seed: int = 7) -> AttendanceReport:
    import calendar

    rnd = random.Random(seed)
    days = calendar.monthrange(year, month)[1]
    rows, grid = [], {}
    for i in range(people):
        no, name = person(i)
        cells = []
        for d in range(1, days + 1):
            weekday = date(year, month, d).isoweekday()
            if weekday in (6, 7) and (i + d) % 3:
                cells.append("rest")
            else:
                cells.append(rnd.choices(["normal", "late", "early", "absent", "leave", "offsite"],
                                         [80, 7, 2, 1, 6, 4])[0])
        grid[no] = cells
        worked = sum(c not in ("rest",) for c in cells)
        rows.append(AttendanceRow(
            employee_no=no, name=name, department=POSITIONS[i % len(POSITIONS)][1], days_due=worked,
            days_present=sum(c in ("normal", "late", "offsite") for c in cells),
            late_count=cells.count("late"), late_minutes=cells.count("late") * rnd.randint(3, 25),
            early_count=cells.count("early"), absent_days=cells.count("absent") + cells.count("early"),
            leave_hours={"personal": cells.count("leave") * 8.0, "sick": float(rnd.choice([0, 0, 4]))},
            overtime_hours=float(rnd.choice([0, 2, 4, 6])), comp_balance_hours=float(rnd.choice([0, 4, 8])),
            penalty=100.0 if cells.count("absent") + cells.count("early") else 0.0,
        ))
    return AttendanceReport(year=year, month=month, rows=rows, grid=grid)
