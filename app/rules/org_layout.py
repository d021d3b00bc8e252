"""Tidy layout of a reporting tree: where each box goes and how the lines run. Pure, no Qt.

Each subtree owns a vertical strip of the drawing that no other subtree enters, so boxes never
overlap. A manager sits centred over their reports; the lines run down from the manager to a
horizontal bus in the empty band between two rows, then down to each report. A manager whose
reports all have no reports of their own (a team of staff) gets them in two columns on either side
of a vertical spine, which keeps a 25-person team as narrow as two boxes: the chart stays readable
from 5 to 500 people.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable, Iterable, Mapping, Optional, Sequence

BOX_W = 168.0
BOX_H = 56.0
H_GAP = 28.0  # between neighbouring subtrees
V_GAP = 52.0  # between a manager's row and the row of their reports
STACK_GAP = 14.0  # between boxes in a stacked team column
SPINE_GAP = 40.0  # between the two stacked columns (the spine runs in the middle)
STACK_MIN = 4  # a team of at least this many staff is stacked in columns


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float = BOX_W
    h: float = BOX_H

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


Point = tuple[float, float]


@dataclass
class TreeLayout:
    boxes: dict = field(default_factory=dict)  # node id -> Box (visible nodes only)
    edges: list = field(default_factory=list)  # (manager id, report id, [points of an orthogonal polyline])
    hidden: dict = field(default_factory=dict)  # collapsed node id -> number of people hidden under it
    has_children: set = field(default_factory=set)  # nodes with reports (shown or collapsed)
    width: float = 0.0
    height: float = 0.0


def children_map(parent_of: Mapping[Hashable, Optional[Hashable]], order: Sequence[Hashable]) -> dict:
    """Manager -> reports in the given order; None -> the roots. Unknown managers make a root."""
    known = set(order)
    children: dict = {None: []}
    for node in order:
        parent = parent_of.get(node)
        if parent not in known or parent == node:
            parent = None
        children.setdefault(parent, []).append(node)
    return children


def _descendant_count(children: dict, node) -> int:
    total, stack = 0, list(children.get(node, []))
    while stack:
        n = stack.pop()
        total += 1
        stack.extend(children.get(n, []))
    return total


def layout_tree(parent_of: Mapping[Hashable, Optional[Hashable]], order: Sequence[Hashable],
                collapsed: Iterable[Hashable] = (), box_w: float = BOX_W, box_h: float = BOX_H) -> TreeLayout:
    """Place every visible node. ``order`` lists all nodes (siblings keep this order);
    ``parent_of`` maps a node to its manager (None or unknown: a root). Nodes below a collapsed
    node are left out and counted in ``hidden``. A loop in ``parent_of`` is broken at the node
    first met, so the layout always terminates."""
    children = children_map(parent_of, order)
    collapsed = set(collapsed)
    result = TreeLayout()
    # break loops: keep only nodes reachable from the roots; the rest become roots themselves
    reached: set = set()
    roots: list = []
    for candidate in list(children[None]) + list(order):
        if candidate in reached:
            continue
        roots.append(candidate)
        stack = [candidate]
        while stack:
            n = stack.pop()
            reached.add(n)
            kids = [c for c in children.get(n, []) if c not in reached]
            children[n] = kids
            stack.extend(kids)
    shown: dict = {}
    for node in order:
        kids = children.get(node, [])
        if kids:
            result.has_children.add(node)
        if node in collapsed and kids:
            result.hidden[node] = _descendant_count(children, node)
            shown[node] = []
        else:
            shown[node] = kids
    # post-order: width of each subtree; a node's reports are laid out as slots: a report with
    # their own subtree, or one "team" block holding the reports who have nobody under them
    width: dict = {}
    centre: dict = {}  # from the subtree's left edge to its box centre
    slots: dict = {}
    post: list = []
    stack = [(r, False) for r in reversed(roots)]
    while stack:
        node, done = stack.pop()
        if done:
            post.append(node)
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(shown[node]))
    team_w = 2 * box_w + SPINE_GAP
    for node in post:
        kids = shown[node]
        leaves = [k for k in kids if not shown[k]]
        if not kids:
            width[node], centre[node], slots[node] = box_w, box_w / 2, []
            continue
        if len(leaves) == len(kids) and len(kids) >= STACK_MIN:
            width[node], centre[node], slots[node] = team_w, team_w / 2, [_Team(tuple(kids))]
            continue
        if len(leaves) >= 2 and len(leaves) < len(kids):
            team = _Team(tuple(leaves))
            width[team], centre[team] = team_w, team_w / 2
            node_slots = [team] + [k for k in kids if shown[k]]
        else:
            node_slots = list(kids)
        slots[node] = node_slots
        total = sum(width[k] for k in node_slots) + H_GAP * (len(node_slots) - 1)
        width[node] = max(box_w, total)
        start = (width[node] - total) / 2
        last_left = start + total - width[node_slots[-1]]
        centre[node] = (start + centre[node_slots[0]] + last_left + centre[node_slots[-1]]) / 2
    # pre-order: positions
    left = 0.0
    for root in roots:
        _place(root, left, shown, width, centre, slots, result, box_w, box_h)
        left += width[root] + H_GAP
    if result.boxes:
        result.width = max(b.right for b in result.boxes.values())
        result.height = max(b.bottom for b in result.boxes.values())
    return result


@dataclass(frozen=True)
class _Team:
    """Reports without reports of their own, stacked in two columns around a vertical spine."""

    members: tuple


def _place(root, left: float, shown, width, centre, slots, result: TreeLayout, box_w, box_h) -> None:
    """Place ``root``'s subtree in the strip starting at ``left``; iterative (deep chains are fine)."""
    work = [(root, left, 0.0)]
    while work:
        node, left, top = work.pop()
        cx = left + centre[node]
        box = Box(cx - box_w / 2, top, box_w, box_h)
        result.boxes[node] = box
        node_slots = slots[node]
        if not node_slots:
            continue
        child_top = box.bottom + V_GAP
        if len(node_slots) == 1 and isinstance(node_slots[0], _Team):  # a team right under its manager
            _place_team(node, node_slots[0], cx, [(cx, box.bottom)], child_top, result, box_w, box_h)
            continue
        total = sum(width[k] for k in node_slots) + H_GAP * (len(node_slots) - 1)
        x = left + (width[node] - total) / 2
        bus_y = box.bottom + V_GAP / 2
        for slot in node_slots:
            scx = x + centre[slot]
            lead = [(cx, box.bottom), (cx, bus_y), (scx, bus_y)]
            if isinstance(slot, _Team):
                _place_team(node, slot, scx, lead, child_top, result, box_w, box_h)
            else:
                result.edges.append((node, slot, lead + [(scx, child_top)]))
                work.append((slot, x, child_top))
            x += width[slot] + H_GAP


def _place_team(manager, team: _Team, spine: float, lead: list, first_y: float, result: TreeLayout,
                box_w: float, box_h: float) -> None:
    members = team.members
    rows = (len(members) + 1) // 2
    for i, kid in enumerate(members):
        row, right_side = i % rows, i >= rows
        y = first_y + row * (box_h + STACK_GAP)
        x = spine + SPINE_GAP / 2 if right_side else spine - SPINE_GAP / 2 - box_w
        result.boxes[kid] = Box(x, y, box_w, box_h)
        edge_x = x if right_side else x + box_w
        result.edges.append((manager, kid, lead + [(spine, y + box_h / 2), (edge_x, y + box_h / 2)]))


def overlaps(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def segment_crosses_box(p: Point, q: Point, box: Box, margin: float = 0.5) -> bool:
    """True when the axis-parallel segment p-q passes through the inside of ``box``."""
    x0, x1 = sorted((p[0], q[0]))
    y0, y1 = sorted((p[1], q[1]))
    return x0 < box.right - margin and x1 > box.x + margin and y0 < box.bottom - margin and y1 > box.y + margin
