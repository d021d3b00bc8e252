"""The command line: real subprocesses, clear messages, non-zero exits, never a traceback."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(tmp_path):
    env = dict(os.environ, SHOPTEAM_HOME=str(tmp_path / "home"), SHOPTEAM_LANG="en", PYTHONPATH=str(ROOT))
    env.pop("SHOPTEAM_DB", None)
    dbfile = str(tmp_path / "cli.db")

    def run(*args, stdin="", db=True):
        argv = [sys.executable, "-m", "app"] + (["--db", dbfile] if db else []) + list(args)
        done = subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
        assert "Traceback" not in done.stderr, done.stderr
        return done

    run.dbfile = dbfile
    return run


def test_version(cli):
    done = cli("--version", db=False)
    assert done.returncode == 0 and "ShopTeam 0.1.0" in done.stdout


def test_init_demo_then_list_json(cli):
    done = cli("init", "--demo")
    assert done.returncode == 0 and "15" in done.stdout
    people = json.loads(cli("employees", "list", "--format", "json").stdout)
    assert len(people) == 15 and people[0]["name"] == "陈志远" and people[3]["manager_no"] == "E003"
    again = cli("init", "--demo")  # idempotent: the demo only goes into an empty database
    assert again.returncode == 0 and len(json.loads(cli("employees", "list", "--format", "json").stdout)) == 15


def test_policy_set_refuses_bad_values_with_the_allowed_range(cli):
    cli("init")
    done = cli("policy", "set", "security.login_max_attempts", "0")
    assert done.returncode != 0 and "allowed: 1..20" in done.stderr
    assert cli("policy", "set", "security.login_max_attempts", "7").returncode == 0
    listed = {r["key"]: r for r in json.loads(cli("policy", "list", "--format", "json").stdout)}
    assert listed["security.login_max_attempts"]["value"] == 7
    unknown = cli("policy", "set", "no.such.key", "1")
    assert unknown.returncode != 0 and "policy list" in unknown.stderr


def test_user_add_reads_password_from_stdin(cli):
    cli("init", "--demo")
    done = cli("user", "add", "clerk", "--role", "hr", "--employee", "E015", "--password-stdin", stdin="longsecret\n")
    assert done.returncode == 0, done.stderr
    short = cli("user", "add", "clerk2", "--role", "hr", "--password-stdin", stdin="abc\n")
    assert short.returncode != 0 and "at least 6" in short.stderr
    nobody = cli("user", "add", "clerk3", "--role", "hr", "--employee", "E999", "--password-stdin", stdin="longsecret\n")
    assert nobody.returncode != 0 and "E999" in nobody.stderr


def test_employee_import_errors_list_rows_and_change_nothing(cli, tmp_path):
    cli("init")
    bad = tmp_path / "bad.csv"
    bad.write_text("工号,姓名,上级工号\nA1,甲,\nA2,,A1\nA3,丙,M009\n", encoding="gbk")
    done = cli("employees", "import", str(bad))
    assert done.returncode != 0
    assert "Row 3" in done.stderr and "Row 4" in done.stderr and "M009" in done.stderr
    assert json.loads(cli("employees", "list", "--format", "json").stdout) == []
    good = tmp_path / "good.csv"
    good.write_text("工号,姓名,上级工号\nA1,甲,\nA2,乙,A1\n", encoding="utf-8-sig")
    assert cli("employees", "import", str(good)).returncode == 0
    out = tmp_path / "out.xlsx"
    assert cli("employees", "export", str(out)).returncode == 0 and out.exists()
    missing = cli("employees", "import", str(tmp_path / "nope.csv"))
    assert missing.returncode != 0 and "does not exist" in missing.stderr


def test_export_to_a_missing_folder_is_a_clear_error(cli, tmp_path):
    cli("init", "--demo")
    done = cli("employees", "export", str(tmp_path / "no" / "such" / "out.csv"))
    assert done.returncode != 0 and "does not exist" in done.stderr


def test_check_reports_ok(cli):
    cli("init", "--demo")
    done = cli("check")
    assert done.returncode == 0 and "OK" in done.stdout


def test_newer_database_is_refused(cli, tmp_path):
    import sqlite3

    cli("init")
    with sqlite3.connect(cli.dbfile) as conn:
        conn.execute("DELETE FROM alembic_version")
        conn.execute("INSERT INTO alembic_version VALUES ('9999')")
    done = cli("employees", "list")
    assert done.returncode != 0 and "newer version of ShopTeam" in done.stderr


def test_messages_in_chinese(cli):
    done = cli("--lang", "zh_CN", "policy", "set", "security.login_max_attempts", "abc")
    assert done.returncode != 0 and "不是" in done.stderr and "允许" in done.stderr


def test_usage_errors_exit_2(cli):
    done = cli("employees", "frobnicate")
    assert done.returncode == 2 and "usage" in done.stderr.lower()
