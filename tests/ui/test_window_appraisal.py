"""Issue 15 item 13: a period picker, an empty chart that says so, grade colours from green to red."""

from datetime import date

import pytest
from matplotlib.colors import to_hex
from PySide6.QtWidgets import QDialogButtonBox


def test_the_period_picker_builds_month_quarter_half_and_year_keys(qtbot):
    from ui.appraisal.period_dialog import NewPeriodDialog

    dialog = NewPeriodDialog({"2026-11"}, today=date(2026, 11, 20))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert dialog.key() == "2026-11" and not ok.isEnabled()  # this month exists already
    assert "already exists" in dialog.problem.text()
    dialog.part.setCurrentIndex(11)
    assert dialog.key() == "2026-12" and ok.isEnabled()
    assert dialog.preview.text() == "2026-12 · 2026-12-01 – 2026-12-31"
    dialog.kind.setCurrentIndex(dialog.kind.findData("quarter"))
    assert dialog.key() == "2026-Q4"
    dialog.kind.setCurrentIndex(dialog.kind.findData("half"))
    assert dialog.key() == "2026-H2"
    dialog.kind.setCurrentIndex(dialog.kind.findData("year"))
    dialog.year.setValue(2027)
    assert dialog.key() == "2027" and dialog.part.isHidden()


def test_new_period_from_the_tab_opens_the_picked_period(main_window, monkeypatch, actor_for):
    from app.services import appraisal as svc
    from ui.appraisal.period_dialog import NewPeriodDialog

    def pick(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("quarter"))
        dialog.year.setValue(2026)
        dialog.part.setCurrentIndex(dialog.part.findData("Q3"))
        return 1

    monkeypatch.setattr(NewPeriodDialog, "exec", pick)
    view = main_window(actor_for("linxw")).select_tab("appraisalTab")
    view.new_item()
    from ui.operations import drain

    drain()  # the period opens as an operation
    assert "2026-Q3" in {p["key"] for p in svc.list_periods(actor_for("linxw"))}
    assert view.period_key() == "2026-Q3"


@pytest.fixture
def charts(qtbot):
    from ui.appraisal.charts import ChartsPanel

    panel = ChartsPanel()
    qtbot.addWidget(panel)
    return panel


def test_an_empty_period_says_it_has_no_scores_instead_of_an_empty_axis(charts):
    charts.show_distribution("2026-11", {"distribution": {g: 0 for g in "ABCDE"}, "forced": False, "violations": []})
    ax = charts.dist_figure.axes[0]
    assert [t.get_text() for t in ax.texts] == ["No scores in this period yet"]
    assert not ax.patches and not ax.axison


def test_grade_colours_run_from_green_to_red(charts):
    from ui import theme

    charts.show_distribution("2026-11", {"distribution": {"A": 1, "B": 3, "C": 5, "D": 1, "E": 1}, "forced": False,
                                         "violations": []})
    colours = [to_hex(p.get_facecolor()) for p in charts.dist_figure.axes[0].patches]
    assert colours[0] == theme.status["normal"] and colours[-1] == theme.status["absent"]
    assert theme.grade_colours(3) == ["#16a34a", "#f59e0b", "#dc2626"]
