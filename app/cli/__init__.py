"""The command line. Each module in this package adds its commands with ``register(commands)``.

Handlers take the parsed args and return an exit code. A ShopTeamError becomes a message on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from app import __version__
from app.errors import ShopTeamError
from app.i18n import _, set_language


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own usage errors: exit 2 with the usage line
        self.print_usage(sys.stderr)
        self.exit(2, _("Error: {message}", message=message) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="shopteam", description=_("ShopTeam - e-commerce operations department manager"))
    parser.add_argument("--version", action="version", version=f"ShopTeam {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help=_("database file or SQLAlchemy URL (default: SHOPTEAM_DB or the user data folder)"))
    parser.add_argument("--lang", choices=["zh_CN", "en"], help=_("language of messages"))
    parser.add_argument("--user", metavar="NAME", help=_("act as this login; the password is asked for, or read from "
                                                         "the first line of standard input (see also: login)"))
    parser.add_argument("--selftest", action="store_true", help=_("open the main window on a temporary database and exit"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register:
            register(commands)
    return parser


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def _user_first(argv: list[str]) -> list[str]:
    """``--user NAME`` is the main parser's option, but people write it after the command too."""
    front, rest, i = [], [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == "--user" and i + 1 < len(argv):
            front += argv[i:i + 2]
            i += 2
            continue
        (front if arg.startswith("--user=") else rest).append(arg)
        i += 1
    return front + rest


def main(argv: list[str] | None = None, faces: dict | None = None) -> int:
    """Run a command. ``faces`` maps "desktop"/"kiosk" to launchers given by app/__main__.py."""
    argv = _user_first(list(sys.argv[1:] if argv is None else argv))
    if any("\x00" in a for a in argv):  # a shell cannot pass one; a script or a paste can
        return fail(_("Error: {message}", message=_("An argument contains a NUL character; type it again.")), 2)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    face = "desktop" if (args.selftest or not args.command) else getattr(args, "face", None)
    if face:
        if not faces or face not in faces:
            return fail(_("This program was built without the desktop window."), 1)
        return int(faces[face](args) or 0)
    try:
        from app.cli import _login

        _login.begin(args)  # who acts: worked out when the handler first asks (a login, or the file's owner)
        if getattr(args, "needs_db", True):
            from app.db import open_database

            open_database(args.db)
        return int(args.handler(args) or 0)
    except ShopTeamError as exc:
        return fail(_("Error: {message}", message=str(exc)), exc.exit_code)
    except SQLAlchemyError as exc:  # the disk, the file or the server, outside a service's transaction
        from app.db import storage_error

        if (mapped := storage_error(exc)) is None:
            raise
        return fail(_("Error: {message}", message=str(mapped)), mapped.exit_code)
    except KeyboardInterrupt:
        return fail(_("Interrupted; nothing more was changed."), 130)
    except BrokenPipeError:
        return 0
    except OSError as exc:
        return fail(_("Error: {message}", message=f"{exc.strerror or exc}: {getattr(exc, 'filename', '') or ''}".strip(": ")), 6)
