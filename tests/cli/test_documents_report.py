"""`report handbook|appraisal|attendance` on the command line."""

from __future__ import annotations

from app.cli import main


def test_report_handbook_writes_the_pdf(demo_db, tmp_path, capsys):
    out = tmp_path / "handbook.pdf"
    assert main(["--db", str(demo_db.path), "report", "handbook", "--out", str(out), "--version", "V1",
                 "--effective", "2026-12-01"]) == 0
    assert "V1" in capsys.readouterr().out
    from pypdf import PdfReader

    assert len(PdfReader(str(out)).pages) >= 10


def test_unwritable_output_folder_is_a_clear_error(demo_db, tmp_path, capsys):
    code = main(["--db", str(demo_db.path), "report", "handbook", "--out", str(tmp_path / "nope" / "h.pdf")])
    assert code == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err


def test_bad_month_is_refused(db, tmp_path, capsys):
    code = main(["--db", str(db.path), "report", "attendance", "2026-13", "--out", str(tmp_path / "a.pdf")])
    assert code == 2 and "is not a month" in capsys.readouterr().err
