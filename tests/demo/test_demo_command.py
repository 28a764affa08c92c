"""`sieva demo`: builds once, prints the logins, and is deterministic for a seed."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from sieva.demo.builder import build
from sieva.org.models import Employee, OrgKind, OrgUnit
from sieva.recommendations.models import RecommendationStatus, TrackedRecommendation
from sieva.reports.models import Letterhead, ReportSnapshot, ReportStatus

pytestmark = pytest.mark.django_db

TINY = 0.05  # every unit at its minimum head count: about 350 employees


def _run(**options) -> str:
    out = StringIO()
    call_command("demo", stdout=out, **options)
    return out.getvalue()


def test_it_builds_the_demo_then_only_prints_the_logins_again():
    first = _run(scale=TINY)
    assert "Data demo dibuat" in first
    _signed_reports_with_recommendations_at_every_status()
    second = _run(scale=TINY)
    assert "Data demo sudah ada" in second
    for output in (first, second):
        assert "admin.medan" in output and "peserta.medan" in output and "superadmin" in output
        assert "sieva-demo-2026" in output
        assert output.rstrip().endswith("Buka http://127.0.0.1:8000")


def test_it_rejects_a_scale_that_is_not_positive():
    with pytest.raises(CommandError):
        call_command("demo", "--scale", "0", stdout=StringIO(), stderr=StringIO())


def _nips(seed: int) -> list[str]:
    with transaction.atomic():
        build(scale=TINY, seed=seed)
        nips = list(Employee.objects.order_by("nip").values_list("nip", flat=True))
        transaction.set_rollback(True)
    return nips


def test_the_same_seed_gives_the_same_people_and_another_seed_does_not():
    first = _nips(7)
    assert _nips(7) == first
    assert _nips(8) != first


def _signed_reports_with_recommendations_at_every_status():
    """Each instansi has its kop (with a logo) and an approved report of last year whose
    recommendations stand at every status; Medan's draft of this year follows them up."""
    for agency in OrgUnit.objects.filter(kind=OrgKind.AGENCY):
        assert Letterhead.objects.get(unit=agency).logo
        report = ReportSnapshot.objects.get(owner=agency, status=ReportStatus.APPROVED)
        assert report.pdf and report.number and report.approver["nip"]
        statuses = set(
            TrackedRecommendation.objects.filter(report_id=report.pk).values_list(
                "status", flat=True
            )
        )
        assert statuses == set(RecommendationStatus.values), agency.name
    draft = ReportSnapshot.objects.get(status=ReportStatus.DRAFT)
    follow_up = next(s for s in draft.document["sections"] if s["key"] == "tindak_lanjut")
    assert any(b["type"] == "table" for b in follow_up["blocks"])
