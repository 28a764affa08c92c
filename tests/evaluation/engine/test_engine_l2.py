"""L2 learning: pre and post tests paired by person, checked against SciPy."""

import pytest
from scipy import stats

from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.engine.figures import CaveatKind, Design
from sieva.org.access import user_access
from tests.evaluation.engine.builders import campaign, respond
from tests.factories import CohortFactory, EmployeeFactory, ProgramFactory

KEY = {"soal_1": "a", "soal_2": "b", "soal_3": "b", "soal_4": "b"}  # 20 points each
MULTIPLE_KEY = ["a", "b", "d"]  # soal_5, 20 points


def _answers(right: int) -> dict:
    """The first `right` of the five questions answered correctly, the rest wrongly."""
    answers = {}
    for i, (code, correct) in enumerate(KEY.items()):
        answers[code] = correct if i < right else "c"
    answers["soal_5"] = MULTIPLE_KEY if right >= 5 else ["a"]
    return answers


@pytest.fixture
def tested_cohort(world):
    cohort = CohortFactory(program=ProgramFactory(owner=world.medan))
    pre = campaign(cohort, "STD-L2-TES", phase="pre")
    post = campaign(cohort, "STD-L2-TES", phase="post")
    rights = [(1, 3), (2, 4), (2, 5), (0, 2), (3, 3), (1, 4), (2, 3), (1, 5)]
    for before, after in rights:
        employee = EmployeeFactory(unit=world.medan_health)
        respond(pre, _answers(before), respondent=employee)
        respond(post, _answers(after), respondent=employee)
    for before in (0, 1):  # took the pre-test only
        respond(pre, _answers(before), respondent=EmployeeFactory(unit=world.medan_health))
    return cohort, [(b * 20.0, a * 20.0) for b, a in rights]


def test_paired_results_match_scipy(alice, tested_cohort):
    cohort, pairs = tested_cohort
    l2 = evaluate(user_access(alice), Scope(cohort_id=cohort.pk)).l2
    pre, post = [p for p, _ in pairs], [q for _, q in pairs]
    assert (l2.pairs, l2.pre_only, l2.max_score) == (8, 2, 100.0)
    reference = stats.ttest_rel(post, pre)  # scipy.stats.ttest_rel, two-sided
    assert l2.t_test.t == pytest.approx(reference.statistic)
    assert l2.t_test.p == pytest.approx(reference.pvalue)
    # Tied differences: like R's wilcox.test, a normal approximation with tie and continuity
    # correction (scipy: method="approx", correction=True), not scipy's default exact table.
    reference_w = stats.wilcoxon(post, pre, method="approx", correction=True)
    assert l2.wilcoxon.p == pytest.approx(reference_w.pvalue)
    assert l2.gain.value == pytest.approx(sum(post) / 8 - sum(pre) / 8)
    assert l2.gain.design is Design.PRE_POST
    # Hake: (mean post − mean pre) / (max − mean pre)
    mean_pre, mean_post = sum(pre) / 8, sum(post) / 8
    assert l2.n_gain.class_gain == pytest.approx((mean_post - mean_pre) / (100 - mean_pre))
    # pass mark 70 % of 100: post scores of 80 and 100 pass (5 of 8)
    assert l2.pass_rate.value == pytest.approx(sum(1 for s in post if s >= 70) / 8 * 100)


def test_fewer_than_five_pairs_are_withheld(alice, world):
    cohort = CohortFactory(program=ProgramFactory(owner=world.medan))
    pre = campaign(cohort, "STD-L2-TES", phase="pre")
    post = campaign(cohort, "STD-L2-TES", phase="post")
    for _ in range(3):
        employee = EmployeeFactory(unit=world.medan_health)
        respond(pre, _answers(1), respondent=employee)
        respond(post, _answers(4), respondent=employee)
    l2 = evaluate(user_access(alice), Scope(cohort_id=cohort.pk)).l2
    assert l2.pairs == 3
    assert l2.gain.value is None and l2.t_test is None
    assert CaveatKind.SUPPRESSED in {c.kind for c in l2.gain.caveats}
