"""backup [--out FILE | --list], restore FILE."""

from __future__ import annotations

from app.cli import print_json
from app.cli._common import cli_actor
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("backup", help=_("back up the database file (online, while others keep working)"))
    p.add_argument("--out", metavar="FILE", help=_("write the backup to this file (default: the backup folder beside the database)"))
    p.add_argument("--list", action="store_true", help=_("list the automatic backups instead"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=_backup)
    p = commands.add_parser("restore", help=_("replace the database with a backup (the current one is kept aside)"))
    p.add_argument("file")
    p.set_defaults(handler=_restore, needs_db=False)


def _backup(args) -> int:
    from app.services import backup

    if args.list:
        rows = backup.list_backups()
        if args.format == "json":
            print_json([b.as_dict() for b in rows])
        elif not rows:
            print(_("No automatic backups yet in {folder}.", folder=str(backup.backup_folder())))
        for b in rows if args.format == "text" else []:
            print(f"{b.taken_at:%Y-%m-%d %H:%M}  {b.size / 1024:10.0f} KB  {b.path}")
        return 0
    info = backup.make_backup(cli_actor(), args.out)
    if args.format == "json":
        print_json(info.as_dict())
    else:
        print(_("Backup written: {path} ({kb} KB).", path=str(info.path), kb=round(info.size / 1024)))
    return 0


def _restore(args) -> int:
    from app.services import backup

    result = backup.restore_backup(cli_actor(), args.file, args.db)
    print(_("Restored {file} ({n} employees).", file=str(result.restored_from), n=result.employees))
    if result.kept_aside:
        print(_("The database as it was is kept in {path}.", path=str(result.kept_aside)))
    return 0
