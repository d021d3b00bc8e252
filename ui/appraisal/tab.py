"""Appraisal tab registration (绩效考核)."""

from PySide6.QtCore import QCoreApplication

ORDER = 50
OBJECT_NAME = "appraisalTab"
ICON = "mdi6.chart-box-outline"


def title() -> str:
    return QCoreApplication.translate("AppraisalTab", "Appraisal")


def visible_for(ctx) -> bool:
    return ctx.can("appraisal.rate")


def create(ctx, parent):
    from ui.appraisal.view import AppraisalView

    return AppraisalView(ctx, parent)
