"""Issue 15 item 9: the roster count follows the search, an empty result says so, pinyin and initials
find people, staff see no empty private columns."""

from PySide6.QtCore import Qt

from app.rules.search import matches, search_key
from ui.operations import drain


def test_pinyin_initials_and_login_style_find_chinese_names():
    key = search_key("E004", "张雨桐", "运营组", "运营专员")
    for query in ("zyt", "zhangyutong", "zhangyt", "ZYT", "yunying", "张雨", "e004", "zyt yyz"):
        assert matches(query, key), query
    assert not matches("kefu", key)
    assert matches("kefu", search_key("孙佳怡", "客服组"))


def test_the_count_follows_the_search_and_pinyin_finds_people(qtbot, main_window):
    view = main_window().select_tab("employeesTab")
    drain()  # the roster loads in the background
    assert view.count_label.text() == "15 people"
    qtbot.keyClicks(view.search, "kefu")
    assert view.proxy.rowCount() == 3
    assert view.count_label.text() == "Showing 3 of 15 people"
    view.search.clear()
    qtbot.keyClicks(view.search, "zyt")
    names = {view.proxy.index(r, 1).data() for r in range(view.proxy.rowCount())}
    assert names == {"张雨桐"}
    view.search.clear()
    assert view.count_label.text() == "15 people"
    assert view.stack.currentWidget() is view.table


def test_nothing_matching_says_so(qtbot, main_window):
    view = main_window().select_tab("employeesTab")
    drain()  # the roster loads in the background
    qtbot.keyClicks(view.search, "qqqq")
    assert view.proxy.rowCount() == 0
    assert view.stack.currentWidget() is view.no_match
    assert "Nobody matches" in view.no_match.text() and "qqqq" in view.no_match.text()
    assert view.count_label.text() == "Showing 0 of 15 people"


def test_staff_do_not_see_empty_phone_and_badge_columns(qtbot, main_window, actor_for):
    staff = main_window(actor_for("zhangyt")).select_tab("employeesTab")
    drain()
    header = staff.table.horizontalHeader()
    visible = {staff.model.headerData(c, Qt.Horizontal) for c in range(staff.model.columnCount())
               if not staff.table.isColumnHidden(c)}
    assert {"Phone", "Badge", "Clock no."}.isdisjoint(visible) and "Name" in visible
    assert header.count() == staff.model.columnCount()
    hr = main_window(actor_for("fengyq")).select_tab("employeesTab")
    drain()
    assert not any(hr.table.isColumnHidden(c) for c in range(hr.model.columnCount()))
