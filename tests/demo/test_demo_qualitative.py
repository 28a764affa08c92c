"""The qualitative demo: studies in three regions, double coding with realistic disagreement,
adjudication left to do in Medan, shared practices and a plan under consultation."""

import pytest

from sieva.evidence.models import (
    Interview,
    PlanStatus,
    Practice,
    PracticeStatus,
    SourceKind,
    Study,
    TrainingPlan,
)
from sieva.evidence.selectors.agreement import agreement_report
from sieva.evidence.selectors.practices import practice_figures
from sieva.evidence.selectors.themes import report_themes, theme_table
from sieva.org.access import user_access
from sieva.org.models import RoleAssignment

pytestmark = pytest.mark.django_db


def _study(code):
    return Study.objects.get(owner__code=code)


def test_each_region_has_a_study_with_fifteen_interviews_and_two_documents(demo):
    for code in ("PEMKOT-MDN", "PEMKOT-PLG", "PEMPROV-DKI"):
        study = _study(code)
        assert study.sources.filter(kind=SourceKind.INTERVIEW).count() == 15
        assert study.sources.filter(kind=SourceKind.DOCUMENT).count() == 2
        assert study.codes.count() == 8 and study.team.count() == 2


def test_transcripts_name_nobody(demo):
    for interview in Interview.objects.select_related("source", "interviewee"):
        assert interview.consent
        if interview.interviewee is not None:
            assert interview.interviewee.name not in interview.source.text
            assert interview.speakers[interview.interviewee.name] == "Narasumber"


def test_two_coders_mostly_agree_and_one_code_needs_revising(demo):
    report = agreement_report(_study("PEMKOT-MDN"))
    assert len(report.coders) == 2 and len(report.sources) == 5
    assert 0.5 < report.overall.alpha < 0.95
    flagged = {row.code.name for row in report.flagged}
    assert "Saran perbaikan program" in flagged
    assert report.open_disagreements  # left for the lead to adjudicate in the browser
    assert not agreement_report(_study("PEMKOT-PLG")).open_disagreements


def test_themes_reach_the_medan_report(demo):
    study = _study("PEMKOT-MDN")
    admin = RoleAssignment.objects.get(user__username="admin.medan").user
    themes = report_themes(user_access(admin), program_ids=[study.program_id])
    assert "Tidak ada dukungan atasan" in {t.name for t in themes.challenges}
    assert themes.quotes and all("Narasumber" not in q.attribution for q in themes.quotes)
    assert theme_table(study, "region").n_sources > 15  # interviews, documents, open answers


def test_medans_practice_is_published_and_adopted_by_palembang(demo):
    medan = Practice.objects.get(owner__code="PEMKOT-MDN")
    assert medan.status == PracticeStatus.PUBLISHED
    assert practice_figures(medan).adopted_elsewhere == ["Pemerintah Kota Palembang"]
    assert Practice.objects.get(owner__code="PEMPROV-DKI").status == PracticeStatus.IN_REVIEW


def test_medans_plan_is_open_for_comments(demo):
    plan = TrainingPlan.objects.get(owner__code="PEMKOT-MDN")
    assert plan.status == PlanStatus.CONSULTATION
    assert plan.items.count() >= 5 and plan.comments.count() == 1
