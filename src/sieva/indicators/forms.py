"""Forms of the indicator pages; every choice of unit is limited to the user's subtree."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.indicators.models import IndicatorDefinition, MonetisedBenefit
from sieva.indicators.periods import PeriodError, parse_period, period_label
from sieva.org.access import Access, unit_choices_for_user
from sieva.org.forms import UnitChoiceField
from sieva.org.models import OrgKind
from sieva.programs.models import Program

_OWNER_KINDS = (
    OrgKind.NATIONAL,
    OrgKind.PROVINCE,
    OrgKind.CITY,
    OrgKind.AGENCY,
    OrgKind.DEPARTMENT,
)


class DefinitionForm(forms.ModelForm):
    owner = UnitChoiceField(label=_("Pemilik"), queryset=None)

    class Meta:
        model = IndicatorDefinition
        fields = [
            "owner",
            "code",
            "name",
            "unit_of_measure",
            "direction",
            "kind",
            "frequency",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = unit_choices_for_user(access, keep=self.initial.get("owner"))
        self.fields["owner"].queryset = units.filter(kind__in=_OWNER_KINDS)
        self.fields["code"].help_text = _("Dipakai pada kolom KODE_INDIKATOR saat impor.")

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip().upper()

    def validate_unique(self) -> None:
        """Uniqueness is checked by the service, with its own message."""


class PeriodField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("YYYY-MM, misalnya 2025-01 (triwulanan: YYYY-Qn)."))
        super().__init__(max_length=7, **kwargs)


class UnitIndicatorForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"), queryset=None)
    baseline_value = forms.DecimalField(
        label=_("Nilai dasar"), required=False, max_digits=14, decimal_places=4
    )
    baseline_period = PeriodField(label=_("Periode dasar"))
    target_value = forms.DecimalField(
        label=_("Target"), required=False, max_digits=14, decimal_places=4
    )
    target_period = PeriodField(label=_("Periode target"))

    def __init__(
        self, *args: Any, access: Access, definition: IndicatorDefinition, **kwargs: Any
    ) -> None:
        item = kwargs.pop("item", None)
        if item is not None:
            freq = definition.frequency
            kwargs["initial"] = {
                "unit": item.unit,
                "baseline_value": item.baseline_value,
                "target_value": item.target_value,
                "baseline_period": period_label(item.baseline_period, freq)
                if item.baseline_period
                else "",
                "target_period": period_label(item.target_period, freq)
                if item.target_period
                else "",
            }
        super().__init__(*args, **kwargs)
        self.definition = definition
        self.fields["unit"].queryset = unit_choices_for_user(
            access, keep=self.initial.get("unit")
        ).filter(path__startswith=definition.owner.path)

    def _period(self, name: str) -> Any:
        text = self.cleaned_data.get(name, "")
        if not text:
            return None
        try:
            return parse_period(text, self.definition.frequency)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean_baseline_period(self) -> Any:
        return self._period("baseline_period")

    def clean_target_period(self) -> Any:
        return self._period("target_period")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas CSV atau XLSX"),
        help_text=_("Kolom: KODE_UNIT, KODE_INDIKATOR, PERIODE (YYYY-MM), NILAI."),
    )


class BenefitForm(forms.ModelForm):
    unit = UnitChoiceField(label=_("Unit"), queryset=None, required=False)

    class Meta:
        model = MonetisedBenefit
        fields = [
            "description",
            "cohort",
            "unit",
            "annual_value",
            "attribution",
            "attribution_low",
            "attribution_high",
            "confidence",
            "confidence_low",
            "confidence_high",
            "basis",
            "period_start",
            "period_end",
        ]
        widgets = {
            "basis": forms.Textarea(attrs={"rows": 3}),
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, access: Access, program: Program, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = program.cohorts.all()
        self.fields["cohort"].required = False
        self.fields["unit"].queryset = unit_choices_for_user(access, keep=self.initial.get("unit"))
        self.fields["attribution"].help_text = _(
            "Bagian manfaat yang disebabkan program (isolasi), 0-1."
        )
        self.fields["confidence"].help_text = _("Keyakinan penaksir atas angka itu, 0-1.")
        self.fields["basis"].help_text = _("Dari mana angka ini: data, perhitungan, sumber.")
