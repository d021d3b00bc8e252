"""The printed org chart: the tree of positions by reporting line, drawn as vector boxes.

An indented tree (one box per position, its people beside it) reads well on A4 portrait
for 5 to 50 people; the interactive chart of the org tab is a separate thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.documents.pdf import ACCENT, FONT, MUTED, RULE, TEXT, register_font

SERIES = ["#2563eb", "#16a34a", "#f59e0b", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#ea580c", "#475569"]


@dataclass
class OrgNode:
    position: str
    department: str
    people: list[str] = field(default_factory=list)
    children: list["OrgNode"] = field(default_factory=list)


def flatten(roots: list[OrgNode]) -> list[tuple[int, OrgNode, int | None]]:
    """(depth, node, index of the parent row) in reading order."""
    rows: list[tuple[int, OrgNode, int | None]] = []

    def walk(node: OrgNode, depth: int, parent: int | None) -> None:
        rows.append((depth, node, parent))
        me = len(rows) - 1
        for child in node.children:
            walk(child, depth + 1, me)

    for root in roots:
        walk(root, 0, None)
    return rows


class OrgChart(Flowable):
    ROW = 11 * mm
    BOX_H = 8 * mm
    INDENT = 9 * mm
    BOX_W = 46 * mm

    def __init__(self, roots: list[OrgNode], width: float, vacant: str = "—"):
        super().__init__()
        register_font()
        self.rows = flatten(roots)
        self.width = width
        self.vacant = vacant
        departments = []
        for _d, node, _p in self.rows:
            if node.department not in departments:
                departments.append(node.department)
        self.colour = {d: SERIES[i % len(SERIES)] for i, d in enumerate(departments)}
        self.scale = 1.0

    def natural_height(self) -> float:
        return len(self.rows) * self.ROW

    def wrap(self, avail_width, avail_height):
        natural = self.natural_height()
        self.scale = min(1.0, avail_height / natural) if natural else 1.0
        return self.width, natural * self.scale

    def draw(self):
        c = self.canv
        c.saveState()
        c.scale(self.scale, self.scale)
        top = self.natural_height()
        ys = []
        for i, (depth, node, parent) in enumerate(self.rows):
            x = depth * self.INDENT
            y = top - (i + 1) * self.ROW + (self.ROW - self.BOX_H) / 2
            ys.append((x, y))
            if parent is not None:
                px, py = ys[parent]
                c.setStrokeColor(RULE)
                c.setLineWidth(0.8)
                c.line(px + 3 * mm, py, px + 3 * mm, y + self.BOX_H / 2)
                c.line(px + 3 * mm, y + self.BOX_H / 2, x, y + self.BOX_H / 2)
            colour = colors.HexColor(self.colour[node.department])
            c.setFillColor(colors.white)
            c.setStrokeColor(colour)
            c.setLineWidth(1)
            c.roundRect(x, y, self.BOX_W, self.BOX_H, 1.5 * mm, stroke=1, fill=1)
            c.setFillColor(colour)
            c.rect(x, y, 1.6 * mm, self.BOX_H, stroke=0, fill=1)
            c.setFillColor(TEXT)
            c.setFont(FONT, 9)
            c.drawString(x + 3 * mm, y + 4.3 * mm, _fit(node.position, 9, self.BOX_W - 4 * mm))
            c.setFillColor(MUTED)
            c.setFont(FONT, 7)
            c.drawString(x + 3 * mm, y + 1.4 * mm, _fit(node.department, 7, self.BOX_W - 4 * mm))
            people = "、".join(node.people) if node.people else self.vacant
            c.setFillColor(ACCENT if node.people else MUTED)
            c.setFont(FONT, 9)
            room = self.width / self.scale - (x + self.BOX_W + 3 * mm)
            c.drawString(x + self.BOX_W + 3 * mm, y + 2.8 * mm, _fit(people, 9, room))
        c.restoreState()


def _fit(text: str, size: float, room: float) -> str:
    """Cut ``text`` with an ellipsis so it fits ``room`` points."""
    if stringWidth(text, FONT, size) <= room:
        return text
    while text and stringWidth(text + "…", FONT, size) > room:
        text = text[:-1]
    return text + "…"
