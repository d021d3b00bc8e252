"""The command line logs in (issue 14 item 6): --user with the password on stdin, a token from
``shopteam login`` (expiring, user-only file), --by only for oneself, the SQLite owner default and its setting."""

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _runner(tmp_path, dbfile):
    home = tmp_path / "home"
    env = dict(os.environ, SHOPTEAM_HOME=str(home), SHOPTEAM_LANG="en", PYTHONPATH=str(ROOT))
    for name in ("SHOPTEAM_DB", "SHOPTEAM_CONFIG"):
        env.pop(name, None)

    def run(*args, stdin=""):
        done = subprocess.run([sys.executable, "-m", "app", "--db", str(dbfile), *args], input=stdin,
                              capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
        assert "Traceback" not in done.stderr, done.stderr
        return done

    run.dbfile = str(dbfile)
    run.tokens = home / "config" / "cli_login.json"
    return run


@pytest.fixture(scope="module")
def _demo_with_admin(tmp_path_factory):
    """The demo department and an administrator login "boss", made once (each test gets a copy)."""
    folder = tmp_path_factory.mktemp("cli_login")
    run = _runner(folder, folder / "template.db")
    assert run("init", "--demo").returncode == 0
    assert run("user", "add", "boss", "--role", "admin", "--password-stdin", stdin="bosspass1\n").returncode == 0
    with sqlite3.connect(folder / "template.db") as conn:  # everything into the file itself, for the copies
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return folder / "template.db"


@pytest.fixture
def cli(tmp_path, _demo_with_admin):
    shutil.copy(_demo_with_admin, tmp_path / "cli.db")
    return _runner(tmp_path, tmp_path / "cli.db")


def _pending_leave(cli, employee_no="E004") -> int:
    done = cli("leave", "request", employee_no, "--type", "personal", "--start", "2026-12-02 08:30",
               "--end", "2026-12-02 17:30", "--reason", "family")
    assert done.returncode == 0, done.stderr
    return int(done.stdout.strip())


def _leave_status(cli, request_id: int) -> tuple[str, str]:
    with sqlite3.connect(cli.dbfile) as conn:
        return conn.execute("SELECT status, coalesce(decided_by, '') FROM leave_request WHERE id = ?",
                            (request_id,)).fetchone()


def test_the_owner_of_the_file_works_without_a_login_and_by_names_anyone(cli):
    request_id = _pending_leave(cli)
    done = cli("leave", "approve", str(request_id), "--by", "E003")  # E004 reports to E003 (wanghr)
    assert done.returncode == 0, done.stderr
    assert _leave_status(cli, request_id) == ("approved", "wanghr")


def test_setting_off_every_command_needs_a_login(cli):
    assert cli("policy", "set", "security.cli_owner_without_login", "false").returncode == 0
    refused = cli("employees", "list")
    assert refused.returncode == 4 and "needs a login" in refused.stderr and "--user" in refused.stderr
    assert cli("punch", "E004", "--at", "2026-11-20 08:20").returncode == 4
    done = cli("--user", "boss", "punch", "E004", "--at", "2026-11-20 08:20", stdin="bosspass1\n")
    assert done.returncode == 0 and "Punch recorded" in done.stdout, done.stderr
    with sqlite3.connect(cli.dbfile) as conn:  # the punch names the login, not an anonymous "cli"
        assert conn.execute("SELECT recorded_by FROM punch ORDER BY id DESC LIMIT 1").fetchone() == ("boss",)


def test_user_with_the_password_on_stdin_acts_with_that_users_permissions(cli):
    assert cli("policy", "set", "security.cli_owner_without_login", "false").returncode == 0
    staff = cli("employees", "import", "nothing.csv", "--user", "zhangyt", stdin="demo1234\n")
    assert staff.returncode == 4 and "zhangyt" in staff.stderr and "may not" in staff.stderr
    manager = cli("user", "add", "x1", "--role", "admin", "--password-stdin", "--user", "linxw",
                  stdin="demo1234\nsecret123\n")
    assert manager.returncode == 4 and "users.manage" in manager.stderr
    admin = cli("user", "add", "x2", "--role", "hr", "--password-stdin", "--user", "boss", stdin="bosspass1\nsecret123\n")
    assert admin.returncode == 0, admin.stderr
    assert cli("--user", "x2", "employees", "list", stdin="secret123\n").returncode == 0  # the second line was x2's


def test_a_wrong_password_gets_the_windows_message_and_lock(cli):
    assert cli("policy", "set", "security.login_max_attempts", "3").returncode == 0
    unknown = cli("--user", "nobody", "employees", "list", stdin="whatever\n")
    wrong = cli("--user", "linxw", "employees", "list", stdin="nope\n")
    assert unknown.returncode == wrong.returncode == 4
    assert unknown.stderr == wrong.stderr == "Error: Wrong user name or password.\n"
    cli("--user", "linxw", "employees", "list", stdin="nope\n")
    cli("--user", "linxw", "employees", "list", stdin="nope\n")  # the third: locked for 5 minutes, as the window
    locked = cli("--user", "linxw", "employees", "list", stdin="demo1234\n")
    assert locked.returncode == 4 and "try again in 5 minutes" in locked.stderr
    assert cli("login", "linxw", stdin="demo1234\n").returncode == 4  # login goes through the same lock
    assert not cli.tokens.exists()


def test_login_saves_a_user_only_token_and_by_may_only_name_oneself(cli):
    request_id = _pending_leave(cli)
    done = cli("login", "wanghr", stdin="demo1234\n")
    assert done.returncode == 0 and "Logged in as wanghr" in done.stdout, done.stderr
    assert stat.S_IMODE(cli.tokens.stat().st_mode) == 0o600
    saved = json.loads(cli.tokens.read_text())
    assert [v["user"] for v in saved.values()] == ["wanghr"]
    with sqlite3.connect(cli.dbfile) as conn:  # the database keeps only the token's hash
        token = next(iter(saved.values()))["token"]
        assert conn.execute("SELECT count(*) FROM cli_session WHERE token_hash = ?", (token,)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM cli_session").fetchone() == (1,)

    other = cli("leave", "approve", str(request_id), "--by", "E002")
    assert other.returncode == 4 and "--by E002 is not your own employee record" in other.stderr
    assert _leave_status(cli, request_id) == ("pending", "")
    own = cli("leave", "approve", str(request_id), "--by", "E003")
    assert own.returncode == 0, own.stderr
    assert _leave_status(cli, request_id) == ("approved", "wanghr")
    # the token acts as wanghr (a manager), not as the file's owner: no security settings
    assert cli("policy", "set", "security.cli_owner_without_login", "false").returncode == 4

    assert cli("logout").returncode == 0
    assert not cli.tokens.exists()
    with sqlite3.connect(cli.dbfile) as conn:
        assert conn.execute("SELECT count(*) FROM cli_session").fetchone() == (0,)
    # back to the owner default
    assert cli("policy", "set", "security.cli_owner_without_login", "false").returncode == 0


def test_an_expired_or_revoked_token_is_refused(cli):
    assert cli("login", "fengyq", stdin="demo1234\n").returncode == 0
    with sqlite3.connect(cli.dbfile) as conn:
        conn.execute("UPDATE cli_session SET expires_at = '2026-01-01 09:00:00.000000'")
    done = cli("employees", "list")
    assert done.returncode == 4 and "expired at 2026-01-01 09:00" in done.stderr and "shopteam login" in done.stderr
    assert cli("login", "fengyq", stdin="demo1234\n").returncode == 0  # a new login replaces it
    assert cli("employees", "list").returncode == 0
    with sqlite3.connect(cli.dbfile) as conn:  # the stale session was swept by the new login
        assert conn.execute("SELECT count(*) FROM cli_session").fetchone() == (1,)
        conn.execute("DELETE FROM cli_session")  # e.g. another PC logged this token out
    revoked = cli("employees", "list")
    assert revoked.returncode == 4 and "not valid" in revoked.stderr


def test_a_disabled_account_loses_its_token(cli):
    assert cli("login", "zhangyt", stdin="demo1234\n").returncode == 0
    with sqlite3.connect(cli.dbfile) as conn:
        conn.execute("UPDATE app_user SET active = 0 WHERE username = 'zhangyt'")
    done = cli("attendance", "month", "2026-11")
    assert done.returncode == 4 and "disabled" in done.stderr
