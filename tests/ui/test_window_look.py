"""Issue 15 items 4, 5, 6, 12: the window fits the screen; combos, spin boxes and the kiosk's exit dialog
are readable; the first-start prompt says what is true; message boxes use plain standard buttons."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QLabel, QMessageBox, QProxyStyle, QSpinBox, QStyle, QStyleOptionSpinBox,
                               QWidget)

from tests.ui.contrast import text_contrast


def test_main_window_opens_inside_the_screen_and_maximised_on_a_small_one(main_window, qtbot):
    window = main_window()
    free = window.screen().availableGeometry()
    assert free.width() < 1440  # the offscreen screen is small, like a 1366×768 laptop
    qtbot.waitUntil(window.isMaximized)
    assert free.contains(window.geometry())
    assert window.statusBar().isVisible()
    assert free.contains(window.statusBar().mapTo(window, window.statusBar().rect().bottomRight()) + window.geometry().topLeft())


def test_a_saved_geometry_larger_than_the_screen_is_not_restored(main_window, qtbot):
    from PySide6.QtCore import QSettings

    probe = main_window()
    probe.showNormal()
    probe.setGeometry(0, 0, 3000, 2000)
    QSettings().setValue("main/geometry", probe.saveGeometry())
    probe.close()
    window = main_window()
    assert window.isMaximized() or window.screen().availableGeometry().contains(window.geometry())


@pytest.fixture
def form(qtbot):
    widget = QWidget()
    layout = QFormLayout(widget)
    widget.combo = QComboBox()
    widget.combo.addItems(["月度", "季度", "年度"])
    widget.spin = QSpinBox()
    widget.spin.setValue(5)
    widget.dspin = QDoubleSpinBox()
    widget.dspin.setValue(5)  # at the minimum the down arrow is greyed out, as it should be
    widget.date = QDateEdit(calendarPopup=True)
    for field in (widget.combo, widget.spin, widget.dspin, widget.date):
        layout.addRow("x", field)
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_highlighted_item_of_a_drop_down_list_is_readable(form, qtbot):
    combo = form.combo
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(combo.model().index(1, 0))
    row = view.visualRect(combo.model().index(1, 0))
    assert text_contrast(view.viewport().grab().toImage(), row) >= 4.5
    combo.hidePopup()


@pytest.mark.parametrize("name", ["spin", "dspin"])
def test_spin_boxes_draw_their_up_and_down_arrows(form, name):
    spin = getattr(form, name)
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option) if hasattr(spin, "initStyleOption") else option.initFrom(spin)
    option.subControls = QStyle.SC_All
    image = spin.grab().toImage()
    for control in (QStyle.SC_SpinBoxUp, QStyle.SC_SpinBoxDown):
        rect = spin.style().subControlRect(QStyle.CC_SpinBox, option, control, spin)
        assert rect.width() >= 8 and rect.height() >= 4, control
        assert text_contrast(image, rect.adjusted(1, 1, -1, -1)) >= 3, f"no arrow drawn in {control}"


@pytest.mark.parametrize("name", ["combo", "date"])
def test_combo_arrows_are_drawn_by_the_style_not_a_bracket(form, name):
    """A styled QComboBox border makes Qt fall back to a dark bracket-shaped drop-down button; the style
    sheet must leave the combo's frame and arrow to the platform style."""
    widget = getattr(form, name)
    app_sheet = QApplication.instance().styleSheet()
    for selector in ("QComboBox", "QDateEdit", "QSpinBox", "QDoubleSpinBox", "QTimeEdit"):
        for rule in app_sheet.split("}"):
            head = rule.split("{")[0]
            if selector in [s.strip().split(":")[0] for s in head.split(",")] and "border" in rule.split("{")[-1]:
                pytest.fail(f"the style sheet draws the frame of {selector}: {head.strip()}")
    assert widget.grab().width() > 0


def test_the_kiosk_exit_dialog_is_readable(demo_db, qtbot):
    from ui.kiosk.window import KioskWindow, LeaveKioskDialog

    kiosk = KioskWindow()
    qtbot.addWidget(kiosk)
    kiosk.show()
    dialog = LeaveKioskDialog(kiosk)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.user.setText("linxw")
    dialog.password.setText("wrong")
    dialog._check()
    labels = [w for w in dialog.findChildren(QLabel) if w.text()]
    assert dialog.error.text() and len(labels) >= 4
    image = dialog.grab().toImage()
    for label in labels:
        area = QRect(label.mapTo(dialog, label.rect().topLeft()), label.size())
        assert text_contrast(image, area) >= 4.5, label.text()
    dialog.close()
    kiosk._may_close = True
    kiosk.close()


def test_first_start_says_there_is_no_administrator_yet(demo_db, qtbot):
    from ui.login import FirstAdminDialog

    dialog = FirstAdminDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel, "adminIntro").text()
    assert "no administrator account yet" in text
    assert "no accounts" not in text


class _X11Like(QProxyStyle):
    """A desktop whose theme puts icons on dialog buttons (X11's green tick and red cross blobs)."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802
        if hint == QStyle.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, data)


@pytest.fixture
def x11_like_desktop(qapp):
    qapp.setStyle(_X11Like("Fusion"))
    yield
    qapp.setStyle("Fusion")  # what ui.theme.apply sets


def test_dialog_and_message_box_buttons_carry_no_blob_icons(qtbot, x11_like_desktop):
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel | QDialogButtonBox.Yes | QDialogButtonBox.No)
    qtbot.addWidget(buttons)
    assert all(b.icon().isNull() for b in buttons.buttons())
    box = QMessageBox(QMessageBox.Question, "t", "Delete?", QMessageBox.Yes | QMessageBox.No)
    qtbot.addWidget(box)
    assert all(b.icon().isNull() for b in box.buttons())
    assert not box.iconPixmap().isNull()  # the standard question icon stays
