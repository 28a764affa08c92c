"""Forms of the assessment pages."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.development.models import AssessmentComponent, CoreValue

RATING_CHOICES = [
    (1, _("1 – sangat kurang")),
    (2, _("2 – kurang")),
    (3, _("3 – cukup")),
    (4, _("4 – baik")),
    (5, _("5 – sangat baik")),
]


class ComponentForm(forms.Form):
    name = AssessmentComponent._meta.get_field("name").formfield()
    kind = AssessmentComponent._meta.get_field("kind").formfield()
    weight = AssessmentComponent._meta.get_field("weight").formfield()


class AttitudeForm(forms.Form):
    """One 1–5 choice per BerAKHLAK value, plus a comment."""

    comment = forms.CharField(
        label=_("Catatan (perilaku yang teramati)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in CoreValue.choices:
            self.fields[value] = forms.TypedChoiceField(
                label=label, coerce=int, choices=RATING_CHOICES, widget=forms.RadioSelect
            )
        self.order_fields([*CoreValue.values, "comment"])

    def scores(self) -> dict[str, int]:
        return {value: self.cleaned_data[value] for value in CoreValue.values}


class ModerationForm(forms.Form):
    attitude_score = forms.DecimalField(
        label=_("Nilai sikap (0–100)"), min_value=0, max_value=100, decimal_places=2
    )
    note = forms.CharField(label=_("Catatan moderasi"), widget=forms.Textarea(attrs={"rows": 2}))


class AppealForm(forms.Form):
    reason = forms.CharField(label=_("Alasan banding"), widget=forms.Textarea(attrs={"rows": 3}))


class AppealDecisionForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("Keputusan"),
        coerce=lambda v: v == "1",
        choices=[("1", _("Diterima (nilai diubah)")), ("0", _("Ditolak"))],
        widget=forms.RadioSelect,
    )
    revised_score = forms.DecimalField(
        label=_("Nilai akhir baru"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=2,
    )
    decision = forms.CharField(
        label=_("Alasan keputusan"), widget=forms.Textarea(attrs={"rows": 3})
    )
