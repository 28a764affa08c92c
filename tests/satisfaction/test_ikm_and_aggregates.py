import random

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sieva.analysis.indices.ikm import STANDARD_ELEMENTS, ikm_from_responses
from sieva.org.access import user_access
from sieva.satisfaction.models import SkmAggregate, SkmUnitPeriod
from sieva.satisfaction.periods import parse_period
from sieva.satisfaction.selectors import scores_for_units
from sieva.satisfaction.services.imports import import_skm
from sieva.satisfaction.services.rebuild import aggregates_compare
from sieva.satisfaction.services.submission import skm_response_submit
from tests.satisfaction.conftest import csv_file

pytestmark = pytest.mark.django_db


def _import_columns(user, unit, columns, day="2026-04"):
    """One row per respondent from element columns (None = blank)."""
    n = len(next(iter(columns.values())))
    rows = [
        [unit.code, f"{day}-{1 + i % 28:02d} {8 + i % 10:02d}:{i % 60:02d}:00"]
        + ["" if columns[c][i] is None else columns[c][i] for c in STANDARD_ELEMENTS]
        for i in range(n)
    ]
    result = import_skm(csv_file(rows), "f.csv", actor=user, access=user_access(user))
    assert result.ok, result.errors


def test_ikm_from_aggregates_equals_the_library_on_the_raw_answers(alice, puskesmas):
    rng = random.Random(7)
    columns = {
        c: [rng.choice([1, 2, 3, 4, 4, 3, None]) for _ in range(120)] for c in STANDARD_ELEMENTS
    }
    _import_columns(alice, puskesmas, columns)
    expected = ikm_from_responses(columns)
    score = scores_for_units([puskesmas.pk], parse_period("2026-04"))[puskesmas.pk]
    assert score.result == expected
    assert score.respondents == expected.n_respondents


def test_the_worked_example_of_domain_md_reproduces(alice, puskesmas):
    # sieva.analysis.indices.ikm doctest: waktu 3, 2, blank, 3 -> NRR 2.6667 (C); NIK 85.19 (B).
    columns = {c: [4, 3, 4, 3] * 2 for c in STANDARD_ELEMENTS}
    columns["waktu"] = [3, 2, None, 3] * 2
    _import_columns(alice, puskesmas, columns)
    score = scores_for_units([puskesmas.pk], parse_period("2026-04"))[puskesmas.pk]
    assert round(score.result.elements["waktu"].nrr, 4) == 2.6667
    assert score.result.elements["waktu"].grade == "C"
    assert (score.result.nik, score.result.grade) == (85.19, "B")


def test_a_quarter_sums_its_months_instead_of_averaging_monthly_means(alice, puskesmas):
    _import_columns(alice, puskesmas, {c: [4] * 5 for c in STANDARD_ELEMENTS}, day="2026-04")
    _import_columns(alice, puskesmas, {c: [2] * 15 for c in STANDARD_ELEMENTS}, day="2026-05")
    score = scores_for_units([puskesmas.pk], parse_period("2026-T2"))[puskesmas.pk]
    assert score.respondents == 20
    assert score.result.elements["sarana"].nrr == pytest.approx((5 * 4 + 15 * 2) / 20)


def test_aggregates_equal_a_rebuild_after_submissions_and_imports(alice, puskesmas):
    for device, value in enumerate((1, 2, 3, 4, 4)):
        answers = dict.fromkeys(STANDARD_ELEMENTS, value)
        skm_response_submit(unit=puskesmas, answers=answers, profile={}, fingerprint=str(device))
    _import_columns(
        alice, puskesmas, {c: [1, 4, None if c == "biaya" else 2, 3] for c in STANDARD_ELEMENTS}
    )
    assert aggregates_compare() == []
    call_command("rebuild_skm_aggregates")  # no difference: exits normally


def test_the_rebuild_command_reports_a_drifted_aggregate_and_fixes_it_on_request(puskesmas, capsys):
    skm_response_submit(unit=puskesmas, answers=dict.fromkeys(STANDARD_ELEMENTS, 3), profile={})
    SkmAggregate.objects.filter(element="biaya").update(count=7, total=21)
    SkmUnitPeriod.objects.update(respondents=2)
    with pytest.raises(CommandError) as error:
        call_command("rebuild_skm_aggregates")
    assert error.value.returncode == 1
    output = capsys.readouterr().out
    assert "biaya" in output and "responden" in output
    call_command("rebuild_skm_aggregates", "--fix")
    assert aggregates_compare() == []
    assert SkmAggregate.objects.get(element="biaya").count == 1


def test_the_import_command_writes_nothing_and_exits_1_on_a_bad_file(puskesmas, tmp_path):
    path = tmp_path / "skm.csv"
    path.write_bytes(csv_file([["MDN-PKM-01", "2026-04-02", 5, 4, 4, 4, 4, 4, 4, 4, 4]]).getvalue())
    with pytest.raises(CommandError) as error:
        call_command("import_skm", str(path))
    assert error.value.returncode == 1
    path.write_bytes(csv_file([["MDN-PKM-01", "2026-04-02", 3, 4, 4, 4, 4, 4, 4, 4, 4]]).getvalue())
    call_command("import_skm", str(path))
    assert SkmUnitPeriod.objects.get().respondents == 1
