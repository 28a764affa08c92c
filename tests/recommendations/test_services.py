"""Saving recommendations, their status lifecycle and threshold overrides, all audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sieva.audit.models import AuditEvent
from sieva.evaluation.engine.scope import Scope
from sieva.evaluation.models import ThresholdOverride
from sieva.evaluation.selectors import thresholds_for
from sieva.evaluation.services import threshold_set
from sieva.org.access import user_access
from sieva.recommendations.models import RecommendationStatus
from sieva.recommendations.selectors import previous_recommendations
from sieva.recommendations.services import (
    period_of,
    recommendation_advance,
    recommendation_assign,
    recommendations_save,
    scope_key,
)
from tests.recommendations.conftest import sample_findings


def test_saving_stores_one_row_per_recommendation_under_the_programs_owner(saved, world):
    expected = sum(len(f.recommendations) for f in sample_findings())
    assert len(saved) == expected
    assert {r.scope for r in saved} == {world.medan}
    assert all(r.status == RecommendationStatus.PROPOSED for r in saved)
    assert AuditEvent.objects.filter(action="recommendation.create").count() == expected


def test_saving_again_is_idempotent_and_keeps_the_status(alice, saved, medan_program):
    access = user_access(alice)
    recommendation_advance(
        actor=alice, access=access, record=saved[0], to_status=RecommendationStatus.ACCEPTED
    )
    again = recommendations_save(
        alice, access, f"program={medan_program.pk}", "2025", sample_findings()
    )
    assert [r.pk for r in again] == [r.pk for r in saved]
    again[0].refresh_from_db()
    assert again[0].status == RecommendationStatus.ACCEPTED
    assert not AuditEvent.objects.filter(action="recommendation.update").exists()


def test_the_status_moves_forward_one_step_at_a_time_and_is_audited(alice, saved):
    access, record = user_access(alice), saved[0]
    with pytest.raises(ValidationError):
        recommendation_advance(
            actor=alice, access=access, record=record, to_status=RecommendationStatus.DONE
        )
    for status in (
        RecommendationStatus.ACCEPTED,
        RecommendationStatus.DONE,
        RecommendationStatus.REEVALUATED,
    ):
        recommendation_advance(actor=alice, access=access, record=record, to_status=status)
    with pytest.raises(ValidationError):  # nothing follows, and nothing goes back
        recommendation_advance(
            actor=alice, access=access, record=record, to_status=RecommendationStatus.PROPOSED
        )
    events = AuditEvent.objects.filter(action="recommendation.status").order_by("pk")
    assert [e.changes["status"][1] for e in events] == [
        "diterima",
        "dilaksanakan",
        "dievaluasi_ulang",
    ]


def test_a_leader_cannot_change_a_status_and_another_region_cannot_save_here(
    lina, bob, saved, medan_program
):
    with pytest.raises(PermissionDenied):
        recommendation_advance(
            actor=lina, access=user_access(lina), record=saved[0], to_status="diterima"
        )
    with pytest.raises(PermissionDenied):
        recommendations_save(
            bob, user_access(bob), f"program={medan_program.pk}", "2025", sample_findings()
        )


def test_the_owner_must_be_inside_the_users_scope(alice, bob, world, saved):
    access = user_access(alice)
    recommendation_assign(
        actor=alice, access=access, record=saved[0], owner_unit=world.medan_health, owner_user=None
    )
    assert AuditEvent.objects.filter(action="recommendation.assign").exists()
    with pytest.raises(PermissionDenied):
        recommendation_assign(
            actor=alice, access=access, record=saved[0], owner_unit=world.palembang, owner_user=None
        )
    with pytest.raises(PermissionDenied):
        recommendation_assign(
            actor=alice, access=access, record=saved[0], owner_unit=None, owner_user=bob
        )


def test_the_next_period_shows_last_periods_recommendations(alice, saved, medan_program):
    access = user_access(alice)
    key = f"program={medan_program.pk}"
    recommendations_save(alice, access, key, "2026", sample_findings())
    previous = previous_recommendations(access, key, "2026")
    assert {r.pk for r in previous} == {r.pk for r in saved}
    assert previous_recommendations(access, key, "2025") == []


def test_a_bad_period_is_refused(alice, medan_program):
    with pytest.raises(ValidationError, match="Periode"):
        recommendations_save(alice, user_access(alice), "program=", "tahun lalu", [])


def test_scope_keys_and_periods(world):
    import datetime as dt

    scope = Scope(
        program_id=3, node=world.medan, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)
    )
    assert scope_key(scope) == f"program=3;cohort=;node={world.medan.pk};kind="
    assert period_of(scope) == "2025"
    assert period_of(Scope()) == "semua"


def test_a_threshold_change_is_audited_with_old_and_new_values(alice, world):
    access = user_access(alice)
    threshold_set(actor=alice, access=access, node=world.medan, key="min_alpha", value=0.6)
    threshold_set(actor=alice, access=access, node=world.medan, key="min_alpha", value=0.65)
    threshold_set(actor=alice, access=access, node=world.medan, key="min_alpha", value=None)
    changes = [
        e.changes["value"]
        for e in AuditEvent.objects.filter(org_path=world.medan.path).order_by("pk")
    ]
    assert changes == [[None, 0.6], [0.6, 0.65], [0.65, None]]
    assert not ThresholdOverride.objects.exists()
    assert thresholds_for(world.medan)["min_alpha"] == 0.7


def test_thresholds_are_for_admins_in_scope_and_within_range(alice, olga, world):
    with pytest.raises(PermissionDenied):
        threshold_set(actor=olga, access=user_access(olga), node=world.medan, key="min_n", value=9)
    with pytest.raises(PermissionDenied):
        threshold_set(
            actor=alice, access=user_access(alice), node=world.palembang, key="min_n", value=9
        )
    with pytest.raises(ValidationError):
        threshold_set(
            actor=alice, access=user_access(alice), node=world.medan, key="min_n", value=1
        )
    with pytest.raises(ValidationError):
        threshold_set(actor=alice, access=user_access(alice), node=world.medan, key="nope", value=1)
