"""org export / chart / set-manager through the real command line entry."""

import json

from pypdf import PdfReader

from app.cli import main


def test_export_json_to_screen_and_file(demo_db, capsys, tmp_path):
    assert main(["--db", str(demo_db.path), "org", "export", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["people"]) == 15 and {"employee_no": "E010", "manager_no": "E003"} in data["reporting_lines"]
    out = tmp_path / "org.json"
    assert main(["--db", str(demo_db.path), "org", "export", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["departments"][0]["name"] == "总经办"


def test_chart_pdf_and_png(demo_db, capsys, tmp_path):
    pdf = tmp_path / "chart.pdf"
    assert main(["--db", str(demo_db.path), "org", "chart", "--out", str(pdf), "--paper", "A3"]) == 0
    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "林晓雯" in text and "运营经理" in text
    png = tmp_path / "chart.png"
    assert main(["--db", str(demo_db.path), "org", "chart", "--out", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_chart_refuses_other_formats(demo_db, capsys, tmp_path):
    assert main(["--db", str(demo_db.path), "org", "chart", "--out", str(tmp_path / "x.svg")]) == 2
    assert ".pdf" in capsys.readouterr().err
    assert not (tmp_path / "x.svg").exists()


def test_set_manager_and_a_refused_loop(demo_db, capsys):
    assert main(["--db", str(demo_db.path), "org", "set-manager", "E014", "E007"]) == 0
    assert "E007" in capsys.readouterr().out
    assert main(["--db", str(demo_db.path), "org", "set-manager", "E002", "E004"]) == 5
    assert "林晓雯" in capsys.readouterr().err
