"""The command line on a shared PostgreSQL database always needs a login (issue 14 item 6).
Run it with tools/pg_test.py; the SQLite side is tests/cli/test_cli_login.py."""

import io
import json
import os
import sys

import pytest

from app.cli import main
from app.services import policy
from app.db import reading
from app.models.attendance import LeaveRequest
from app.services.leave import request_leave

pytestmark = pytest.mark.skipif(not os.environ.get("SHOPTEAM_TEST_PG_URL"), reason="needs tools/pg_test.py")


def _stdin(monkeypatch, text):
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_postgresql_needs_a_login_even_with_the_owner_setting_on(demo_db, admin, capsys, monkeypatch):
    assert policy.get("security.cli_owner_without_login") is True
    url = demo_db.url
    assert main(["--db", url, "employees", "list"]) == 4
    assert "The shared database needs a login" in capsys.readouterr().err
    _stdin(monkeypatch, "wrong\n")
    assert main(["--db", url, "--user", "fengyq", "employees", "list"]) == 4
    assert capsys.readouterr().err == "Error: Wrong user name or password.\n"
    _stdin(monkeypatch, "demo1234\n")
    assert main(["--db", url, "employees", "list", "--format", "json", "--user", "fengyq"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 15


def test_a_token_on_postgresql_acts_as_its_login_and_by_names_only_oneself(demo_db, admin, cli_login, capsys):
    from datetime import datetime

    request_id = request_leave(admin, "E004", "personal", datetime(2026, 12, 2, 8, 30), datetime(2026, 12, 2, 17, 30),
                               "family")
    cli_login("wanghr", "demo1234")
    url = demo_db.url
    assert main(["--db", url, "leave", "approve", str(request_id), "--by", "E002"]) == 4
    assert "--by E002 is not your own employee record" in capsys.readouterr().err
    assert main(["--db", url, "leave", "approve", str(request_id), "--by", "E003"]) == 0
    with reading() as s:
        decided = s.get(LeaveRequest, request_id)
        assert (decided.status, decided.decided_by) == ("approved", "wanghr")
    assert main(["--db", url, "logout"]) == 0
    assert main(["--db", url, "employees", "list"]) == 4
    assert "needs a login" in capsys.readouterr().err
