"""tasks list / add / import / stats / plans / recurring."""

from __future__ import annotations

from app.cli import print_json
from app.cli._common import cli_actor, date_arg, month_arg
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("tasks", help=_("the task board, plans and task statistics"))
    sub = p.add_subparsers(dest="tasks_command", metavar="ACTION", required=True)
    q = sub.add_parser("list", help=_("list tasks"))
    q.add_argument("--assignee", metavar="NO", default="", help=_("only this employee's tasks"))
    q.add_argument("--include-archived", action="store_true", help=_("also list archived (put away) finished tasks"))
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_list)
    q = sub.add_parser("add", help=_("add a task"))
    q.add_argument("title")
    q.add_argument("--assignee", metavar="NO", required=True)
    q.add_argument("--due", metavar="YYYY-MM-DD")
    q.add_argument("--template", metavar="NAME", default="", help=_("workflow template whose steps become the checklist"))
    q.add_argument("--priority", type=int, choices=[0, 1, 2, 3], default=1, help=_("0 low, 1 normal, 2 high, 3 urgent"))
    q.add_argument("--tags", default="")
    q.set_defaults(handler=_add)
    q = sub.add_parser("import", help=_("import tasks from CSV or XLSX (all or nothing)"))
    q.add_argument("file")
    q.set_defaults(handler=_import)
    q = sub.add_parser("stats", help=_("task statistics per person for a month"))
    q.add_argument("month", metavar="YYYY-MM")
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_stats)
    q = sub.add_parser("plans", help=_("who has submitted the weekly or monthly plan"))
    q.add_argument("--kind", choices=["weekly", "monthly"], default="weekly")
    q.add_argument("--date", metavar="YYYY-MM-DD", help=_("a day in the period (default: today)"))
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_plans)
    q = sub.add_parser("recurring", help=_("create the cards of recurring tasks that are due"))
    q.set_defaults(handler=_recurring)


def _list(args) -> int:
    from app.services.tasks import list_tasks

    cards = list_tasks(cli_actor(), assignee_no=args.assignee, include_archived=args.include_archived)
    if args.format == "json":
        print_json([c.as_dict() for c in cards])
    else:
        for c in cards:
            due = c.due_date.isoformat() if c.due_date else "-"
            flag = (" !" if c.overdue else "") + (" [archived]" if c.archived else "")
            print(f"{c.id:6} {c.status:7} {c.assignee_no:6} {due:10} {c.steps_done}/{c.steps_total:<3} {c.title}{flag}")
    return 0


def _add(args) -> int:
    from app.services.tasks import TaskInput, create_task

    card = create_task(cli_actor(), TaskInput(title=args.title, assignee_no=args.assignee,
                                              due_date=date_arg(args.due) if args.due else None,
                                              priority=args.priority, tags=args.tags, template=args.template))
    print(_("Task {id} added: {title}", id=card.id, title=card.title))
    return 0


def _import(args) -> int:
    from app.services.tasks import import_tasks

    n = import_tasks(cli_actor(), args.file)
    print(_("Imported {n} tasks.", n=n))
    return 0


def _stats(args) -> int:
    from app.services.tasks import task_stats

    year, month = month_arg(args.month)
    rows = task_stats(cli_actor(), year, month)
    if args.format == "json":
        print_json(rows)
    else:
        for r in rows:
            rate = "-" if r["on_time_rate"] is None else f"{r['on_time_rate']:.0%}"
            cycle = "-" if r["avg_cycle_days"] is None else f"{r['avg_cycle_days']:.1f}"
            print(f"{r['employee_no']:6} {r['name']:8} {r['done']:4} {rate:>6} {cycle:>6} {r['sent_back']:3}")
    return 0


def _plans(args) -> int:
    from app.services.plans import plan_submissions

    rows = plan_submissions(cli_actor(), args.kind, date_arg(args.date) if args.date else None)
    if args.format == "json":
        print_json([r.as_dict() for r in rows])
    else:
        for r in rows:
            state = _("late") if r.late else _("submitted") if r.submitted else _("missing")
            print(f"{r.employee_no:6} {r.name:8} {r.due_date.isoformat()} {state}")
    return 0


def _recurring(args) -> int:
    from app.services.plans import create_due_recurring

    ids = create_due_recurring(cli_actor())
    print(_("{n} recurring task(s) created.", n=len(ids)))
    return 0
