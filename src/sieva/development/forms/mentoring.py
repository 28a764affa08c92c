"""Forms of the mentoring pages; the rules live in the services, these only parse input."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.development.models import (
    MentoringGoal,
    MentoringScheme,
    MentoringSession,
    SessionMode,
    SessionStatus,
)
from sieva.org.models import Employee
from sieva.programs.forms import DateInput

NIP_UNKNOWN = _("Tidak ada pegawai aktif dengan NIP %(nip)s di instansi ini.")


def _model_field(model: Any, name: str, **kwargs: Any) -> forms.Field:
    return model._meta.get_field(name).formfield(**kwargs)  # type: ignore[no-any-return]


class SchemeForm(forms.Form):
    mentor_capacity = _model_field(MentoringScheme, "mentor_capacity")
    meeting_interval_weeks = _model_field(MentoringScheme, "meeting_interval_weeks")
    max_gap_weeks = _model_field(MentoringScheme, "max_gap_weeks")


class EmployeeByNipField(forms.CharField):
    """An 18-digit NIP typed (spaces allowed), resolved to an active employee under `root`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("NIP"))
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)
        self.root_path = "/"

    def clean(self, value: Any) -> Employee | None:  # type: ignore[override]
        nip = "".join(str(super().clean(value)).split())
        if not nip and not self.required:
            return None
        employee = Employee.objects.filter(
            nip=nip, is_active=True, unit__path__startswith=self.root_path
        ).first()
        if employee is None:
            raise forms.ValidationError(NIP_UNKNOWN, params={"nip": nip})
        return employee


class MentorAddForm(forms.Form):
    nip = EmployeeByNipField()
    field = forms.CharField(
        label=_("Bidang"),
        required=False,
        max_length=120,
        help_text=_("Mis. Perawat, Analis Kepegawaian; kosong = nama jabatan mentor."),
    )
    capacity = forms.IntegerField(
        label=_("Kapasitas (mentee)"),
        required=False,
        min_value=1,
        max_value=20,
        help_text=_("Kosong = kapasitas bawaan skema."),
    )

    def __init__(self, *args: Any, root_path: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nip"].root_path = root_path  # type: ignore[attr-defined]


class PairForm(forms.Form):
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=Employee.objects.none())
    mentee = forms.ModelChoiceField(label=_("Mentee"), queryset=Employee.objects.none())
    started_on = forms.DateField(label=_("Mulai"), widget=DateInput())

    def __init__(self, *args: Any, mentors: Any, mentees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentors  # type: ignore[attr-defined]
        self.fields["mentee"].queryset = mentees  # type: ignore[attr-defined]
        self.fields["started_on"].initial = timezone.localdate()


class GoalForm(forms.Form):
    title = _model_field(MentoringGoal, "title")
    expected = _model_field(MentoringGoal, "expected", widget=forms.Textarea(attrs={"rows": 2}))
    weight = forms.TypedChoiceField(
        label=_("Bobot"),
        coerce=int,
        choices=[(1, _("1 – biasa")), (2, _("2 – penting")), (3, _("3 – sangat penting"))],
        initial=1,
    )


GAS_CHOICES = [
    (-2, _("−2 jauh di bawah harapan")),
    (-1, _("−1 di bawah harapan")),
    (0, _("0 sesuai harapan")),
    (1, _("+1 di atas harapan")),
    (2, _("+2 jauh di atas harapan")),
]


class GoalScoreForm(forms.Form):
    level = forms.TypedChoiceField(label=_("Capaian"), coerce=int, choices=GAS_CHOICES)


class SessionLogForm(forms.Form):
    date = _model_field(MentoringSession, "date", widget=DateInput())
    status = forms.ChoiceField(
        label=_("Status"), choices=SessionStatus.choices, initial=SessionStatus.HELD
    )
    mode = forms.ChoiceField(label=_("Moda"), choices=SessionMode.choices)
    duration_minutes = _model_field(MentoringSession, "duration_minutes")
    topic = _model_field(MentoringSession, "topic")
    agreed_actions = _model_field(
        MentoringSession, "agreed_actions", widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()


class PairCloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Akhiri sebagai"),
        choices=[("selesai", _("Selesai")), ("dihentikan", _("Dihentikan"))],
    )
    ended_on = forms.DateField(label=_("Tanggal berakhir"), widget=DateInput())
