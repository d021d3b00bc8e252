"""The department handbook (电商部运营管理手册) from live data, with a table of contents.

``HandbookData`` holds everything the service gathered (section texts, org tree, job
cards, rules with the numbers in force, workflows, goals); ``write_handbook`` lays it out in
two passes so the contents list the real page numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from reportlab.lib.units import mm
from reportlab.platypus import (CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle)
from reportlab.platypus.tableofcontents import TableOfContents
from reportlab.lib.styles import ParagraphStyle

from app.documents.handbook_org import OrgChart, OrgNode
from app.documents.pdf import (FONT, HEADER_BG, RULE, TEXT, GroupStart, PlainPage, canvas_with_header, content_width,
                               data_table, document, esc, para, styles)
from app.i18n import _

# chapter kinds: the text of each is edited in the app; the kinds below add generated parts
KINDS = ("text", "departments", "org", "positions", "attendance", "appraisal", "goals", "workflows")


@dataclass
class Section:
    key: str
    title: str
    body: str
    kind: str = "text"


@dataclass
class JobCard:
    position: str
    department: str
    reports_to: str = ""
    supervisor: str = ""
    drawn_up: Optional[date] = None
    summary: str = ""
    duties: list[str] = field(default_factory=list)
    planned: int = 1
    actual: int = 0


@dataclass
class HandbookData:
    company: str
    department: str
    version: str
    effective_date: date
    sections: list[Section]
    departments: list[tuple[str, str]] = field(default_factory=list)  # (name, description)
    org: list[OrgNode] = field(default_factory=list)
    positions: list[JobCard] = field(default_factory=list)
    attendance_rules: list[str] = field(default_factory=list)
    holidays: list[str] = field(default_factory=list)  # the effective year's holidays and make-up days, one line each
    appraisal_rules: list[str] = field(default_factory=list)
    # the settings in force as readable blocks (handbook_settings.SettingsTable / SettingsText)
    attendance_settings: list = field(default_factory=list)
    appraisal_settings: list = field(default_factory=list)
    appraisal_positions: list[dict] = field(default_factory=list)  # each position's scheme (handbook_schemes.py)
    goals: list[tuple[str, str, str]] = field(default_factory=list)
    workflows: list[tuple[str, list[str]]] = field(default_factory=list)
    receipt: list = field(default_factory=list)  # app.documents.forms.ReceiptLine: the 员工签收表 the 附则 promises


def fill(text: str, data: HandbookData) -> str:
    """Section texts may say {company}, {department}, {version}, {effective_date}; other braces stay."""
    values = {"company": data.company, "department": data.department, "version": data.version,
              "effective_date": data.effective_date.isoformat()}
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def _body(text: str) -> list:
    """Blank lines separate paragraphs."""
    return [para(block.strip(), "text") for block in text.split("\n\n") if block.strip()] + [Spacer(1, 2 * mm)]


class OnePageContents(TableOfContents):
    """The contents on one page, listing every chapter and section: when the entries do not fit at the
    normal size, the lines tighten and the type shrinks step by step (to 70 %) until they do. Only a
    handbook with far more sections than a department has would still run onto a second page."""

    SIZES = ((11, 20), (9.5, 15))  # (font size, leading) of chapters and of sections
    STEPS = (1.0, 0.92, 0.85, 0.78, 0.7)

    def _styles(self, scale: float) -> list[ParagraphStyle]:
        (s1, l1), (s2, l2) = self.SIZES
        return [ParagraphStyle("toc1", fontName=FONT, fontSize=s1 * max(scale, 0.85), leading=l1 * scale, leftIndent=0),
                ParagraphStyle("toc2", fontName=FONT, fontSize=s2 * max(scale, 0.8), leading=l2 * scale,
                               leftIndent=8 * mm)]

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab API)
        for scale in self.STEPS:
            self.levelStyles = self._styles(scale)
            width, height = super().wrap(availWidth, availHeight)
            if height <= availHeight:
                break
        return width, height


class _HandbookDoc:
    """Builds the story; the doc template notifies the table of contents after each chapter title."""

    def __init__(self, data: HandbookData):
        self.data = data
        self.width = content_width()
        self.st = styles()

    def cover(self) -> list:
        d, st = self.data, self.st
        rows = [[_("Version"), d.version], [_("Effective date"), d.effective_date.isoformat()],
                [_("Issued by"), d.department], [_("Printed on"), date.today().isoformat()]]
        info = Table(rows, colWidths=[35 * mm, 60 * mm])
        info.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 11), ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
                                  ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE), ("TOPPADDING", (0, 0), (-1, -1), 6),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        return [PlainPage(), Spacer(1, 55 * mm), Paragraph(esc(d.company), st["cover_sub"]), Spacer(1, 6 * mm),
                Paragraph(esc(_("E-commerce Department Operations Handbook")), st["cover"]), Spacer(1, 50 * mm),
                info, PageBreak()]

    def contents(self) -> list:
        toc = OnePageContents()
        toc.dotsMinLevel = 0
        # not inside a KeepTogether: multiBuild finds the contents among the story's top-level flowables only
        return [Paragraph(esc(_("Contents")), self.st["title"]), Spacer(1, 4 * mm), toc, PageBreak()]

    def chapter(self, number: int, section: Section) -> list:
        title = _("Chapter {n} {title}", n=number, title=section.title)
        heading = Paragraph(esc(title), self.st["h1"])
        heading.toc_entry = (0, title)
        story = [heading] + _body(fill(section.body, self.data))
        story += getattr(self, f"_{section.kind}", self._text)()
        return story

    def _h2(self, text: str) -> Paragraph:
        p = Paragraph(esc(text), self.st["h2"])
        p.toc_entry = (1, text)
        return p

    def _text(self) -> list:
        return []

    def _departments(self) -> list:
        rows = [[name, Paragraph(esc(desc), self.st["cell"])] for name, desc in self.data.departments]
        return [data_table([_("Department"), _("Function")], rows, [36 * mm, self.width - 36 * mm])] if rows else []

    def _org(self) -> list:
        story = []
        if self.data.org:
            story += [CondPageBreak(80 * mm), self._h2(_("Organisation chart")),
                      OrgChart(self.data.org, self.width, vacant=_("(vacant)"))]
        return story

    def _positions(self) -> list:
        story = []
        plan_rows = [[c.position, c.department, str(c.planned), str(c.actual)] for c in self.data.positions]
        if plan_rows:
            story += [self._h2(_("Headcount plan")),
                      data_table([_("Position"), _("Department"), _("Planned"), _("Actual")], plan_rows,
                                 [60 * mm, 60 * mm, 27 * mm, self.width - 147 * mm], right=(2, 3)),
                      Spacer(1, 4 * mm)]
        for card in self.data.positions:
            story.append(KeepTogether(self._card(card)))
        return story

    def _card(self, card: JobCard) -> list:
        cell = self.st["cell"]
        duties = "<br/>".join(f"{i}. {esc(d)}" for i, d in enumerate(card.duties, 1)) or "—"
        rows = [[_("Position"), card.position, _("Department"), card.department],
                [_("Reports to"), card.reports_to or "—", _("Direct supervisor"), card.supervisor or "—"],
                [_("Drawn up"), card.drawn_up.isoformat() if card.drawn_up else "—", _("Headcount"),
                 _("{actual} of {planned} planned", actual=card.actual, planned=card.planned)],
                [_("Job summary"), Paragraph(esc(card.summary or "—"), cell), "", ""],
                [_("Duties"), Paragraph(duties, cell), "", ""]]
        w = self.width
        table = Table(rows, colWidths=[27 * mm, w / 2 - 27 * mm, 27 * mm, w / 2 - 27 * mm])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 9), ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
            ("BOX", (0, 0), (-1, -1), 0.8, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
            ("BACKGROUND", (0, 0), (0, -1), HEADER_BG), ("BACKGROUND", (2, 0), (2, 2), HEADER_BG),
            ("SPAN", (1, 3), (3, 3)), ("SPAN", (1, 4), (3, 4)), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return [self._h2(_("Job description: {position}", position=card.position)), table, Spacer(1, 5 * mm)]

    def _rules(self, sentences: list[str], settings: list) -> list:
        story = [para(f"{i}. {s}", "rule") for i, s in enumerate(sentences, 1)]
        if settings:
            story += [Spacer(1, 3 * mm), self._h2(_("Settings in force"))] + self._settings(settings)
        return story

    def _settings(self, blocks: list) -> list:
        """The settings in force as handbook_settings wrote them: small titled tables and sentences."""
        from app.documents.handbook_settings import SettingsTable

        story = []
        cell = self.st["cell"]
        for block in blocks:
            title = [para(block.title, "h3")] if block.title else []
            if isinstance(block, SettingsTable):
                n = len(block.header)
                first = 42 * mm if n > 2 else 45 * mm
                widths = [first] + [(self.width - first) / (n - 1)] * (n - 1)
                # long cells wrap as paragraphs; short ones stay plain text, so numbers can align right
                rows = [[Paragraph(esc(c), cell) if len(c) > 14 else c for c in row] for row in block.rows]
                story.append(KeepTogether(title + [data_table(block.header, rows, widths, right=block.right),
                                                   Spacer(1, 3 * mm)]))
            else:
                lines = [Paragraph(esc(line), self.st["bullet"], bulletText="•") for line in block.lines]
                story.append(KeepTogether(title + lines[:2]))
                story += lines[2:] + [Spacer(1, 2 * mm)]
        return story

    def _attendance(self) -> list:
        story = self._rules(self.data.attendance_rules, self.data.attendance_settings)
        year = self.data.effective_date.year
        story += [Spacer(1, 3 * mm), self._h2(_("Holidays and make-up working days in {year}", year=year))]
        story += [para(line, "rule") for line in self.data.holidays] or [
            para(_("The holidays of {year} are not entered yet.", year=year), "muted")]
        return story

    def _appraisal(self) -> list:
        from app.documents.handbook_schemes import position_schemes_story

        return (self._rules(self.data.appraisal_rules, self.data.appraisal_settings)
                + position_schemes_story(self.data.appraisal_positions, self.width, self.st, self._h2))

    def _goals(self) -> list:
        if not self.data.goals:
            return []
        rows = [[label, value, unit] for label, value, unit in self.data.goals]
        return [self._h2(_("Targets in force")),
                data_table([_("Target"), _("Value"), _("Unit")], rows, [110 * mm, 40 * mm, self.width - 150 * mm],
                           right=(1,))]

    def _workflows(self) -> list:
        story = []
        for name, steps in self.data.workflows:
            rows = [[str(i), Paragraph(esc(step), self.st["cell"])] for i, step in enumerate(steps, 1)]
            story.append(KeepTogether([self._h2(name), data_table([_("Step"), _("What is done")], rows,
                                                                   [14 * mm, self.width - 14 * mm], centre=(0,)),
                                       Spacer(1, 3 * mm)]))
        return story

    def story(self) -> list:
        d = self.data
        label = f"{_('E-commerce Department Operations Handbook')} · {_('Version')} {d.version}"
        story = [GroupStart("handbook", label)] + self.cover() + self.contents()
        for n, section in enumerate(d.sections, 1):
            if n > 1:
                story.append(PageBreak())
            story += self.chapter(n, section)
        if d.receipt:
            from app.documents.forms import receipt_story

            receipt = receipt_story(d.receipt, d.company, _("E-commerce Department Operations Handbook"), d.version)
            receipt[0].toc_entry = (0, _("Employee Receipt Form"))  # the contents list every part of the book
            story += [PageBreak()] + receipt
        return story


def write_handbook(data: HandbookData, target) -> int:
    """Write the handbook (``target``: a path or a binary file); returns the page count."""
    title = _("E-commerce Department Operations Handbook")
    doc = document(target, title=title, author=data.company)
    counter = [0]

    def after(flowable):
        entry = getattr(flowable, "toc_entry", None)
        if entry:
            counter[0] += 1
            key = f"h{counter[0]}"
            doc.canv.bookmarkPage(key)
            doc.canv.addOutlineEntry(entry[1], key, level=entry[0], closed=True)
            doc.notify("TOCEntry", (entry[0], entry[1], doc.page, key))

    def before_pass():
        counter[0] = 0

    doc.afterFlowable = after
    builder = _HandbookDoc(data)
    original = doc._startBuild

    def start_build(*args, **kwargs):
        before_pass()
        return original(*args, **kwargs)

    doc._startBuild = start_build
    doc.multiBuild(builder.story(), canvasmaker=canvas_with_header(f"{data.company} · {title}"))
    return doc.page
