"""Reading a file of rater scores (CSV/XLSX) as many shops keep them in Excel:
period, employee_no, rater_no, rater_role (gm, leader, head, peer, subordinate or self), score, and optionally
indicator for indicator-level scores. Only the shape of each row is checked here; who may
rate whom is checked by app.services.appraisal_import."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Optional

from app.errors import RowError
from app.i18n import _
from app.io.tables import read_table
from app.rules.appraisal import SELF, dec
from app.rules.raters import ALL_ROLES

COLUMNS = {
    "period": ("期间", "考核期间", "考核期", "月份"),
    "employee_no": ("工号", "员工工号", "被考核人工号", "employee"),
    "rater_no": ("评分人工号", "评分人", "rater"),
    "rater_role": ("评分角色", "角色", "role"),
    "score": ("分数", "得分", "评分"),
    "indicator": ("指标", "指标代码", "考核指标"),
}
REQUIRED = ("period", "employee_no", "rater_no", "rater_role", "score")
ROLE_ALIASES = {"gm": "gm", "总经理": "gm", "leader": "leader", "分管领导": "leader", "直接上级": "leader", "上级": "leader",
                "head": "head", "部门负责人": "head", "peer": "peer", "同级": "peer", "subordinate": "subordinate",
                "下级": "subordinate", "self": "self", "自评": "self"}


@dataclass
class ScoreRow:
    number: int
    period: str
    employee_no: str
    rater_no: str
    rater_role: str
    score: Optional[Decimal]
    indicator: str


def read_scores(path: str | Path) -> tuple[list[ScoreRow], list[RowError]]:
    """Every row of the file and the rows whose shape is already wrong."""
    rows, errors = [], []
    for raw in read_table(path, COLUMNS, REQUIRED):
        problems = []
        period, emp, rater = raw.text("period"), raw.text("employee_no"), raw.text("rater_no")
        role_text = raw.text("rater_role")
        role = ROLE_ALIASES.get(role_text.lower(), ROLE_ALIASES.get(role_text))
        for value, column in ((period, "period"), (emp, "employee_no"), (rater, "rater_no")):
            if not value:
                problems.append(_("{column} is empty", column=column))
        if role not in ALL_ROLES + (SELF,):
            problems.append(_("rater role {role!r} is not gm, leader, head, peer, subordinate or self", role=role_text))
        score = None
        try:
            score = dec(raw.text("score"))
            if not score.is_finite():
                raise ValueError
        except ValueError:
            problems.append(_("score {score!r} is not a number", score=raw.text("score")))
            score = None
        if score is not None and not Decimal(0) <= score <= Decimal(100):
            problems.append(_("score {score} is outside 0-100", score=raw.text("score")))
        if problems:
            errors.append(RowError(raw.number, "; ".join(problems)))
        rows.append(ScoreRow(raw.number, period, emp, rater, role or "", score, raw.text("indicator")))
    return rows, errors
