"""Toolbar actions the same way on every tab: theme icon, text, objectName, slot."""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

from ui import theme


def toolbar_action(owner, toolbar: QToolBar, text: str, icon: str, slot, name: str) -> QAction:
    action = QAction(theme.icon(icon), text, owner, objectName=name)
    action.triggered.connect(slot)
    toolbar.addAction(action)
    return action
