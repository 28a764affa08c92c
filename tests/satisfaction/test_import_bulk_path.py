"""The import's bulk path: chunks, vectorised times, staged aggregate upserts, constant columns."""

import datetime as dt

import pytest

from sieva.org.access import user_access
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmAggregate, SkmResponse, SkmUnitPeriod
from sieva.satisfaction.services import imports
from sieva.satisfaction.services.aggregates import STAGE_FROM, Tally, tally_fold
from sieva.satisfaction.services.imports.timestamps import iso_column
from sieva.satisfaction.services.rebuild import aggregates_compare
from tests.factories import OrgUnitFactory
from tests.satisfaction.conftest import HEADER, csv_file

pytestmark = pytest.mark.django_db


def _import(user, rows, header=HEADER, name="skm.csv"):
    return imports.import_skm(csv_file(rows, header), name, actor=user, access=user_access(user))


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 4 rows, so a short file crosses several batches."""
    monkeypatch.setattr(imports, "CHUNK_ROWS", 4)


def test_a_multi_chunk_import_folds_to_exactly_what_a_rebuild_computes(
    alice, puskesmas, small_chunks
):
    second = OrgUnitFactory(kind=puskesmas.kind, code="MDN-PKM-02", parent=puskesmas.parent)
    header = [*HEADER, "jenis_kelamin"]
    rows = []
    # Months out of order, blanks, two units, and chunks whose times are plain ISO (read
    # vectorised) next to chunks in D/M/Y (read cell by cell) for the same month.
    for i in range(23):
        unit = (puskesmas, second)[i % 2].code
        month = ("05", "03", "04")[i % 3]
        day = 1 + i % 19
        when = f"2026-{month}-{day:02d} 09:{i:02d}" if i < 12 else f"{day}/{month}/2026 10:{i}"
        answers = [1 + (i * 7 + k) % 4 for k in range(len(ELEMENTS))]
        if i % 5 == 0:
            answers[3] = ""  # biaya left blank
        rows.append([unit, when, *answers, "L" if i < 8 else ("P", "L")[i % 2]])
    result = _import(alice, rows, header)
    assert result.ok, result.errors
    assert (result.rows, result.unit_months) == (23, 6)
    assert aggregates_compare() == []
    assert SkmUnitPeriod.objects.filter(period="2026-03-01").count() == 2
    # A chunk where every row says "L" writes it as a constant; it must still be stored.
    assert SkmResponse.objects.filter(gender="L").count() == 8 + 7
    assert set(SkmResponse.objects.values_list("source", flat=True)) == {"import"}


def test_a_second_file_for_the_same_unit_months_adds_to_the_existing_totals(
    alice, puskesmas, small_chunks
):
    first = [[puskesmas.code, f"2026-04-{d:02d} 08:00", *[4] * len(ELEMENTS)] for d in (1, 2, 3)]
    second = [[puskesmas.code, f"2026-04-{d:02d} 11:30", *[2] * len(ELEMENTS)] for d in range(1, 7)]
    assert _import(alice, first).ok
    assert _import(alice, second, name="kedua.csv").ok
    biaya = SkmAggregate.objects.get(unit=puskesmas, period="2026-04-01", element="biaya")
    assert (biaya.count, biaya.total, biaya.total_sq, biaya.n2, biaya.n4) == (9, 24, 72, 6, 3)
    assert SkmUnitPeriod.objects.get(unit=puskesmas, period="2026-04-01").respondents == 9
    assert aggregates_compare() == []


def test_a_large_tally_goes_through_the_staging_table_and_adds_to_existing_keys(puskesmas):
    from django.db import transaction

    periods = [f"{2000 + y:04d}-{m:02d}-01" for y in range(10) for m in range(1, 13)]
    assert len(periods) * len(ELEMENTS) > STAGE_FROM
    for _ in range(2):  # the second fold updates every key the first inserted
        tally = Tally()
        for period in periods:
            tally.add_response(puskesmas.pk, period, dict.fromkeys(ELEMENTS, 3))
        with transaction.atomic():
            tally_fold(tally)
    stored = SkmAggregate.objects.get(unit=puskesmas, period="2003-07-01", element="sarana")
    assert (stored.count, stored.total, stored.total_sq, stored.n3) == (2, 6, 18, 2)
    assert SkmAggregate.objects.count() == len(periods) * len(ELEMENTS)
    assert set(SkmUnitPeriod.objects.values_list("respondents", flat=True)) == {2}


def test_future_and_old_dates_in_a_plain_iso_column_are_named_by_row(alice, puskesmas):
    rows = [
        [puskesmas.code, "2026-04-02 08:00:00", *[4] * len(ELEMENTS)],
        [puskesmas.code, "2026-06-01 08:00:00", *[4] * len(ELEMENTS)],
        [puskesmas.code, "1999-12-31 23:59:59", *[4] * len(ELEMENTS)],
    ]
    result = _import(alice, rows)
    messages = {(e.row, e.column): e.message for e in result.errors}
    assert set(messages) == {(3, "tanggal"), (4, "tanggal")}
    assert "masa depan" in messages[(3, "tanggal")]
    assert "sebelum tahun 2000" in messages[(4, "tanggal")]
    assert SkmResponse.objects.count() == 0


def test_the_vectorised_time_reader_agrees_with_fromisoformat_or_declines():
    cells = ["2026-04-02", "2026-04-02 08:15", "2026-04-02T08:15:09"]
    parsed = iso_column(cells)
    assert parsed is not None
    assert parsed.tolist() == [dt.datetime.fromisoformat(c) for c in cells]
    for other in ("02/04/2026", "2026-04", "now", "2026-04-02 08:15:00+07:00", "2026-02-30",
                  "2026-04-02 24:00", "2026-04-02 08:15:00.5", " 2026-04-02"):  # fmt: skip
        assert iso_column(["2026-04-02", other]) is None, other
    assert iso_column(["2026-04-02", dt.datetime(2026, 4, 2)]) is None  # XLSX cells
