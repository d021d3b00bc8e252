"""The table every tab uses: sortable, zebra rows, Ctrl+C copies tab-separated text, widths remembered."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView

_ACTIVATION = frozenset(int(t.value) for t in (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate))


class _SteadyOnActivation(QObject):
    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt API)
        return event.type().value in _ACTIVATION


def steady_on_activation(view: QAbstractItemView) -> None:
    """The view (and its headers) is not repainted when its window is activated or deactivated. Qt
    repaints every visible cell then, to dim the selection: a dialog opening over the month grid
    repainted ~600 cells (25 ms) in the same turn as its own first paint, and the window froze for
    50-70 ms. The theme's palette is the same active and inactive (ui.theme.palette), so nothing the
    view shows changes with its window's activation."""
    keeper = _SteadyOnActivation(view)
    headers = [h for h in (getattr(view, "horizontalHeader", None), getattr(view, "verticalHeader", None)) if h]
    for widget in (view, *(h() for h in headers)):  # a header is an item view too: its sections repaint alike
        widget.installEventFilter(keeper)
        widget.viewport().installEventFilter(keeper)


class DataTableView(QTableView):
    def __init__(self, object_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        header.setResizeContentsPrecision(40)  # fit columns to the first rows, not all 10,000
        header.sectionResized.connect(self._save_widths)
        # written once the resizing stops: each QSettings write syncs the file (~4 ms), and a dialog's first
        # layout or a drag resizes a section many times
        self._save_timer = QTimer(self, singleShot=True, interval=500)
        self._save_timer.timeout.connect(self._write_widths)
        self._restoring = False
        self._fitted = False
        steady_on_activation(self)

    def setModel(self, model) -> None:  # noqa: N802 (Qt API)
        super().setModel(model)
        model.modelReset.connect(self._fit_until_user_resizes)
        self.restore_widths()

    def _fit_until_user_resizes(self) -> None:
        """Until the user sets widths themselves, fit the columns to the data as it arrives."""
        if not self._fitted and self.model().rowCount() and QSettings().value(self._key()) is None:
            self._fitted = True
            self._restoring = True
            self.resizeColumnsToContents()
            for i in range(self.model().columnCount()):
                self.setColumnWidth(i, min(self.columnWidth(i) + 12, 360))
            self._restoring = False

    def _key(self) -> str:
        # per language: widths that fit "法定假日" cut "Statutory holiday" after a switch to English
        from app.i18n import language

        return f"tables/{self.objectName()}/widths/{language()}"

    def restore_widths(self) -> None:
        widths = QSettings().value(self._key())
        if not widths or self.model() is None:
            self.resizeColumnsToContents()
            return
        self._restoring = True
        for i, w in enumerate(widths):
            if i < self.model().columnCount() - 1:
                self.setColumnWidth(i, int(w))
        self._restoring = False

    def _save_widths(self, *_args) -> None:
        if self._restoring or self.model() is None or not self.isVisible():
            return
        self._save_timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API): a dialog closed right after a drag keeps it
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._write_widths()
        super().hideEvent(event)

    def _write_widths(self) -> None:
        if self.model() is not None:
            QSettings().setValue(self._key(), [self.columnWidth(i) for i in range(self.model().columnCount())])

    def copy_selection(self) -> str:
        """Selected cells as tab-separated text (pastes into Excel), also put on the clipboard."""
        indexes = sorted(self.selectionModel().selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not indexes:
            return ""
        lines, current, cells = [], indexes[0].row(), []
        for index in indexes:
            if index.row() != current:
                lines.append("\t".join(cells))
                cells, current = [], index.row()
            cells.append(str(index.data() or ""))
        lines.append("\t".join(cells))
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        return text

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.Copy):
            self.copy_selection()
            return
        super().keyPressEvent(event)


def header_width(view: QTableView, column: int) -> int:
    """The width a column needs for its whole header title (each line of it), padding included."""
    title = str(view.model().headerData(column, Qt.Horizontal) or "")
    if not title:
        return 0
    metrics = view.horizontalHeader().fontMetrics()
    return max(metrics.horizontalAdvance(line) for line in title.split("\n")) + 14  # style sheet padding + border


def fit_headers(view: QTableView) -> None:
    """Widen any column narrower than its header title, so no header is cut ("neral manager 1")."""
    header = view.horizontalHeader()
    from PySide6.QtWidgets import QHeaderView

    for column in range(view.model().columnCount()):
        need = header_width(view, column)
        if header.sectionResizeMode(column) == QHeaderView.Stretch:
            header.setMinimumSectionSize(max(header.minimumSectionSize(), need))
        elif header.sectionSize(column) < need:
            view.setColumnWidth(column, need)
