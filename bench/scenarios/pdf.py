"""200 monthly appraisal sheets (with a trend chart each) in one PDF, beside bare reportlab
writing the same tables without charts, header, footer or page numbering, in the same run."""

from __future__ import annotations

import io
import time

from bench.core import Result

SCENARIO = "pdf"
DATABASE = False  # sample sheets, no database: one run stands for both engines
PEOPLE = 200


def _bare(sheets) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    from app.documents.pdf import FONT, register_font, styles

    register_font()
    st = styles()
    story = []
    for sh in sheets:
        story.append(Paragraph(f"{sh.name} {sh.employee_no}", st["title"]))
        story.append(Table([[i.name, i.section, i.weight, i.target, i.actual, i.score] for i in sh.indicators],
                           style=[("FONT", (0, 0), (-1, -1), FONT, 9)]))
        story.append(Table([[r.role, r.name, r.weight, r.score] for r in sh.raters],
                           style=[("FONT", (0, 0), (-1, -1), FONT, 9)]))
        story.append(PageBreak())
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(story)


def _timed(fn, repeat: int = 3) -> float:
    best = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best.append(time.perf_counter() - start)
    return sorted(best)[len(best) // 2] * 1000


def run() -> list[Result]:
    from app.documents import samples
    from app.documents.appraisal_sheet import write_sheets

    sheets = [samples.appraisal_sheet(i) for i in range(PEOPLE)]
    write_sheets(sheets[:2], io.BytesIO(), "示例电商有限公司")  # warm up: font loaded once per process
    _bare(sheets[:2])
    full = _timed(lambda: write_sheets(sheets, io.BytesIO(), "示例电商有限公司"))
    bare = _timed(lambda: _bare(sheets))
    return [Result("pdf: 200 appraisal sheets, one PDF", full, bare, "ms", "<= 4000 ms, ratio <= 4",
                   "baseline: bare reportlab tables, no charts")]
