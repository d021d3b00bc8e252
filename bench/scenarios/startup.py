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

from bench.core import Result, machine_load

SCENARIO = "startup"
ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("matplotlib", "reportlab", "alembic", "openpyxl", "PIL", "numpy")
REPEAT = 5

# Each prints "painted <peak kB> <phase=ms,...> <heavy modules>": the phases say where the time went.
APP = r"""
import sys, time
t = [time.perf_counter()]
sys.path.insert(0, {root!r})
import sqlmodel, PySide6.QtWidgets
t.append(time.perf_counter())
from ui.app import Controller, make_application
t.append(time.perf_counter())
import app.models
t.append(time.perf_counter())
app = make_application()
from ui import i18n
i18n.install("zh_CN")
t.append(time.perf_counter())
from ui.backup_prompt import open_checked
assert open_checked({db!r})
t.append(time.perf_counter())
from app.services.context import Actor
c = Controller(app, "zh_CN")
c.actor = Actor(username="bench", role="admin")
c.show_window()
t.append(time.perf_counter())
app.processEvents()
c.window.repaint()
t.append(time.perf_counter())
phases = ",".join(f"{{k}}={{(b - a) * 1000:.1f}}" for k, a, b in
                  zip(("stack", "app_imports", "models", "qt_app", "db_check", "window", "paint"), t, t[1:]))
heavy = ",".join(sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r})))
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print("painted", peak, phases, heavy, flush=True)
"""

BARE = r"""
import time
t = [time.perf_counter()]
import sqlmodel
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
t.append(time.perf_counter())
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(QLabel("ShopTeam"))
w.resize(1280, 760)
w.show()
t.append(time.perf_counter())
app.processEvents()
w.repaint()
t.append(time.perf_counter())
phases = ",".join(f"{k}={(b - a) * 1000:.1f}" for k, a, b in zip(("stack", "window", "paint"), t, t[1:]))
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print("painted", peak, phases, "", flush=True)
"""


def _time(code: str, env: dict) -> tuple[float, float, dict, str]:
    """Milliseconds to the painted window, the process's peak resident memory by then (MB, VmHWM: not
    ru_maxrss, which a child inherits from the process that forked it), the phases' milliseconds (the
    interpreter's own start as "python") and the heavy modules it imported."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    out, err = proc.communicate(timeout=120)
    if not line.startswith("painted"):
        raise RuntimeError(f"start-up failed: {line}{out}{err[-2000:]}")
    _word, peak_kb, marks, heavy = (line.rstrip("\n").split(" ", 3) + [""])[:4]
    phases = {k: float(v) for k, v in (p.split("=") for p in marks.split(","))}
    phases["python"] = max(0.0, elapsed - sum(phases.values()))
    return elapsed, int(peak_kb) / 1024, phases, heavy.strip()


def _why(bare_ms: float, app: dict, bare: dict) -> str:
    """Where the start-up beyond the floor went, from the phases' medians."""
    window = bare["window"]
    return (f"the floor is {bare_ms:.0f} ms (Python {bare['python']:.0f}, sqlmodel+PySide6 imports {bare['stack']:.0f}, "
            f"a bare window {window:.0f}, its paint {bare['paint']:.0f}); beyond it the app spends: its start-up modules "
            f"{app['app_imports']:.0f} ms, the data model's classes (app.models) {app['models']:.0f} ms, the theme, "
            f"logging and translations {app['qt_app']:.0f} ms, the start-up database check "
            f"{app['db_check']:.0f} ms, building the main window {app['window']:.0f} ms (the bare one: {window:.0f}), "
            f"the first paint {app['paint']:.0f} ms (the bare one: {bare['paint']:.0f}); {machine_load()}")


def _medians(runs: list[dict]) -> dict:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


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
        app_ms, bare_ms, app_mb, bare_mb, app_phases, bare_phases, heavy = [], [], [], [], [], [], ""
        for _n in range(REPEAT):
            ms, mb, phases, heavy = _time(app_code, env)
            app_ms.append(ms)
            app_mb.append(mb)
            app_phases.append(phases)
            ms, mb, phases, _h = _time(BARE, env)
            bare_ms.append(ms)
            bare_mb.append(mb)
            bare_phases.append(phases)
        if engine != "sqlite":
            engines.drop(where)
    note = f"heavy imports at start: {heavy or 'none'}"
    figure, floor = statistics.median(app_ms), statistics.median(bare_ms)
    return [Result("startup: first painted main window", figure, floor,
                   target="ratio <= 1.3", note=note + "; baseline: bare PySide6 window + sqlmodel import",
                   why=_why(floor, _medians(app_phases), _medians(bare_phases))),
            Result("startup: peak memory at the painted window", max(app_mb), max(bare_mb), "MB",
                   "<= 300 MB", "peak resident set (VmHWM) of the process; baseline: the bare window's")]
