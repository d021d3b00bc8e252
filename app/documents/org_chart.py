"""The org chart (组织架构图) on paper: a vector PDF (reportlab) and a PNG (matplotlib, Agg).

Both draw the same boxes the window shows: the layout of app.rules.org_layout, one colour per
department, an initials avatar, dashed boxes for planned seats nobody fills yet. The PDF is A4 or
A3 landscape, either scaled to one page or tiled over several pages at a readable size; the Chinese
font is embedded (subset), so the page prints the same on any PC.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from app.i18n import _
from app.paths import FONT_PATH
from app.rules.org_layout import Box, TreeLayout, layout_tree

# the same hex values as ui/theme.series: one colour per department, in department order
DEPARTMENT_COLOURS = ["#2563eb", "#16a34a", "#f59e0b", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#ea580c", "#475569"]
VACANT_GREY = "#9ca3af"
TEXT = "#111827"
MUTED = "#6b7280"
LINE = "#9aa3af"
PAPERS = ("A4", "A3")
MM = 72 / 25.4
MARGIN = 18 * MM
TILE_SCALE = 0.6  # layout unit -> point when tiling: a box is about 36 mm wide
FIT_MAX_SCALE = 0.75


def department_colour(index: int) -> str:
    return DEPARTMENT_COLOURS[index % len(DEPARTMENT_COLOURS)]


@dataclass
class ChartDrawing:
    """What to draw: the chart's nodes (app.services.org.ChartNode) and their layout."""

    nodes: Sequence
    layout: TreeLayout
    title: str = ""
    collapsed: set = field(default_factory=set)

    @property
    def by_key(self) -> dict:
        return {n.key: n for n in self.nodes}

    def legend(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for n in self.nodes:
            if n.key in self.layout.boxes and n.department and n.department not in seen:
                seen[n.department] = department_colour(n.colour_index)
        return list(seen.items())


def prepare(nodes: Sequence, collapsed: Iterable[str] = (), title: str = "") -> ChartDrawing:
    collapsed = set(collapsed)
    layout = layout_tree({n.key: n.manager_key for n in nodes}, [n.key for n in nodes], collapsed)
    return ChartDrawing(nodes, layout, title or _("Organization chart"), collapsed)


def box_texts(node) -> tuple[str, str]:
    """The two lines of a box: the name (or 'Vacant') and the position."""
    if node.vacant:
        return _("Vacant"), node.position
    return node.name, node.position


def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT_PATH), subfontIndex=0))
    return "WQY"


def _fit(text: str, font: str, size: float, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


# -- PDF ---------------------------------------------------------------------------------------
def write_pdf(drawing: ChartDrawing, path: str | Path, paper: str = "A4", tiled: bool = False,
              progress: Optional[Callable[[int, int], None]] = None) -> int:
    """Write the chart as a PDF; returns the number of pages."""
    from reportlab.lib.pagesizes import A3, A4, landscape
    from reportlab.pdfgen import canvas

    if paper not in PAPERS:
        from app.errors import ValidationError

        raise ValidationError("Paper must be A4 or A3 (got {paper}).", paper=paper)
    font = _register_font()
    page_w, page_h = landscape(A3 if paper == "A3" else A4)
    header_h, footer_h = 16 * MM, 10 * MM
    frame_w, frame_h = page_w - 2 * MARGIN, page_h - 2 * MARGIN - header_h - footer_h
    width, height = max(drawing.layout.width, 1.0), max(drawing.layout.height, 1.0)
    if tiled:
        scale = TILE_SCALE
        cols, rows = max(1, math.ceil(width * scale / frame_w)), max(1, math.ceil(height * scale / frame_h))
    else:
        scale = min(frame_w / width, frame_h / height, FIT_MAX_SCALE)
        cols = rows = 1
    from app.io.atomic import atomic_path

    with atomic_path(path) as tmp:
        return _write_pages(canvas.Canvas(str(tmp), pagesize=(page_w, page_h)), drawing, font, scale, tiled, cols, rows,
                            page_w, page_h, header_h, frame_w, frame_h, width, progress)


def _write_pages(c, drawing, font, scale, tiled, cols, rows, page_w, page_h, header_h, frame_w, frame_h, width,
                 progress) -> int:
    total = cols * rows
    c.setTitle(drawing.title)
    c.setAuthor("ShopTeam")
    offset_x = 0.0 if tiled else (frame_w - width * scale) / 2
    page = 0
    for row in range(rows):
        for col in range(cols):
            page += 1
            _page_frame(c, drawing, font, page, total, page_w, page_h, header_h, row, col, tiled)
            frame_top = page_h - MARGIN - header_h
            c.saveState()
            clip = c.beginPath()
            clip.rect(MARGIN, frame_top - frame_h, frame_w, frame_h)
            c.clipPath(clip, stroke=0, fill=0)
            view = (col * frame_w / scale, row * frame_h / scale, frame_w / scale, frame_h / scale)
            _draw_chart(c, drawing, font, scale, MARGIN + offset_x - col * frame_w, frame_top + row * frame_h, view)
            c.restoreState()
            c.showPage()
            if progress:
                progress(page, total)
    c.save()
    return total


def _page_frame(c, drawing: ChartDrawing, font: str, page: int, total: int, page_w: float, page_h: float,
                header_h: float, row: int, col: int, tiled: bool) -> None:
    c.setFillColor(TEXT)
    c.setFont(font, 16)
    c.drawString(MARGIN, page_h - MARGIN - 16, drawing.title)
    c.setFont(font, 9)
    c.setFillColor(MUTED)
    people = sum(1 for n in drawing.nodes if not n.vacant)
    vacant = sum(1 for n in drawing.nodes if n.vacant)
    info = _("{people} people, {vacant} vacant seats · printed {date}", people=people, vacant=vacant,
             date=date.today().isoformat())
    if tiled and total > 1:
        info += "  ·  " + _("sheet row {row}, column {col}", row=row + 1, col=col + 1)
    c.drawRightString(page_w - MARGIN, page_h - MARGIN - 14, info)
    x = MARGIN
    y = MARGIN + 2
    for name, colour in drawing.legend():
        c.setFillColor(colour)
        c.roundRect(x, y, 8, 8, 2, stroke=0, fill=1)
        c.setFillColor(TEXT)
        c.drawString(x + 11, y + 1, name)
        x += 11 + c.stringWidth(name, font, 9) + 12
    c.setDash(3, 2)
    c.setStrokeColor(VACANT_GREY)
    c.roundRect(x, y, 8, 8, 2, stroke=1, fill=0)
    c.setDash()
    c.setFillColor(TEXT)
    c.drawString(x + 11, y + 1, _("Vacant (planned, not filled)"))
    c.setFillColor(MUTED)
    c.drawRightString(page_w - MARGIN, y + 1, _("Page {page} of {pages}", page=page, pages=total))


def _draw_chart(c, drawing: ChartDrawing, font: str, scale: float, left: float, top: float, view) -> None:
    vx, vy, vw, vh = view

    def X(x: float) -> float:
        return left + x * scale

    def Y(y: float) -> float:
        return top - y * scale

    def visible(box: Box) -> bool:
        return box.right >= vx and box.x <= vx + vw and box.bottom >= vy and box.y <= vy + vh

    c.setStrokeColor(LINE)
    c.setLineWidth(max(0.5, 1.2 * scale))
    path = c.beginPath()
    for _m, _r, points in drawing.layout.edges:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if max(xs) < vx or min(xs) > vx + vw or max(ys) < vy or min(ys) > vy + vh:
            continue
        path.moveTo(X(points[0][0]), Y(points[0][1]))
        for p in points[1:]:
            path.lineTo(X(p[0]), Y(p[1]))
    c.drawPath(path, stroke=1, fill=0)
    by_key = drawing.by_key
    for key, box in drawing.layout.boxes.items():
        if visible(box):
            _draw_box(c, by_key[key], box, font, scale, X, Y, drawing.layout.hidden.get(key, 0))


def _draw_box(c, node, box: Box, font: str, scale: float, X, Y, hidden: int) -> None:
    colour = department_colour(node.colour_index)
    x, y, w, h = X(box.x), Y(box.bottom), box.w * scale, box.h * scale
    radius = 6 * scale
    if node.vacant:
        c.setDash(4 * scale, 3 * scale)
        c.setStrokeColor(VACANT_GREY)
        c.setFillColor("#ffffff")
        c.setLineWidth(1.2 * scale)
        c.roundRect(x, y, w, h, radius, stroke=1, fill=1)
        c.setDash()
    else:
        c.setStrokeColor(colour)
        c.setFillColor("#ffffff")
        c.setLineWidth(1.2 * scale)
        c.roundRect(x, y, w, h, radius, stroke=1, fill=1)
        c.setFillColor(colour)
        c.rect(x, y + radius / 2, 5 * scale, h - radius, stroke=0, fill=1)
        r = 16 * scale
        c.circle(x + 28 * scale, y + h / 2, r, stroke=0, fill=1)
        c.setFillColor("#ffffff")
        size = 11 * scale if len(node.initials) < 2 else 9.5 * scale
        c.setFont(font, size)
        c.drawCentredString(x + 28 * scale, y + h / 2 - size * 0.35, node.initials)
    name, position = box_texts(node)
    text_x = x + (52 if not node.vacant else 14) * scale
    room = w - (text_x - x) - 8 * scale
    c.setFillColor(VACANT_GREY if node.vacant else TEXT)
    c.setFont(font, 12 * scale)
    c.drawString(text_x, y + h / 2 + 3 * scale, _fit(name, font, 12 * scale, room))
    c.setFillColor(MUTED)
    c.setFont(font, 9.5 * scale)
    c.drawString(text_x, y + h / 2 - 12 * scale, _fit(position, font, 9.5 * scale, room))
    if hidden:
        label = f"+{hidden}"
        c.setFillColor(colour)
        bw = (c.stringWidth(label, font, 8 * scale) + 8 * scale)
        c.roundRect(x + w - bw - 4 * scale, y + 4 * scale, bw, 11 * scale, 3 * scale, stroke=0, fill=1)
        c.setFillColor("#ffffff")
        c.setFont(font, 8 * scale)
        c.drawCentredString(x + w - bw / 2 - 4 * scale, y + 6.5 * scale, label)


# -- PNG ---------------------------------------------------------------------------------------
MAX_PNG_SIDE = 12000


def write_png(drawing: ChartDrawing, path: str | Path, dpi: int = 110) -> tuple[int, int]:
    """Write the chart as a PNG with matplotlib (no Qt); returns its pixel size."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import font_manager
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle, FancyBboxPatch

    font_manager.fontManager.addfont(str(FONT_PATH))
    family = font_manager.FontProperties(fname=str(FONT_PATH)).get_name()
    pad = 40.0
    width, height = drawing.layout.width + 2 * pad, drawing.layout.height + 2 * pad + 60
    px_per_unit = min(1.4, MAX_PNG_SIDE / max(width, height))
    fig = Figure(figsize=(width * px_per_unit / dpi, height * px_per_unit / dpi), dpi=dpi, facecolor="white")
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-pad, width - pad)
    ax.set_ylim(height - pad - 60, -pad - 60)
    ax.axis("off")
    pt = 72 / dpi * px_per_unit  # layout unit -> font points
    ax.text(0, -pad, drawing.title, fontsize=20 * pt, family=family, color=TEXT, va="center")
    for _m, _r, points in drawing.layout.edges:
        ax.plot([p[0] for p in points], [p[1] for p in points], color=LINE, linewidth=1.2 * pt, solid_capstyle="butt")
    by_key = drawing.by_key
    for key, box in drawing.layout.boxes.items():
        node = by_key[key]
        colour = department_colour(node.colour_index)
        ax.add_patch(FancyBboxPatch((box.x, box.y), box.w, box.h, boxstyle="round,pad=0,rounding_size=6",
                                    facecolor="white", edgecolor=VACANT_GREY if node.vacant else colour,
                                    linewidth=1.2 * pt, linestyle="--" if node.vacant else "-"))
        name, position = box_texts(node)
        text_x = box.x + (14 if node.vacant else 52)
        if not node.vacant:
            ax.add_patch(Circle((box.x + 28, box.y + box.h / 2), 16, facecolor=colour, edgecolor="none"))
            ax.text(box.x + 28, box.y + box.h / 2, node.initials, ha="center", va="center", color="white",
                    fontsize=(10 if len(node.initials) > 1 else 11) * pt, family=family)
        ax.text(text_x, box.y + box.h / 2 - 9, name, va="center", fontsize=12 * pt, family=family,
                color=VACANT_GREY if node.vacant else TEXT)
        ax.text(text_x, box.y + box.h / 2 + 11, position, va="center", fontsize=9.5 * pt, family=family, color=MUTED)
        hidden = drawing.layout.hidden.get(key, 0)
        if hidden:
            ax.text(box.right - 8, box.bottom - 8, f"+{hidden}", ha="right", va="bottom", fontsize=8 * pt,
                    family=family, color="white", bbox={"boxstyle": "round,pad=0.2", "facecolor": colour, "edgecolor": "none"})
    from app.io.atomic import atomic_path

    with atomic_path(path) as tmp:
        fig.savefig(str(tmp), dpi=dpi, facecolor="white", format="png")
    w_px, h_px = fig.get_size_inches() * dpi
    return int(round(w_px)), int(round(h_px))
