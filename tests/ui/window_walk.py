"""Walking the window as a reader: every visible text of every tab, and of the dialogs a manager opens."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QHeaderView, QLabel, QLineEdit, QTabBar,
                               QTableView, QTextEdit, QWidget)

HAN = re.compile(r"[\u3400-\u9fff]")  # CJK characters (full-width punctuation around data is allowed)
TAGS = re.compile(r"<[^>]+>|&nbsp;")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def data_texts() -> list[str]:
    """Every text the shop typed into the database (names, departments, tags, titles…): data, not UI."""
    from sqlalchemy import JSON, String, Text, inspect, select

    from app.db import current
    from app.services import policy

    engine = current().engine
    values: set[str] = set()
    meta = inspect(engine)
    from sqlalchemy import MetaData

    tables = MetaData()
    tables.reflect(engine)
    with engine.connect() as conn:
        for table in tables.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, (String, Text, JSON))]
            if not columns or table.name in ("audit_entry", "alembic_version"):
                continue
            for row in conn.execute(select(*columns)):
                for value in row:
                    for text in _strings(value):
                        if HAN.search(text):
                            values.update(v.strip() for v in re.split(r"[\n,;]", text) if v.strip())
    del meta
    values.update(str(s.default) for s in policy.specs().values() if isinstance(s.default, str) and s.default)
    return sorted(values, key=len, reverse=True)


def widget_texts(root: QWidget) -> list[tuple[QWidget, str]]:
    """(widget, text) for every visible label, button, group, tab, combo item and table header."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts = []
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, (QLineEdit, QTextEdit)):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts.extend(str(model.headerData(c, Qt.Horizontal) or "") for c in range(model.columnCount()))
        if widget.isWindow():
            texts.append(widget.windowTitle())
        found.extend((widget, TAGS.sub(" ", t)) for t in texts if t)
    return found


def cjk_left(text: str, data: list[str]) -> str:
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return "".join(HAN.findall(text))


def elided(widget: QWidget, text: str) -> bool:
    """A one-line label or button whose text is wider than the room it has, or the hint of an empty text box
    (QTextEdit draws its placeholder on one line, unwrapped: "Click a day to see its punches and the")."""
    if isinstance(widget, QTextEdit):
        if text != widget.placeholderText() or not widget.document().isEmpty() or not widget.isVisible():
            return False
        return widget.fontMetrics().horizontalAdvance(text) > widget.viewport().width() - 8
    if isinstance(widget, QLabel):
        if widget.wordWrap() or widget.textFormat() == Qt.RichText or "<" in widget.text() or not widget.isVisible():
            return False
        room = widget.contentsRect().width() - 2 * widget.margin() - widget.indent() if widget.indent() > 0 \
            else widget.contentsRect().width() - 2 * widget.margin()
        return widget.width() > 0 and widget.fontMetrics().horizontalAdvance(text.replace("&", "")) > room + 1
    return False


def clipped_headers(view: QTableView) -> list[str]:
    """Header titles wider than their column (Qt cuts them: "neral manager 1", "Not sub…")."""
    header: QHeaderView = view.horizontalHeader()
    model = view.model()
    if model is None or not view.isVisible():
        return []
    metrics = header.fontMetrics()
    out = []
    for c in range(model.columnCount()):
        if view.isColumnHidden(c) or header.sectionSize(c) == 0:
            continue
        title = str(model.headerData(c, Qt.Horizontal) or "")
        need = max(metrics.horizontalAdvance(line) for line in title.split("\n")) + 12 if title else 0
        if need > header.sectionSize(c):
            out.append(f"{view.objectName()}: {title!r} needs {need}px, has {header.sectionSize(c)}px")
    return out
