"""Start-up: time to the first painted main window on a 500-employee database, in a fresh process,
against a bare PySide6 window in a process that also imports sqlmodel (the stack floor). Target
ratio <= 1.3, and the process's peak memory <= 300 MB, beside the bare window's.

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
heavy = ",".join(sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r})))
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print("painted", peak, heavy, flush=True)
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
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print("painted", peak, "", flush=True)
"""


def _time(code: str, env: dict) -> tuple[float, float, str]:
    """Milliseconds to the painted window, the process's peak resident memory by then (MB, VmHWM: not
    ru_maxrss, which a child inherits from the process that forked it), and the heavy modules it imported."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    out, err = proc.communicate(timeout=120)
    if not line.startswith("painted"):
        raise RuntimeError(f"start-up failed: {line}{out}{err[-2000:]}")
    _word, peak_kb, heavy = (line.rstrip("\n").split(" ", 2) + [""])[:3]
    return elapsed, int(peak_kb) / 1024, heavy.strip()


def run(engine: str = "sqlite") -> list[Result]:
    from bench import engines
    from bench.dataset import working_copy

    with tempfile.TemporaryDirectory() as tmp:
        db = working_copy(Path(tmp) / "home")
        where = engines.location(engine, db)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SHOPTEAM_HOME": str(Path(tmp) / "home"),
               "XDG_CONFIG_HOME": str(Path(tmp) / "config")}
        # An installed app runs from compiled bytecode (pip and PyInstaller write it); let the warm-up write it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app_code = APP.format(root=str(ROOT), db=str(where), heavy=HEAVY)
        _time(app_code, env)  # warm-up: the file cache, and the day's backup is made here
        _time(BARE, env)
        app_ms, bare_ms, app_mb, bare_mb, heavy = [], [], [], [], ""
        for _n in range(REPEAT):
            ms, mb, heavy = _time(app_code, env)
            app_ms.append(ms)
            app_mb.append(mb)
            ms, mb, _h = _time(BARE, env)
            bare_ms.append(ms)
            bare_mb.append(mb)
        if engine != "sqlite":
            engines.drop(where)
    note = f"heavy imports at start: {heavy or 'none'}"
    return [Result("startup: first painted main window", statistics.median(app_ms), statistics.median(bare_ms),
                   target="ratio <= 1.3", note=note + "; baseline: bare PySide6 window + sqlmodel import"),
            Result("startup: peak memory at the painted window", max(app_mb), max(bare_mb), "MB",
                   "<= 300 MB", "peak resident set (VmHWM) of the process; baseline: the bare window's")]
