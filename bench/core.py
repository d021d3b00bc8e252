"""Measuring helpers shared by the scenarios, and the tables that print what they measured.

A figure that misses its target is printed with the reason its scenario measured (``Result.why``:
where the time went, e.g. the commit's fsync beside the bare one), never a guessed one."""

from __future__ import annotations

import os
import re
import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator


@dataclass
class Result:
    scenario: str
    figure: float  # what we measured
    baseline: float  # the floor measured in the same run
    unit: str = "ms"
    target: str = ""  # e.g. "<= 300 ms", "ratio <= 4" or "median <= 3 ms, p95 <= 6 ms"
    note: str = ""
    extra: dict = field(default_factory=dict)  # other figures a target names, e.g. {"p95": 5.2}
    why: str = ""  # where the time went, measured in the same run: printed beside a miss

    @property
    def ratio(self) -> float:
        return self.figure / self.baseline if self.baseline else float("inf")

    def misses(self) -> list[str]:
        """The clauses of ``target`` this result does not meet (empty: within target, or no target)."""
        return [clause for clause, ok in _clauses(self) if not ok]


_CLAUSE = re.compile(r"^(?:(?P<name>[a-z0-9_ ]+?)\s+)?<=\s*(?P<limit>[\d.]+)\s*(?P<unit>ms|s|MB)?$")
_SCALE = {("s", "ms"): 1000.0, ("ms", "s"): 0.001}


def _clauses(r: Result) -> list[tuple[str, bool]]:
    out = []
    for clause in (c.strip() for c in r.target.split(",")):
        m = _CLAUSE.match(clause)
        if not m:
            continue
        name, limit = m["name"], float(m["limit"])
        if name == "ratio":
            value = r.ratio
        else:
            value = r.extra.get(name, r.figure)  # "p95 <= 6 ms" names an extra; "median"/"longest gap" the figure
            if m["unit"] and m["unit"] != r.unit:
                limit *= _SCALE.get((m["unit"], r.unit), 1.0)
        out.append((clause, value <= limit))
    return out


def machine_load() -> str:
    """The machine's load while the figure was taken: the figures of a shared machine are indicative."""
    one, _five, _fifteen = os.getloadavg()
    return f"load average {one:.1f} on {os.cpu_count()} cores"


_TRANSACTION_CONTROL = frozenset({"BEGIN", "BEGIN IMMEDIATE"})


class StatementClock:
    """Time spent in the database driver by an engine's statements and commits (a reason, not a figure)."""

    def __init__(self, engine) -> None:
        from sqlalchemy import event

        self.engine, self.statements, self.execute_ms, self.commit_ms = engine, 0, 0.0, 0.0
        self._started: list[float] = []
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)
        dialect = engine.dialect
        self._do_commit = dialect.do_commit

        def timed_commit(dbapi_connection) -> None:
            start = time.perf_counter()
            try:
                self._do_commit(dbapi_connection)
            finally:
                self.commit_ms += (time.perf_counter() - start) * 1000

        dialect.do_commit = timed_commit

    def _before(self, *_args) -> None:
        self._started.append(time.perf_counter())

    def _after(self, _conn, _cursor, statement, *_rest) -> None:
        if statement not in _TRANSACTION_CONTROL:  # SQLite's BEGIN is no statement of the work (its wait is timed)
            self.statements += 1
        self.execute_ms += (time.perf_counter() - self._started.pop()) * 1000

    def reset(self) -> None:
        self.statements, self.execute_ms, self.commit_ms = 0, 0.0, 0.0

    def close(self) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)
        self.engine.dialect.do_commit = self._do_commit


@contextmanager
def statement_clock(engine) -> Iterator[StatementClock]:
    clock = StatementClock(engine)
    try:
        yield clock
    finally:
        clock.close()


def forget_log_files(folder: str) -> None:
    """Drop the log handlers a scenario's window opened under its temporary data folder ``folder``,
    before the folder goes: the next scenario's log lines would otherwise fail to find the file."""
    import logging
    from pathlib import Path

    root = logging.getLogger()
    for handler in list(root.handlers):
        name = getattr(handler, "baseFilename", None)
        if name and Path(name).is_relative_to(folder):
            root.removeHandler(handler)
            handler.close()


def median_ms(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _miss_line(r: Result, engine: str = "") -> str:
    where = f" on {engine}" if engine else ""
    return (f"  MISSES {'; '.join(r.misses())}{where}: "
            f"{r.why or 'no breakdown measured by this scenario'}")


def print_table(results: list[Result]) -> None:
    print(f"{'scenario':38} {'figure':>12} {'baseline':>12} {'ratio':>8}  target / note")
    for r in results:
        print(f"{r.scenario:38} {r.figure:10.2f}{r.unit:>2} {r.baseline:10.2f}{r.unit:>2} {r.ratio:8.2f}  {r.target} {r.note}".rstrip())
        if r.misses():
            print(_miss_line(r))


def print_engines(by_engine: dict[str, list[Result]]) -> None:
    """One row per figure: each engine's figure beside its same-run baseline and the ratio; then every
    figure that misses its target, with the reason its scenario measured."""
    engines = list(by_engine)
    head = f"{'scenario':52}" + "".join(f" | {e + ' figure':>18} {'baseline':>10} {'ratio':>6}" for e in engines)
    print(head + " | target")
    first = by_engine[engines[0]]
    others = {e: {r.scenario: r for r in by_engine[e]} for e in engines[1:]}
    missed, seen = [], set()
    for r in first:
        cells = [(engines[0], r)] + [(e, others[e].get(r.scenario)) for e in engines[1:]]
        line = f"{r.scenario[:52]:52}"
        targets = []
        for engine, c in cells:
            if c is None:
                line += f" | {'not run':>18} {'':>10} {'':>6}"
                continue
            mark = "*" if c.misses() else " "
            line += f" | {c.figure:15.2f}{c.unit:>2}{mark} {c.baseline:8.2f}{c.unit:>2} {c.ratio:6.2f}"
            if c.target and c.target not in targets:
                targets.append(c.target)
            if c.misses() and id(c) not in seen:  # a database-free figure stands for every engine: once
                missed.append((engine, c))
                seen.add(id(c))
        print(line + " | " + " / ".join(targets))
    if missed:
        print("\n* misses its target; why, as measured in the same run:")
        for engine, c in missed:
            print(f"- {c.scenario} on {engine}:")
            print(_miss_line(c, engine))
    else:
        print("\nevery figure is within its target")


def machine() -> str:
    """What the figures were measured on: the CPU model and count (for the README's table)."""
    import platform

    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            model = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), "")
    except OSError:
        pass
    return f"{os.cpu_count()} cores{', ' + model if model else ''}, {platform.system()} {platform.release()}"


def print_markdown(by_engine: dict[str, list[Result]], command: str) -> None:
    """The README's table: one row per figure, each engine's figure, baseline and ratio, the target,
    and what misses; headed by the command, the date and the machine, so a rerun replaces it whole."""
    engines = list(by_engine)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"`{command}`, {stamp}, {machine()}, {machine_load()} at the end of the run.\n")
    print("| scenario | " + " | ".join(f"{e} | baseline | ratio" for e in engines) + " | target |")
    print("|---|" + "---|---|---|" * len(engines) + "---|")
    others = {e: {r.scenario: r for r in by_engine[e]} for e in engines}
    for r in by_engine[engines[0]]:
        cells, targets = [], []
        for e in engines:
            c = others[e].get(r.scenario)
            if c is None:
                cells.append("not run |  | ")
                continue
            if c.target and c.target not in targets:
                targets.append(c.target)
            mark = " (misses)" if c.misses() else ""
            cells.append(f"{_num(c.figure)} {c.unit}{mark} | {_num(c.baseline)} {c.unit} | {c.ratio:.2f}")
        print(f"| {r.scenario.strip()} | " + " | ".join(cells) + f" | {' / '.join(targets) or '—'} |")


def _num(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.2f}"
