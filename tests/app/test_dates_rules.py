"""One date grammar (app.rules.dates) for what people type in the window and what imported files say."""

from datetime import date, datetime

import pytest

from app.io.tables import parse_date, parse_datetime
from app.rules.dates import parse_day, parse_moment

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize("text", ["2026-12-03", "2026/12/3", "2026.12.3", "2026年12月3日", "20261203", " 2026-12-03 "])
def test_a_day_with_its_year_is_read_alike_everywhere(text):
    assert parse_day(text) == parse_day(text, TODAY) == parse_date(text) == date(2026, 12, 3)


@pytest.mark.parametrize("text", ["2026-12-03 09:00", "2026/12/3 9:00", "2026-12-03T09:00", "20261203 0900",
                                  "202612030900", "2026年12月3日 9:00", "2026/12/3 9:00:00"])
def test_a_moment_is_read_alike_in_the_window_and_in_an_import(text):
    assert parse_moment(text) == parse_datetime(text) == datetime(2026, 12, 3, 9, 0)


def test_seconds_are_kept_and_fractions_dropped():
    assert parse_datetime("2026-11-03 08:41:05.5") == datetime(2026, 11, 3, 8, 41, 5)


def test_a_day_without_its_year_needs_today():
    assert parse_day("12-3", TODAY) == date(2026, 12, 3) and parse_day("12月3日", TODAY) == date(2026, 12, 3)
    assert parse_moment("12-3 9:00", TODAY) == datetime(2026, 12, 3, 9, 0)
    assert parse_day("12-3") is None  # an imported file must say the year
    with pytest.raises(ValueError):
        parse_date("12-3")


@pytest.mark.parametrize("text", ["", "abc", "1203", "2026123", "2026-12", "2026-02-30", "3/12/2026", "2026-13-01"])
def test_ambiguous_or_impossible_days_are_refused(text):
    assert parse_day(text, TODAY) is None
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize("text", ["2026-12-03", "2026-12-03 25:00", "2026-12-03 9", "2026-12-03 09:00 x", "12-3 9:00"])
def test_incomplete_or_impossible_moments_are_refused_in_an_import(text):
    assert parse_moment(text) is None
    with pytest.raises(ValueError):
        parse_datetime(text)


def test_an_import_ignores_the_time_after_a_day():
    assert parse_date("2026-11-03 00:00:00") == parse_date("2026-11-03T08:00") == date(2026, 11, 3)
