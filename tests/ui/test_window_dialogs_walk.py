"""Issue 15 item 16, for the dialogs a manager opens in a month (the tab walk of test_window_english covers the
tabs and four dialogs): in English no Chinese but the shop's data, and in both languages no label, button or
header cut off."""

from datetime import date

import pytest
from PySide6.QtWidgets import QTableView

from tests.ui.window_walk import cjk_left, clipped_headers, data_texts, elided, widget_texts


def manager_dialogs(ctx, parent):
    """(name, dialog) of every dialog of the month's walk, built as the tabs build them."""
    from app.services import plans as plan_svc
    from app.services.employees import list_employees
    from app.services.filing import filing_choices
    from app.services.tasks import board
    from app.services.templates import list_templates
    from ui.attendance.dialogs import CorrectionDialog, HandoverDialog, LeaveDialog, OvertimeDialog, PunchDialog
    from ui.documents.sections_dialog import HandbookSectionsDialog
    from ui.tasks.dialogs import ArchiveDoneDialog, SendBackDialog, TaskDialog
    from ui.tasks.plan_dialog import PlanDialog
    from ui.tasks.recurring import RecurrenceDialog
    from ui.tasks.templates_dialog import TemplatesDialog

    actor = ctx.actor
    people = [(r.employee_no, r.name, r.id) for r in list_employees(actor, include_left=False)]
    data = board(actor)
    templates = list_templates(actor)
    plan = next(r for r in plan_svc.plan_submissions(actor, "weekly", date(2026, 11, 25)) if r.may_open)
    yield "leave", LeaveDialog(ctx, filing_choices(actor, "leave"), parent)
    yield "overtime", OvertimeDialog(ctx, filing_choices(actor, "overtime"), parent)
    yield "correction", CorrectionDialog(ctx, filing_choices(actor, "correction"), parent)
    yield "manual punch", PunchDialog(ctx, people, parent)
    yield "handover", HandoverDialog(ctx, filing_choices(actor, "handover"), people, parent)
    yield "new task", TaskDialog(data.people, templates, data.own_employee_id, data.may_edit_any, parent=parent)
    yield "send back", SendBackDialog("商品上架：冬季羽绒服5款", parent)
    yield "archive", ArchiveDoneDialog(date(2026, 11, 25), parent)
    yield "recurring task", RecurrenceDialog(people, templates, parent)
    yield "workflow templates", TemplatesDialog(ctx, parent)
    yield "plan", PlanDialog(ctx, plan_svc.plan_detail(actor, plan.plan_id), parent)
    yield "handbook sections", HandbookSectionsDialog(ctx, parent)


@pytest.fixture
def walk(main_window, actor_for, qtbot):
    from ui import i18n

    def open_window(language: str):
        i18n.install(language)
        window = main_window(actor_for("linxw"))
        window.showNormal()
        window.resize(1366, 768)
        qtbot.wait(50)
        return window

    yield open_window
    i18n.install("en")


def shown(dialog, qtbot):
    from ui.operations import drain

    dialog.show()
    drain()  # dialogs that load in the background
    qtbot.wait(30)
    return dialog


def test_the_english_dialogs_have_no_chinese_but_the_shops_data(walk, qtbot):
    window = walk("en")
    data = data_texts()
    problems = []
    for name, dialog in manager_dialogs(window.ctx, window):
        shown(dialog, qtbot)
        for widget, text in widget_texts(dialog):
            if cjk_left(text, data):
                problems.append(f"{name} · {type(widget).__name__} {widget.objectName()!r}: {text[:70]!r}")
        dialog.close()
    assert not problems, "Chinese in the English dialogs:\n" + "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_dialog_cuts_a_label_or_header(walk, qtbot, language):
    window = walk(language)
    problems = []
    for name, dialog in manager_dialogs(window.ctx, window):
        shown(dialog, qtbot)
        for view in dialog.findChildren(QTableView):
            problems.extend(f"{name} · {p}" for p in clipped_headers(view))
        for widget, text in widget_texts(dialog):
            if elided(widget, text):
                problems.append(f"{name} · {type(widget).__name__} {widget.objectName()!r}: {text[:60]!r}")
        dialog.close()
    assert not problems, f"cut off in {language}:\n" + "\n".join(sorted(set(problems)))
