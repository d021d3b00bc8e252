"""One place for the look: Fusion style, palette, status colours, fonts and icons."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from app.paths import FONT_PATH

accent = "#2563eb"
accent_soft = "#dbeafe"
danger = "#dc2626"
warning = "#d97706"
success = "#16a34a"
text_muted = "#6b7280"
window_bg = "#f6f7f9"
base_bg = "#ffffff"
alt_row = "#f3f6fb"
border = "#d9dde3"
read_only_bg = "#eceff3"  # a cell the user may not edit: grey, flat, no arrow
read_only_text = "#4b5563"
locked_bg = "#fff7e6"  # a locked (archived) period's banner
locked_border = "#f0c36d"

# attendance status colours: shared with charts and PDFs (see app/documents for the same hex values)
status = {
    "normal": "#16a34a",
    "late": "#f59e0b",
    "early": "#ea580c",
    "absent": "#dc2626",
    "leave": "#2563eb",
    "offsite": "#7c3aed",
    "rest": "#9ca3af",
    "missing": "#db2777",
    "none": "#ffffff",
}
# grades from the best to the worst: green … red, whatever the number of grades
GRADE_SCALE = ["#16a34a", "#65a30d", "#f59e0b", "#ea580c", "#dc2626"]


def grade_colours(count: int) -> list[str]:
    """`count` colours running from good (green) to bad (red), for grades listed best first."""
    if count <= 1:
        return GRADE_SCALE[:count]
    last = len(GRADE_SCALE) - 1
    return [GRADE_SCALE[round(i * last / (count - 1))] for i in range(count)]


# the holiday calendar (节假日 page): statutory holiday, make-up working day, the shop's working day / rest day
day_kind = {"holiday": "#e11d48", "makeup": "#0f766e", "workday": "#2563eb", "rest": "#9ca3af"}
# department colours for the org chart and charts
series = ["#2563eb", "#16a34a", "#f59e0b", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#ea580c", "#475569"]

FONT_FAMILY_FALLBACK = "WenQuanYi Micro Hei"
_loaded_family: str | None = None

STYLESHEET = f"""
QTabWidget::pane {{ border: 1px solid {border}; border-radius: 6px; background: {base_bg}; top: -1px; }}
QTabBar::tab {{ padding: 7px 16px; border: none; margin-right: 2px; color: #374151; }}
QTabBar::tab:selected {{ color: {accent}; border-bottom: 2px solid {accent}; font-weight: 600; }}
QToolBar {{ border: none; spacing: 6px; padding: 4px; background: transparent; }}
QToolButton {{ padding: 4px 8px; border-radius: 4px; }}
QToolButton:hover {{ background: {accent_soft}; }}
QToolBarExtension {{ padding: 0px; }}  /* its 12 px hold the » only without the tool buttons' padding */
QHeaderView::section {{ background: #eef1f5; padding: 5px 6px; border: none; border-right: 1px solid {border};
    border-bottom: 1px solid {border}; font-weight: 600; }}
QTableView {{ gridline-color: #e5e7eb; selection-background-color: {accent_soft}; selection-color: #111827; }}
QLineEdit, QPlainTextEdit, QTextEdit {{ padding: 4px 6px;
    border: 1px solid {border}; border-radius: 4px; background: {base_bg}; }}
QLineEdit:focus {{ border: 1px solid {accent}; }}
QComboBox QAbstractItemView {{ selection-background-color: {accent}; selection-color: #ffffff; outline: 0; }}
QPushButton {{ padding: 5px 14px; border: 1px solid {border}; border-radius: 4px; background: {base_bg}; }}
QPushButton:default, QPushButton[primary="true"] {{ background: {accent}; color: white; border-color: {accent}; }}
QPushButton:disabled {{ color: #9ca3af; background: #f3f4f6; }}
QLabel[role="error"] {{ color: {danger}; }}
QLabel[role="muted"] {{ color: {text_muted}; }}
QLabel[role="title"] {{ font-size: 15pt; font-weight: 600; }}
QLabel[role="empty"] {{ color: {text_muted}; font-size: 11pt; padding: 30px; }}
QStatusBar {{ color: #374151; }}
QLineEdit[readOnlyCell="true"], QComboBox[readOnlyCell="true"] {{ background: {read_only_bg}; color: {read_only_text};
    border: 1px solid {read_only_bg}; border-radius: 0; padding: 4px 6px; }}
QComboBox[readOnlyCell="true"]::drop-down {{ width: 0; border: none; }}
QComboBox[readOnlyCell="true"]::down-arrow {{ image: none; width: 0; }}
QFrame[role="locked"] {{ background: {locked_bg}; border: 1px solid {locked_border}; border-radius: 4px; }}
QFrame[role="locked"] QLabel {{ color: #7c4a03; font-weight: 600; background: transparent; border: none; }}
QFrame[role="readonly"] {{ background: {read_only_bg}; border-radius: 4px; }}
QFrame[role="readonly"] QLabel {{ color: {read_only_text}; background: transparent; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
"""


def load_fonts() -> str:
    """Register the bundled CJK font (the fallback that guarantees Chinese) and return its family."""
    global _loaded_family
    if _loaded_family is None:
        font_id = QFontDatabase.addApplicationFont(str(FONT_PATH))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _loaded_family = families[0] if families else FONT_FAMILY_FALLBACK
    return _loaded_family


def ui_font(point_size: float = 10) -> QFont:
    font = QFont()
    font.setFamilies([QApplication.font().family(), load_fonts()])
    font.setPointSizeF(point_size)
    return font


def palette() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.Window, QColor(window_bg))
    p.setColor(QPalette.WindowText, QColor("#111827"))
    p.setColor(QPalette.Base, QColor(base_bg))
    p.setColor(QPalette.AlternateBase, QColor(alt_row))
    p.setColor(QPalette.Text, QColor("#111827"))
    p.setColor(QPalette.Button, QColor("#ffffff"))
    p.setColor(QPalette.ButtonText, QColor("#111827"))
    p.setColor(QPalette.Highlight, QColor(accent))
    p.setColor(QPalette.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ToolTipBase, QColor("#111827"))
    p.setColor(QPalette.ToolTipText, QColor("#ffffff"))
    p.setColor(QPalette.PlaceholderText, QColor("#9ca3af"))
    p.setColor(QPalette.Link, QColor(accent))
    return p


def apply(app: QApplication) -> None:
    # plain Fusion: a Python QProxyStyle would be called back for every style hint Qt asks (thousands
    # before the first paint); the stylesheet drops the X11 button blobs instead
    app.setStyle("Fusion")
    app.setPalette(palette())
    family = load_fonts()
    font = app.font()
    font.setFamilies([font.family(), family])
    font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def icon(name: str, color: str | None = None):
    """A Material Design icon (mdi6.*, the font qtawesome ships), tinted from the theme."""
    from ui.icons import mdi_icon

    return mdi_icon(name, color or "#374151", "#c0c4cc")
