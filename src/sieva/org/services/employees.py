"""Writes on employees (pegawai): one record at a time from the create and edit pages.

Birth date and gender are never typed: they are read from the NIP (`sieva.org.nip`), so the
three can never disagree. Bulk loading lives in `sieva.org.imports`.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record, model_changes
from sieva.org.access import Access
from sieva.org.grades import GradeError, normalise_grade
from sieva.org.hooks import employees_moved, units_changed
from sieva.org.models import AsnKind, Education, Employee, OrgUnit, PositionKind, PositionLevel
from sieva.org.nip import NipError, ParsedNip, parse_nip

NAME_REQUIRED = _("Nama wajib diisi.")
NIP_TAKEN = _("NIP %(nip)s sudah terdaftar untuk pegawai lain.")
ASN_KIND_INVALID = _("Jenis ASN harus PNS atau PPPK.")
POSITION_KIND_INVALID = _("Jenis jabatan tidak dikenal.")
LEVEL_REQUIRED = _("Jabatan fungsional wajib memiliki jenjang.")
LEVEL_NOT_ALLOWED = _("Jenjang hanya diisi untuk jabatan fungsional.")
LEVEL_MISMATCH = _("Jenjang %(level)s tidak sesuai dengan %(kind)s.")
EDUCATION_INVALID = _("Pendidikan tidak dikenal.")
UNIT_OUT_OF_SCOPE = _("Unit kerja harus berada dalam cakupan Anda.")
UNIT_INACTIVE = _("Unit %(name)s tidak aktif; pegawai aktif harus berada di unit yang aktif.")
SUPERVISOR_OUT_OF_SCOPE = _("Atasan langsung harus pegawai dalam cakupan Anda.")
SUPERVISOR_SELF = _("Pegawai tidak dapat menjadi atasan langsung dirinya sendiri.")
SUPERVISOR_CYCLE = _("Atasan ini berada di bawah pegawai tersebut dalam rantai atasan.")
CONTRACT_START_REQUIRED = _("PPPK wajib memiliki tanggal awal masa perjanjian kerja.")
CONTRACT_START_PNS = _("Awal masa perjanjian kerja hanya diisi untuk PPPK.")
CONTRACT_START_BEFORE_APPOINTMENT = _(
    "Awal masa perjanjian kerja (%(date)s) sebelum tahun pengangkatan pada NI PPPK (%(year)d)."
)
GRADE_REQUIRED = _("Golongan wajib diisi.")

# Jenjang per jenis jabatan fungsional (UU 20/2023 Pasal 18; PermenPANRB 1/2023).
LEVELS_OF_KIND = {
    PositionKind.FUNCTIONAL_EXPERT: {
        PositionLevel.AHLI_PERTAMA,
        PositionLevel.AHLI_MUDA,
        PositionLevel.AHLI_MADYA,
        PositionLevel.AHLI_UTAMA,
    },
    PositionKind.FUNCTIONAL_SKILLED: {
        PositionLevel.PEMULA,
        PositionLevel.TERAMPIL,
        PositionLevel.MAHIR,
        PositionLevel.PENYELIA,
    },
}
_AUDITED_FIELDS = (
    "nip",
    "name",
    "asn_kind",
    "gender",
    "birth_date",
    "grade",
    "position_kind",
    "position_level",
    "position_name",
    "education",
    "unit_id",
    "supervisor_id",
    "contract_start",
    "is_active",
)
# Longest supervisor chain walked when looking for a cycle; real hierarchies are far shorter.
_MAX_CHAIN = 100


def _snapshot(employee: Employee) -> dict[str, Any]:
    return {field: getattr(employee, field) for field in _AUDITED_FIELDS}


def _counted(employee: Employee) -> tuple[Any, ...]:
    """What the per-unit stores above count an employee by (decisions 0069, 0070)."""
    return (employee.unit_id, employee.asn_kind, employee.is_active, employee.contract_start)


def _reason(exc: NipError | GradeError) -> str:
    """The checker's Indonesian reason, translated (both modules are Django-free)."""
    text = gettext(exc.template)
    return text % exc.params if exc.params else text


def employee_input_errors(
    *, nip: str | None, asn_kind: str | None, grade: str | None
) -> dict[str, str]:
    """Problems in the NIP and golongan alone (no database), keyed by form field.

    The form reports them together with its own errors, so a bad NIP is named even while
    other fields are still empty; `None` means the value is missing and is not checked.
    The services check again (with the database) before writing.
    """
    errors: dict[str, str] = {}
    kind = asn_kind if asn_kind in AsnKind.values else None
    if nip:
        try:
            parse_nip(nip, kind)
        except NipError as exc:
            errors["nip"] = _reason(exc)
    if grade and grade.strip() and kind is not None:
        try:
            normalise_grade(grade, kind)
        except GradeError as exc:
            errors["grade"] = _reason(exc)
    return errors


def _supervisor_errors(
    access: Access, employee: Employee | None, supervisor: Employee | None
) -> Any:
    if supervisor is None:
        return None
    if not access.covers(supervisor.unit):
        return SUPERVISOR_OUT_OF_SCOPE
    if employee is None:
        return None
    if supervisor.pk == employee.pk:
        return SUPERVISOR_SELF
    chain_id, seen = supervisor.supervisor_id, 0
    while chain_id is not None and seen < _MAX_CHAIN:
        if chain_id == employee.pk:
            return SUPERVISOR_CYCLE
        chain_id = Employee.objects.filter(pk=chain_id).values_list("supervisor_id", flat=True)[0]
        seen += 1
    return None


def _validated(
    *, access: Access, employee: Employee | None, fields: dict[str, Any]
) -> dict[str, Any]:
    """The fields to store (NIP digits, derived birth date and gender, canonical golongan).

    Raises ValidationError keyed by form field with every problem found, not just the first.
    """
    errors: dict[str, Any] = {}
    asn_kind = fields["asn_kind"]
    values = dict(fields)
    values["name"] = " ".join(fields["name"].split())
    if not values["name"]:
        errors["name"] = NAME_REQUIRED
    if asn_kind not in AsnKind.values:
        errors["asn_kind"] = ASN_KIND_INVALID
        asn_kind = None
    parsed = None
    try:
        parsed = parse_nip(fields["nip"], asn_kind)
    except NipError as exc:
        errors["nip"] = _reason(exc)
    else:
        values.update(nip=parsed.number, birth_date=parsed.birth_date, gender=parsed.gender)
        taken = Employee.objects.filter(nip=parsed.number)
        if employee is not None:
            taken = taken.exclude(pk=employee.pk)
        if taken.exists():
            errors["nip"] = ValidationError(NIP_TAKEN, params={"nip": parsed.number})
    if not fields["grade"].strip():
        errors["grade"] = GRADE_REQUIRED
    elif asn_kind is not None:
        try:
            values["grade"] = normalise_grade(fields["grade"], asn_kind)
        except GradeError as exc:
            errors["grade"] = _reason(exc)
    if error := _position_errors(fields["position_kind"], fields["position_level"]):
        errors.update(error)
    if fields["education"] and fields["education"] not in Education.values:
        errors["education"] = EDUCATION_INVALID
    if not access.covers(fields["unit"]):
        errors["unit"] = UNIT_OUT_OF_SCOPE
    elif fields["is_active"] and not fields["unit"].active:
        errors["unit"] = ValidationError(UNIT_INACTIVE, params={"name": fields["unit"].name})
    if error := _supervisor_errors(access, employee, fields["supervisor"]):
        errors["supervisor"] = error
    if error := _contract_errors(asn_kind, fields["contract_start"], parsed):
        errors["contract_start"] = error
    if errors:
        raise ValidationError(errors)
    return values


def _position_errors(kind: str, level: str) -> dict[str, Any] | None:
    if kind not in PositionKind.values:
        return {"position_kind": POSITION_KIND_INVALID}
    allowed = LEVELS_OF_KIND.get(PositionKind(kind))
    if allowed is None:
        return {"position_level": LEVEL_NOT_ALLOWED} if level else None
    if not level:
        return {"position_level": LEVEL_REQUIRED}
    if level not in allowed:
        labels = {"level": PositionLevel(level).label if level in PositionLevel.values else level}
        labels["kind"] = PositionKind(kind).label
        return {"position_level": ValidationError(LEVEL_MISMATCH, params=labels)}
    return None


def _contract_errors(asn_kind: str | None, start: dt.date | None, parsed: ParsedNip | None) -> Any:
    if asn_kind == AsnKind.PPPK and start is None:
        return CONTRACT_START_REQUIRED
    if asn_kind == AsnKind.PNS and start is not None:
        return CONTRACT_START_PNS
    if start is not None and parsed is not None and start.year < parsed.appointment_year:
        # The NI PPPK carries the appointment year; no contract can start before it.
        params = {"date": start.strftime("%d/%m/%Y"), "year": parsed.appointment_year}
        return ValidationError(CONTRACT_START_BEFORE_APPOINTMENT, params=params)
    return None


def _save(employee: Employee, values: dict[str, Any]) -> None:
    for field, value in values.items():
        setattr(employee, field, value)
    try:
        # A savepoint, so a NIP taken by a concurrent request becomes a form error.
        with transaction.atomic():
            employee.save()
    except IntegrityError:
        raise ValidationError(
            {"nip": ValidationError(NIP_TAKEN, params={"nip": employee.nip})}
        ) from None


@transaction.atomic
def employee_create(
    *,
    actor: Any,
    access: Access,
    nip: str,
    name: str,
    asn_kind: str,
    unit: OrgUnit,
    position_kind: str,
    grade: str,
    position_level: str = "",
    position_name: str = "",
    education: str = "",
    supervisor: Employee | None = None,
    contract_start: dt.date | None = None,
    is_active: bool = True,
) -> Employee:
    """Store a new employee in the user's subtree; ValidationError (per field) on bad input."""
    # The keyword arguments are the record's fields; the signature is the documentation.
    fields = locals().copy()
    del fields["actor"], fields["access"]
    values = _validated(access=access, employee=None, fields=fields)
    employee = Employee()
    _save(employee, values)
    units_changed([employee.unit_id])
    audit_record(
        actor=actor,
        action="employee.create",
        obj=employee,
        org_path=employee.unit.path,
        changes=model_changes({}, _snapshot(employee)),
    )
    return employee


@transaction.atomic
def employee_update(
    *,
    actor: Any,
    access: Access,
    employee: Employee,
    nip: str,
    name: str,
    asn_kind: str,
    unit: OrgUnit,
    position_kind: str,
    grade: str,
    position_level: str = "",
    position_name: str = "",
    education: str = "",
    supervisor: Employee | None = None,
    contract_start: dt.date | None = None,
    is_active: bool = True,
) -> Employee:
    """Change `employee` (already fetched through the scoped getter); audited with old/new.

    ValidationError (per field) on bad input; nothing is written then.
    """
    fields = locals().copy()
    del fields["actor"], fields["access"], fields["employee"]
    values = _validated(access=access, employee=employee, fields=fields)
    before = _snapshot(employee)
    counted_before = _counted(employee)
    _save(employee, values)
    if employee.unit_id != counted_before[0]:
        employees_moved([employee.pk])
    if _counted(employee) != counted_before:
        units_changed({employee.unit_id, counted_before[0]})
    if changes := model_changes(before, _snapshot(employee)):
        audit_record(
            actor=actor,
            action="employee.update",
            obj=employee,
            org_path=employee.unit.path,
            changes=changes,
        )
    return employee
