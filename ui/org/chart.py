"""The reporting tree on a QGraphicsView: zoom, pan, fit, collapse, search and focus, drag to re-parent."""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsView, QMenu

from app.rules.org_layout import TreeLayout, layout_tree
from ui import theme
from ui.compat import guard_none_refcount

TOGGLE_R = 8.0


def department_colour(index: int) -> QColor:
    return QColor(theme.series[index % len(theme.series)])


class PersonItem(QGraphicsItem):
    """One box: initials avatar, name and position, a colour per department; dashed when vacant."""

    def __init__(self, node, w: float, h: float, hidden: int, has_children: bool, vacant_text: str):
        super().__init__()
        self.node, self.w, self.h = node, w, h
        self.hidden, self.has_children, self.vacant_text = hidden, has_children, vacant_text
        self.highlighted = False
        self.drop_target = False
        self.drop_refused = False
        self.setFlag(QGraphicsItem.ItemIsSelectable, True)
        self.setToolTip(node.position if node.vacant else f"{node.name} · {node.position} · {node.department}")

    @property
    def key(self) -> str:
        return self.node.key

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-3, -3, self.w + 6, self.h + TOGGLE_R + 6)

    def toggle_rect(self) -> QRectF:
        return QRectF(self.w / 2 - TOGGLE_R, self.h - TOGGLE_R, 2 * TOGGLE_R, 2 * TOGGLE_R)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        node = self.node
        colour = department_colour(node.colour_index)
        rect = QRectF(0, 0, self.w, self.h)
        painter.setRenderHint(QPainter.Antialiasing, True)
        if node.vacant:
            pen = QPen(QColor(theme.status["rest"]), 1.4, Qt.DashLine)
        else:
            pen = QPen(colour, 2.4 if (self.isSelected() or self.highlighted or self.drop_target) else 1.4)
        if self.drop_refused:  # a move that would be refused: red, and the cursor says "not allowed"
            pen = QPen(QColor(theme.danger), 2.4, Qt.DashLine)
            painter.setBrush(QColor("#fee2e2"))
        elif self.drop_target:
            painter.setBrush(QColor(theme.accent_soft))
        else:
            painter.setBrush(QColor(theme.base_bg))
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 6, 6)
        if self.highlighted or self.isSelected():
            painter.setPen(QPen(QColor(theme.accent), 2, Qt.DotLine))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 8, 8)
        base = painter.font()
        if node.vacant:
            text_x = 14.0
            name = self.vacant_text
        else:
            painter.setPen(Qt.NoPen)
            painter.setBrush(colour)
            painter.drawRect(QRectF(0, 4, 5, self.h - 8))
            painter.drawEllipse(QPointF(28, self.h / 2), 16, 16)
            f = QFont(base)
            f.setPixelSize(12 if len(node.initials) > 1 else 14)
            painter.setFont(f)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(QRectF(12, self.h / 2 - 16, 32, 32), Qt.AlignCenter, node.initials)
            text_x = 52.0
            name = node.name
        room = self.w - text_x - 8
        f = QFont(base)
        f.setPixelSize(15)
        f.setBold(not node.vacant)
        painter.setFont(f)
        painter.setPen(QColor(theme.text_muted if node.vacant else "#111827"))
        painter.drawText(QRectF(text_x, 7, room, 22), Qt.AlignLeft | Qt.AlignVCenter,
                         QFontMetricsF(f).elidedText(name, Qt.ElideRight, room))
        f = QFont(base)
        f.setPixelSize(12)
        painter.setFont(f)
        painter.setPen(QColor(theme.text_muted))
        painter.drawText(QRectF(text_x, 29, room, 20), Qt.AlignLeft | Qt.AlignVCenter,
                         QFontMetricsF(f).elidedText(node.position, Qt.ElideRight, room))
        if self.has_children:
            t = self.toggle_rect()
            painter.setPen(QPen(colour, 1.2))
            painter.setBrush(QColor(theme.base_bg))
            painter.drawEllipse(t)
            painter.drawLine(QLineF(t.center().x() - 4, t.center().y(), t.center().x() + 4, t.center().y()))
            if self.hidden:
                painter.drawLine(QLineF(t.center().x(), t.center().y() - 4, t.center().x(), t.center().y() + 4))
                f = QFont(base)
                f.setPixelSize(11)
                painter.setFont(f)
                painter.setPen(colour)
                painter.drawText(QRectF(t.right() + 3, t.top() - 2, 60, 16), Qt.AlignLeft | Qt.AlignVCenter, f"+{self.hidden}")


class OrgChartView(QGraphicsView):
    """The chart. ``confirm(title, text) -> bool`` and ``warn(title, text)`` are the dialogs it uses
    (replaceable, e.g. in tests); ``reparent(employee_no, manager_no)`` does the change."""

    changed = Signal()
    zoomChanged = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        guard_none_refcount()  # painting 500 boxes would otherwise exhaust None's count (see ui/compat.py)
        self.setObjectName("orgChartView")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.BoundingRectViewportUpdate)
        self.setBackgroundBrush(QColor(theme.window_bg))
        self.nodes: list = []
        self.collapsed: set[str] = set()
        self.boxes: dict[str, PersonItem] = {}
        self.layout_result: Optional[TreeLayout] = None
        self.can_edit = False
        self.vacant_text = "Vacant"
        self.confirm: Callable[[str, str], bool] = lambda _t, _x: False
        self.warn: Callable[[str, str], None] = lambda _t, _x: None
        self.reparent: Callable[[str, str], None] = lambda _p, _m: None
        self.texts: dict[str, str] = {}
        self._press: Optional[tuple[PersonItem, QPointF]] = None
        self._dragging = False
        self._target: Optional[PersonItem] = None
        self._auto_fit = True  # follow the window size until the user zooms by hand

    # -- content ------------------------------------------------------------------------------
    def set_nodes(self, nodes: list) -> None:
        self.nodes = list(nodes)
        keys = {n.key for n in self.nodes}
        self.collapsed &= keys
        self.rebuild()

    def rebuild(self) -> None:
        selected = next((i.key for i in self.boxes.values() if i.isSelected()), None)
        scene = self.scene()
        scene.clear()
        self.boxes = {}
        layout = layout_tree({n.key: n.manager_key for n in self.nodes}, [n.key for n in self.nodes], self.collapsed)
        self.layout_result = layout
        path = QPainterPath()
        for _m, _r, points in layout.edges:
            path.moveTo(*points[0])
            for p in points[1:]:
                path.lineTo(*p)
        edges = QGraphicsPathItem(path)
        edges.setPen(QPen(QColor("#9aa3af"), 1.3))
        edges.setZValue(-1)
        scene.addItem(edges)
        by_key = {n.key: n for n in self.nodes}
        for key, box in layout.boxes.items():
            item = PersonItem(by_key[key], box.w, box.h, layout.hidden.get(key, 0), key in layout.has_children,
                              self.vacant_text)
            item.setPos(box.x, box.y)
            scene.addItem(item)
            self.boxes[key] = item
        scene.setSceneRect(QRectF(-40, -40, layout.width + 80, layout.height + 80))
        if selected in self.boxes:
            self.boxes[selected].setSelected(True)

    # -- zoom and pan -------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self._auto_fit = False
        new = min(3.0, max(0.05, self.zoom() * factor))
        self.scale(new / self.zoom(), new / self.zoom())
        self.zoomChanged.emit(self.zoom())

    def zoom_reset(self) -> None:
        self.resetTransform()
        self.zoomChanged.emit(1.0)

    def fit(self) -> None:
        self._auto_fit = True
        if self.boxes:
            self.fitInView(self.scene().sceneRect(), Qt.KeepAspectRatio)
            if self.zoom() > 1.0:
                self.zoom_reset()
            self.zoomChanged.emit(self.zoom())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()

    def wheelEvent(self, event) -> None:  # noqa: N802
        if event.modifiers() & Qt.ControlModifier or not (event.modifiers() & Qt.ShiftModifier):
            self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
        else:
            super().wheelEvent(event)

    # -- collapse, search, focus --------------------------------------------------------------
    def toggle(self, key: str) -> None:
        if self.layout_result is None or key not in self.layout_result.has_children:
            return
        self.collapsed ^= {key}
        self.rebuild()
        if key in self.boxes:
            self.centerOn(self.boxes[key])

    def expand_all(self) -> None:
        self.collapsed.clear()
        self.rebuild()

    def collapse_below(self, depth: int) -> None:
        """Show the first ``depth`` levels; everyone further down is folded into their manager."""
        parent = {n.key: n.manager_key for n in self.nodes}
        level: dict[str, int] = {}
        for key in parent:
            d, k, seen = 0, key, set()
            while parent.get(k) in parent and k not in seen:
                seen.add(k)
                k, d = parent[k], d + 1
            level[key] = d
        self.collapsed = {k for k, d in level.items() if d == depth - 1}
        self.rebuild()

    def find(self, text: str) -> list[str]:
        needle = text.strip().lower()
        if not needle:
            return []
        return [n.key for n in self.nodes if not n.vacant and (needle in n.name.lower() or needle == n.key.lower())]

    def focus_person(self, key: str) -> bool:
        """Open every collapsed manager above ``key``, select the box and centre it."""
        parent = {n.key: n.manager_key for n in self.nodes}
        if key not in parent:
            return False
        k, opened = parent.get(key), False
        while k is not None and k in parent:
            if k in self.collapsed:
                self.collapsed.discard(k)
                opened = True
            k = parent.get(k)
        if opened:
            self.rebuild()
        self.scene().clearSelection()
        for item in self.boxes.values():
            item.highlighted = False
        item = self.boxes[key]
        item.highlighted = True
        item.setSelected(True)
        if self.zoom() < 0.6:
            self.zoom_by(0.9 / self.zoom())
        self.centerOn(item)
        return True

    # -- drag a person onto their new manager ---------------------------------------------------
    def person_at(self, view_pos) -> Optional[PersonItem]:
        for item in self.items_at(view_pos):
            if isinstance(item, PersonItem) and (self._press is None or item is not self._press[0]):
                return item
        return None

    def items_at(self, view_pos):
        return [i for i in QGraphicsView.items(self, view_pos) if isinstance(i, PersonItem)]

    def mousePressEvent(self, event) -> None:  # noqa: N802
        hits = self.items_at(event.position().toPoint())
        if hits and event.button() == Qt.LeftButton:
            item = hits[0]
            local = item.mapFromScene(self.mapToScene(event.position().toPoint()))
            if item.has_children and item.toggle_rect().contains(local):
                self.toggle(item.key)
                event.accept()
                return
            self.scene().clearSelection()
            item.setSelected(True)
            self._press = (item, event.position())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._press is None:
            super().mouseMoveEvent(event)
            return
        item, start = self._press
        if not self._dragging:
            if not self.can_edit or item.node.vacant:
                return
            if (event.position() - start).manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = True
            item.setZValue(10)
            item.setOpacity(0.75)
            self.viewport().setCursor(Qt.ClosedHandCursor)
        scene_pos = self.mapToScene(event.position().toPoint())
        item.setPos(scene_pos - QPointF(item.w / 2, item.h / 2))
        target = self.person_at(event.position().toPoint())
        if target is not None and target.node.vacant:
            target = None
        if target is not self._target:
            if self._target is not None:
                self._target.drop_target = self._target.drop_refused = False
                self._target.update()
            self._target = target
            if target is not None:
                refused = self.refusal(item.key, target.key) is not None
                target.drop_target, target.drop_refused = not refused, refused
                target.update()
            self.viewport().setCursor(Qt.ForbiddenCursor if target is not None and target.drop_refused
                                      else Qt.ClosedHandCursor)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._press is None:
            super().mouseReleaseEvent(event)
            return
        item, _start = self._press
        dragging, target = self._dragging, self.person_at(event.position().toPoint()) if self._dragging else None
        self._press, self._dragging, self._target = None, False, None
        self.viewport().unsetCursor()
        if not dragging:
            return
        person, current_manager = item.key, item.node.manager_key
        manager = None if target is None or target.node.vacant else target.key
        self.rebuild()  # everything back in place; a confirmed change rebuilds again from the data
        if manager is None or manager == current_manager:
            return
        self.ask_reparent(person, manager)

    def refusal(self, person_key: str, manager_key: str) -> Optional[str]:
        """Why the person cannot report to that manager (they would report to their own report), or None."""
        from app.rules.org import creates_cycle

        by_key = {n.key: n for n in self.nodes}
        manager_of = {n.key: n.manager_key for n in self.nodes if not n.vacant}
        if person_key == manager_key or creates_cycle(manager_of, person_key, manager_key):
            return (self.texts.get("refused", "%1 cannot report to %2: %2 reports to %1.")
                    .replace("%1", by_key[person_key].name).replace("%2", by_key[manager_key].name))
        return None

    def ask_reparent(self, person_key: str, manager_key: str) -> bool:
        by_key = {n.key: n for n in self.nodes}
        person, manager = by_key[person_key], by_key[manager_key]
        refused = self.refusal(person_key, manager_key)
        if refused is not None:  # never ask for a move that will be refused
            self.warn(self.texts.get("title", ""), refused)
            return False
        text = self.texts.get("confirm", "%1 → %2").replace("%1", person.name).replace("%2", manager.name)
        if not self.confirm(self.texts.get("title", ""), text):
            return False
        self.reparent(person_key, manager_key)  # an operation: a refusal (a loop) comes back through warn()
        self.changed.emit()
        return True

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        hits = self.items_at(event.position().toPoint())
        if hits:
            self.toggle(hits[0].key)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        hits = self.items_at(event.pos())
        if not hits or not hits[0].has_children:
            return
        menu = QMenu(self)
        key = hits[0].key
        label = self.texts.get("expand" if key in self.collapsed else "collapse", "")
        menu.addAction(label, lambda: self.toggle(key))
        menu.exec(event.globalPos())
