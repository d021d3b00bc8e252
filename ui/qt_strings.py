"""Strings of Qt's own dialogs that Qt's zh_CN catalogue (qtbase_zh_CN.qm) misses.

Why Qt's file dialog was half English in the Chinese UI although qtbase_zh_CN is loaded: Qt 6 changed
some source strings after that catalogue was last translated. The labels gained mnemonics ("Look in:" became
"&Look in:", "Files of type:" became "Files of &type:") and the file-type names moved from QFileSystemModel to
QAbstractFileIconProvider ("Folder", "File"). A catalogue is looked up by the exact source text and context, so
those strings fall back to English while their neighbours ("文件名称(&N)：", "保存(&S)") are translated.

lupdate collects the strings below into the shell catalogue (resources/i18n/shell_zh_CN.ts) under Qt's own
contexts; that catalogue is installed next to qtbase_zh_CN, so Qt finds them there.
tests/ui/test_window_file_dialog.py walks a real QFileDialog and fails on any English left in it.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_SUPPLEMENT = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
)
