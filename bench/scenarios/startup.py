"""Start-up: time to the first painted main window on a 500-employee database, in a fresh process,
against a bare PySide6 window in a process that also imports sqlmodel. Target ratio <= 1.5.

The measured start runs what the desktop does: theme, translations, the start-up check (quick_check,
daily backup when due), the main window with its first tab. Only the login dialog is left out (it
waits for a person). It also reports which heavy modules the first screen imported.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.core import Result

SCENARIO = "startup"
ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("matplotlib", "reportlab", "alembic", "openpyxl", "PIL", "numpy")
REPEAT = 5

APP = r"""
import sys
sys.path.insert(0, {root!r})
from ui.app import Controller, make_application
app = make_application()
from ui import i18n
i18n.install("zh_CN")
from ui.backup_prompt import open_checked
assert open_checked({db!r})
from app.services.context import Actor
c = Controller(app, "zh_CN")
c.actor = Actor(username="bench", role="admin")
c.show_window()
app.processEvents()
c.window.repaint()
print("painted", ",".join(sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))), flush=True)
"""

BARE = r"""
import sqlmodel
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(QLabel("ShopTeam"))
w.resize(1280, 760)
w.show()
app.processEvents()
w.repaint()
print("painted", "", flush=True)
"""


def _time(code: str, env: dict) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    out, err = proc.communicate(timeout=120)
    if not line.startswith("painted"):
        raise RuntimeError(f"start-up failed: {line}{out}{err[-2000:]}")
    return elapsed, line.split(" ", 1)[1].strip()


def run() -> list[Result]:
    from bench.dataset import working_copy

    with tempfile.TemporaryDirectory() as tmp:
        db = working_copy(Path(tmp) / "home")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SHOPTEAM_HOME": str(Path(tmp) / "home"),
               "XDG_CONFIG_HOME": str(Path(tmp) / "config")}
        app_code = APP.format(root=str(ROOT), db=str(db), heavy=HEAVY)
        _time(app_code, env)  # warm-up: the file cache, and the day's backup is made here
        _time(BARE, env)
        app_ms, bare_ms, heavy = [], [], ""
        for _ in range(REPEAT):
            ms, heavy = _time(app_code, env)
            app_ms.append(ms)
            bare_ms.append(_time(BARE, env)[0])
    note = f"heavy imports at start: {heavy or 'none'}"
    return [Result("startup: first painted main window", statistics.median(app_ms), statistics.median(bare_ms),
                   target="ratio <= 1.5", note=note)]
