"""Issue 15 item 1: actions and buttons never pass Qt's `checked` bool into a slot's argument."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIGNALS = {"triggered", "clicked"}


def _methods(tree) -> dict[str, ast.FunctionDef]:
    return {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def _takes_an_argument(fn: ast.FunctionDef) -> bool:
    """An optional first parameter (`path=None`) silently receives `checked`; a required one (a view's
    `clicked(QModelIndex)` handler) is what the signal is meant to pass."""
    params = [a for a in fn.args.posonlyargs + fn.args.args if a.arg not in ("self", "cls")]
    optional = params[len(params) - len(fn.args.defaults):] if fn.args.defaults else []
    return bool(params) and params[0] in optional and params[0].arg != "checked" or fn.args.vararg is not None


def test_no_triggered_or_clicked_connection_feeds_checked_into_an_argument():
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        methods = _methods(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect"):
                continue
            signal = node.func.value
            if not (isinstance(signal, ast.Attribute) and signal.attr in SIGNALS) or not node.args:
                continue
            slot = node.args[0]
            name = slot.attr if isinstance(slot, ast.Attribute) else slot.id if isinstance(slot, ast.Name) else None
            if name in methods and _takes_an_argument(methods[name]):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {signal.attr} -> {name}")
    assert not offenders, "connect through ui.widgets.actions.on_triggered/on_clicked:\n" + "\n".join(offenders)


@pytest.mark.parametrize("action_name, suffix", [("actionExportChartPng", ".png"), ("actionExportChartPdf", ".pdf")])
def test_org_chart_export_from_the_toolbar_and_the_menu_asks_where_and_writes(main_window, qtbot, tmp_path, monkeypatch,
                                                                                action_name, suffix):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog

    from ui.org import chart_page

    window = main_window()
    view = window.select_tab("orgTab")
    asked = []

    def save_name(parent, caption, start, filters):
        target = tmp_path / f"chart{len(asked)}{suffix}"
        asked.append(target)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(chart_page.PdfOptionsDialog, "exec", lambda self: 1)
    toolbar_action = view.chart.findChild(QAction, action_name)
    menu_action = next(a for a in window._area_menu.actions() if a.objectName() == action_name)
    for action in (toolbar_action, menu_action):
        action.trigger()
        qtbot.waitUntil(lambda: bool(asked) and asked[-1].exists() and asked[-1].stat().st_size > 0, timeout=20000)
    assert len(asked) == 2
