"""Running aggregates: equal to a rebuild from raw answers, and to numpy on those answers."""

import datetime as dt
import io
import random
from collections import Counter
from decimal import Decimal

import numpy as np
import pytest
from django.core.management import call_command

from sieva.analysis.descriptive import moments_from_sums
from sieva.instruments.models import Answer, ItemAggregate, Response
from sieva.instruments.services import answer_for, response_record
from sieva.instruments.services.aggregates import compare_with_raw, fold_responses
from tests.instruments.campaign_setup import published_version

MONTHS = [dt.datetime(2026, m, 15, 9, tzinfo=dt.UTC) for m in (3, 4, 5)]


def random_answers(rng: random.Random) -> dict:
    answers = {
        "puas": str(rng.randint(1, 5)),
        "moda": rng.choice(["kelas", "daring"]),
        "umur": str(rng.randint(18, 65)) + rng.choice(["", ".5"]),
        "topik": rng.sample(["a", "b"], rng.randint(1, 2)),
        "nilai": {"materi": str(rng.randint(1, 4)), "waktu": str(rng.randint(1, 4))},
    }
    if rng.random() < 0.7:
        answers["bosan"] = rng.randint(1, 4)
    if answers["moda"] == "daring":
        answers["koneksi"] = "lancar"
    return answers


@pytest.fixture
def many(world):
    """120 responses over three units and three months, one transaction each."""
    version = published_version(world.medan)
    rng = random.Random(20261201)  # noqa: S311 - test data, not security
    units = [world.medan_health, world.medan_puskesmas, world.medan_transport]
    raw = []
    for _ in range(120):
        answers = random_answers(rng)
        unit, moment = rng.choice(units), rng.choice(MONTHS)
        response_record(version=version, answers=answers, unit=unit, submitted_at=moment)
        raw.append((unit, moment, answers))
    return version, raw


def test_aggregates_after_many_submissions_equal_a_rebuild_from_raw_answers(many):
    _cells, differences = compare_with_raw()
    assert differences == []
    assert ItemAggregate.objects.filter(item__code="nilai").values("row").distinct().count() == 2


def test_mean_and_sd_from_aggregates_equal_numpy_on_the_raw_answers(many, world):
    _version, raw = many
    for code in ("puas", "umur", "bosan"):
        cells = ItemAggregate.objects.filter(item__code=code, unit=world.medan_health)
        n = sum(c.numeric_count for c in cells)
        total = sum((c.total for c in cells), Decimal(0))
        total_sq = sum((c.total_sq for c in cells), Decimal(0))
        mean, sd = moments_from_sums(n, total, total_sq)
        values = np.array(
            [float(a[code]) for unit, _m, a in raw if unit == world.medan_health and code in a]
        )
        assert n == values.size
        assert mean == pytest.approx(values.mean(), rel=1e-12)
        assert sd == pytest.approx(values.std(ddof=1), rel=1e-12)  # numpy.std(x, ddof=1)


def test_histograms_count_each_answer_value_per_month(many, world):
    _version, raw = many
    april = dt.date(2026, 4, 1)
    cell = ItemAggregate.objects.get(item__code="moda", unit=world.medan_puskesmas, period=april)
    expected = Counter(a["moda"] for u, m, a in raw if u == world.medan_puskesmas and m.month == 4)
    assert cell.histogram == dict(expected)
    topics = ItemAggregate.objects.get(item__code="topik", unit=world.medan_puskesmas, period=april)
    assert topics.histogram == dict(
        Counter(
            t for u, m, a in raw if u == world.medan_puskesmas and m.month == 4 for t in a["topik"]
        )
    )
    assert topics.numeric_count == 0


def test_the_period_is_the_month_in_wib(world):
    version = published_version(world.medan)
    # 31 March 20:00 UTC is 1 April 03:00 WIB.
    late = dt.datetime(2026, 3, 31, 20, tzinfo=dt.UTC)
    response_record(
        version=version,
        answers={"puas": "5", "moda": "kelas", "umur": "40"},
        unit=world.medan_health,
        submitted_at=late,
    )
    assert ItemAggregate.objects.get(item__code="puas").period == dt.date(2026, 4, 1)


def test_a_batch_folded_at_once_equals_a_rebuild(world):
    version = published_version(world.medan)
    items = {item.code: item for item in version.items.all()}
    rng = random.Random(7)  # noqa: S311
    batch = []
    for _ in range(40):
        response = Response.objects.create(
            version=version, unit=world.medan_health, submitted_at=rng.choice(MONTHS)
        )
        answers = {"puas": rng.randint(1, 5), "moda": "kelas", "umur": Decimal(rng.randint(18, 60))}
        Answer.objects.bulk_create(answer_for(response, items[c], v) for c, v in answers.items())
        batch.append(response)
    assert compare_with_raw()[1] != []  # not folded yet
    fold_responses(batch)
    assert compare_with_raw()[1] == []


def test_responses_without_a_unit_are_not_aggregated(world):
    version = published_version(world.medan)
    response_record(version=version, answers={"puas": "3", "moda": "kelas", "umur": "30"})
    assert not ItemAggregate.objects.exists()
    assert compare_with_raw()[1] == []


def test_the_rebuild_command_reports_differences_and_fix_repairs_them(many, world):
    out = io.StringIO()
    call_command("rebuild_item_aggregates", stdout=out)
    assert "cocok" in out.getvalue()
    tampered = ItemAggregate.objects.filter(item__code="puas").first()
    tampered.count += 1
    tampered.save()
    ItemAggregate.objects.filter(item__code="umur").first().delete()
    with pytest.raises(SystemExit) as exit_info:
        call_command("rebuild_item_aggregates", stdout=out)
    assert exit_info.value.code == 1
    assert "2 sel berbeda" in out.getvalue()
    call_command("rebuild_item_aggregates", "--fix", stdout=out)
    assert compare_with_raw()[1] == []
