"""Input forms of the program pages: they parse and label input; the services decide."""

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.org.access import Access, org_units_for_user, scope_queryset, unit_choices_for_user
from sieva.org.forms import UnitChoiceField
from sieva.org.models import Employee, OrgKind, OrgUnit
from sieva.programs.fields import RupiahField
from sieva.programs.models import (
    AbsenceReason,
    BudgetLine,
    Cohort,
    CohortStatus,
    CostCategory,
    DeliveryMode,
    Enrollment,
    EnrollmentStatus,
    Program,
    ProgramKind,
    Session,
    Subject,
)
from sieva.programs.services.cohorts import AMOUNT_MAX, END_BEFORE_START
from sieva.programs.services.sessions import check_session_times


def _field(model: Any, name: str, **kwargs: Any) -> forms.Field:
    """The model field's own form field, so labels and choices are written once."""
    return model._meta.get_field(name).formfield(**kwargs)  # type: ignore[no-any-return]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")


def _blank_first(choices: Any, label: Any) -> list[tuple[str, Any]]:
    return [("", label), *choices]


class ProgramFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau kode"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Jenis"), required=False, choices=_blank_first(ProgramKind.choices, _("Semua"))
    )
    mode = forms.ChoiceField(
        label=_("Moda"), required=False, choices=_blank_first(DeliveryMode.choices, _("Semua"))
    )
    year = forms.TypedChoiceField(
        label=_("Tahun angkatan"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label=_("Status angkatan"),
        required=False,
        choices=_blank_first(CohortStatus.choices, _("Semua")),
    )
    owner = UnitChoiceField(
        label=_("Pemilik"), required=False, queryset=OrgUnit.objects.none(), empty_label=_("Semua")
    )

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = org_units_for_user(access)  # type: ignore[attr-defined]
        # Only years in which the user's own programs have a cohort: nothing else to find.
        years = scope_queryset(Cohort.objects.all(), access, "program__owner").dates(
            "start_date", "year", order="DESC"
        )
        self.fields["year"].choices = _blank_first(  # type: ignore[attr-defined]
            [(d.year, str(d.year)) for d in years], _("Semua")
        )


class ProgramForm(forms.Form):
    code = _field(Program, "code")
    name = _field(Program, "name")
    kind = _field(Program, "kind")
    mode = _field(Program, "mode")
    owner = UnitChoiceField(label=_("Pemilik program"), queryset=OrgUnit.objects.none())
    objectives = _field(Program, "objectives")
    target_competencies = _field(Program, "target_competencies")
    target_group = _field(Program, "target_group")
    organiser = _field(Program, "organiser")
    participation_target = _field(Program, "participation_target", max_value=100)

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = unit_choices_for_user(  # type: ignore[attr-defined]
            access, keep=self.initial.get("owner")
        )
        self.fields["owner"].help_text = _(
            "Unit yang memiliki program; hanya pegawai di bawah unit ini yang dapat menjadi "
            "peserta."
        )

    @staticmethod
    def initial_for(program: Program) -> dict[str, Any]:
        return {name: getattr(program, name) for name in ProgramForm.base_fields}


class SubjectForm(forms.Form):
    name = _field(Subject, "name")
    jp = _field(Subject, "jp")
    order = forms.IntegerField(label=_("Urutan"), required=False, min_value=0)


class CohortForm(forms.Form):
    """Every mistake is reported at once: field checks and the date order run independently."""

    name = _field(Cohort, "name")
    start_date = _field(Cohort, "start_date", widget=DateInput())
    end_date = _field(Cohort, "end_date", widget=DateInput())
    location = _field(Cohort, "location")
    is_online = _field(Cohort, "is_online")
    capacity = _field(Cohort, "capacity", min_value=1)
    status = forms.ChoiceField(label=_("Status"), choices=CohortStatus.choices)

    def __init__(self, *args: Any, statuses: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [  # type: ignore[attr-defined]
            (s.value, s.label) for s in CohortStatus if s.value in statuses
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", END_BEFORE_START)
        return data

    @staticmethod
    def initial_for(cohort: Cohort) -> dict[str, Any]:
        return {name: getattr(cohort, name) for name in CohortForm.base_fields}


class SessionForm(forms.Form):
    """Time order and the JP that fit the clock are checked here too, with the field errors."""

    title = _field(Session, "title")
    subject = forms.ModelChoiceField(
        label=_("Mata pelatihan"), required=False, queryset=Subject.objects.none()
    )
    date = _field(Session, "date", widget=DateInput())
    start_time = _field(Session, "start_time", widget=TimeInput())
    end_time = _field(Session, "end_time", widget=TimeInput())
    jp = _field(Session, "jp")
    facilitator = forms.CharField(
        label=_("NIP fasilitator"),
        required=False,
        max_length=30,
        help_text=_("Widyaiswara atau coach yang tercatat sebagai pegawai di cakupan Anda."),
    )
    facilitator_name = _field(
        Session, "facilitator_name", help_text=_("Untuk narasumber dari luar (tanpa NIP).")
    )
    facilitator_role = _field(Session, "facilitator_role")

    def __init__(self, *args: Any, program: Program, scope_path: str = "/", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scope_path = scope_path
        self.fields["subject"].queryset = program.subjects.order_by("order", "pk")  # type: ignore[attr-defined]
        self.fields["jp"].help_text = _(
            "Bila jam diisi, JP paling banyak lama sesi dibagi %(minutes)s menit."
        ) % {"minutes": settings.SIEVA_JP_MINUTES}

    def clean_facilitator(self) -> Employee | None:
        nip = "".join(self.cleaned_data.get("facilitator", "").split())
        if not nip:
            return None
        employee = Employee.objects.filter(
            nip=nip, is_active=True, unit__path__startswith=self.scope_path
        ).first()
        if employee is None:
            raise forms.ValidationError(
                _("Tidak ada pegawai aktif dengan NIP %(nip)s di cakupan Anda."),
                params={"nip": nip},
            )
        return employee

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end, jp = data.get("start_time"), data.get("end_time"), data.get("jp")
        if start and end:
            errors: dict[str, Any] = {}
            check_session_times(errors, jp if jp is not None else Decimal("0"), start, end)
            for name, error in errors.items():
                self.add_error(name, error)
        return data

    @staticmethod
    def initial_for(session: Session) -> dict[str, Any]:
        initial = {name: getattr(session, name) for name in SessionForm.base_fields}
        initial["facilitator"] = session.facilitator.nip if session.facilitator else ""
        return initial


class EnrollmentSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Cari pegawai (nama atau NIP)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, label: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if label is not None:
            self.fields["q"].label = label


class EnrollmentAddForm(forms.Form):
    employee = forms.IntegerField(widget=forms.HiddenInput)


_NEW_STATUSES = [
    (s.value, s.label) for s in (EnrollmentStatus.INVITED, EnrollmentStatus.REGISTERED)
]


class BulkEnrollmentForm(forms.Form):
    unit = UnitChoiceField(
        label=_("Semua pegawai aktif dari unit kerja"),
        required=False,
        queryset=OrgUnit.objects.none(),
        empty_label=_("— pilih unit —"),
        help_text=_("Termasuk unit di bawahnya."),
    )
    nips = forms.CharField(
        label=_("atau tempelkan daftar NIP"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Satu NIP per baris, atau dipisah koma."),
    )
    status = forms.ChoiceField(label=_("Status awal"), choices=_NEW_STATUSES)

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class EnrollmentStatusForm(forms.Form):
    status = _field(Enrollment, "status")
    absence_reason = forms.ChoiceField(
        label=_("Alasan tidak mengikuti"),
        required=False,
        choices=_blank_first(AbsenceReason.choices, "—"),
        help_text=_("Wajib bila peserta mengundurkan diri."),
    )
    absence_note = _field(Enrollment, "absence_note")


class AttendanceForm(forms.Form):
    """A row of the grid: the participant, and with htmx the one session that changed.
    The ticked session ids (`present`, repeated) are read by the view."""

    enrollment = forms.IntegerField()
    session = forms.IntegerField(required=False)


class BudgetLineForm(forms.Form):
    category = forms.ChoiceField(label=_("Kategori biaya"), choices=CostCategory.choices)
    planned = RupiahField(label=_("Rencana (Rp)"), max_value=AMOUNT_MAX)
    realised = RupiahField(label=_("Realisasi (Rp)"), max_value=AMOUNT_MAX, required=False)
    note = _field(BudgetLine, "note")

    def clean_realised(self) -> Decimal:
        return self.cleaned_data.get("realised") or Decimal("0")

    @staticmethod
    def initial_for(line: BudgetLine) -> dict[str, Any]:
        return {name: getattr(line, name) for name in BudgetLineForm.base_fields}


# Regions and agencies a participation report can be narrowed to (program owners sit there).
_REPORT_NODE_KINDS = (OrgKind.PROVINCE, OrgKind.CITY, OrgKind.AGENCY)


class ProgramChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """Programs named with their owner when several owners run one of the same name, so
    "Pelatihan Layanan Prima" of Medan, Palembang and DKI are three distinct choices."""

    def label_from_instance(self, obj: Program) -> str:
        shared = getattr(obj, "same_name", 1) > 1
        return f"{obj.name} — {obj.owner.name}" if shared else obj.name


class ParticipationFilterForm(forms.Form):
    year = forms.TypedChoiceField(
        label=_("Tahun (mulai angkatan)"), coerce=int, required=False, empty_value=None
    )
    program = ProgramChoiceField(
        label=_("Program"),
        queryset=Program.objects.none(),
        required=False,
        empty_label=_("Semua program"),
    )
    kind = forms.ChoiceField(label=_("Jenis program"), required=False)
    node = UnitChoiceField(
        label=_("Wilayah / instansi"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Seluruh cakupan"),
    )

    def __init__(self, data: Any, *, access: Access) -> None:
        super().__init__(data)
        years = scope_queryset(Cohort.objects.all(), access, "program__owner").dates(
            "start_date", "year", order="DESC"
        )
        self.fields["year"].choices = [("", _("Semua tahun"))] + [
            (d.year, str(d.year)) for d in years
        ]
        same_name = (
            Program.objects.filter(name=OuterRef("name"))
            .values("name")
            .annotate(n=Count("pk"))
            .values("n")
        )
        self.fields["program"].queryset = (
            scope_queryset(Program.objects.all(), access, "owner")
            .select_related("owner")
            .annotate(same_name=Subquery(same_name))
            .order_by("name", "owner__name")
        )
        self.fields["kind"].choices = [("", _("Semua jenis")), *ProgramKind.choices]
        self.fields["node"].queryset = org_units_for_user(access).filter(
            kind__in=_REPORT_NODE_KINDS
        )


class JpFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100, required=False)
    unit = UnitChoiceField(
        label=_("Unit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Seluruh cakupan"),
    )

    def __init__(self, data: Any, *, access: Access) -> None:
        super().__init__(data)
        self.fields["unit"].queryset = org_units_for_user(access)
        self.fields["year"].widget.attrs["placeholder"] = str(timezone.localdate().year)
