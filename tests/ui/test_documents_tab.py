"""The documents tab: choose, preview, write, print; handbook texts dialog."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.documents import samples
from app.services import documents as svc


@pytest.fixture
def ctx(demo_db, admin):
    from ui.shell import ChangeBus, ShellContext

    messages: list[str] = []
    context = ShellContext(actor=admin, bus=ChangeBus(), show_status=messages.append)
    context.messages = messages
    return context


@pytest.fixture
def fake_appraisal(monkeypatch):
    from app.services import appraisal as module

    sheets = {s.employee_no: s for s in (samples.appraisal_sheet(i) for i in range(4))}
    monkeypatch.setattr(module, "period_results",
                        lambda actor, period: [{"employee_no": no, "name": s.name} for no, s in sheets.items()])
    monkeypatch.setattr(module, "sheet_data", lambda actor, period, no: asdict(sheets[no]))
    return sheets


def make_view(qtbot, ctx):
    from ui.documents import tab

    assert (tab.ORDER, tab.OBJECT_NAME) == (60, "documentsTab") and tab.visible_for(ctx)
    view = tab.create(ctx, None)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    return view


def choose(view, kind: str) -> None:
    view.kind.setCurrentIndex(view.kind.findData(kind))


def test_write_handbook_then_open_and_print_become_available(qtbot, ctx, tmp_path):
    view = make_view(qtbot, ctx)
    choose(view, "handbook")
    assert view.version.text().endswith(".1")
    assert not view.act_print.isEnabled() and "Write a PDF first" in view.act_print.toolTip()  # greyed, and says why
    target = tmp_path / "hb.pdf"
    view.start_write(str(target))
    qtbot.waitUntil(lambda: view.last_files == [str(target)], timeout=30000)
    assert target.exists() and target.stat().st_size > 10000
    assert view.act_open.isEnabled() and view.act_print.isEnabled()
    assert any("PDF written" in m for m in ctx.messages)
    assert [r["version"] for r in svc.handbook_prints(ctx.actor)] == [view.version.text()]


def test_preview_shows_the_first_page(qtbot, ctx):
    view = make_view(qtbot, ctx)
    choose(view, "handbook")
    view.show_preview()
    qtbot.waitUntil(lambda: view.preview.pixmap() is not None and not view.preview.pixmap().isNull(), timeout=30000)
    assert view.preview.pixmap().width() > 300
    assert svc.handbook_prints(ctx.actor) == []  # a preview records nothing


def test_appraisal_people_are_listed_and_a_choice_is_written_per_person(qtbot, ctx, tmp_path, fake_appraisal):
    view = make_view(qtbot, ctx)
    assert view.people.count() == 4 and view.act_write.isEnabled()
    view.all_people.setChecked(False)
    for i in range(view.people.count()):
        item = view.people.item(i)
        item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in ("E002", "E003") else Qt.Unchecked)
    assert view.selected_people() == ["E002", "E003"]
    view.start_write(str(tmp_path / "out"), per_person=True)
    qtbot.waitUntil(lambda: len(view.last_files) == 2, timeout=30000)
    assert sorted(Path(f).name.split("_")[1] for f in view.last_files) == ["E002", "E003"]
    assert not view.act_print.isEnabled()  # several files: open the folder instead
    assert "2 PDF files" in view.act_print.toolTip() and view.act_open.isEnabled()


def test_handbook_texts_dialog_validates_and_saves(qtbot, ctx):
    from ui.documents.sections_dialog import HandbookSectionsDialog

    dialog = HandbookSectionsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 10 and not dialog.save_button.isEnabled()
    dialog.title.setText("")
    assert dialog.error.text() and not dialog.save_button.isEnabled()
    dialog.title.setText("总则（修订）")
    assert dialog.error.text() == "" and dialog.save_button.isEnabled()
    dialog.save()
    from ui.operations import drain

    drain()
    first = svc.handbook_sections(ctx.actor)[0]
    assert first["title"] == "总则（修订）" and first["edited"]
    assert dialog.reset_button.isEnabled() and "✎" in dialog.list.item(0).text()


def test_pages_are_painted_onto_a_printer_without_poppler(qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    from app.documents.appraisal_sheet import write_sheets
    from app.documents.render import render_pages
    from ui.documents.printing import paint_pages

    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no pdftoppm (nor anything else) to be found
    pdf = tmp_path / "two.pdf"
    write_sheets([samples.appraisal_sheet(0), samples.appraisal_sheet(1)], str(pdf), "公司")
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    steps = []
    assert paint_pages(printer, str(pdf), 50, lambda done, total: steps.append((done, total))) == 2
    assert steps == [(0, 2), (1, 2)]
    printed = list(render_pages(tmp_path / "printed.pdf", dpi=20))
    assert len(printed) == 2
    assert all(len(set(p.rgb)) > 1 for p in printed)  # something is drawn on each page, not blank paper
    assert sorted(x.name for x in tmp_path.iterdir()) == ["printed.pdf", "two.pdf"]  # no page images left behind


def test_appraisal_period_picker_offers_every_kind_and_the_rolled_up_year(qtbot, ctx, tmp_path):
    from app.services import appraisal as appraisal_svc

    year = str(appraisal_svc.list_periods(ctx.actor)[1]["start"].year)  # the demo's locked months
    appraisal_svc.open_period(ctx.actor, f"{year}-Q4", scope="managers")
    view = make_view(qtbot, ctx)
    choose(view, "appraisal")
    keys = [view.appraisal_period.itemData(i) for i in range(view.appraisal_period.count())]
    assert f"{year}-Q4" in keys and year in keys and any(len(k) == 7 and k[4] == "-" for k in keys)
    assert not view.form.isRowVisible(view.period)  # the month field is the attendance report's
    view.appraisal_period.setCurrentIndex(view.appraisal_period.findData(year))
    assert view.period_key() == year and view.people.count() == 14  # everyone with a rolled-up year
    view.appraisal_period.setCurrentIndex(view.appraisal_period.findData(f"{year}-Q4"))
    assert view.people.count() == 3
