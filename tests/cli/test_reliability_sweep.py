"""Bad input sweep (hypothesis): random bytes, wrong encodings, empty and huge files for the employee
import; random arguments for every CLI command; formula injection in exports; output paths kept
inside the chosen folder. Every case ends in a clear message and a database that is unchanged and sound."""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from app.cli import build_parser, main as cli_main
from app.db import current
from app.errors import ValidationError
from app.io.tables import output_path_in, safe_cell
from app.services import employees, system
from app.services.context import Actor

SWEEP = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
pytestmark = pytest.mark.usefixtures("sqlite_only")


def _state():
    return employees.count(Actor.system()), system.data_version()


def _run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = cli_main(["--db", str(current().path), *argv])
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    out = capsys.readouterr()
    assert "Traceback" not in out.err and "Traceback" not in out.out
    return code, out.out, out.err


def _sound():
    con = sqlite3.connect(current().path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()
    assert system.check(Actor.system()).ok


def _import_refused(capsys, path, before):
    code, _out, err = _run(capsys, "employees", "import", str(path))
    assert code != 0 and err.startswith("Error:") and len(err.strip()) > len("Error:")
    assert _state() == before


@SWEEP
@given(data=st.binary(min_size=1, max_size=4000))
def test_import_of_random_bytes_is_refused_cleanly(demo_db, tmp_path, capsys, data):
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    _import_refused(capsys, path, _state())


ENCODINGS = ["utf-32", "shift_jis", "big5", "cp1252", "euc_kr"]


@SWEEP
@given(encoding=st.sampled_from(ENCODINGS),
       names=st.lists(st.text(alphabet=st.characters(codec="shift_jis", exclude_categories=["Cc", "Cs"], exclude_characters="\xa5\u203e"), min_size=1, max_size=8), min_size=1, max_size=5))
def test_import_in_a_wrong_encoding_imports_nothing(demo_db, tmp_path, capsys, encoding, names):
    path = tmp_path / "roster.csv"
    body = "工号,姓名\n" + "".join(f"X{i},{n}\n" for i, n in enumerate(names))
    try:
        path.write_bytes(body.encode(encoding))
    except UnicodeEncodeError:
        path.write_bytes(body.encode(encoding, errors="replace"))
    before = _state()
    code, _out, err = _run(capsys, "employees", "import", str(path))
    if code == 0:  # only possible when the bytes happen to read as the same text in GBK/UTF-8
        assert employees.count(Actor.system()) == before[0] + len(set(f"X{i}" for i in range(len(names))))
    else:
        assert err.startswith("Error:") and _state() == before


@SWEEP
@given(rows=st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=6), max_size=12))
def test_import_of_random_cells_is_all_or_nothing(demo_db, tmp_path, capsys, rows):
    path = tmp_path / "cells.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["工号", "姓名", "部门", "岗位", "上级工号", "入职日期"])
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    before = _state()
    code, _out, err = _run(capsys, "employees", "import", str(path))
    if code != 0:
        assert err.startswith("Error:") and _state() == before
    _sound()


def test_empty_and_huge_files_are_refused(demo_db, tmp_path, capsys):
    before = _state()
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    _import_refused(capsys, empty, before)
    header_only = tmp_path / "blank.csv"
    header_only.write_text("\n\n  \n", encoding="utf-8")
    _import_refused(capsys, header_only, before)
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as fh:
        fh.write("工号,姓名\n".encode())
        fh.truncate(51 * 1024 * 1024)  # sparse: 51 MB without writing them
    _import_refused(capsys, huge, before)
    fake_xlsx = tmp_path / "fake.xlsx"
    fake_xlsx.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    _import_refused(capsys, fake_xlsx, before)
    _import_refused(capsys, tmp_path, before)  # a folder
    _import_refused(capsys, tmp_path / "missing.csv", before)


def _leaf_commands():
    """(argv prefix, subparser) for every runnable command the CLI offers."""
    found = []

    def walk(parser, prefix):
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found.append((prefix, parser))
            return
        for name, sub in subs[0].choices.items():
            walk(sub, [*prefix, name])

    walk(build_parser(), [])
    return [(p, sp) for p, sp in found if sp.get_default("face") is None]


LEAVES = _leaf_commands()
TOKENS = st.one_of(
    st.text(max_size=20), st.sampled_from(["--format", "json", "text", "--out", "--list", "--search", "--role", "staff",
                                           "--employee", "E004", "--demo", "x.csv", "x.xlsx", "../x.db", "/", "", "-",
                                           "security.login_max_attempts", "99999", "2026-13-01", "=1+1", "\x7f",
                                           "0", "9999-12", "0000-01", "99999999999999999999", "\u0663", "\x00"]),
    st.builds(lambda b: "garbage.bin", st.just(None)),
)


@pytest.mark.parametrize("argv", [
    ["appraisal", "year", "0"], ["appraisal", "year", "\u0663"], ["appraisal", "year", "2026-11"],
    ["attendance", "close", "9999-12"], ["attendance", "close-status", "9999-12"], ["tasks", "stats", "0000-01"],
    ["attendance", "month", "0000-01"], ["punches", "decide-correction", "99999999999999999999"],
    ["backup", "--out", "\x00"], ["report", "appraisal", "2026-11", "--out", "\x00"]],
    ids=lambda argv: " ".join(argv).encode("unicode_escape").decode())
def test_arguments_the_sweep_once_crashed_on_are_refused(argv, demo_db, tmp_path, capsys, monkeypatch):
    """Years outside what a date holds, a number too big for a key and a NUL: a message, exit 2, no change."""
    monkeypatch.chdir(tmp_path)
    before = _state()
    code, _out, err = _run(capsys, *argv)
    assert code == 2 and err.startswith("Error:") or code == 2 and "usage:" in err
    assert _state() == before


def test_the_sweep_covers_every_command():
    names = {" ".join(p) for p, _ in LEAVES}
    assert {"backup", "restore", "check", "init", "employees import", "employees export", "policy set", "user add"} <= names


@pytest.mark.parametrize("prefix", [p for p, _ in LEAVES], ids=[" ".join(p) for p, _ in LEAVES])
def test_every_command_survives_random_arguments(prefix, demo_db, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "garbage.bin").write_bytes(bytes(range(256)) * 8)

    @settings(SWEEP, max_examples=12)
    @given(args=st.lists(TOKENS, max_size=5), stdin=st.text(max_size=30))
    def sweep(args, stdin):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin + "\n"))
        code, out, err = _run(capsys, *prefix, *args)
        assert isinstance(code, int)
        if code != 0:
            assert err.strip(), f"{prefix + args}: failed without saying why"
        _sound()

    sweep()


@settings(SWEEP, max_examples=15)
@given(name=st.tuples(st.sampled_from("=+-@"), st.text(st.characters(blacklist_categories=("Cc", "Cs")),
                                                        min_size=0, max_size=20)).map("".join))
def test_exports_neutralise_formulas(demo_db, tmp_path, capsys, name):
    name = name.strip()[:50]
    if len(name) < 1 or name[0] not in "=+-@":
        name = "=" + name
    employees.update_employee(Actor.system(), "E004", employees.EmployeeInput(
        employee_no="E004", name=name, department="运营组", position="运营专员", manager_no="E003"))
    for suffix in ("csv", "xlsx"):
        path = tmp_path / f"roster.{suffix}"
        code, _out, _err = _run(capsys, "employees", "export", str(path))
        assert code == 0
        if suffix == "csv":
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
            cells = [r[1] for r in rows if r and r[0] == "E004"]
        else:
            sheet = load_workbook(path).worksheets[0]
            cells = [r[1].value for r in sheet.iter_rows() if r[0].value == "E004"]
            assert all(r[1].data_type == "s" for r in sheet.iter_rows() if r[0].value == "E004")
        assert cells == ["'" + name] or (suffix == "xlsx" and cells == [ILLEGAL_CHARACTERS_RE.sub("", "'" + name)])


@given(st.text(min_size=1, max_size=30))
def test_safe_cell_never_leaves_a_formula(text):
    cell = safe_cell(text)
    assert not cell.startswith(("=", "+", "-", "@")) and cell.lstrip("'") == text.lstrip("'") or cell == text


@pytest.mark.parametrize("name", ["../x.pdf", "..", ".", "/etc/passwd", "a/../../b.pdf", "sub/x.pdf", "C:\\x.pdf",
                                  "C:x.pdf", "x\x00.pdf", "", " ", " x.pdf", "..\\x.pdf"])
def test_output_paths_outside_the_chosen_folder_are_refused(tmp_path, name):
    with pytest.raises(ValidationError, match="outside the folder"):
        output_path_in(tmp_path, name)


def test_output_paths_refuse_a_symlink_pointing_out(tmp_path):
    inside = tmp_path / "out"
    inside.mkdir()
    (inside / "link.pdf").symlink_to(tmp_path / "elsewhere.pdf")
    with pytest.raises(ValidationError):
        output_path_in(inside, "link.pdf")


@given(st.text(alphabet=st.characters(blacklist_characters="/\\:\x00", blacklist_categories=["Cs"]), min_size=1, max_size=40))
def test_output_paths_accept_plain_names_inside(tmp_path_factory, name):
    folder = tmp_path_factory.mktemp("out")
    try:
        target = output_path_in(folder, name)
    except ValidationError:
        assert name.strip() in ("", ".", "..") or name != name.strip()
    else:
        assert target.parent == folder.resolve() and target.name == name
