"""Forms of the employee pages: they parse and label input; `sieva.org.services` decides.

Every unit or person a form offers or accepts lies in the user's subtree. The unit pages'
forms live in `unit_forms`.
"""

import re
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils.translation import gettext_lazy as _

from sieva.org.access import Access, org_units_for_user, scope_queryset, unit_choices_for_user
from sieva.org.grades import PNS_GRADES, PPPK_GRADES
from sieva.org.models import AsnKind, Employee, OrgUnit, PositionKind
from sieva.org.services import employee_input_errors
from sieva.org.services.unit_rules import unit_label

INACTIVE_UNIT = _("%(unit)s — nonaktif")
SUPERVISOR_NOT_FOUND = _("Tidak ada pegawai dengan NIP %(nip)s dalam cakupan Anda.")
IMPORT_EXTENSIONS = (".csv", ".xlsx")
IMPORT_BAD_EXTENSION = _("Unggah berkas CSV atau XLSX (berakhiran .csv atau .xlsx).")
ACTIVE_CHOICES = [
    ("aktif", _("Aktif")),
    ("nonaktif", _("Tidak aktif")),
    ("semua", _("Semua")),
]
_NIP_SEPARATORS = re.compile(r"[\s.\-]")
# The fields an edit form shows exactly as stored (unit and supervisor are looked up).
_STORED_AS_TYPED = (
    "nip",
    "name",
    "asn_kind",
    "grade",
    "position_kind",
    "position_level",
    "position_name",
    "education",
    "contract_start",
    "is_active",
)


def _field(name: str, **kwargs: Any) -> forms.Field:
    """The model field's own form field, so labels, lengths and choices are written once."""
    return Employee._meta.get_field(name).formfield(**kwargs)  # type: ignore[no-any-return]


def _all_first(choices: Any, label: Any) -> list[tuple[str, Any]]:
    return [("", label), *choices]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class _IndentedUnits(ModelChoiceIterator):
    """Options indented by depth below the shallowest unit offered, read in one query."""

    def __iter__(self) -> Iterator[tuple[Any, str]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        units = list(self.queryset)
        top = min((unit.depth for unit in units), default=0)
        for unit in units:
            value = ModelChoiceIteratorValue(self.field.prepare_value(unit), unit)
            yield (value, f"{'· ' * (unit.depth - top)}{self.field.label_from_instance(unit)}")


class UnitChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A unit picker whose options read "Nama (KODE)", indented below the user's scope root.

    The offered units are the user's subtree, so its root (e.g. Pemerintah Kota Medan) has no
    dots and each level below gets one; dots counted from the national root would push every
    name of a city's admin three levels in. The code tells apart units of one name (two
    "Loket Kecamatan Helvetia") and is what imports ask for. Which units are offered is the
    form's choice: `unit_choices_for_user` (active units) where a record is placed,
    `org_units_for_user` (inactive ones too, marked so) where past records are filtered.
    """

    iterator = _IndentedUnits

    def label_from_instance(self, obj: OrgUnit) -> str:
        label = unit_label(obj)
        return label if obj.active else str(INACTIVE_UNIT) % {"unit": label}


class DescribedForm(forms.Form):
    """Links each input to its help text and error message (``aria-describedby``).

    The ids match those of ``_field.html``: ``<input id>_help`` and ``<input id>_error``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self._describe(name)

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        for name in self._errors or {}:
            if name in self.fields:
                self._describe(name)

    def _describe(self, name: str) -> None:
        bound, attrs = self[name], self.fields[name].widget.attrs
        ids = []
        if self.fields[name].help_text:
            ids.append(f"{bound.auto_id}_help")
        if self._errors and name in self._errors:
            ids.append(f"{bound.auto_id}_error")
            attrs["aria-invalid"] = "true"
        if ids:
            attrs["aria-describedby"] = " ".join(ids)


class EmployeeFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari NIP atau nama"), required=False, max_length=100)
    unit = UnitChoiceField(
        label=_("Unit (termasuk subunit)"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Seluruh cakupan"),
    )
    asn_kind = forms.ChoiceField(
        label=_("Jenis ASN"), required=False, choices=_all_first(AsnKind.choices, _("Semua"))
    )
    grade = forms.ChoiceField(
        label=_("Golongan"),
        required=False,
        choices=_all_first(
            [
                (_("PNS"), [(g, g) for g in PNS_GRADES]),
                (_("PPPK"), [(g, g) for g in PPPK_GRADES]),
            ],
            _("Semua"),
        ),
    )
    position_kind = forms.ChoiceField(
        label=_("Jenis jabatan"),
        required=False,
        choices=_all_first(PositionKind.choices, _("Semua")),
    )
    active = forms.ChoiceField(label=_("Status"), required=False, choices=ACTIVE_CHOICES)

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = org_units_for_user(access)  # type: ignore[attr-defined]

    def clean_active(self) -> bool | None:
        return {"nonaktif": False, "semua": None}.get(self.cleaned_data["active"], True)


class EmployeeForm(DescribedForm):
    nip = forms.CharField(
        label=_("NIP / NI PPPK"),
        max_length=30,
        help_text=_("18 digit, spasi boleh. Tanggal lahir dan jenis kelamin dibaca dari NIP."),
    )
    name = _field("name")
    asn_kind = _field("asn_kind")
    grade = forms.CharField(
        label=_("Golongan"),
        max_length=20,
        help_text=_("PNS: I/a sampai IV/e (mis. III/a); PPPK: I sampai XVII."),
    )
    position_kind = _field("position_kind")
    position_level = _field("position_level", help_text=_("Hanya untuk jabatan fungsional."))
    position_name = _field("position_name")
    education = _field("education")
    unit = UnitChoiceField(label=_("Unit kerja"), queryset=OrgUnit.objects.none())
    supervisor = forms.CharField(
        label=_("NIP atasan langsung"),
        max_length=30,
        required=False,
        help_text=_("Kosongkan bila tidak ada; atasan harus pegawai dalam cakupan Anda."),
    )
    contract_start = _field("contract_start", widget=DateInput())
    is_active = _field("is_active")

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        self.access = access
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_choices_for_user(  # type: ignore[attr-defined]
            access, keep=self.initial.get("unit")
        )

    def clean_supervisor(self) -> Employee | None:
        nip = _NIP_SEPARATORS.sub("", self.cleaned_data["supervisor"])
        if not nip:
            return None
        found = scope_queryset(Employee.objects.select_related("unit"), self.access, "unit")
        supervisor = found.filter(nip=nip).first()
        if supervisor is None:
            raise ValidationError(SUPERVISOR_NOT_FOUND, params={"nip": nip})
        return supervisor

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        problems = employee_input_errors(
            nip=cleaned.get("nip"), asn_kind=cleaned.get("asn_kind"), grade=cleaned.get("grade")
        )
        for name, message in problems.items():
            if name not in self.errors:
                self.add_error(name, message)
        return cleaned

    @staticmethod
    def initial_for(employee: Employee) -> dict[str, Any]:
        initial = {name: getattr(employee, name) for name in _STORED_AS_TYPED}
        initial["unit"] = employee.unit_id
        initial["supervisor"] = employee.supervisor.nip if employee.supervisor else ""
        return initial


class EmployeeImportForm(DescribedForm):
    file = forms.FileField(
        label=_("Berkas pegawai (CSV atau XLSX)"),
        help_text=_("Baris pertama berisi nama kolom sesuai templat."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if PurePath(upload.name).suffix.lower() not in IMPORT_EXTENSIONS:
            raise ValidationError(IMPORT_BAD_EXTENSION)
        return upload
