"""Org chart tab registration."""

from PySide6.QtCore import QCoreApplication

ORDER = 20
OBJECT_NAME = "orgTab"
ICON = "mdi6.sitemap-outline"


def title() -> str:
    return QCoreApplication.translate("OrgTab", "Org chart")


def visible_for(ctx) -> bool:
    return ctx.can("org.view")


def create(ctx, parent):
    from ui.org.view import OrgView

    return OrgView(ctx, parent)
