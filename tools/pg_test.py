"""A throwaway PostgreSQL on 127.0.0.1 for the test suite (the recipe of setup-notes.md).

  python tools/pg_test.py run -- COMMAND ...   # start, run COMMAND with SHOPTEAM_TEST_PG_URL set, stop
  python tools/pg_test.py start                # start and print the URL and the data folder
  python tools/pg_test.py stop DATA_FOLDER

``run`` fails (exit 3, one clear line saying why) when no server can be started (PostgreSQL not
installed, no 'postgres' user, not allowed to run it): the PostgreSQL run is part of ``make test``,
and a build that could not run it has not passed. ``make setup-test`` installs PostgreSQL.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile

HOST = "127.0.0.1"
PREFERRED_PORT = 54329


class CannotStart(Exception):
    pass


def pg_bin() -> str:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in p.split("/")[4].split(".")])
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(initdb)
    raise CannotStart("PostgreSQL is not installed (no initdb; apt-get install postgresql)")


def free_port() -> int:
    for port in (PREFERRED_PORT, 0):
        with socket.socket() as s:
            try:
                s.bind((HOST, port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise CannotStart("no free TCP port on 127.0.0.1")


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            raise CannotStart("running as root without runuser; PostgreSQL refuses to run as root")
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


def _run(argv: list[str]) -> None:
    done = subprocess.run(_as_owner(argv), capture_output=True, text=True)
    if done.returncode != 0:
        raise CannotStart(f"{os.path.basename(argv[0])} failed: {(done.stderr or done.stdout).strip().splitlines()[-1:]}")


def start() -> tuple[str, str]:
    """Start a server in a fresh data folder; returns (SQLAlchemy URL, data folder)."""
    binary = pg_bin()
    data = tempfile.mkdtemp(prefix="shopteam-pg-")
    if os.geteuid() == 0:
        try:
            shutil.chown(data, "postgres", "postgres")
        except (LookupError, OSError) as exc:
            raise CannotStart(f"no 'postgres' system user ({exc})") from None
    os.chmod(data, 0o700)
    port = free_port()
    try:
        _run([f"{binary}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"])
        _run([f"{binary}/pg_ctl", "-D", data, "-l", f"{data}/server.log", "-w", "-t", "30",
              "-o", f"-c listen_addresses={HOST} -p {port} -k {data} -c fsync=off -c max_connections=200", "start"])
    except CannotStart:
        shutil.rmtree(data, ignore_errors=True)
        raise
    return f"postgresql+psycopg://postgres@{HOST}:{port}/postgres", data


def stop(data: str) -> None:
    try:
        _run([f"{pg_bin()}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"])
    finally:
        shutil.rmtree(data, ignore_errors=True)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "start":
        url, data = start()
        print(url)
        print(data)
        return 0
    if argv[0] == "stop" and len(argv) == 2:
        stop(argv[1])
        return 0
    if argv[0] == "run":
        command = argv[argv.index("--") + 1:] if "--" in argv else argv[1:]
        try:
            url, data = start()
        except CannotStart as exc:
            print(f"*** PostgreSQL could not be started, so the PostgreSQL tests did not run: {exc}", flush=True)
            return 3
        print(f"*** PostgreSQL test server on {url}", flush=True)
        try:
            return subprocess.run(command, env={**os.environ, "SHOPTEAM_TEST_PG_URL": url}).returncode
        finally:
            stop(data)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
