"""Reads about people: who may be enrolled, and the participant export of a cohort."""

import re
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from sieva.org.access import Access, scope_queryset, unit_choices_for_user
from sieva.org.models import Employee, OrgUnit
from sieva.programs.models import Cohort, Enrollment
from sieva.programs.selectors.cohorts import cohort_enrollments, status_counts

SEARCH_LIMIT = 20
SEARCH_MIN_LENGTH = 2


def enrollment_candidates(access: Access, cohort: Cohort, query: str) -> list[Employee]:
    """Up to `SEARCH_LIMIT` active employees of the owner's subtree (and the user's scope)
    matching a name or NIP prefix, each with `is_enrolled`; empty for a query under 2 characters.
    """
    query = query.strip()
    if len(query) < SEARCH_MIN_LENGTH:
        return []
    digits = re.sub(r"[\s.\-]", "", query)
    match = Q(nip__startswith=digits) if digits.isdigit() else Q(name__icontains=query)
    employees = scope_queryset(Employee.objects.all(), access, "unit").filter(
        match, unit__path__startswith=cohort.program.owner.path, is_active=True
    )
    return list(
        employees.select_related("unit")
        .annotate(
            is_enrolled=Exists(Enrollment.objects.filter(cohort=cohort, employee=OuterRef("pk")))
        )
        .order_by("name", "nip")[:SEARCH_LIMIT]
    )


def bulk_units(access: Access, cohort: Cohort) -> QuerySet[OrgUnit]:
    """The active units whose staff may be enrolled in `cohort` in one go."""
    return unit_choices_for_user(access).filter(path__startswith=cohort.program.owner.path)


def participant_export(cohort: Cohort, *, personal: bool) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows) of the participant export: one row per person for roles with personal
    data, otherwise one row per status with its count (no names, no NIP)."""
    if not personal:
        headers = [_("Status"), _("Jumlah peserta")]
        return headers, [[s.label, s.count] for s in status_counts(cohort)]
    headers = [
        _("NIP"),
        _("Nama"),
        _("Unit kerja"),
        _("Status"),
        _("Alasan tidak mengikuti"),
        _("Keterangan"),
        _("Sesi dihadiri"),
        _("JP dihadiri"),
    ]
    rows = [
        [
            e.employee.nip,
            e.employee.name,
            e.employee.unit.name,
            e.get_status_display(),
            e.get_absence_reason_display(),
            e.absence_note,
            e.sessions_attended,  # type: ignore[attr-defined]
            e.jp_attended or 0,  # type: ignore[attr-defined]
        ]
        for e in cohort_enrollments(cohort)
    ]
    return headers, rows
