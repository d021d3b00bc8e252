"""`python -m app` / `shopteam`: the command line; with no command, the desktop app.

This entry point is the one place that knows the Qt faces exist (the model layer does not):
it hands the CLI the launchers of the desktop window and the kiosk.
"""

import sys


def _desktop(args) -> int:
    from ui.app import run_desktop

    return run_desktop(db_location=args.db, selftest=args.selftest, language=args.lang)


def _kiosk(args) -> int:
    from ui.kiosk.app import run_kiosk

    return run_kiosk(db_location=args.db, language=args.lang)


FACES = {"desktop": _desktop, "kiosk": _kiosk}


def main(argv=None) -> int:
    from app.cli import main as cli_main

    return cli_main(argv, faces=FACES)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the one-folder build starts big imports' processes from this exe (app/offload.py)
    sys.exit(main())
