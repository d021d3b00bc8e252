"""Task board tab registration."""

from PySide6.QtCore import QCoreApplication

ORDER = 30
OBJECT_NAME = "taskTab"
ICON = "mdi6.view-column-outline"


def title() -> str:
    return QCoreApplication.translate("TasksTab", "Tasks")


def visible_for(ctx) -> bool:
    return ctx.can("tasks.view")


def create(ctx, parent):
    from ui.tasks.view import TasksView

    return TasksView(ctx, parent)
