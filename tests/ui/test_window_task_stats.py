"""Issue 15 item 10: task statistics sized to their content, averages rounded with a unit, a bar chart."""

import pytest

ROWS = [
    {"employee_no": "E004", "name": "张雨桐", "done": 6, "on_time_rate": 0.8333, "avg_cycle_days": 15.25, "sent_back": 1},
    {"employee_no": "E005", "name": "刘子轩", "done": 3, "on_time_rate": 1.0, "avg_cycle_days": 2.0, "sent_back": 0},
    {"employee_no": "E006", "name": "赵思琪", "done": 0, "on_time_rate": None, "avg_cycle_days": None, "sent_back": 0},
]


@pytest.fixture
def stats(qtbot, demo_db, actor_for, monkeypatch):
    from ui.shell import ChangeBus, ShellContext
    from ui.tasks import plans

    monkeypatch.setattr(plans.task_svc, "task_stats", lambda actor, year, month: [dict(r) for r in ROWS])
    view = plans.StatsView(ShellContext(actor_for("linxw"), ChangeBus(), lambda m: None))
    qtbot.addWidget(view)
    view.resize(1366, 600)
    view.show()
    qtbot.waitExposed(view)
    view.reload()
    from ui.operations import drain

    drain()  # the statistics load in the background
    return view


def cell(view, row, key):
    model = view.table.model()
    return model.index(row, view.model.column_index(key)).data()


def test_averages_are_rounded_for_people_with_a_unit(stats):
    assert cell(stats, 0, "avg_cycle_days") == "15.3 days"
    assert cell(stats, 1, "avg_cycle_days") == "2.0 days"
    assert cell(stats, 0, "on_time_rate") == "83%"
    assert cell(stats, 2, "avg_cycle_days") == ""


def test_the_last_column_is_as_wide_as_its_content_not_the_window(stats):
    header = stats.table.horizontalHeader()
    last = stats.model.column_index("sent_back")
    assert not header.stretchLastSection()
    assert header.sectionSize(last) <= max(header.sectionSizeHint(last), stats.table.sizeHintForColumn(last)) + 4
    assert stats.table.width() < stats.width() * 0.7  # the rest of the page is the chart
    assert header.length() <= stats.table.viewport().width()  # every column in view, no sideways scrolling


def test_a_bar_chart_per_person(stats):
    assert stats.chart is not None and stats.chart.isVisible()
    ax = stats.figure.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["张雨桐", "刘子轩"]  # nobody without finished or sent-back tasks
    done = sorted(p.get_width() for p in ax.patches)
    assert done == [0, 1, 3, 6]
