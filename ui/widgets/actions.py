"""Toolbar actions the same way on every tab: theme icon, text, objectName, slot.

QAction.triggered and QAbstractButton.clicked carry a `checked` bool, and PySide passes it to any slot
that accepts an argument: `export_png(path=None)` then runs with path=False and silently does nothing.
Connect through `on_triggered` / `on_clicked`, which call the slot with no arguments.
"""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

from ui import theme


def _no_args(slot):
    def call(*_ignored) -> None:
        slot()

    return call


def on_triggered(action: QAction, slot) -> QAction:
    """Run slot() when the action fires, without passing `checked` into it."""
    action.triggered.connect(_no_args(slot))
    return action


def on_clicked(button, slot):
    """Run slot() when the button is clicked, without passing `checked` into it."""
    button.clicked.connect(_no_args(slot))
    return button


def toolbar_action(owner, toolbar: QToolBar, text: str, icon: str, slot, name: str) -> QAction:
    action = QAction(theme.icon(icon), text, owner, objectName=name)
    on_triggered(action, slot)
    toolbar.addAction(action)
    return action
