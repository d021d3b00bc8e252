"""`python -m app` / `shopteam`: the command line; with no command, the desktop app."""

import sys


def main(argv=None) -> int:
    from app.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
