"""Running one long operation (a big import) in a process of its own.

A 400,000-punch import is minutes of Python work: parsing, matching, de-duplicating, the bulk
insert and the audit coverage at commit. On a thread of the window's process it shares the GIL
with the UI thread, and its long C calls (sorting the rows, JSON of the coverage digests) hold it
for seconds. Here the operation runs in a spawned child process that opens the same database and
runs the same service function in its one transaction (all or nothing, as before); the parent only
waits on a pipe, which releases the GIL, and relays progress. Cancel is a message on the pipe: the
child's progress callback raises, so its transaction rolls back.

Qt-free: ui/operations.py calls ``run`` from its executor thread.
"""

from __future__ import annotations

import multiprocessing
import traceback
from typing import Any, Callable

from app.errors import ShopTeamError

Relay = Callable[[int, int], None]


class Cancelled(Exception):
    """The parent asked the child to stop; its transaction rolled back."""


class ForwardedError(ShopTeamError):
    """A user's mistake reported by the child, already translated there."""

    def __init__(self, text: str, exit_code: int):
        super().__init__(text)
        self.text = text
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.text


class ChildFailed(RuntimeError):
    """A bug in the child (or the child died): its traceback text is the message."""


def _child(conn, location: str, language: str, fn: Callable[[Relay], Any]) -> None:
    from app.db import open_database
    from app.i18n import set_language
    from app.services import changes

    def progress(done: int, total: int) -> None:
        while conn.poll():
            if conn.recv() == "cancel":
                raise Cancelled()
        conn.send(("progress", done, total))

    try:
        set_language(language)
        open_database(location, migrate=False)
        with changes.collecting() as collected:
            result = fn(progress)
        outcome = ("done", result, collected.change_set())
    except Cancelled:
        outcome = ("cancelled",)
    except ShopTeamError as exc:
        outcome = ("user_error", str(exc), exc.exit_code)
    except BaseException:  # noqa: BLE001 - everything goes back to the parent, which reports it
        outcome = ("bug", traceback.format_exc())
    conn.send(outcome)
    conn.close()


def run(fn: Callable[[Relay], Any], progress: Relay, cancelled: Callable[[], bool], poll_s: float = 0.05):
    """Run ``fn(progress)`` in a child process on the current database; returns (result, change set).

    ``fn`` and its result must pickle (a module-level function, or functools.partial of one).
    Raises ``Cancelled`` once the child rolled back after ``cancelled()`` turned true,
    ``ForwardedError`` for a user's mistake and ``ChildFailed`` for anything else."""
    from app.db import current
    from app.i18n import language

    ctx = multiprocessing.get_context("spawn")
    mine, theirs = ctx.Pipe()
    child = ctx.Process(target=_child, args=(theirs, current().url, language(), fn), daemon=True,
                        name="shopteam-operation")
    child.start()
    theirs.close()
    asked = False
    try:
        while True:
            if cancelled() and not asked:
                mine.send("cancel")
                asked = True
            if not mine.poll(poll_s):  # waits without the GIL
                if not child.is_alive() and not mine.poll():
                    raise ChildFailed(f"the operation's process ended without an answer (exit code {child.exitcode})")
                continue
            try:
                message = mine.recv()
            except EOFError:
                raise ChildFailed(f"the operation's process ended without an answer (exit code {child.exitcode})") from None
            kind = message[0]
            if kind == "progress":
                progress(message[1], message[2])
            elif kind == "done":
                return message[1], message[2]
            elif kind == "cancelled":
                raise Cancelled()
            elif kind == "user_error":
                raise ForwardedError(message[1], message[2])
            else:
                raise ChildFailed(message[1])
    finally:
        mine.close()
        child.join(timeout=10)
        if child.is_alive():  # never leave a writer behind
            child.kill()
            child.join()
