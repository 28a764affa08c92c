"""L1 reaction and L3 behaviour as the engine assembles them, against direct computations."""

import random

import numpy as np
import pytest
from scipy import stats

from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.engine.figures import CaveatKind
from sieva.instruments.models import Invitation
from sieva.org.access import user_access
from tests.evaluation.engine.builders import campaign, respond
from tests.factories import CohortFactory, EmployeeFactory, ProgramFactory

RELEVANCE = ("rel_1", "rel_2", "rel_3")  # rel_3 is reverse-coded in the standard template


@pytest.fixture
def cohort(world):
    return CohortFactory(program=ProgramFactory(owner=world.medan, name="Manajemen Waktu"))


def _alpha(matrix: np.ndarray) -> float:
    k = matrix.shape[1]
    return k / (k - 1) * (1 - matrix.var(axis=0, ddof=1).sum() / matrix.sum(axis=1).var(ddof=1))


def test_reaction_scale_is_the_mean_of_respondent_means_with_reverse_coding(alice, cohort, world):
    rng = random.Random(3)
    reaction = campaign(cohort, "STD-L1-REAKSI")
    raw = []
    for _ in range(14):
        employee = EmployeeFactory(unit=world.medan_health)
        Invitation.objects.create(
            campaign=reaction, employee=employee, answered_at=reaction.opens_at
        )
        base = rng.choice([3, 4, 5])
        answers = {"rel_1": base, "rel_2": max(1, base - rng.choice([0, 1])), "rel_3": 6 - base}
        raw.append([answers[c] for c in RELEVANCE])
        respond(reaction, answers, respondent=employee)
    for _ in range(6):  # invited, never answered
        Invitation.objects.create(
            campaign=reaction, employee=EmployeeFactory(unit=world.medan_health)
        )

    l1 = evaluate(user_access(alice), Scope(cohort_id=cohort.pk)).l1
    relevance = next(s for s in l1.scales if s.code == "relevansi")
    matrix = np.array(raw, dtype=float)
    matrix[:, 2] = 6 - matrix[:, 2]  # turn rel_3 round as the template says
    per_person = matrix.mean(axis=1)
    assert relevance.mean.value == pytest.approx(per_person.mean(), abs=1e-9)
    # t interval as scipy.stats.t.interval(0.95, n-1, loc=mean, scale=sem)
    low, high = stats.t.interval(
        0.95, len(per_person) - 1, per_person.mean(), stats.sem(per_person)
    )
    assert relevance.mean.ci == (pytest.approx(low), pytest.approx(high))
    assert relevance.alpha == pytest.approx(_alpha(matrix), abs=1e-9)
    assert relevance.alpha_n == 14
    assert (l1.response_rate.value, l1.response_rate.n) == (pytest.approx(70.0), 20)


def test_an_unreliable_scale_and_a_thin_response_are_flagged(alice, cohort, world):
    rng = random.Random(11)
    reaction = campaign(cohort, "STD-L1-REAKSI")
    for i in range(40):
        employee = EmployeeFactory(unit=world.medan_health)
        answered = i < 8
        Invitation.objects.create(
            campaign=reaction,
            employee=employee,
            answered_at=reaction.opens_at if answered else None,
        )
        if answered:  # items that have nothing to do with each other
            respond(reaction, {c: rng.randint(1, 5) for c in RELEVANCE}, respondent=employee)
    l1 = evaluate(user_access(alice), Scope(cohort_id=cohort.pk)).l1
    relevance = next(s for s in l1.scales if s.code == "relevansi")
    assert relevance.alpha is not None and relevance.alpha < 0.7
    assert CaveatKind.UNRELIABLE_SCALE in {c.kind for c in relevance.mean.caveats}
    # 8 of 40: margin of error 1.96 * sqrt(0.25/8 * 32/39) = 0.311 > 0.10
    assert CaveatKind.LOW_RESPONSE in {c.kind for c in l1.response_rate.caveats}


def test_behaviour_is_split_by_rater_with_application_rate_and_barriers(alice, cohort, world):
    supervisors = campaign(cohort, "STD-L3-ATASAN")
    frequencies = [5, 4, 4, 3, 2, 1, 4, 5]
    for i, frequency in enumerate(frequencies):
        barriers = ["tanpa_tindak_lanjut"] if i < 6 else ["beban_kerja"]
        respond(
            supervisors,
            {"per_1": 4, "per_2": 4, "frekuensi": frequency, "hambatan": barriers},
            respondent=EmployeeFactory(unit=world.medan_health),
        )
    l3 = evaluate(user_access(alice), Scope(cohort_id=cohort.pk)).l3
    (rater,) = l3.raters
    assert rater.rater == "atasan"
    # applied = at least "beberapa kali sebulan" (3): 6 of 8
    assert rater.application_rate.value == pytest.approx(75.0)
    barriers = {m.code: m.count for m in rater.barriers}
    assert barriers["tanpa_tindak_lanjut"] == 6
    assert barriers["beban_kerja"] is None  # 2 supervisors: too few to show
