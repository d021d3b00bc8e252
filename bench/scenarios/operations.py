"""The window stays live and the kiosk never waits while a big import runs.

1. ``event-loop gap``: the office window (attendance tab, change watcher running) imports a
   400,000-punch clock file through its operation executor; a zero-interval timer records every
   turn of the UI event loop, and the longest gap between two turns is the figure (target <= 50 ms).
   Baseline: the longest gap of the same idle window for the same length of time, in the same run.
2. ``kiosk punch during import``: the office window runs in another process (watching for changes
   and importing the same file) while this process punches badges through the kiosk window;
   the figure is the median Enter -> confirmation (target <= 5 ms), beside the same kiosk's median
   with nothing else running, in the same run.
3. ``gap: <user action>``: the office window on the 500-person data set, the user clicking as one
   does (opening the punch import, sorting the monthly summary by a header, the holiday calendar
   page, the month grid's repaint); the figure is the longest gap of the event loop from the click
   until the window has settled (target <= 50 ms), beside the same window's longest gap idle.
   Beside a miss: where the main thread was during that gap (``StallSampler``: its Python stack,
   sampled every 2 ms while the loop is late) and how long the handler itself ran.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
from collections import Counter
from functools import partial
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.core import Result, forget_log_files

SCENARIO = "operations"
PUNCHES = 400_000
ROOT = Path(__file__).resolve().parents[2]


def write_clock_file(path: Path, first_day: date, people: int) -> int:
    """``工号,时间`` rows for ``people`` people, 4 a working day from ``first_day`` on, PUNCHES in all."""
    import random

    rows, day = 0, first_day
    with path.open("w", encoding="utf-8") as out:
        out.write("工号,时间\n")
        while rows < PUNCHES:
            if day.weekday() < 5:
                for i in range(1, people + 1):
                    rnd = random.Random(i * 7919 + day.toordinal())
                    for base in (495, 720, 795, 1050):
                        minute = base + rnd.randint(0, 14)
                        out.write(f"P{i:04d},{day.isoformat()} {minute // 60:02d}:{minute % 60:02d}:{rnd.randint(0, 59):02d}\n")
                        rows += 1
                        if rows == PUNCHES:
                            return rows
            day += timedelta(days=1)
    return rows


class LoopGaps:
    """Records the time of every event-loop turn (a 0 ms timer fires once per turn), and the UI
    thread's CPU time then: a gap with little CPU in it was the thread waiting (for a core on a loaded
    machine, or for the GIL another thread held), not working."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.stamps: list[float] = []
        self.cpu: list[float] = []
        self.timer = QTimer(interval=0)
        self.timer.timeout.connect(self._turn)

    def _turn(self) -> None:
        self.stamps.append(time.perf_counter())
        self.cpu.append(time.thread_time())

    def start(self):
        self.stamps.clear()
        self.cpu.clear()
        self.timer.start()

    def longest(self) -> tuple[int, float, float]:
        """(index of the turn before the longest gap, its wall ms, the UI thread's CPU ms in it)."""
        if len(self.stamps) < 2:
            return 0, float("inf"), float("inf")
        i = max(range(len(self.stamps) - 1), key=lambda k: self.stamps[k + 1] - self.stamps[k])
        return i, (self.stamps[i + 1] - self.stamps[i]) * 1000, (self.cpu[i + 1] - self.cpu[i]) * 1000

    def stop(self) -> float:
        self.timer.stop()
        gaps = [b - a for a, b in zip(self.stamps, self.stamps[1:])]
        return max(gaps) * 1000 if gaps else float("inf")


class StallSampler:
    """Where the UI thread is while the event loop is late: a thread looks at the main thread's
    Python stack every 2 ms once the last turn of ``gaps`` is over 20 ms ago, and counts each gap's
    stacks. Inside Qt's own C++ work (layout, painting) the innermost Python frame is the call
    that entered Qt (``processEvents``, ``repaint``); a Python handler or data() shows itself."""

    def __init__(self, gaps: "LoopGaps", late_s: float = 0.02, every_s: float = 0.002):
        self.gaps, self.late_s, self.every_s = gaps, late_s, every_s
        self.main = threading.main_thread().ident
        self.samples: list[tuple[float, str]] = []  # (the gap's first turn, the stack)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.samples.clear()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="stallSampler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            stamps = self.gaps.stamps
            if not stamps or time.perf_counter() - stamps[-1] < self.late_s:
                continue
            frame = sys._current_frames().get(self.main)
            if frame is not None:
                self.samples.append((stamps[-1], _stack(frame)))

    def longest_gap(self, executor: "ExecutorLog | None" = None, collections: "GcClock | None" = None) -> str:
        """The stacks seen in the longest gap, most frequent first (and what the executor ran then)."""
        stamps = self.gaps.stamps
        if len(stamps) < 2:
            return "no turns recorded"
        i, wall, cpu = self.gaps.longest()
        start, end = stamps[i], stamps[i + 1]
        seen = Counter(stack for at, stack in self.samples if at == start)
        total = sum(seen.values())
        where = f"the UI thread ran {cpu:.0f} ms of CPU in its {wall:.0f} ms; "
        if seen:  # innermost frame processEvents: Qt's C++ (layout, painting); a handler or data() shows itself
            where += "; ".join(f"{100 * n // total}% at {stack}" for stack, n in seen.most_common(2))
        else:
            where += "no sample (the UI thread held the GIL in Qt's C++ code, or another thread held it)"
        if executor is not None:
            where += f"; the executor ran: {executor.during(start, end)}"
        if collections is not None:
            where += f"; garbage collection: {collections.during(start, end)}"
        return where


class ExecutorLog:
    """When each operation ran on the executor thread: Python work there takes the GIL from the UI
    thread (in 5 ms slices), so a gap that overlaps one names it."""

    def __init__(self):
        from ui import operations

        self.spans: list[tuple[float, float, str]] = []
        self._operations, self._run = operations, operations.Operation.run
        log = self.spans

        def run(op) -> None:
            start = time.perf_counter()
            try:
                self._run(op)
            finally:
                fn = getattr(op.fn, "func", op.fn)
                log.append((start, time.perf_counter(), getattr(fn, "__qualname__", repr(fn))))

        operations.Operation.run = run

    def close(self) -> None:
        self._operations.Operation.run = self._run

    def during(self, start: float, end: float) -> str:
        names = [name for a, b, name in self.spans if a < end and b > start]
        return ", ".join(dict.fromkeys(names)) or "nothing"


class GcClock:
    """Python's garbage collections over 5 ms: when, how long, on which thread. A full collection
    walks every tracked object with the GIL held, so on any thread it stops the UI thread too."""

    def __init__(self):
        import gc

        self.spans: list[tuple[float, float, int, str]] = []
        self._started = 0.0
        self._gc = gc
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._started = now
        elif now - self._started > 0.005:
            self.spans.append((self._started, now, info["generation"], threading.current_thread().name))

    def close(self) -> None:
        self._gc.callbacks.remove(self._callback)

    def during(self, start: float, end: float) -> str:
        hits = [f"a generation-{g} collection of {1000 * (b - a):.0f} ms on the {name} thread"
                for a, b, g, name in self.spans if a < end and b > start]
        return ", ".join(hits) or "no collection over 5 ms"


def _stack(frame, depth: int = 3) -> str:
    """The innermost frames of our own code (bench, ui, app), innermost first."""
    parts = []
    while frame is not None and len(parts) < depth:
        path = frame.f_code.co_filename
        if "/ui/" in path or "/app/" in path or "/bench/" in path:
            parts.append(f"{Path(path).stem}.{frame.f_code.co_name}:{frame.f_lineno}")
        frame = frame.f_back
    return " < ".join(parts) or "outside our code"


def _office_window(path):
    from PySide6.QtWidgets import QApplication

    from app.db import open_database
    from app.services.context import Actor
    from ui.app import make_application
    from ui import operations
    from ui.main_window import MainWindow
    from ui.operations import ChangeDispatcher
    from ui.shell import ShellContext

    open_database(str(path))  # the SQLite file, or the PostgreSQL URL
    app = make_application()
    ctx = ShellContext(actor=Actor.system("bench"), bus=ChangeDispatcher(), show_status=lambda m: None)
    window = MainWindow(ctx, "en")
    window.resize(1366, 768)
    window.show()
    operations.keep_startup_heap_out_of_collections()  # as ui/app.py does once its window is up
    view = window.select_tab("attendanceTab")
    QApplication.processEvents()
    return app, window, view


def _wait(app, condition, limit_s: float = 1800) -> None:
    deadline = time.monotonic() + limit_s
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)


def event_loop_gap(db: str, clock_file: Path) -> Result:
    from app.services.punches import import_punches
    from ui import operations

    app, window, view = _office_window(db)
    _wait(app, lambda: not view.is_loading() and not operations._running)
    actor, outcome = view.ctx.actor, {}
    gaps = LoopGaps()
    sampler, executor, collections = StallSampler(gaps), ExecutorLog(), GcClock()
    gaps.start()
    sampler.start()
    started = time.perf_counter()
    view.ctx.write(view, partial(import_punches, actor, str(clock_file)),  # as the import dialog runs it
                   lambda result: outcome.update(result=result), failed=lambda m: outcome.update(error=m),
                   progress="Importing punches…", separate_process=True)
    _wait(app, lambda: outcome and not operations._running)  # the import, then the reload its change starts
    seconds = time.perf_counter() - started
    sampler.stop()
    figure = gaps.stop()
    why = sampler.longest_gap(executor, collections)
    executor.close()
    collections.close()
    if "error" in outcome:
        window.close()
        raise RuntimeError(outcome["error"])
    added = outcome["result"]["added"]
    idle_from = time.perf_counter()
    gaps.start()  # the same window idle for as long: the loop's own floor
    _wait(app, lambda: time.perf_counter() - idle_from > seconds)
    baseline = gaps.stop()
    window.close()
    return Result(f"event-loop gap, {PUNCHES:,}-punch import", figure, baseline, "ms", "longest gap <= 50 ms",
                  f"{added:,} punches added; import + reload {seconds:.1f} s; baseline: same window idle as long",
                  why=f"in the longest gap: {why}")


def _settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    _wait(app, lambda: time.perf_counter() > end)


def _gap_of(app, gaps: LoopGaps, sampler: StallSampler, action, until=lambda: True, settle_s: float = 0.5,
            executor: ExecutorLog | None = None, collections: GcClock | None = None):
    """(longest gap in ms, the handler's own ms, where the longest gap went) for one user action:
    posted to the running loop as a click is, measured until ``until()`` holds and the window settled."""
    from PySide6.QtCore import QTimer

    handler: list[float] = []

    def act() -> None:
        start = time.perf_counter()
        action()
        handler.append((time.perf_counter() - start) * 1000)

    gaps.start()
    sampler.start()
    _settle(app, 0.1)  # the loop is turning before the click
    QTimer.singleShot(0, act)
    _wait(app, lambda: bool(handler) and until(), 120)
    _settle(app, settle_s)
    sampler.stop()
    figure = gaps.stop()
    return figure, handler[0], sampler.longest_gap(executor, collections)


def _click_header(view, column: int) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(x, header.height() // 2))


def user_action_gaps(db: str, folder: Path) -> list[Result]:
    """The longest event-loop gap of each user action of the attendance tab, beside the idle window's."""
    from ui import operations

    app, window, view = _office_window(db)
    _wait(app, lambda: not view.is_loading() and not operations._running)
    gaps = LoopGaps()
    sampler, executor, collections = StallSampler(gaps), ExecutorLog(), GcClock()

    def measure(action, until=lambda: True, settle_s: float = 0.5):
        return _gap_of(app, gaps, sampler, action, until, settle_s, executor, collections)

    for _twice in range(2):  # QTest's first click builds ~40 of PySide6's enum classes (~25 ms): the bench's tool
        _click_header(view.summary, 0)
    _settle(app, 0.5)
    gaps.start()
    _settle(app, 2.0)
    baseline = gaps.stop()
    results = []

    def result(name: str, measured: list[tuple[float, float, str]], note: str) -> None:
        figure, handler, why = max(measured)
        results.append(Result(f"gap: {name}", figure, baseline, "ms", "longest gap <= 50 ms",
                              f"{note}; baseline: the same window idle, longest gap",
                              why=f"handler {handler:.0f} ms; in the longest gap: {why}"))

    # the month grid: scrolling a page of the 500 people repaints every visible cell
    bar = view.grid.verticalScrollBar()
    result("month grid scrolls a page", [measure(lambda: bar.setValue(bar.value() + bar.pageStep()))
                                         for _i in range(3)], "Attendance ▸ Month, 500 people")
    # the punch import dialog: opens, reads the file in its own process, shows the preview
    clock = folder / "preview.csv"
    clock.write_text("工号,时间\n" + "".join(f"P{i:04d},2023-03-0{d} 08:2{d}:00\n" for i in range(1, 501) for d in (1, 2, 3)),
                     encoding="utf-8")
    opened = {}
    result("punch import dialog opens", [measure(lambda: opened.update(d=view.start_import(str(clock))),
                                                 lambda: opened["d"].preview is not None)],
           "1,500 punches of 500 people: the dialog, its progress, its preview")
    dialog = opened["d"]
    result("punch import runs", [measure(dialog.run_import,
                                         lambda: dialog.result is not None and not view.is_loading()
                                         and not operations._running)],
           "the 1,500 punches in their own process, then the month reloads")
    # the monthly summary: a click on a header sorts the 500 rows
    view.pages.setCurrentIndex(1)
    _settle(app, 0.3)
    columns = [view.summary_model.column_index(k) for k in ("employee_no", "name", "late_minutes", "penalty_rmb", "flags")]
    result("summary sorts by a header click", [measure(lambda c=c: _click_header(view.summary, c))
                                               for c in columns + columns],
           "Attendance ▸ Summary, 500 rows; five columns, each ascending then descending")
    # the holiday calendar: the page opens (its year loads) and repaints
    page = view.holidays
    measured = [measure(lambda: view.pages.setCurrentWidget(page), lambda: not page._gate.busy)]
    measured += [measure(page.grid.viewport().repaint) for _i in range(3)]
    result("holiday calendar opens and repaints", measured, "Attendance ▸ Holidays, 12 × 31 days")
    executor.close()
    collections.close()
    window.close()
    return results


OFFICE = """
import sys, time
from functools import partial
from pathlib import Path
from bench.scenarios.operations import _office_window, _wait
from app.services.punches import import_punches
app, window, view = _office_window(sys.argv[1])
_wait(app, lambda: not view.is_loading())
done = {}
view.ctx.write(view, partial(import_punches, view.ctx.actor, sys.argv[2]), lambda r: done.update(r=r),
               failed=lambda m: done.update(e=m), progress="import", separate_process=True)
print("importing", flush=True)
_wait(app, lambda: done)  # not the reloads after it: the kiosk's own punches keep starting new ones
print("done", done.get("e", ""), flush=True)
"""


def _kiosk_punches(app, kiosk, first: int, count: int, keep_going=lambda: True) -> list[float]:
    times = []
    for i in range(first, first + count):
        if not keep_going():
            break
        code = f"BADGE{(i % 500) + 1:05d}"
        kiosk.input.setText(code)
        kiosk._key_times = [float(k) for k in range(len(code) + 1)]  # a reader's burst (typed, it would ask a PIN)
        start = time.perf_counter()
        kiosk.submit()
        times.append((time.perf_counter() - start) * 1000)
        assert kiosk._pending_no is None, f"the kiosk asked {code} for a PIN: it was not read as a badge"
        app.processEvents()
        time.sleep(0.12)  # people arrive one by one (each badge again only after the 60 s duplicate window)
    return times


def _kiosk_punches_stored() -> int:
    from sqlalchemy import func, select

    from app.db import reading
    from app.models.attendance import Punch

    with reading() as s:
        return s.execute(select(func.count()).where(Punch.source == "kiosk")).scalar()


def kiosk_during_import(folder: Path, db: str, clock_file: Path) -> Result:
    from app.db import open_database
    from ui.app import make_application
    from ui.kiosk.window import KioskWindow

    open_database(str(db))
    app = make_application()
    kiosk = KioskWindow()
    kiosk.show()
    app.processEvents()
    before = _kiosk_punches_stored()
    quiet = _kiosk_punches(app, kiosk, 0, 100)
    stored = _kiosk_punches_stored() - before
    assert stored == 100, f"the kiosk stored {stored} of its 100 punches"  # each one a punch, not a PIN prompt
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", SHOPTEAM_HOME=str(folder / "office"))
    office = subprocess.Popen([sys.executable, "-c", OFFICE, str(db), str(clock_file)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, text=True)
    assert office.stdout.readline().strip() == "importing"
    busy = _kiosk_punches(app, kiosk, 200, 10_000, lambda: office.poll() is None)
    report = office.stdout.read().strip()
    office.wait()
    kiosk._may_close = True
    kiosk.close()
    figure, baseline = statistics.median(busy), statistics.median(quiet)
    p95 = sorted(busy)[int(len(busy) * 0.95)]
    return Result("kiosk punch while office imports+watches", figure, baseline, "ms", "median <= 5 ms",
                  f"{len(busy)} punches during the import; p95 {p95:.1f} ms, max {max(busy):.0f} ms; "
                  f"baseline: same kiosk, nothing else running; office: {report}")


def _copy(folder: Path, engine: str) -> str:
    """A copy of the 500-person data set: the SQLite file, or a new PostgreSQL database loaded from it."""
    from bench import engines
    from bench.attendance_data import working_copy

    folder.mkdir()
    return engines.location(engine, working_copy(folder))


def run(engine: str = "sqlite") -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.db import set_current
    from bench.attendance_data import PEOPLE

    previous_home = os.environ.get("SHOPTEAM_HOME")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["SHOPTEAM_HOME"] = str(folder)
        try:
            clock_file = folder / "clock.csv"
            write_clock_file(clock_file, date.today() - timedelta(days=365 * 3), PEOPLE)  # before the stored year
            from bench import engines

            actions_db = _copy(folder / "actions", engine)
            results = user_action_gaps(actions_db, folder)
            set_current(None)
            gap_db = _copy(folder / "gap", engine)
            results.append(event_loop_gap(gap_db, clock_file))
            set_current(None)
            kiosk_db = _copy(folder / "kiosk", engine)
            results.append(kiosk_during_import(folder, kiosk_db, clock_file))
            set_current(None)
            if engine != "sqlite":
                engines.drop(actions_db)
                engines.drop(gap_db)
                engines.drop(kiosk_db)
        finally:  # even when a step failed: nothing may log into the folder once it is gone
            forget_log_files(tmp)
            if previous_home is None:
                os.environ.pop("SHOPTEAM_HOME", None)
            else:
                os.environ["SHOPTEAM_HOME"] = previous_home
    return results
