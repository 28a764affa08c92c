"""Forms of the career pages."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.development.models import (
    Appraisal,
    AssessmentSource,
    Competency,
    CompetencyAssessment,
    JobStandard,
)
from sieva.programs.forms import DateInput
from sieva.programs.models import Program


class AppraisalForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    hasil_kerja = Appraisal._meta.get_field("hasil_kerja").formfield()
    perilaku = Appraisal._meta.get_field("perilaku").formfield()
    score = Appraisal._meta.get_field("score").formfield(required=False)


class CompetencyAssessmentForm(forms.Form):
    competency = forms.ModelChoiceField(label=_("Kompetensi"), queryset=Competency.objects.none())
    level = CompetencyAssessment._meta.get_field("level").formfield()
    assessed_on = forms.DateField(label=_("Tanggal penilaian"), widget=DateInput())
    source = forms.ChoiceField(label=_("Sumber"), choices=AssessmentSource.choices)

    def __init__(self, *args: Any, competencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = competencies  # type: ignore[attr-defined]
        self.fields["assessed_on"].initial = timezone.localdate()


class PotentialForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    score = forms.DecimalField(label=_("Nilai potensial (0–100)"), min_value=0, max_value=100)
    source = forms.CharField(label=_("Sumber"), required=False, max_length=120)


class StandardForm(forms.Form):
    """A jabatan and the level (1–5, blank = not required) of each competency."""

    position_name = JobStandard._meta.get_field("position_name").formfield()
    is_key_position = forms.BooleanField(label=_("Jabatan kunci (rencana suksesi)"), required=False)

    def __init__(self, *args: Any, competencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.competencies = list(competencies)
        for competency in self.competencies:
            self.fields[f"c{competency.pk}"] = forms.IntegerField(
                label=competency.name, required=False, min_value=1, max_value=5
            )

    def levels(self) -> dict[Competency, int]:
        return {
            c: self.cleaned_data[f"c{c.pk}"]
            for c in self.competencies
            if self.cleaned_data.get(f"c{c.pk}")
        }


class ProgramTargetForm(forms.Form):
    program = forms.ModelChoiceField(label=_("Program"), queryset=Program.objects.none())
    competency = forms.ModelChoiceField(label=_("Kompetensi"), queryset=Competency.objects.none())

    def __init__(self, *args: Any, programs: Any, competencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = programs  # type: ignore[attr-defined]
        self.fields["competency"].queryset = competencies  # type: ignore[attr-defined]
