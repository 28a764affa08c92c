"""Forms of the workspaces: learning reported from elsewhere, its review, nominations."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.development.models import ExternalLearning
from sieva.org.models import Employee
from sieva.programs.forms import DateInput
from sieva.programs.models import Cohort


def _field(name: str, **kwargs: Any) -> forms.Field:
    return ExternalLearning._meta.get_field(name).formfield(**kwargs)  # type: ignore[no-any-return]


class ExternalLearningForm(forms.Form):
    title = _field("title")
    provider = _field("provider")
    kind = _field("kind")
    started_on = _field("started_on", widget=DateInput())
    ended_on = _field("ended_on", widget=DateInput())
    jp = _field("jp", help_text=_("1 JP = 45 menit; kelipatan 0,5."))
    evidence = forms.FileField(
        label=_("Bukti (sertifikat, PDF/JPG/PNG)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class ReviewForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Keputusan"),
        coerce=lambda v: v == "1",
        choices=[("1", _("Setujui (JP masuk catatan pegawai)")), ("0", _("Tolak"))],
        widget=forms.RadioSelect,
    )
    approved_jp = forms.DecimalField(
        label=_("JP yang disetujui"),
        required=False,
        min_value=0,
        decimal_places=1,
        help_text=_("Kosong = sebanyak yang diajukan."),
    )
    note = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CohortLabelField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Cohort) -> str:
        return f"{obj.program.name} – {obj.name} ({obj.start_date:%d-%m-%Y})"


class NominationForm(forms.Form):
    employee = forms.ModelChoiceField(label=_("Pegawai"), queryset=Employee.objects.none())
    cohort = CohortLabelField(label=_("Angkatan"), queryset=Cohort.objects.none())
    reason = forms.CharField(
        label=_("Kebutuhan pengembangan"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, staff: Any, cohorts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = staff  # type: ignore[attr-defined]
        self.fields["cohort"].queryset = cohorts  # type: ignore[attr-defined]


class DecisionForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Keputusan"),
        coerce=lambda v: v == "1",
        choices=[("1", _("Terima dan undang")), ("0", _("Tolak"))],
    )
    note = forms.CharField(label=_("Catatan"), required=False, max_length=300)
