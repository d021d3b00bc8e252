"""orgchart: layout plus first render of a 500-person chart vs. the same number of plain boxes.

The figure is what a manager waits for when the chart opens: build the layout, create the items,
fit the view and paint it once (into an image the size of an office laptop's window). The baseline
draws 500 plain rectangles in a bare QGraphicsScene into the same image, in the same run.
"""

from __future__ import annotations

import random

from bench.core import Result, median_ms

SCENARIO = "orgchart"
DATABASE = False  # generated nodes, no database: one run stands for both engines
PEOPLE = 500
SIZE = (1366, 768)


def generated_nodes(n: int = PEOPLE, seed: int = 11) -> list:
    """A department of n people: a head, 5 directors, 24 managers and their teams, 7 departments."""
    from app.rules.org import initials
    from app.services.org import ChartNode

    rng = random.Random(seed)
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
    nodes = []
    for i in range(n):
        name = rng.choice(surnames) + rng.choice(given) + rng.choice(given)
        boss = None if i == 0 else 0 if i < 6 else rng.randint(1, 5) if i < 30 else rng.randint(6, 29)
        dept = 0 if i == 0 else (boss if boss and boss < 6 else i % 7) % 7
        position = "总经理" if i == 0 else "运营总监" if i < 6 else "运营经理" if i < 30 else "运营专员"
        nodes.append(ChartNode(f"E{i:04d}", None if boss is None else f"E{boss:04d}", name, position,
                               f"部门{dept}", dept, False, initials(name)))
    return nodes


def run() -> list[Result]:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPen
    from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene

    app = QApplication.instance() or QApplication([])
    from ui import theme

    theme.apply(app)
    from ui.org.chart import OrgChartView

    nodes = generated_nodes()
    image = QImage(*SIZE, QImage.Format_ARGB32)

    def chart() -> None:
        view = OrgChartView()
        view.resize(*SIZE)
        view.set_nodes(nodes)
        view.fit()
        image.fill(Qt.white)
        painter = QPainter(image)
        view.render(painter)
        painter.end()
        view.deleteLater()

    def plain_boxes() -> None:
        scene = QGraphicsScene()
        pen = QPen(QColor("#2563eb"))
        for i in range(PEOPLE):
            item = QGraphicsRectItem(0, 0, 168, 56)
            item.setPen(pen)
            item.setPos((i % 40) * 196, (i // 40) * 108)
            scene.addItem(item)
        image.fill(Qt.white)
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), scene.itemsBoundingRect(), Qt.KeepAspectRatio)
        painter.end()

    figure = median_ms(chart, repeat=5)
    baseline = median_ms(plain_boxes, repeat=5)
    app.processEvents()
    return [Result("orgchart: layout + first render, 500 people", figure, baseline, "ms", "<= 300 ms",
                   "baseline: 500 plain boxes in a bare QGraphicsScene")]
