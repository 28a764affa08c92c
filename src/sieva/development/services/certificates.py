"""Certificates (STTPP) of participants who completed a cohort."""

import datetime as dt
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.development.models import Certificate
from sieva.programs.models import Enrollment, EnrollmentStatus, Program

NOT_PASSED = _("Sertifikat hanya untuk peserta yang dinyatakan selesai/lulus.")
CODE_BYTES = 12  # 16 URL-safe characters: unguessable, short enough for a QR code


@transaction.atomic
def certificate_issue(
    *, actor: Any, enrollment: Enrollment, today: dt.date | None = None
) -> Certificate:
    """The certificate of a participant who passed, issued on first request (idempotent).

    Numbered ``STTPP/<program code>/<year>/<nnnn>`` in issue order within the program and
    year; the program row is locked so two requests cannot take one number."""
    existing = Certificate.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing
    if enrollment.status != EnrollmentStatus.PASSED:
        raise ValidationError(NOT_PASSED)
    program = Program.objects.select_for_update().get(pk=enrollment.cohort.program_id)
    issued_on = today or timezone.localdate()
    year = enrollment.cohort.end_date.year
    prefix = f"STTPP/{program.code}/{year}/"
    count = Certificate.objects.filter(number__startswith=prefix).count()
    certificate = Certificate.objects.create(
        enrollment=enrollment,
        number=f"{prefix}{count + 1:04d}",
        issued_on=issued_on,
        code=secrets.token_urlsafe(CODE_BYTES),
    )
    audit_record(
        actor=actor,
        action="certificate.issue",
        obj=certificate,
        org_path=program.owner.path,
        changes={"enrollment": enrollment.pk, "number": certificate.number},
    )
    return certificate
