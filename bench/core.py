"""Measuring helpers shared by the scenarios."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Callable


@dataclass
class Result:
    scenario: str
    figure: float  # what we measured
    baseline: float  # the floor measured in the same run
    unit: str = "ms"
    target: str = ""  # e.g. "<= 300 ms" or "ratio <= 4"
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.figure / self.baseline if self.baseline else float("inf")


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


def print_table(results: list[Result]) -> None:
    print(f"{'scenario':38} {'figure':>12} {'baseline':>12} {'ratio':>8}  target / note")
    for r in results:
        print(f"{r.scenario:38} {r.figure:10.2f}{r.unit:>2} {r.baseline:10.2f}{r.unit:>2} {r.ratio:8.2f}  {r.target} {r.note}".rstrip())


def print_engines(by_engine: dict[str, list[Result]]) -> None:
    """One row per figure: each engine's figure beside its same-run baseline and the ratio."""
    engines = list(by_engine)
    head = f"{'scenario':52}" + "".join(f" | {e + ' figure':>18} {'baseline':>10} {'ratio':>6}" for e in engines)
    print(head + " | target")
    first = by_engine[engines[0]]
    others = {e: {r.scenario: r for r in by_engine[e]} for e in engines[1:]}
    for r in first:
        cells = [r] + [others[e].get(r.scenario) for e in engines[1:]]
        line = f"{r.scenario[:52]:52}"
        targets = []
        for c in cells:
            if c is None:
                line += f" | {'not run':>18} {'':>10} {'':>6}"
            else:
                line += f" | {c.figure:16.2f}{c.unit:>2} {c.baseline:8.2f}{c.unit:>2} {c.ratio:6.2f}"
                if c.target and c.target not in targets:
                    targets.append(c.target)
        print(line + " | " + " / ".join(targets))
