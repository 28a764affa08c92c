"""The demo's evidence (campaigns, answers, SKM) supports a full L0–L5 evaluation and tells
the planted stories: Layanan Prima raises the IKM against untrained units, other programs do not.
"""

import datetime as dt
from io import StringIO
from statistics import correlation

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from sieva.demo.builder import DEFAULT_SEED, REFERENCE_DATE, build
from sieva.demo.collection import plan_collection, standard_versions
from sieva.demo.skm import plan_skm
from sieva.evaluation.engine import Scope, adapters, evaluate
from sieva.evaluation.engine.figures import CaveatKind, Design
from sieva.instruments.models import (
    Answer,
    Campaign,
    Invitation,
    Purpose,
    RaterKind,
    Response,
)
from sieva.org.access import org_units_for_user, user_access
from sieva.org.models import OrgKind, OrgUnit
from sieva.programs.models import Cohort, CohortStatus, Program, ProgramKind
from sieva.satisfaction.models import SkmResponse, SkmUnitPeriod
from tests.demo.conftest import TEST_SCALE

pytestmark = pytest.mark.django_db


def _access(username: str):
    return user_access(get_user_model().objects.get(username=username))


def _evaluate(code: str, username: str = "admin.medan"):
    program = Program.objects.get(code=code)
    return evaluate(_access(username), Scope(program_id=program.pk))


def test_every_finished_cohort_has_reaction_pre_and_post_test_campaigns(demo):
    # The record of learning reported from elsewhere is not a class with campaigns (0037).
    finished = Cohort.objects.filter(status=CohortStatus.FINISHED).exclude(
        program__kind=ProgramKind.EXTERNAL
    )
    for cohort in finished:
        kinds = sorted(
            (c.version.instrument.purpose, c.phase)
            for c in Campaign.objects.filter(cohort=cohort, rater_kind="")
        )
        assert kinds == [
            (Purpose.REACTION, ""),
            (Purpose.TEST, "post"),
            (Purpose.TEST, "pre"),
        ], cohort
    assert not Campaign.objects.exclude(cohort__status=CohortStatus.FINISHED).exists()
    invitations = Invitation.objects.filter(campaign__version__instrument__purpose=Purpose.REACTION)
    answered = invitations.filter(answered_at__isnull=False).count()
    assert 0.6 < answered / invitations.count() < 0.9
    assert (
        answered == Response.objects.filter(campaign__version__instrument__purpose="reaksi").count()
    )


def test_supervisors_answer_three_to_six_months_after_the_cohort_ends(demo):
    l3 = Campaign.objects.filter(rater_kind=RaterKind.SUPERVISOR).select_related("cohort")
    assert l3.count() > 40
    for campaign in l3:
        opens = timezone.localtime(campaign.opens_at).date()
        months = (opens.year - campaign.cohort.end_date.year) * 12 + (
            opens.month - campaign.cohort.end_date.month
        )
        assert 3 <= months <= 6, campaign
        assert opens < REFERENCE_DATE
    named = Response.objects.filter(campaign__in=l3, campaign__anonymous=False)
    assert not named.filter(subject__isnull=True).exists()
    assert Campaign.objects.filter(rater_kind=RaterKind.SELF).exists()


def test_layanan_prima_is_evaluated_at_every_level_for_the_medan_admin(demo):
    result = _evaluate("MDN-LAYANAN-PRIMA")
    assert result.l0.participation.value > 80 and result.l5.roi is not None
    scales = {s.code: s for s in result.l1.scales}
    assert {"relevansi", "penerapan", "materi", "komitmen"} <= scales.keys()
    assert all(s.alpha is not None and 0.5 < s.alpha < 0.98 for s in scales.values())
    assert 60 < result.l1.response_rate.value < 100
    assert result.l2.pairs >= 5
    assert result.l2.gain.value > 0 and result.l2.gain.ci[0] > 0
    supervisors = next(r for r in result.l3.raters if r.rater == RaterKind.SUPERVISOR)
    assert supervisors.application_rate.value > 50
    ikm = result.l4.ikm
    assert ikm.comparison_units > 0 and ikm.trained_units > 0
    assert ikm.effect.design == Design.PRE_POST_COMPARISON
    assert ikm.effect.value > 0 and ikm.effect.ci[0] > 0


def test_a_program_without_a_planted_effect_shows_no_ikm_change(demo):
    ikm = _evaluate("MDN-PROYEK-PERUBAHAN").l4.ikm
    assert ikm.comparison_units > 0
    assert ikm.effect.ci[0] < 0 < ikm.effect.ci[1]


def test_each_city_has_trained_and_comparison_units_for_layanan_prima(demo):
    national = _access("admin.nasional")
    for code in ("MDN-LAYANAN-PRIMA", "PLG-LAYANAN-PRIMA", "DKI-LAYANAN-PRIMA"):
        cohorts = Cohort.objects.filter(program__code=code)
        trained = adapters.trained_service_units(cohorts)
        comparison = adapters.comparison_service_units(
            cohorts, trained, org_units_for_user(national)
        )
        assert trained and comparison, code


def test_an_anonymous_program_pairs_pre_and_post_tests_by_pseudonym(demo):
    tests = Campaign.objects.filter(
        cohort__program__code="DKI-KOMUNIKASI", phase__in=["pre", "post"]
    )
    assert tests.exists() and all(c.anonymous for c in tests)
    responses = Response.objects.filter(campaign__in=tests)
    assert not responses.filter(respondent__isnull=False).exists()
    assert {timezone.localtime(r.submitted_at).time() for r in responses} == {dt.time(0, 0)}
    pre = set(responses.filter(campaign__phase="pre").values_list("pseudonym", flat=True))
    post = set(responses.filter(campaign__phase="post").values_list("pseudonym", flat=True))
    assert len(pre & post) >= 5 and "" not in pre
    answered = Invitation.objects.filter(campaign__in=tests, answered_at__isnull=False)
    assert answered.count() == responses.count()
    assert not answered.filter(response__isnull=False).exists()
    assert _evaluate("DKI-KOMUNIKASI", "admin.jakarta").l2.pairs == len(pre & post)


def test_the_reverse_coded_item_runs_against_its_scale(demo):
    rows = Answer.objects.filter(item__code__in=["rel_1", "rel_3"]).values_list(
        "response_id", "item__code", "value_number"
    )
    by_response: dict[int, dict[str, float]] = {}
    for response, code, value in rows:
        by_response.setdefault(response, {})[code] = float(value)
    pairs = [(v["rel_1"], v["rel_3"]) for v in by_response.values()]
    assert correlation(*zip(*pairs, strict=True)) < -0.3


def test_weak_programs_show_low_scores_low_response_and_no_follow_up(demo):
    crisis = _evaluate("MDN-MANAJEMEN-KRISIS")
    scales = {s.code: s.mean.value for s in crisis.l1.scales}
    assert scales["penerapan"] < 3.4 < scales["fasilitator"]
    assert CaveatKind.LOW_RESPONSE in {c.kind for c in crisis.l1.response_rate.caveats}
    ethics = _evaluate("MDN-ETIKA-PELAYANAN").l3.raters
    barriers = next(r for r in ethics if r.rater == RaterKind.SUPERVISOR).barriers
    assert barriers[0].code == "tanpa_tindak_lanjut"


def test_every_service_unit_has_skm_answers_every_month(demo):
    units = OrgUnit.objects.filter(kind=OrgKind.SERVICE_UNIT).count()
    months = SkmUnitPeriod.objects.values("period").distinct().count()
    assert months == 22  # January of last year to October, the month before the reference day
    per_unit = SkmUnitPeriod.objects.values("unit").annotate(n=Count("pk"))
    assert len(per_unit) == units and {row["n"] for row in per_unit} == {months}
    assert SkmUnitPeriod.objects.filter(respondents__lt=5).count() == 0


def test_the_rebuild_commands_find_no_difference(demo):
    # Each command exits non-zero (SystemExit / CommandError) on any differing cell.
    out = StringIO()
    call_command("rebuild_item_aggregates", stdout=out)
    call_command("rebuild_skm_aggregates", stdout=out)
    assert "cocok" in out.getvalue() and "sama dengan" in out.getvalue()


def test_a_second_build_adds_nothing(demo):
    before = (Response.objects.count(), Answer.objects.count(), SkmResponse.objects.count())
    assert not build(scale=TEST_SCALE).created
    assert (Response.objects.count(), Answer.objects.count(), SkmResponse.objects.count()) == before
    # the campaigns' responses plus the needs questionnaire of the qualitative demo
    responses = demo.counts["responses"] + demo.counts["needs_answers"]
    assert responses == before[0] and demo.counts["skm_responses"] == before[2]


def test_the_seed_decides_every_answer(demo):
    versions = standard_versions()

    def digest(seed: int) -> list:
        plans = plan_collection(seed=seed, today=REFERENCE_DATE, versions=versions)
        return [(p.campaign.name, p.campaign.opens_at, sorted(p.answered.items())) for p in plans]

    stored = digest(DEFAULT_SEED)
    assert stored == digest(DEFAULT_SEED) != digest(DEFAULT_SEED + 1)
    assert sum(len(answers) for _name, _at, answers in stored) == demo.counts["responses"]
    rows, _ = plan_skm(seed=DEFAULT_SEED, today=REFERENCE_DATE, scale=TEST_SCALE)
    assert rows == plan_skm(seed=DEFAULT_SEED, today=REFERENCE_DATE, scale=TEST_SCALE)[0]
    assert len(rows) == demo.counts["skm_responses"]
