"""The demo gives each persona their part of people development to try in the browser."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from sieva.development.models import (
    ActionPlan,
    Appeal,
    AssessmentResult,
    ExternalLearning,
    MentoringPair,
    Nomination,
    Notification,
    PairStatus,
    ReviewStatus,
    TalentPlacement,
)
from sieva.development.selectors.mentoring_outcomes import scheme_outcomes
from sieva.development.selectors.team import team
from sieva.development.selectors.workspace import workspace
from sieva.org.models import RoleAssignment

pytestmark = pytest.mark.django_db


def _employee(username):
    return (
        RoleAssignment.objects.select_related("employee__unit")
        .get(user__username=username)
        .employee
    )


def test_the_mentor_persona_has_active_pairs_with_goals_and_sessions(demo):
    mentor = _employee("mentor.medan")
    active = MentoringPair.objects.filter(mentor=mentor, status=PairStatus.ACTIVE)
    assert active.exists()
    assert all(pair.goals.exists() for pair in active)
    assert MentoringPair.objects.filter(mentor=mentor).exclude(sessions=None).exists()


def test_the_participant_persona_finds_a_questionnaire_a_certificate_and_learning(demo):
    user = get_user_model().objects.get(username="peserta.medan")
    ws = workspace(_employee("peserta.medan"), user.pk)
    assert ws.unread_notifications, "the demo's reminders wait in the app"
    assert ws.questionnaires, "a questionnaire waits in /saya/"
    assert any(t.status == "lulus" for t in ws.learning.training), "a certificate to download"
    assert {x.status for x in ws.external} == {ReviewStatus.APPROVED, ReviewStatus.SUBMITTED}
    assert ws.action_plans and ws.idp is not None and ws.idp.items.exists()
    assert ws.results


def test_the_supervisor_persona_has_l3_ratings_checks_and_a_nomination(demo):
    supervisor = _employee("atasan.medan")
    view = team(supervisor)
    assert view.ratings and all(i.campaign.signed_in_only for i in view.ratings)
    assert view.checks
    assert Nomination.objects.filter(nominated_by=supervisor).exists()


def test_the_office_has_a_matched_comparison_results_an_appeal_and_a_9_box(demo):
    schemes = {
        p.scheme for p in MentoringPair.objects.select_related("scheme__cohort__program__owner")
    }
    compared = [scheme_outcomes(s).comparison for s in schemes]
    assert any(c is not None and c.matched >= 3 for c in compared)
    assert AssessmentResult.objects.exists() and Appeal.objects.exists()
    assert TalentPlacement.objects.exists()
    assert ActionPlan.objects.values("status").distinct().count() >= 2
    assert ExternalLearning.objects.exists()
    assert Notification.objects.exists()


def test_the_workspace_pages_open_for_the_personas(demo, client):
    users = get_user_model().objects
    for username, name in (
        ("peserta.medan", "development:me"),
        ("atasan.medan", "development:team"),
        ("mentor.medan", "development:mentoring"),
    ):
        client.force_login(users.get(username=username))
        assert client.get(reverse(name)).status_code == 200, username
