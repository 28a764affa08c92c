"""Imports insert in short transactions and publish at once (decision 0054): until then the
rows count nowhere, and a failure or a dead process leaves nothing that counts."""

import datetime as dt
import io

import pytest
import time_machine

from sieva.org.access import user_access
from sieva.satisfaction.models import SkmAggregate, SkmImport, SkmResponse, SkmUnitPeriod
from sieva.satisfaction.services import imports
from sieva.satisfaction.services.imports import import_skm
from sieva.satisfaction.services.imports.staging import Staged, purge_abandoned
from sieva.satisfaction.services.imports.validate import Validator
from sieva.satisfaction.services.rebuild import aggregates_compare
from tests.satisfaction.conftest import HEADER, csv_file

pytestmark = pytest.mark.django_db


def _rows(count, answer=4, day=2):
    return [["MDN-PKM-01", f"2026-04-{day:02d} {8 + n // 60:02d}:{n % 60:02d}", *[answer] * 9] for n in range(count)]  # fmt: skip


def test_an_error_in_a_late_chunk_deletes_the_rows_of_earlier_chunks(alice, puskesmas, monkeypatch):
    monkeypatch.setattr(imports, "CHUNK_ROWS", 3)
    rows = [*_rows(7), ["MDN-PKM-01", "2026-04-03 08:00", 4, 4, 9, 4, 4, 4, 4, 4, 4]]
    inserted = []
    original = Staged.insert

    def spy(self, checked):
        original(self, checked)
        inserted.append(SkmResponse.objects.count())

    monkeypatch.setattr(Staged, "insert", spy)
    result = import_skm(csv_file(rows), "skm.csv", actor=alice, access=user_access(alice))
    assert [(e.row, e.column) for e in result.errors] == [(9, "waktu")]
    assert inserted == [3, 6]  # two clean chunks went in before the bad one was read
    assert SkmResponse.objects.count() == 0 and SkmImport.objects.count() == 0
    assert SkmAggregate.objects.count() == 0 and SkmUnitPeriod.objects.count() == 0


def test_inserted_rows_count_nowhere_until_published(alice, puskesmas):
    from sieva.core.tables import read_table

    table = read_table(csv_file(_rows(4)), "skm.csv")
    validator = Validator(table.header, {c: i for i, c in enumerate(HEADER)}, {"MDN-PKM-01": puskesmas.pk}, dt.date(2026, 5, 20))  # fmt: skip
    staged = Staged.begin("x" * 64, "skm.csv", alice)
    for first, chunk in table.chunks(10):
        staged.insert(validator.check(first, chunk))
    assert SkmResponse.objects.count() == 4 and SkmAggregate.objects.count() == 0
    assert aggregates_compare() == []  # the rebuild does not count unpublished rows either
    staged.periods = validator.periods
    staged.publish(4)
    assert SkmAggregate.objects.get(element="biaya").count == 4
    assert aggregates_compare() == []


def test_an_import_that_died_is_purged_by_the_next_one_a_day_later(alice, puskesmas):
    from sieva.core.tables import read_table

    table = read_table(csv_file(_rows(3)), "skm.csv")
    validator = Validator(table.header, {c: i for i, c in enumerate(HEADER)}, {"MDN-PKM-01": puskesmas.pk}, dt.date(2026, 5, 20))  # fmt: skip
    staged = Staged.begin("y" * 64, "skm.csv", alice)
    first, chunk = next(iter(table.chunks(10)))
    staged.insert(validator.check(first, chunk))
    purge_abandoned()
    assert SkmResponse.objects.count() == 3  # perhaps still running
    with time_machine.travel("2026-05-21 11:00 +0700", tick=False):
        purge_abandoned()
    assert SkmResponse.objects.count() == 0 and SkmImport.objects.count() == 0
    # The same file can then be imported for real.
    assert import_skm(io.BytesIO(csv_file(_rows(3)).getvalue()), "skm.csv", actor=alice, access=user_access(alice)).ok  # fmt: skip
