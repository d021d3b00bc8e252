"""Paper forms from the window: the documents tab previews and writes each form, and the org tab
prints the selected position's job description and blank appraisal form (in the worker)."""

import pytest

from app.services import org as org_svc
from tests.app.documents_helpers import pdf_text


@pytest.fixture(autouse=True)
def _worker_done_before_the_database_goes(demo_db):
    yield
    from ui.workers import pool

    pool().waitForDone(30000)


@pytest.fixture
def ctx(demo_db, admin):
    from ui.shell import ChangeBus, ShellContext

    messages: list[str] = []
    context = ShellContext(actor=admin, bus=ChangeBus(), show_status=messages.append)
    context.messages = messages
    return context


def test_documents_tab_previews_and_writes_every_form(qtbot, ctx, tmp_path):
    from datetime import datetime

    from app.services.handover import record_handover
    from ui.documents import tab

    record_handover(ctx.actor, "E004", "E005", datetime(2026, 12, 8, 10, 0), datetime(2026, 12, 8, 11, 0), "银行", "待发货订单")

    view = tab.create(ctx, None)
    qtbot.addWidget(view)
    view.resize(1366, 740)
    for kind, expected in (("roster", "Duty Roster"), ("handbook_receipt", "Employee Receipt Form"),
                           ("job_card", "Job Description"), ("appraisal_form", "Appraisal Form"),
                           ("leave", "Leave Request Form"), ("handover", "Temporary Work Handover Form")):
        view.kind.setCurrentIndex(view.kind.findData(kind))
        assert view.subject.isVisibleTo(view) == (kind in ("leave", "job_card", "appraisal_form", "handover"))
        if view.subject.isVisibleTo(view):
            assert view.subject.count() > 0
        view.show_preview()
        qtbot.waitUntil(lambda: view.preview.pixmap() is not None and not view.preview.pixmap().isNull(), timeout=30000)
        if kind == "roster":
            view.grab().save(str(tmp_path / "documents-roster.png"))
        target = tmp_path / f"{kind}.pdf"
        view.start_write(str(target))
        qtbot.waitUntil(lambda: view.last_files == [str(target)], timeout=30000)  # noqa: B023 - waited for here
        assert expected in pdf_text(target)


def test_org_tab_prints_the_selected_positions_job_card(qtbot, demo_db, actor_for, tmp_path):
    from ui.org.view import OrgView
    from ui.shell import ChangeBus, ShellContext

    messages = []
    view = OrgView(ShellContext(actor_for("linxw"), ChangeBus(), messages.append))
    qtbot.addWidget(view)
    page = view.structure
    assert not page.act_job_card.isEnabled()
    specialist = next(p for p in org_svc.org_tree(actor_for("linxw")).positions if p.name == "运营专员")
    qtbot.waitUntil(lambda: page.select("position", specialist.id), timeout=10000)  # loaded in the background
    assert page.act_job_card.isEnabled() and page.selected_position().endswith("/运营专员")
    card, blank = tmp_path / "card.pdf", tmp_path / "blank.pdf"
    page.print_job_card(str(card))
    qtbot.waitUntil(lambda: card.exists(), timeout=30000)
    page.print_appraisal_form(str(blank))
    qtbot.waitUntil(lambda: blank.exists(), timeout=30000)
    assert "运营专员" in pdf_text(card) and "Job Description" in pdf_text(card)
    assert "Appraisal Form" in pdf_text(blank)
