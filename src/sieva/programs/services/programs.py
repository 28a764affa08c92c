"""Writes on programs and their curriculum (mata pelatihan with JP)."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record, model_changes
from sieva.org.access import Access
from sieva.org.models import OrgUnit
from sieva.programs.models import DeliveryMode, Enrollment, Program, ProgramKind, Subject
from sieva.programs.services._common import has_more_decimals, snapshot

NAME_REQUIRED = _("Nama wajib diisi.")
CODE_REQUIRED = _("Kode wajib diisi.")
CODE_TAKEN = _("Kode program %(code)s sudah dipakai program lain.")
KIND_INVALID = _("Jenis program tidak dikenal.")
MODE_INVALID = _("Moda penyelenggaraan tidak dikenal.")
OWNER_OUT_OF_SCOPE = _("Instansi pemilik harus berada dalam cakupan Anda.")
OWNER_EXCLUDES_PARTICIPANTS = _(
    "Pemilik tidak dapat diubah ke %(owner)s: %(count)s peserta angkatan program ini berada "
    "di luar unit tersebut."
)
TARGET_RANGE = _("Target partisipasi harus antara 0 dan 100 persen.")
JP_POSITIVE = _("JP harus lebih dari 0.")
JP_ONE_DECIMAL = _("JP paling banyak satu angka desimal (mis. 1,5).")
JP_TOO_LARGE = _("JP terlalu besar (paling banyak 9999,9).")

_PROGRAM_FIELDS = (
    "code",
    "name",
    "kind",
    "mode",
    "owner_id",
    "objectives",
    "target_competencies",
    "target_group",
    "organiser",
    "participation_target",
)
_SUBJECT_FIELDS = ("name", "jp", "order")
JP_MAX = Decimal("9999.9")


def validate_jp(jp: Decimal, field: str = "jp") -> None:
    """Raise ValidationError on `field` unless 0 < `jp` <= 9999.9 with at most one decimal."""
    if jp <= 0:
        raise ValidationError({field: JP_POSITIVE})
    if has_more_decimals(jp, 1):
        raise ValidationError({field: JP_ONE_DECIMAL})
    if jp > JP_MAX:
        raise ValidationError({field: JP_TOO_LARGE})


def _validate_program(
    *, access: Access, program: Program | None, fields: dict[str, Any], owner: OrgUnit
) -> None:
    errors: dict[str, Any] = {}
    if not fields["name"].strip():
        errors["name"] = NAME_REQUIRED
    code = fields["code"].strip()
    if not code:
        errors["code"] = CODE_REQUIRED
    else:
        taken = Program.objects.filter(code__iexact=code)
        if program is not None:
            taken = taken.exclude(pk=program.pk)
        if taken.exists():
            errors["code"] = ValidationError(CODE_TAKEN, params={"code": code})
    if fields["kind"] not in ProgramKind.values:
        errors["kind"] = KIND_INVALID
    if fields["mode"] not in DeliveryMode.values:
        errors["mode"] = MODE_INVALID
    if not access.covers(owner):
        errors["owner"] = OWNER_OUT_OF_SCOPE
    elif program is not None and program.owner_id != owner.pk:
        outside = (
            Enrollment.objects.filter(cohort__program=program)
            .exclude(employee__unit__path__startswith=owner.path)
            .count()
        )
        if outside:
            errors["owner"] = ValidationError(
                OWNER_EXCLUDES_PARTICIPANTS, params={"owner": owner.name, "count": outside}
            )
    if not 0 <= fields["participation_target"] <= 100:
        errors["participation_target"] = TARGET_RANGE
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def program_create(
    *,
    actor: Any,
    access: Access,
    code: str,
    name: str,
    kind: str,
    mode: str,
    owner: OrgUnit,
    objectives: str = "",
    target_competencies: str = "",
    target_group: str = "",
    organiser: str = "",
    participation_target: int = 80,
) -> Program:
    """Create a program owned by `owner`, any node of the user's subtree (decision 0004)."""
    fields = {
        "code": code.strip(),
        "name": name.strip(),
        "kind": kind,
        "mode": mode,
        "objectives": objectives,
        "target_competencies": target_competencies,
        "target_group": target_group,
        "organiser": organiser,
        "participation_target": participation_target,
    }
    _validate_program(access=access, program=None, fields=fields, owner=owner)
    program = Program.objects.create(owner=owner, **fields)
    audit_record(
        actor=actor,
        action="program.create",
        obj=program,
        org_path=owner.path,
        changes={k: [None, v] for k, v in snapshot(program, _PROGRAM_FIELDS).items()},
    )
    return program


@transaction.atomic
def program_update(
    *,
    actor: Any,
    access: Access,
    program: Program,
    code: str,
    name: str,
    kind: str,
    mode: str,
    owner: OrgUnit,
    objectives: str = "",
    target_competencies: str = "",
    target_group: str = "",
    organiser: str = "",
    participation_target: int = 80,
) -> Program:
    """Change a program; the owner may move only where every enrolled participant still fits."""
    fields = {
        "code": code.strip(),
        "name": name.strip(),
        "kind": kind,
        "mode": mode,
        "objectives": objectives,
        "target_competencies": target_competencies,
        "target_group": target_group,
        "organiser": organiser,
        "participation_target": participation_target,
    }
    _validate_program(access=access, program=program, fields=fields, owner=owner)
    before = snapshot(program, _PROGRAM_FIELDS)
    for key, value in fields.items():
        setattr(program, key, value)
    program.owner = owner
    program.save()
    audit_record(
        actor=actor,
        action="program.update",
        obj=program,
        org_path=owner.path,
        changes=model_changes(before, snapshot(program, _PROGRAM_FIELDS)),
    )
    return program


def _validate_subject(name: str, jp: Decimal) -> None:
    if not name.strip():
        raise ValidationError({"name": NAME_REQUIRED})
    validate_jp(jp)


@transaction.atomic
def subject_create(
    *, actor: Any, program: Program, name: str, jp: Decimal, order: int | None = None
) -> Subject:
    """Add a mata pelatihan; without `order` it goes to the end of the curriculum."""
    _validate_subject(name, jp)
    if order is None:
        last = program.subjects.order_by("-order").values_list("order", flat=True).first()
        order = 1 if last is None else last + 1
    subject = Subject.objects.create(program=program, name=name.strip(), jp=jp, order=order)
    audit_record(
        actor=actor,
        action="subject.create",
        obj=subject,
        org_path=program.owner.path,
        changes={"program": [None, program.pk], "name": [None, subject.name], "jp": [None, jp]},
    )
    return subject


@transaction.atomic
def subject_update(
    *, actor: Any, subject: Subject, name: str, jp: Decimal, order: int | None = None
) -> Subject:
    """Rename a subject or change its JP or position."""
    _validate_subject(name, jp)
    before = snapshot(subject, _SUBJECT_FIELDS)
    subject.name, subject.jp = name.strip(), jp
    if order is not None:
        subject.order = order
    subject.save()
    audit_record(
        actor=actor,
        action="subject.update",
        obj=subject,
        org_path=subject.program.owner.path,
        changes=model_changes(before, snapshot(subject, _SUBJECT_FIELDS)),
    )
    return subject


@transaction.atomic
def subject_delete(*, actor: Any, subject: Subject) -> None:
    """Remove a subject; sessions that taught it keep their JP and lose only the link."""
    audit_record(
        actor=actor,
        action="subject.delete",
        obj=subject,
        org_path=subject.program.owner.path,
        changes={"name": [subject.name, None], "jp": [subject.jp, None]},
    )
    subject.delete()
