"""Importing actuals: every bad row reported by row, column and reason; nothing half-written."""

import io

import openpyxl
import pytest

from sieva.indicators.imports import import_actuals
from sieva.indicators.models import ActualSource, IndicatorActual, IndicatorKind
from sieva.org.access import user_access
from tests.indicators.factories import ActualFactory, DefinitionFactory, UnitIndicatorFactory

pytestmark = pytest.mark.django_db

HEADER = "KODE_UNIT;KODE_INDIKATOR;PERIODE;NILAI\n"


@pytest.fixture
def adopted(world):
    definition = DefinitionFactory(owner=world.medan, code="WAKTU")
    UnitIndicatorFactory(definition=definition, unit=world.medan_puskesmas)
    complaints = DefinitionFactory(owner=world.medan, code="ADUAN", kind=IndicatorKind.COMPLAINTS)
    UnitIndicatorFactory(definition=complaints, unit=world.medan_puskesmas)
    return definition


def _run(user, text: str, name: str = "realisasi.csv"):
    return import_actuals(
        actor=user, access=user_access(user), file_obj=io.BytesIO(text.encode()), filename=name
    )


def test_a_good_file_is_stored_and_marked_imported(alice, adopted):
    outcome = _run(alice, HEADER + "MDN-PKM-01;WAKTU;2026-01;41,5\nmdn-pkm-01;aduan;2026-01;7\n")
    assert outcome.ok, outcome.errors
    assert outcome.counts == {"created": 2, "updated": 0, "deleted": 0}
    assert set(IndicatorActual.objects.values_list("source", flat=True)) == {ActualSource.IMPORTED}


def test_one_bad_row_rejects_the_whole_file_naming_row_column_and_reason(alice, adopted, world):
    ActualFactory(definition=adopted, unit=world.medan_puskesmas)
    before = list(IndicatorActual.objects.values_list("pk", "value"))
    text = HEADER + (
        "MDN-PKM-01;WAKTU;2026-01;40\n"  # row 2 fine
        "MDN-PKM-01;WAKTU;2026-13;40\n"  # row 3 bad period
        "MDN-PKM-01;ADUAN;2026-02;2.5\n"  # row 4 fractional complaints
        "PLG-DINKES;WAKTU;2026-01;40\n"  # row 5 out of scope
        "MDN-DISHUB;WAKTU;2026-01;40\n"  # row 6 not adopted
        "MDN-PKM-01;WAKTU;2026-01;41\n"  # row 7 repeats row 2
        "MDN-PKM-01;WAKTU;2026-03;\n"  # row 8 empty value
    )
    outcome = _run(alice, text)
    found = {(e.row, e.column) for e in outcome.errors}
    assert found == {
        (3, "PERIODE"),
        (4, "NILAI"),
        (5, "KODE_UNIT"),
        (6, "KODE_UNIT"),
        (7, "PERIODE"),
        (8, "NILAI"),
    }
    assert "baris 2" in next(e.message for e in outcome.errors if e.row == 7)
    assert list(IndicatorActual.objects.values_list("pk", "value")) == before


def test_a_file_without_the_columns_or_rows_is_refused(alice, adopted):
    assert "NILAI" in _run(alice, "KODE_UNIT;KODE_INDIKATOR;PERIODE\n").errors[0].message
    assert _run(alice, HEADER).errors[0].row == 0
    assert _run(alice, HEADER, name="data.pdf").errors


def test_another_regions_admin_cannot_import_into_medan(bob, adopted):
    outcome = _run(bob, HEADER + "MDN-PKM-01;WAKTU;2026-01;40\n")
    assert [(e.row, e.column) for e in outcome.errors] == [(2, "KODE_UNIT")]
    assert not IndicatorActual.objects.exists()


def test_xlsx_with_dates_and_numbers_is_read(alice, adopted):
    import datetime as dt

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kode Unit", "Kode Indikator", "Periode", "Nilai"])
    sheet.append(["MDN-PKM-01", "WAKTU", dt.datetime(2026, 4, 1), 38.25])
    buffer = io.BytesIO()
    book.save(buffer)
    outcome = import_actuals(
        actor=alice,
        access=user_access(alice),
        file_obj=io.BytesIO(buffer.getvalue()),
        filename="r.xlsx",
    )
    assert outcome.ok, outcome.errors
    assert IndicatorActual.objects.get().period == dt.date(2026, 4, 1)
