"""Write a new Alembic revision by comparing the models with a database migrated to head.

Usage: python tools/new_revision.py REV_ID "message" [--down REV]
(run from the project root; the revision lands in app/migrations/versions/REV_ID_<slug>.py)
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from alembic import command  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from app import schema  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rev_id")
    parser.add_argument("message")
    parser.add_argument("--down", default=None, help="parent revision (default: the single head)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/rev.db")
        cfg = schema.alembic_config(engine)
        if schema.revision_graph():
            schema.upgrade(engine)
        kwargs = {"head": args.down} if args.down else {}
        command.revision(cfg, message=args.message, autogenerate=True, rev_id=args.rev_id, **kwargs)


if __name__ == "__main__":
    main()
