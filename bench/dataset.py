"""The benchmark data sets: built once into bench/.data/, the same every time (fixed seed).

A Size says what a set holds. SHOP: 500 employees (the demo department plus 485 generated through
the roster import). CHAIN (``python -m bench chain``): the demo department as head office plus 10
store departments of 500 people each. Then one hook per area: one year of punches, the tasks, twelve
appraisal periods, each written by ``bench.seeds.<area>.bench_seed(session, rng, ctx)`` (``ctx`` is a
BenchContext). Scenarios call ``ensure(size)`` and copy the file (or load it into PostgreSQL with
COPY, bench/engines.py) before they write to it.
"""

from __future__ import annotations

import random
import shutil
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parent / ".data"
VERSION = 2  # 2: punches, tasks and appraisal periods (bench/seeds)
SEED = 20261103
EMPLOYEES = 500
START, END = date(2025, 11, 1), date(2026, 10, 31)  # one year of punches
TASKS, PERIODS = 10_000, 12
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红鹏飞雪琳晨宇浩然欣怡子涵梓轩"
TEAMS = [("客服组", "客服专员"), ("推广组", "推广专员"), ("美工组", "美工"), ("运营组", "运营专员"), ("仓储组", "仓管")]


@dataclass(frozen=True)
class Size:
    """What a data set holds: ``employees`` people (``stores`` store departments of equal size, or the
    demo shop's five teams when 0), punches from ``start`` to ``end``, ``tasks`` cards and ``periods``
    appraisal months. ``name`` is the cached file's name."""
    name: str
    employees: int
    stores: int = 0
    start: date = START
    end: date = END
    tasks: int = TASKS
    periods: int = PERIODS


SHOP = Size("bench", EMPLOYEES)
CHAIN = Size("chain", 5_000, stores=10, tasks=50_000)


def store_name(k: int) -> str:
    """The department of store ``k`` (1-based)."""
    return f"门店{k:02d}"


@dataclass
class BenchContext:
    start: date = START
    end: date = END
    tasks: int = TASKS
    periods: int = PERIODS
    employee_nos: list[str] = field(default_factory=list)


AREAS = ("attendance", "tasks", "appraisal")  # punches, tasks, periods, in this order


def path(size: Size = SHOP) -> Path:
    return DATA / f"{size.name}-v{VERSION}.db"


def ensure(verbose: bool = True, size: Size = SHOP) -> Path:
    """The data set's file, generated on first use (the shop: about a minute) and reused afterwards."""
    target = path(size)
    if target.exists():
        return target
    DATA.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    for suffix in ("", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    report = generate(partial, size)
    from app.db import set_current

    set_current(None)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.replace(target)
    if verbose:
        for line in report:
            print(f"dataset: {line}")
    return target


def generate(file: Path, size: Size = SHOP) -> list[str]:
    from app.services.system import init_database

    init_database(str(file), demo=True)
    rng = random.Random(SEED)
    ctx = BenchContext(start=size.start, end=size.end, tasks=size.tasks, periods=size.periods)
    report = [_timed(people, file.parent, rng, ctx, size)]
    for area in AREAS:
        report.append(_timed(area_part, area, rng, ctx))
    return report


def _timed(part, *args) -> str:
    start = time.perf_counter()
    line = part(*args)
    return f"{line} ({time.perf_counter() - start:.1f} s)"


def _shop_places(count: int):
    """(工号, 部门, 岗位, 上级工号) of the shop's generated people: five team leads under E002, then staff."""
    leads = []
    for i in range(count):
        team, role = TEAMS[i % len(TEAMS)]
        no = f"B{i + 1:04d}"
        if i < len(TEAMS):
            leads.append(no)
            manager = "E002"
        else:
            manager = leads[i % len(TEAMS)]
        yield no, team, role, manager


def _store_places(size: Size):
    """The same for a chain: per store a manager under E002, five team leads under them, then staff.
    Positions carry the store's name: an appraisal period's scope names positions, not departments."""
    per = size.employees // size.stores
    for k in range(1, size.stores + 1):
        store, leads = store_name(k), []
        for j in range(per):
            no = f"S{k:02d}{j:04d}"
            if j == 0:
                boss = no
                yield no, store, f"{store}店长", "E002"
                continue
            team, role = TEAMS[(j - 1) % len(TEAMS)]
            if j <= len(TEAMS):
                leads.append(no)
                yield no, store, f"{store}{role}", boss
            else:
                yield no, store, f"{store}{role}", leads[(j - 1) % len(TEAMS)]


def people(folder: Path, rng: random.Random, ctx: BenchContext, size: Size = SHOP) -> str:
    """Fill up to ``size.employees`` (a shop) or add the stores' people (a chain) through the roster
    import, as a shop would."""
    from app.services.context import Actor
    from app.services.employee_files import import_employees
    from app.services.employees import list_employees

    actor = Actor.system("bench")
    existing = [r.employee_no for r in list_employees(actor)]
    lines = ["工号,姓名,部门,岗位,上级工号,入职日期,状态,工卡号,电话"]
    places = _store_places(size) if size.stores else _shop_places(size.employees - len(existing))
    for i, (no, team, role, manager) in enumerate(places):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        hired = date(2020, 1, 1).toordinal() + rng.randrange(2000)
        status = "试用" if rng.random() < 0.05 else "在职"
        lines.append(f"{no},{name},{team},{role},{manager},{date.fromordinal(hired)},{status},C{20000 + i},139{rng.randrange(10**8):08d}")
    roster = folder / "bench-roster.csv"
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_employees(actor, roster)
    roster.unlink()
    ctx.employee_nos = existing + [line.split(",")[0] for line in lines[1:]]
    stores = f" in {size.stores} stores" if size.stores else ""
    return f"people: {len(ctx.employee_nos)} employees ({result['created']} imported{stores})"


def area_part(area: str, rng: random.Random, ctx: BenchContext) -> str:
    from app.db import transaction
    from bench.seeds import appraisal, attendance, tasks

    seed = {"attendance": attendance, "tasks": tasks, "appraisal": appraisal}[area].bench_seed
    with transaction() as s:
        summary = seed(s, rng, ctx)
        _as_existing_rows(s)
    return f"{area}: {summary}"


def _as_existing_rows(s) -> None:
    """The bulk-loaded rows count as a shop's rows from before the audit trail covered them (the
    watermark the coverage migration sets for existing rows): the commit would otherwise digest every
    one into a single audit row (a chain's five million punches: most of an hour and a 400 MB row)."""
    from sqlalchemy import text

    from app.services.coverage import COVERED

    for table in COVERED:
        s.execute(text(f"UPDATE audit_coverage SET legacy_max_id = (SELECT coalesce(max(id), 0) FROM {table}) "
                       "WHERE table_name = :t"), {"t": table})


def working_copy(folder: Path, size: Size = SHOP) -> Path:
    """A copy of the data set a scenario may change."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / "shopteam.db"
    shutil.copy(ensure(size=size), copy)
    return copy
