"""Employees tab registration."""

from PySide6.QtCore import QCoreApplication

ORDER = 10
OBJECT_NAME = "employeesTab"
ICON = "mdi6.account-group-outline"


def title() -> str:
    return QCoreApplication.translate("EmployeesTab", "Employees")


def visible_for(ctx) -> bool:
    return ctx.can("employees.view")


def create(ctx, parent):
    from ui.employees.view import EmployeesView

    return EmployeesView(ctx, parent)
