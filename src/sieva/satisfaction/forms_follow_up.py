"""The staff form of one *rencana tindak lanjut* action."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.satisfaction.models import SkmFollowUp
from sieva.satisfaction.periods import parse_period


class FollowUpForm(forms.ModelForm):
    # Longer than the stored key, so a mistyped period gets the period's own message.
    period = forms.CharField(label=_("Periode survei"), max_length=40)

    class Meta:
        model = SkmFollowUp
        fields = ["period", "element", "action", "owner", "deadline", "status"]
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "action": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"period": _("Contoh: 2026-T2 (triwulan), 2026-05 (bulan) atau 2026.")}

    def clean_period(self) -> str:
        try:
            return parse_period(self.cleaned_data["period"]).key
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
