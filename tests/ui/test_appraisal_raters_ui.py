"""The scoring grid's read-only cells look read-only and say why; the raters menu: replace or add a rater
with a note, the general manager's delegation, and the anonymous mutual rating (互评)."""

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services import appraisal as svc
from app.services.appraisal_mutual import mutual_results
from ui import theme
from ui.operations import drain
from ui.shell import ChangeBus, ShellContext


@pytest.fixture
def view_for(qtbot, demo_db):
    def make(actor):
        from ui.appraisal.view import AppraisalView

        ctx = ShellContext(actor=actor, bus=ChangeBus(), show_status=lambda _m: None)
        view = AppraisalView(ctx)
        qtbot.addWidget(view)
        view.resize(1366, 740)
        drain()  # the toolbar follows the service's answer (period_step), read in the background
        return view

    return make


@pytest.fixture
def themed(qapp):
    before = qapp.styleSheet()
    qapp.setStyleSheet(theme.STYLESHEET)
    yield
    qapp.setStyleSheet(before)


def _centre(widget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2 + image.height() // 4)


def test_cells_the_user_may_not_edit_are_grey_with_a_lock_and_say_why(qtbot, view_for, actor_for, admin, themed):
    view = view_for(actor_for("wanghr"))  # E003, head of 运营组: only his own column of E004 is open
    view.select("E004")
    form = view.form
    mine, other = form.total_edits["E003"], form.total_edits["E002"]
    assert mine.isEnabled() and not mine.property("readOnlyCell")
    assert other.property("readOnlyCell") and "林晓雯" in other.toolTip()
    QApplication.processEvents()
    assert _centre(mine) == QColor(theme.base_bg)  # an input looks like one …
    assert _centre(other) == QColor(theme.read_only_bg)  # … and a read-only cell does not: grey, not white
    box = next(b for (no, _k), b in form.level_boxes.items() if no == "E002")
    assert box.property("readOnlyCell") and "林晓雯" in box.toolTip() and _centre(box) == QColor(theme.read_only_bg)
    headers = {form.grid.horizontalHeaderItem(c).text().split("\n")[0]: form.grid.horizontalHeaderItem(c)
               for c in range(4, form.grid.columnCount())}
    assert not headers["林晓雯"].icon().isNull() and "林晓雯" in headers["林晓雯"].toolTip()
    assert headers["王浩然"].icon().isNull()
    # every rater header shows name, role and weight in full
    metrics = form.grid.horizontalHeader().fontMetrics()
    for c in range(4, form.grid.columnCount()):
        lines = form.grid.horizontalHeaderItem(c).text().split("\n")
        assert len(lines) == 3 and form.grid.columnWidth(c) > max(metrics.horizontalAdvance(x) for x in lines)
    # a locked period: the banner says so with a lock, every cell is read-only
    locked = next(p["key"] for p in svc.list_periods(admin) if p["state"] == "locked")
    view.period_combo.setCurrentIndex(view.period_combo.findData(locked))
    view.select("E004")
    assert form.read_only_frame.property("role") == "locked" and not form.lock_icon.isHidden()
    assert "locked" in form.read_only_banner.text()
    QApplication.processEvents()
    frame = form.read_only_frame.grab().toImage()
    assert frame.pixelColor(frame.width() - 4, frame.height() // 2) == QColor(theme.locked_bg)  # a locked look
    assert all(e.property("readOnlyCell") for e in form.total_edits.values())
    assert all(b.property("readOnlyCell") for b in form.level_boxes.values())
    assert not form.save_button.isEnabled()


def test_replace_or_add_a_rater_with_a_note_from_the_raters_menu(qtbot, view_for, actor_for, admin):
    view = view_for(actor_for("linxw"))
    key = view.period_key()
    view.select("E004")
    assert view.act_change_raters.isVisible() and view.act_change_raters.isEnabled()
    dialog = view.change_raters()
    assert dialog.current.rowCount() == 3 and not dialog.ok.isEnabled()
    dialog.add.setChecked(True)
    assert [dialog.role.itemData(i) for i in range(dialog.role.count())] == ["leader", "head"]
    dialog.role.setCurrentIndex(dialog.role.findData("head"))
    dialog.rater.setCurrentIndex(dialog.rater.findData("E007"))
    assert not dialog.ok.isEnabled() and "note" in dialog.problem.text()
    dialog.note.setText("原负责人孙佳怡共同评分")
    assert dialog.ok.isEnabled()
    dialog.accept()
    drain()
    heads = [(r["employee_no"], r["weight"]) for r in svc.subject_detail(admin, key, "E004")["raters"] if r["roles"] == ["head"]]
    assert heads == [("E003", 70.0), ("E007", 70.0)]
    assert any("÷ 2" in view.form.grid.horizontalHeaderItem(c).text() for c in range(4, view.form.grid.columnCount()))
    staff = view_for(actor_for("zhangyt"))
    assert not staff.act_change_raters.isVisible() and not staff.act_delegate.isVisible()


def test_the_delegation_asks_first_then_moves_the_gm_part(qtbot, view_for, admin, monkeypatch):
    view = view_for(admin)
    key = view.period_key()
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.text()) or QMessageBox.Cancel)
    view.act_delegate.trigger()
    drain()
    assert "supervising leader" in seen[0] and not view.act_delegate.isChecked()
    assert "E001" in {r["employee_no"] for r in svc.subject_detail(admin, key, "E004")["raters"]}
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.Yes)
    view.act_delegate.trigger()
    drain()
    assert "E001" not in {r["employee_no"] for r in svc.subject_detail(admin, key, "E004")["raters"]}
    assert view.act_delegate.isChecked()


def test_a_staff_member_casts_an_anonymous_ballot_and_hr_sees_the_means(qtbot, view_for, actor_for):
    view = view_for(actor_for("zhangyt"))
    key = view.period_key()
    assert view.act_mutual_vote.isVisible() and not view.act_mutual_results.isVisible()
    dialog = view.mutual_vote()
    assert "E004" not in dialog.spins and not dialog.ok.isEnabled()
    dialog.spins["E005"].setValue(90)
    dialog.spins["E006"].setValue(75)
    assert dialog.ok.isEnabled() and "2" in dialog.count.text()
    dialog.accept()
    drain()
    again = view.mutual_vote()
    assert not again.ok.isEnabled() and not again.why.isHidden()
    hr = view_for(actor_for("fengyq"))
    results = hr.mutual_results()
    table = results.findChild(type(dialog.table), "mutualResultsTable")
    assert table.item(0, 1).text() == "E005" and table.item(0, 3).text() == "90.00"
    assert mutual_results(actor_for("fengyq"), key)["ballots"] == 1
