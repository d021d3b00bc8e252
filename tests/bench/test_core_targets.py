"""The bench's table says which figure misses its target and prints the reason measured beside it."""

from bench.core import Result, print_engines, print_table


def test_a_median_and_a_p95_target_are_both_checked():
    fine = Result("punch", 2.5, 1.0, "ms", "median <= 3 ms, p95 <= 6 ms", extra={"p95": 5.0})
    slow_tail = Result("punch", 2.5, 1.0, "ms", "median <= 3 ms, p95 <= 6 ms", extra={"p95": 7.5})
    slow = Result("punch", 3.2, 1.0, "ms", "median <= 3 ms, p95 <= 6 ms", extra={"p95": 7.5})
    assert fine.misses() == []
    assert slow_tail.misses() == ["p95 <= 6 ms"]
    assert slow.misses() == ["median <= 3 ms", "p95 <= 6 ms"]


def test_ratio_and_units_are_read_from_the_target():
    assert Result("startup", 140, 100, target="ratio <= 1.3").misses() == ["ratio <= 1.3"]
    assert Result("startup", 120, 100, target="ratio <= 1.3").misses() == []
    # a target in seconds against a figure in seconds, and in ms against a figure in seconds
    assert Result("import", 12.0, 2.0, "s", "<= 10 s, ratio <= 10").misses() == ["<= 10 s"]
    assert Result("import", 0.9, 0.5, "s", "<= 1000 ms").misses() == []
    assert Result("memory", 143, 89, "MB", "<= 300 MB").misses() == []
    assert Result("no target", 1e9, 1.0).misses() == []
    assert Result("event-loop gap", 80, 20, target="longest gap <= 50 ms").misses() == ["longest gap <= 50 ms"]


def test_a_miss_is_printed_with_its_measured_reason(capsys):
    ok = Result("board: load", 250, 120, target="<= 300 ms")
    miss = Result("kiosk punch", 9.0, 1.5, target="median <= 3 ms", why="the commit took 6.1 ms")
    print_table([ok, miss])
    out = capsys.readouterr().out
    assert "MISSES median <= 3 ms: the commit took 6.1 ms" in out
    assert out.count("MISSES") == 1

    print_engines({"sqlite": [ok, miss], "postgresql": [Result("board: load", 350, 200, target="<= 300 ms"),
                                                        Result("kiosk punch", 8.0, 1.0, target="median <= 10 ms")]})
    out = capsys.readouterr().out
    assert "- kiosk punch on sqlite:" in out and "the commit took 6.1 ms" in out
    assert "- board: load on postgresql:" in out and "no breakdown measured" in out
    assert "- kiosk punch on postgresql" not in out and "- board: load on sqlite" not in out


def test_the_readme_table_has_a_row_per_figure_and_a_column_per_engine(capsys):
    from bench.core import print_markdown

    print_markdown({"sqlite": [Result("kiosk punch", 4.2, 1.5, target="median <= 3 ms")],
                    "postgresql": [Result("kiosk punch", 6.0, 0.5, target="median <= 10 ms")]},
                   "python -m bench punch --engines both")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("`python -m bench punch --engines both`, ") and "cores" in lines[0]
    assert lines[2] == "| scenario | sqlite | baseline | ratio | postgresql | baseline | ratio | target |"
    assert lines[4] == "| kiosk punch | 4.20 ms (misses) | 1.50 ms | 2.80 | 6.00 ms | 0.50 ms | 12.00 | median <= 3 ms / median <= 10 ms |"
