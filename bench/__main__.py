"""`python -m bench [SCENARIO ...|all] [--engines sqlite|postgresql|both] [--db URL]` — timed scenarios
that print a figure, a baseline measured in the same run, and the ratio. Each module in
bench/scenarios/ defines SCENARIO (its name) and run() -> list[Result]; a run(engine=…) also runs on
PostgreSQL (the same data set, loaded with COPY: bench/engines.py)."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import os
import pkgutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

from bench.core import Result, print_engines, print_markdown, print_table  # noqa: E402


def scenarios() -> dict[str, object]:
    import bench.scenarios as pkg

    found = {}
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"bench.scenarios.{info.name}")
        found[getattr(module, "SCENARIO", info.name)] = module
    return found


def both_engines(module) -> bool:
    return "engine" in inspect.signature(module.run).parameters


def database_free(module) -> bool:
    """A scenario that never opens a database (``DATABASE = False``): one run stands for every engine."""
    return getattr(module, "DATABASE", True) is False


def postgresql_only(module) -> bool:
    """A scenario that runs on PostgreSQL only (``ENGINES = ("postgresql",)``, e.g. chain)."""
    return tuple(getattr(module, "ENGINES", ())) == ("postgresql",)


def in_all(module) -> bool:
    """Whether 'all' runs it (``IN_ALL = False``: too long for 'all', run it by name)."""
    return getattr(module, "IN_ALL", True)


def parser(names: list[str], both: list[str], free: list[str], pg_only: list[str] = (),
           by_name: list[str] = ()) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m bench", description="Timed scenarios, each figure beside a baseline measured in the same run.",
        epilog="scenarios: " + ", ".join(names) + "; on PostgreSQL too: " + ", ".join(both) +
               "; no database (one run stands for both engines): " + ", ".join(free) +
               "; SQLite only: " + (", ".join(n for n in names if n not in both and n not in free and n not in pg_only) or "none") +
               "; PostgreSQL only (a throwaway server unless --db): " + (", ".join(pg_only) or "none") +
               "; not in 'all', run by name: " + (", ".join(by_name) or "none") +
               ". chain: 5,000 people in 10 stores, a year of punches (~5 million), 50,000 tasks, 12 appraisal "
               "months; built once into bench/.data, loaded with COPY, under 10 minutes on 2 cores")
    p.add_argument("names", nargs="*", default=["all"], metavar="SCENARIO", help="'all' or scenario names: " + ", ".join(names))
    p.add_argument("--engines", choices=("sqlite", "postgresql", "both"), default=None,
                   help="which engines to run on; 'both' starts a throwaway PostgreSQL (tools/pg_test.py) "
                        "unless --db names one (default: sqlite, or postgresql with --db)")
    p.add_argument("--markdown", action="store_true",
                   help="also print the figures as the README's Markdown table (with the date and the machine)")
    p.add_argument("--db", metavar="URL", help="a PostgreSQL server, postgresql+psycopg://user@host:port/db; "
                                                "the data sets are loaded into new databases on it")
    return p


def main(argv: list[str]) -> int:
    available = scenarios()
    pg_only = [n for n, m in available.items() if postgresql_only(m)]
    args = parser(list(available), [n for n, m in available.items() if both_engines(m) and n not in pg_only],
                  [n for n, m in available.items() if database_free(m)], pg_only,
                  [n for n, m in available.items() if not in_all(m)]).parse_args(argv)
    names = [n for n, m in available.items() if in_all(m)] if args.names == ["all"] else args.names
    unknown = [n for n in names if n not in available]
    if unknown:
        print(f"unknown scenario(s): {', '.join(unknown)}; choose from: all, {', '.join(available)}", file=sys.stderr)
        return 2
    if args.db and not args.db.startswith("postgresql"):
        print("--db takes a PostgreSQL URL (postgresql+psycopg://user@host:port/database)", file=sys.stderr)
        return 2
    engine_names = {"both": ["sqlite", "postgresql"], "sqlite": ["sqlite"], "postgresql": ["postgresql"],
                    None: ["postgresql"] if args.db else ["sqlite"]}[args.engines]
    if args.engines is None and all(postgresql_only(available[n]) for n in names):
        engine_names = ["postgresql"]  # `python -m bench chain`: a throwaway server unless --db
    elif args.engines == "sqlite" and any(postgresql_only(available[n]) for n in names):
        print(f"{', '.join(n for n in names if postgresql_only(available[n]))} runs on PostgreSQL only; "
              "leave out --engines sqlite", file=sys.stderr)
        return 2
    from bench import engines

    with contextlib.ExitStack() as stack:
        if "postgresql" in engine_names:
            engines.set_server(args.db or stack.enter_context(engines.throwaway()))
        by_engine: dict[str, list[Result]] = {e: [] for e in engine_names}
        for name in names:
            module = available[name]
            if database_free(module):
                print(f"== {name} (no database: the same figure on every engine)", flush=True)
                got = module.run()
                print_table(got)
                for engine in engine_names:
                    by_engine[engine].extend(got)
                continue
            for engine in engine_names:
                if postgresql_only(module) and engine != "postgresql":
                    print(f"== {name} on {engine}: not run (PostgreSQL only)", flush=True)
                    continue
                if engine != "sqlite" and not both_engines(module):
                    print(f"== {name} on {engine}: not run (this scenario builds its own SQLite file)", flush=True)
                    continue
                print(f"== {name} on {engine}", flush=True)
                got = module.run(engine=engine) if both_engines(module) else module.run()
                print_table(got)
                by_engine[engine].extend(got)
    if len(engine_names) > 1:
        print("\n== both engines")
        print_engines(by_engine)
    elif len(names) > 1:
        print("\n== summary")
        print_table(by_engine[engine_names[0]])
    if args.markdown:
        print("\n== for the README")
        print_markdown(by_engine, "python -m bench " + " ".join(argv))
    return 0


def _exit(code: int) -> None:
    """Leave without Python tearing down Qt objects several scenarios created in this one process
    (their destruction order at interpreter exit can crash PySide6); the figures are printed by now."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    _exit(main(sys.argv[1:]))
