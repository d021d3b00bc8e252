"""The PDF framework every printed document uses (reportlab, imported lazily by callers).

One CJK font (WenQuanYi Micro Hei, embedded and subset), A4 page templates with ~18 mm
margins, the paragraph styles, the shaded/zebra table, signature lines, and a canvas that
writes "第 x 页 / 共 y 页" in the footer. Page numbers count per *group*: a batch of
appraisal sheets in one file numbers each person's sheet on its own.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table,
                                TableStyle)

from app.i18n import _
from app.paths import FONT_PATH

FONT = "WQY"
MARGIN = 18 * mm
PORTRAIT = A4
LANDSCAPE = landscape(A4)

# the same hex values as ui/theme.py `status` (window, charts and paper agree)
STATUS_COLOURS = {
    "normal": "#16a34a", "late": "#f59e0b", "early": "#ea580c", "absent": "#dc2626", "leave": "#2563eb",
    "offsite": "#7c3aed", "rest": "#9ca3af", "missing": "#db2777", "none": "#ffffff",
}
ACCENT = colors.HexColor("#2563eb")
TEXT = colors.HexColor("#111827")
MUTED = colors.HexColor("#6b7280")
HEADER_BG = colors.HexColor("#e8edf5")
ZEBRA = colors.HexColor("#f3f6fb")
RULE = colors.HexColor("#c9ced6")


# Chinese line-breaking (禁则): no line may start with these. reportlab's own list (textsplit.ALL_CANNOT_START)
# has the ideographic full stop and comma 、。 but not the full-width ，；：？！》, so lines began with "，".
CANNOT_START = "，。、；：？！）》」』】〕〉" + "·％"


def chinese_line_breaking() -> None:
    """Teach reportlab's CJK word wrap the full set of punctuation that must not begin a line."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    missing = "".join(c for c in CANNOT_START if c not in textsplit.ALL_CANNOT_START)
    if missing:
        textsplit.ALL_CANNOT_START += missing
        paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START  # imported by name at module load


@lru_cache(maxsize=1)
def register_font() -> str:
    """Register the CJK font once per process; bold/italic map to the same face (it has no bold)."""
    from reportlab import rl_config

    chinese_line_breaking()

    rl_config.useA85 = 0  # page streams stay binary (Flate only): ASCII85 in pure Python costs ~10 % of a batch
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_PATH), subfontIndex=0))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    register_font()
    base = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=10, leading=15, textColor=TEXT, wordWrap="CJK")
    return {
        "body": base,
        "text": ParagraphStyle("text", parent=base, firstLineIndent=20, spaceAfter=5),
        "rule": ParagraphStyle("rule", parent=base, spaceAfter=4, leftIndent=14, firstLineIndent=-14),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=12),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8.5, leading=12, textColor=MUTED),
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=9.5, leading=14, alignment=TA_CENTER,
                                   textColor=MUTED, spaceAfter=8),
        "h1": ParagraphStyle("h1", parent=base, fontSize=14, leading=20, spaceBefore=6, spaceAfter=8,
                             textColor=ACCENT),
        "h2": ParagraphStyle("h2", parent=base, fontSize=11, leading=16, spaceBefore=8, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=base, fontSize=10, leading=15, spaceBefore=4, spaceAfter=3, textColor=TEXT),
        "bullet": ParagraphStyle("bullet", parent=base, spaceAfter=3, leftIndent=12, bulletIndent=2),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "cover": ParagraphStyle("cover", parent=base, fontSize=26, leading=36, alignment=TA_CENTER),
        "cover_sub": ParagraphStyle("cover_sub", parent=base, fontSize=13, leading=22, alignment=TA_CENTER),
    }


def esc(text) -> str:
    """Text for a Paragraph: reportlab reads <, > and & as markup."""
    return str(text if text is not None else "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text, style: str = "body") -> Paragraph:
    return Paragraph(esc(text).replace("\n", "<br/>"), styles()[style])


class GroupStart(Flowable):
    """Zero-size marker: from here on the footer names ``label`` and numbers pages within ``key``."""

    def __init__(self, key: str, label: str):
        super().__init__()
        self.key, self.label = key, label
        self.width = self.height = 0

    def wrap(self, *_args):
        return 0, 0

    def draw(self):
        self.canv.st_group = self.key
        self.canv.st_footer = self.label


class PlainPage(Flowable):
    """Zero-size marker: the page it is drawn on gets no header or footer (a cover)."""

    def wrap(self, *_args):
        return 0, 0

    def draw(self):
        self.canv.st_plain = True


class NumberedCanvas(Canvas):
    """Holds pages back until the end so each footer can say 第 x 页 / 共 y 页 (per group)."""

    header_text = ""
    footer_note = ""

    def __init__(self, *args, **kwargs):
        kwargs["initialFontName"] = kwargs.get("initialFontName") or register_font()  # no unembedded Helvetica
        super().__init__(*args, **kwargs)
        self._held: list[tuple[dict, object, str]] = []
        self.st_group: object = None
        self.st_footer = ""
        self.st_plain = False

    def showPage(self):  # noqa: N802 (reportlab API)
        self._held.append((dict(self.__dict__), self.st_group, "\0" if self.st_plain else self.st_footer))
        self.st_plain = False
        self._startPage()

    def save(self):
        totals = Counter(group for _state, group, _label in self._held)
        seen: Counter = Counter()
        for state, group, label in self._held:
            self.__dict__.update(state)
            seen[group] += 1
            if label != "\0":
                self._draw_frame_text(seen[group], totals[group], label)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_frame_text(self, page: int, total: int, label: str) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, 12 * mm, width - MARGIN, 12 * mm)
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        self.drawString(MARGIN, 8 * mm, label)
        self.drawRightString(width - MARGIN, 8 * mm, _("Page {page} of {total}", page=page, total=total))
        if self.footer_note:
            self.drawCentredString(width / 2, 8 * mm, self.footer_note)
        if self.header_text:
            self.drawRightString(width - MARGIN, height - 11 * mm, self.header_text)
            self.line(MARGIN, height - 12.5 * mm, width - MARGIN, height - 12.5 * mm)
        self.restoreState()


def canvas_with_header(text: str, note: str = ""):
    """A NumberedCanvas class that also prints ``text`` (company · document) at the top right, and
    ``note`` (e.g. the audit chain's head) in the middle of the footer."""
    return type("HeaderCanvas", (NumberedCanvas,), {"header_text": text, "footer_note": note})


def document(target, pagesize=PORTRAIT, title: str = "", author: str = "", **kwargs) -> BaseDocTemplate:
    """A document with one page template of ``pagesize`` and ~18 mm margins."""
    register_font()
    doc = BaseDocTemplate(target, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN, title=title, author=author, creator="ShopTeam", **kwargs)
    frame = Frame(MARGIN, MARGIN, pagesize[0] - 2 * MARGIN, pagesize[1] - 2 * MARGIN, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=pagesize)])
    return doc


def content_width(pagesize=PORTRAIT) -> float:
    return pagesize[0] - 2 * MARGIN


def data_table(header: Sequence, rows: Sequence[Sequence], col_widths: Sequence[float] | None = None,
               right: Sequence[int] = (), centre: Sequence[int] = (), font_size: float = 9,
               total_row: bool = False, extra: Sequence[tuple] = ()) -> Table:
    """The house table: shaded header repeated on every page, zebra rows, numbers right-aligned."""
    data = [list(header)] + [list(r) for r in rows]
    table = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    cmds = [
        ("FONT", (0, 0), (-1, -1), FONT, font_size),
        ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if len(data) > 2:
        cmds.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]))
    for col in right:
        cmds.append(("ALIGN", (col, 0), (col, -1), "RIGHT"))
    for col in centre:
        cmds.append(("ALIGN", (col, 0), (col, -1), "CENTER"))
    if total_row and rows:
        cmds += [("BACKGROUND", (0, -1), (-1, -1), HEADER_BG), ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE)]
    cmds.extend(extra)
    table.setStyle(TableStyle(cmds))
    return table


def key_value_table(pairs: Sequence[tuple[str, object]], width: float, columns: int = 3) -> Table:
    """A compact block of label/value pairs (a sheet's header): label muted, value in body text."""
    cells, row = [], []
    for label, value in pairs:
        row += [label, "" if value is None else str(value)]
        if len(row) == 2 * columns:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (2 * columns - len(row)))
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widths = []
    for c in range(columns):  # each label column as wide as its longest label (English labels are longer)
        longest = max((stringWidth(str(r[2 * c]), FONT, 9.5) for r in cells), default=0)
        label_w = min(max(width / columns * 0.35, longest + 14), width / columns * 0.6)
        widths += [label_w, width / columns - label_w]
    table = Table(cells, colWidths=widths, hAlign="LEFT")
    cmds = [("FONT", (0, 0), (-1, -1), FONT, 9.5), ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    for c in range(0, 2 * columns, 2):
        cmds += [("BACKGROUND", (c, 0), (c, -1), HEADER_BG), ("TEXTCOLOR", (c, 0), (c, -1), MUTED)]
    table.setStyle(TableStyle(cmds))
    return table


def signature_lines(labels: Sequence[str], width: float) -> Table:
    """"员工签字：______  日期：______" for each person who signs, side by side."""
    cell_w = width / len(labels)
    row1 = [f"{label}：" for label in labels]
    row2 = [_("Date:") for _label in labels]
    table = Table([row1, row2], colWidths=[cell_w] * len(labels), rowHeights=[12 * mm, 9 * mm], hAlign="LEFT")
    cmds = [("FONT", (0, 0), (-1, -1), FONT, 9.5), ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    for c in range(len(labels)):
        cmds += [("LINEBELOW", (c, 0), (c, 0), 0.6, TEXT), ("LINEBELOW", (c, 1), (c, 1), 0.6, TEXT)]
        cmds += [("RIGHTPADDING", (c, 0), (c, -1), 8 * mm)]
    table.setStyle(TableStyle(cmds))
    return table


def fmt_number(value, digits: int = 1) -> str:
    """1 -> "1", 1.5 -> "1.5", None -> "—" (printed figures never show 1.0000001)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, (int,)) and not isinstance(value, bool):
        return str(value)
    number = round(float(value), digits)
    return str(int(number)) if number.is_integer() else f"{number:.{digits}f}"


def fmt_money(value) -> str:
    return "¥{:,.2f}".format(float(value or 0))
