"""Found walking the month in English at 1366×768: the attendance toolbar is wider than the window, and its last
actions (Import punches…, Export summary…) went behind Qt's » extension button, which the tool buttons' padding
left 12 px wide and blank. Every action a manager has must be on the toolbar or behind a » one can see."""

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QToolBar, QToolButton

TABS = ["employeesTab", "orgTab", "taskTab", "attendanceTab", "appraisalTab", "documentsTab"]


def ink(widget) -> int:
    """Pixels of the widget drawn in another colour than its corner (the background)."""
    image = widget.grab().toImage()
    background = QColor(image.pixel(0, 0))
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if abs(QColor(image.pixel(x, y)).lightness() - background.lightness()) > 40)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_toolbar_action_can_be_reached(main_window, actor_for, qtbot, language):
    from ui import i18n

    i18n.install(language)
    try:
        window = main_window(actor_for("linxw"))
        window.showNormal()
        window.resize(1366, 768)
        qtbot.wait(50)
        problems, overflowing = [], 0
        for name in TABS:
            if window.select_tab(name) is None:
                continue
            qtbot.wait(20)
            for bar in window.findChildren(QToolBar):
                if not bar.isVisible():
                    continue
                hidden = [a.text() for a in bar.actions() if a.isVisible() and not a.isSeparator()
                          and bar.widgetForAction(a) is not None and not bar.widgetForAction(a).isVisible()]
                if not hidden:
                    continue
                overflowing += 1
                more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
                if more is None or not more.isVisible() or ink(more) < 6:
                    problems.append(f"{name}: {hidden} are behind a » nobody can see")
        assert not problems, "\n".join(problems)
        if language == "en":
            assert overflowing, "the English attendance toolbar no longer overflows: this test checks nothing"
    finally:
        i18n.install("en")
