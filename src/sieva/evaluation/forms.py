"""Evaluation filters and the threshold settings forms; every choice is limited to the user's
subtree."""

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.evaluation.engine.scope import Scope
from sieva.evaluation.findings.ruleset import load_rules
from sieva.org.access import Access, org_units_for_user, scope_queryset
from sieva.programs.forms import ParticipationFilterForm
from sieva.programs.models import Cohort


class EvaluationFilterForm(ParticipationFilterForm):
    """The participation filters plus one cohort of the chosen program."""

    cohort = forms.ModelChoiceField(
        label=_("Angkatan"),
        queryset=Cohort.objects.none(),
        required=False,
        empty_label=_("Semua angkatan"),
    )

    def __init__(self, data: Any, *, access: Access) -> None:
        super().__init__(data, access=access)
        cohorts = scope_queryset(
            Cohort.objects.select_related("program"), access, "program__owner"
        ).order_by("-start_date", "name")
        chosen = (data or {}).get("program")
        cohort = (data or {}).get("cohort")
        if chosen and str(chosen).isdigit():
            # The cohort list follows the chosen program (a cohort of another is refused).
            cohorts = cohorts.filter(program_id=int(chosen))
        elif cohort and str(cohort).isdigit():
            cohorts = cohorts.filter(pk=int(cohort))  # a link to one cohort of the scope
        else:
            # No program chosen: no list of every cohort of the country (a page must cost
            # what it shows, not the number of cohorts in scope).
            cohorts = cohorts.none()
            self.fields["cohort"].help_text = _("Pilih program dulu untuk memilih angkatannya.")
        self.fields["cohort"].queryset = cohorts

    def scope(self) -> Scope:
        """The evaluation scope the valid filter describes (a year is its calendar year)."""
        data = self.cleaned_data
        year = data.get("year")
        return Scope(
            program_id=data["program"].pk if data.get("program") else None,
            cohort_id=data["cohort"].pk if data.get("cohort") else None,
            node=data.get("node"),
            start=dt.date(year, 1, 1) if year else None,
            end=dt.date(year, 12, 31) if year else None,
            program_kind=data.get("kind") or "",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        cohort, program = data.get("cohort"), data.get("program")
        if cohort is not None and program is not None and cohort.program_id != program.pk:
            self.add_error("cohort", _("Angkatan ini bukan bagian dari program yang dipilih."))
        return data


class NodeForm(forms.Form):
    node = forms.ModelChoiceField(label=_("Unit organisasi"), queryset=None)

    def __init__(self, *args, access: Access, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["node"].queryset = org_units_for_user(access).exclude(  # type: ignore[attr-defined]
            kind="unit_layanan"
        )


class ThresholdForm(forms.Form):
    """One optional number per threshold of the rules file; blank = inherit."""

    def __init__(self, *args, language: str, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for key, spec in load_rules().thresholds.items():
            self.fields[key] = forms.FloatField(
                label=spec.label(language),
                required=False,
                min_value=spec.low,
                max_value=spec.high,
                help_text=_("Bawaan %(default)g %(unit)s. Kosongkan untuk mewarisi.")
                % {"default": spec.default, "unit": spec.unit},
            )
