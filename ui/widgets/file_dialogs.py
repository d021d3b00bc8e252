"""File dialogs that start where people keep files: the user's Documents folder at first, then the folder
chosen last time for the same kind of file (remembered per key: one per document, export or import)."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or os.path.expanduser("~")


def start_folder(key: str) -> str:
    folder = QSettings().value(f"files/{key}", "")
    return folder if folder and os.path.isdir(folder) else documents_folder()


def remember(key: str, path: str, is_folder: bool = False) -> None:
    if path:
        QSettings().setValue(f"files/{key}", path if is_folder else os.path.dirname(path))


def save_file(parent, key: str, caption: str, name: str, filters: str) -> str:
    path, _f = QFileDialog.getSaveFileName(parent, caption, os.path.join(start_folder(key), name), filters)
    remember(key, path)
    return path


def open_file(parent, key: str, caption: str, filters: str) -> str:
    path, _f = QFileDialog.getOpenFileName(parent, caption, start_folder(key), filters)
    remember(key, path)
    return path


def existing_folder(parent, key: str, caption: str) -> str:
    path = QFileDialog.getExistingDirectory(parent, caption, start_folder(key))
    remember(key, path, is_folder=True)
    return path
