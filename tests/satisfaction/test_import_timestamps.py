"""Times as the tools export them, read as WIB wall times (or converted from their offset)."""

import datetime as dt

import pytest

from sieva.satisfaction.services.imports.timestamps import month_first, parse_local


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("03/02/2025 08.00.00", dt.datetime(2025, 2, 3, 8)),  # Google Forms, Indonesian locale
        ("2025/04/15 10:00:00", dt.datetime(2025, 4, 15, 10)),
        ("2025-04-15T10:00:00+00:00", dt.datetime(2025, 4, 15, 17)),  # offset → WIB
        ("2025-04-15T10:00:00.123+07:00", dt.datetime(2025, 4, 15, 10, 0, 0, 123000)),
        ("15/4/2025 13:05", dt.datetime(2025, 4, 15, 13, 5)),
        (dt.datetime(2025, 4, 15, 9, 30), dt.datetime(2025, 4, 15, 9, 30)),  # an XLSX date
        (dt.date(2025, 4, 15), dt.datetime(2025, 4, 15)),
        ("31/02/2026", None),
        ("kemarin", None),
        ("03/02/2025 25.00.00", None),
    ],
)
def test_the_forms_the_tools_export(cell, expected):
    assert parse_local(cell) == expected


def test_us_locale_google_forms_dates_are_read_month_first_when_the_column_shows_it():
    cells = ["4/15/2025 10:00:00", "4/3/2025 1:05:00 PM"]
    assert month_first(cells) is True
    assert [parse_local(c, month_first=True) for c in cells] == [
        dt.datetime(2025, 4, 15, 10),
        dt.datetime(2025, 4, 3, 13, 5),
    ]
    assert month_first(["03/02/2025 08.00.00", "15/02/2025 09.00.00"]) is False
    assert month_first(["03/02/2025 08.00.00"]) is False  # undecidable: Indonesian day first
