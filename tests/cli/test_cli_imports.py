"""The command line imports only what a command needs: `attendance month … --format json` runs in a
fresh process without the desktop's heavy libraries (Qt, charts, PDF)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("PySide6", "matplotlib", "reportlab")

PROBE = r"""
import json, sys
from app.__main__ import main
code = main(sys.argv[1:])
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(%r))
print("\nPROBE " + json.dumps({"code": code, "heavy": loaded}))
"""


def test_attendance_month_json_does_not_import_qt_charts_or_pdf(demo_db, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SHOPTEAM_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE % (HEAVY,), "--db", str(demo_db.path), "attendance", "month",
                           "2026-10", "--format", "json"], capture_output=True, text=True, env=env, timeout=300)
    out, probe = done.stdout.rsplit("\nPROBE ", 1)
    result = json.loads(probe)
    assert result["code"] == 0, done.stderr
    rows = json.loads(out)["employees"]
    assert rows and {"employee_no", "days_due"} <= set(rows[0])  # the command did its work
    assert result["heavy"] == []


def test_the_probe_would_see_a_heavy_import(tmp_path):
    """The check is real: a process that does import Qt is caught by the same probe."""
    code = "import PySide6.QtCore, sys\nprint(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6'}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "['PySide6']"
