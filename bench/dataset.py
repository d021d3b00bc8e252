"""The benchmark data set: built once into bench/.data/, the same every time (fixed seed).

500 employees (the demo department plus 485 generated through the roster import), then one hook per
area: one year of punches, 10,000 tasks, twelve appraisal periods, each written by
``bench.seeds.<area>.bench_seed(session, rng, ctx)`` (``ctx`` is a BenchContext). Scenarios call
``ensure()`` and copy the file before they write to it.
"""

from __future__ import annotations

import random
import shutil
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


@dataclass
class BenchContext:
    start: date = START
    end: date = END
    tasks: int = TASKS
    periods: int = PERIODS
    employee_nos: list[str] = field(default_factory=list)


AREAS = ("attendance", "tasks", "appraisal")  # punches, tasks, periods, in this order


def path() -> Path:
    return DATA / f"bench-v{VERSION}.db"


def ensure(verbose: bool = True) -> Path:
    """The data set's file, generated on first use (about a minute) and reused afterwards."""
    target = path()
    if target.exists():
        return target
    DATA.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    for suffix in ("", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    report = generate(partial)
    from app.db import set_current

    set_current(None)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.replace(target)
    if verbose:
        for line in report:
            print(f"dataset: {line}")
    return target


def generate(file: Path) -> list[str]:
    from app.services.system import init_database

    init_database(str(file), demo=True)
    rng = random.Random(SEED)
    ctx = BenchContext()
    report = [people(file.parent, rng, ctx)]
    for area in AREAS:
        report.append(area_part(area, rng, ctx))
    return report


def people(folder: Path, rng: random.Random, ctx: BenchContext) -> str:
    """Fill up to EMPLOYEES through the roster import (as a shop would)."""
    from app.services.context import Actor
    from app.services.employee_files import import_employees
    from app.services.employees import list_employees

    actor = Actor.system("bench")
    existing = [r.employee_no for r in list_employees(actor)]
    lines = ["工号,姓名,部门,岗位,上级工号,入职日期,状态,工卡号,电话"]
    leads = []
    for i in range(EMPLOYEES - len(existing)):
        team, role = TEAMS[i % len(TEAMS)]
        no = f"B{i + 1:04d}"
        if i < len(TEAMS):
            leads.append(no)
            manager = "E002"
        else:
            manager = leads[i % len(TEAMS)]
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        hired = date(2020, 1, 1).toordinal() + rng.randrange(2000)
        status = "试用" if rng.random() < 0.05 else "在职"
        lines.append(f"{no},{name},{team},{role},{manager},{date.fromordinal(hired)},{status},C{20000 + i},139{rng.randrange(10**8):08d}")
    roster = folder / "bench-roster.csv"
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_employees(actor, roster)
    roster.unlink()
    ctx.employee_nos = existing + [line.split(",")[0] for line in lines[1:]]
    return f"people: {len(ctx.employee_nos)} employees ({result['created']} imported)"


def area_part(area: str, rng: random.Random, ctx: BenchContext) -> str:
    from app.db import transaction
    from bench.seeds import appraisal, attendance, tasks

    seed = {"attendance": attendance, "tasks": tasks, "appraisal": appraisal}[area].bench_seed
    with transaction() as s:
        summary = seed(s, rng, ctx)
    return f"{area}: {summary}"


def working_copy(folder: Path) -> Path:
    """A copy of the data set a scenario may change."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / "shopteam.db"
    shutil.copy(ensure(), copy)
    return copy
