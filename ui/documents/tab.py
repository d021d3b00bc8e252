"""Documents tab registration: print appraisal sheets, the handbook and the attendance report."""

from PySide6.QtCore import QCoreApplication

ORDER = 60
OBJECT_NAME = "documentsTab"
ICON = "mdi6.file-document-multiple-outline"


def title() -> str:
    return QCoreApplication.translate("DocumentsTab", "Documents")


def visible_for(ctx) -> bool:
    return ctx.can("documents.print")


def create(ctx, parent):
    from ui.documents.view import DocumentsView

    return DocumentsView(ctx, parent)
