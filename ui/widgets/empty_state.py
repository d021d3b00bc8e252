"""A centred hint that says what to do next when a list is empty."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


class EmptyState(QLabel):
    def __init__(self, text: str, object_name: str = "emptyState", parent=None):
        super().__init__(text, parent)
        self.setObjectName(object_name)
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)
        self.setProperty("role", "empty")
