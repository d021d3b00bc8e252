"""`python -m bench NAME [NAME ...] | all` — timed scenarios that print a figure, a baseline measured
in the same run, and the ratio. Each module in bench/scenarios/ defines SCENARIO (its name) and
run() -> list[Result]."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

from bench.core import Result, print_table  # noqa: E402


def scenarios() -> dict[str, object]:
    import bench.scenarios as pkg

    found = {}
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"bench.scenarios.{info.name}")
        found[getattr(module, "SCENARIO", info.name)] = module
    return found


def main(argv: list[str]) -> int:
    available = scenarios()
    names = argv or ["all"]
    if names == ["all"]:
        names = list(available)
    unknown = [n for n in names if n not in available]
    if unknown:
        print(f"unknown scenario(s): {', '.join(unknown)}; choose from: all, {', '.join(available)}", file=sys.stderr)
        return 2
    results: list[Result] = []
    for name in names:
        print(f"== {name}", flush=True)
        got = available[name].run()
        print_table(got)
        results.extend(got)
    if len(names) > 1:
        print("\n== summary")
        print_table(results)
    return 0


def _exit(code: int) -> None:
    """Leave without Python tearing down Qt objects several scenarios created in this one process
    (their destruction order at interpreter exit can crash PySide6); the figures are printed by now."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    _exit(main(sys.argv[1:]))
