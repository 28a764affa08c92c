import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sieva.development.models import (
    AppealStatus,
    AssessmentResult,
    ComponentKind,
    ComponentScore,
    CoreValue,
    ResultStatus,
)
from sieva.development.selectors.assessment import peer_assignments, rater_kind_for
from sieva.development.services import assessment as services
from sieva.evaluation.engine import Scope, evaluate
from sieva.org.access import user_access
from sieva.programs.models import CohortStatus, EnrollmentStatus, FacilitatorRole
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
    user_with_role,
)


@pytest.fixture
def latsar(world, pia_employee):
    """A running Latsar cohort in Medan: Pia and four others, a widyaiswara on a session."""
    cohort = CohortFactory(
        program=ProgramFactory(owner=world.medan, name="Latsar CPNS Medan"),
        name="Angkatan 1",
        start_date=dt.date(2026, 9, 7),
        end_date=dt.date(2026, 9, 25),
        status=CohortStatus.RUNNING,
    )
    widyaiswara = EmployeeFactory(name="Wina Widyaiswara", unit=world.medan_health)
    SessionFactory(
        cohort=cohort, facilitator=widyaiswara, facilitator_role=FacilitatorRole.WIDYAISWARA
    )
    people = [pia_employee] + [
        EmployeeFactory(name=f"Peserta {i}", unit=world.medan_health) for i in range(4)
    ]
    enrollments = [
        EnrollmentFactory(cohort=cohort, employee=p, status=EnrollmentStatus.ATTENDING)
        for p in people
    ]
    return cohort, widyaiswara, enrollments


def _plan(cohort):
    test = services.component_add(
        actor=None, cohort=cohort, name="Tes akhir", kind=ComponentKind.TEST, weight=Decimal(40)
    )
    project = services.component_add(
        actor=None,
        cohort=cohort,
        name="Aktualisasi",
        kind=ComponentKind.PROJECT,
        weight=Decimal(30),
    )
    services.component_add(
        actor=None, cohort=cohort, name="Sikap", kind=ComponentKind.ATTITUDE, weight=Decimal(30)
    )
    return test, project


def _all(value):
    return dict.fromkeys(CoreValue.values, value)


def test_weights_cannot_pass_one_hundred_and_attitude_is_rated_once(latsar):
    cohort, *_ = latsar
    _plan(cohort)
    with pytest.raises(ValidationError) as caught:
        services.component_add(
            actor=None, cohort=cohort, name="Lagi", kind=ComponentKind.TEST, weight=Decimal(1)
        )
    assert "101" in caught.value.message_dict["weight"][0]


def test_peers_are_three_and_everyone_is_rated_by_three(latsar):
    cohort, _w, enrollments = latsar
    peers = peer_assignments(cohort)
    assert all(len(raters) == 3 for raters in peers.values())
    counts = {e.employee_id: 0 for e in enrollments}
    for raters in peers.values():
        for rater in raters:
            counts[rater] += 1
    assert set(counts.values()) == {3}


def test_only_facilitators_and_assigned_peers_may_rate(latsar, world):
    cohort, widyaiswara, enrollments = latsar
    pia = enrollments[0]
    assert rater_kind_for(widyaiswara.pk, pia) == "fasilitator"
    peer = peer_assignments(cohort)[pia.pk][0]
    assert rater_kind_for(peer, pia) == "rekan"
    assert rater_kind_for(pia.employee_id, pia) is None
    outsider = EmployeeFactory(unit=world.medan_health)
    with pytest.raises(ValidationError, match="bukan fasilitator"):
        services.attitude_rate(actor=None, enrollment=pia, rater=outsider, scores=_all(4))


def test_final_score_weights_the_components_and_gives_the_qualification(latsar):
    cohort, widyaiswara, enrollments = latsar
    test, project = _plan(cohort)
    pia = enrollments[0]
    services.scores_save(
        actor=None,
        cohort=cohort,
        entries={(pia.pk, test.pk): "90", (pia.pk, project.pk): "85,5"},
    )
    services.attitude_rate(actor=None, enrollment=pia, rater=widyaiswara, scores=_all(4))
    computed, skipped = services.results_compute(actor=None, cohort=cohort)
    assert computed == 1 and len(skipped) == 4  # the others have no scores yet
    result = AssessmentResult.objects.get(enrollment=pia)
    # 0.4·90 + 0.3·85.5 + 0.3·(4 × 20) = 36 + 25.65 + 24 = 85.65 -> Memuaskan (> 80).
    assert result.final_score == Decimal("85.65")
    assert result.qualification == "satisfactory"  # Memuaskan


def test_a_bad_score_names_row_and_column_and_saves_nothing(latsar):
    cohort, _w, enrollments = latsar
    test, project = _plan(cohort)
    with pytest.raises(ValidationError) as caught:
        services.scores_save(
            actor=None,
            cohort=cohort,
            entries={(enrollments[0].pk, test.pk): "80", (enrollments[1].pk, project.pk): "120"},
        )
    assert "Baris Peserta 0, kolom Aktualisasi: “120” bukan nilai 0–100." in caught.value.messages
    assert not ComponentScore.objects.exists()


def test_raters_who_disagree_send_the_result_to_moderation(latsar):
    cohort, widyaiswara, enrollments = latsar
    test, project = _plan(cohort)
    pia = enrollments[0]
    services.scores_save(
        actor=None, cohort=cohort, entries={(pia.pk, test.pk): "70", (pia.pk, project.pk): "70"}
    )
    services.attitude_rate(actor=None, enrollment=pia, rater=widyaiswara, scores=_all(5))
    peer = peer_assignments(cohort)[pia.pk][0]
    services.attitude_rate(
        actor=None, enrollment=pia, rater=type(widyaiswara).objects.get(pk=peer), scores=_all(2)
    )
    services.results_compute(actor=None, cohort=cohort)
    result = AssessmentResult.objects.get(enrollment=pia)
    assert result.needs_moderation  # rater means 5 and 2 differ by 3 > 1
    services.result_moderate(actor=None, result=result, attitude_score=Decimal(80), note="rapat")
    result.refresh_from_db()
    assert not result.needs_moderation
    # 0.4·70 + 0.3·70 + 0.3·80 = 73
    assert result.final_score == Decimal("73.00")


def test_an_appeal_upheld_revises_the_score_and_qualification(latsar):
    cohort, widyaiswara, enrollments = latsar
    test, project = _plan(cohort)
    pia = enrollments[0]
    services.scores_save(
        actor=None, cohort=cohort, entries={(pia.pk, test.pk): "70", (pia.pk, project.pk): "70"}
    )
    services.attitude_rate(actor=None, enrollment=pia, rater=widyaiswara, scores=_all(3))
    services.results_compute(actor=None, cohort=cohort)
    result = AssessmentResult.objects.get(enrollment=pia)
    appeal = services.appeal_file(actor=None, result=result, reason="Nilai proyek belum masuk.")
    with pytest.raises(ValidationError):
        services.appeal_file(actor=None, result=result, reason="Lagi")
    services.results_compute(actor=None, cohort=cohort)  # leaves the appealed result alone
    services.appeal_decide(
        actor=None, appeal=appeal, upheld=True, decision="Diperbaiki", revised_score=Decimal(81)
    )
    result.refresh_from_db()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD
    assert (result.final_score, result.qualification) == (Decimal("81.00"), "satisfactory")
    assert result.status == ResultStatus.REVISED


def test_the_widyaiswara_rates_from_the_workspace(client, latsar, world):
    cohort, widyaiswara, enrollments = latsar
    _plan(cohort)
    user = user_with_role("wina", "mentor", world.medan, employee=widyaiswara)
    client.force_login(user)
    page = client.get(reverse("development:me")).content.decode()
    assert "Nilai sikap Pia Lestari" in page
    url = reverse("development:attitude_rate", args=[enrollments[0].pk])
    assert client.post(url, {"comment": "x"}).status_code == 200  # every value required
    response = client.post(url, {**_all("4"), "comment": "Aktif dan santun"})
    assert response.status_code == 302
    page = client.get(reverse("development:me")).content.decode()
    assert "Nilai sikap Pia Lestari" not in page


def test_someone_who_is_not_a_rater_gets_a_404(client, latsar, pia):
    cohort, _w, enrollments = latsar
    client.force_login(pia)
    assert (
        client.get(reverse("development:attitude_rate", args=[enrollments[0].pk])).status_code
        == 404
    )


def test_the_office_page_saves_the_grid_and_keeps_what_was_typed_on_error(client, olga, latsar):
    cohort, _w, enrollments = latsar
    test, _project = _plan(cohort)
    client.force_login(olga)
    url = reverse("development:scores_save", args=[cohort.pk])
    bad = client.post(
        url, {f"s-{enrollments[0].pk}-{test.pk}": "88", f"s-{enrollments[1].pk}-{test.pk}": "abc"}
    )
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "“abc” bukan nilai 0–100" in page
    assert 'value="88"' in page and 'value="abc"' in page
    ok = client.post(url, {f"s-{enrollments[0].pk}-{test.pk}": "88"})
    assert ok.status_code == 302
    assert ComponentScore.objects.get().score == Decimal("88.00")


def test_a_participant_appeals_only_their_own_result(client, pia, latsar, world):
    cohort, widyaiswara, enrollments = latsar
    result = AssessmentResult.objects.create(
        enrollment=enrollments[1],
        final_score=70,
        qualification="less_satisfactory",
        computed_at=dt.datetime(2026, 9, 30, tzinfo=dt.UTC),
    )
    client.force_login(pia)
    assert (
        client.post(
            reverse("development:appeal_file", args=[result.pk]), {"reason": "x"}
        ).status_code
        == 404
    )


def test_final_results_reach_l2_of_the_evaluation(latsar, alice):
    cohort, widyaiswara, enrollments = latsar
    test, project = _plan(cohort)
    for e in enrollments:
        services.scores_save(
            actor=None, cohort=cohort, entries={(e.pk, test.pk): "90", (e.pk, project.pk): "80"}
        )
        services.attitude_rate(actor=None, enrollment=e, rater=widyaiswara, scores=_all(4))
    services.results_compute(actor=None, cohort=cohort)
    # Only finished cohorts count in an evaluation (decision 0045): close it first.
    cohort.status = CohortStatus.FINISHED
    cohort.save(update_fields=["status"])
    result = evaluate(user_access(alice), Scope(cohort_id=cohort.pk))
    mean, satisfactory = result.l2.assessment
    # Everyone: 0.4·90 + 0.3·80 + 0.3·80 = 84 -> Memuaskan; five participants.
    assert mean.n == 5 and mean.value == pytest.approx(84.0)
    assert satisfactory.value == pytest.approx(100.0)
