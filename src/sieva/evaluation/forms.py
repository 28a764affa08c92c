"""Report filters: every choice is limited to the user's subtree."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.org.access import Access, org_units_for_user, scope_queryset
from sieva.org.forms import UnitChoiceField
from sieva.org.models import OrgKind, OrgUnit
from sieva.programs.models import Cohort, Program, ProgramKind

# Regions and agencies a participation report can be narrowed to (program owners sit there).
_REPORT_NODE_KINDS = (OrgKind.PROVINCE, OrgKind.CITY, OrgKind.AGENCY)


class OrgUnitChoiceField(UnitChoiceField):
    """The organisation's unit picker (indented below the user's scope root)."""


class ParticipationFilterForm(forms.Form):
    year = forms.TypedChoiceField(
        label=_("Tahun (mulai angkatan)"), coerce=int, required=False, empty_value=None
    )
    program = forms.ModelChoiceField(
        label=_("Program"),
        queryset=Program.objects.none(),
        required=False,
        empty_label=_("Semua program"),
    )
    kind = forms.ChoiceField(label=_("Jenis program"), required=False)
    node = OrgUnitChoiceField(
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
        self.fields["program"].queryset = scope_queryset(
            Program.objects.all(), access, "owner"
        ).order_by("name")
        self.fields["kind"].choices = [("", _("Semua jenis")), *ProgramKind.choices]
        self.fields["node"].queryset = org_units_for_user(access).filter(
            kind__in=_REPORT_NODE_KINDS
        )


class JpFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100, required=False)
    unit = OrgUnitChoiceField(
        label=_("Unit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Seluruh cakupan"),
    )

    def __init__(self, data: Any, *, access: Access) -> None:
        super().__init__(data)
        self.fields["unit"].queryset = org_units_for_user(access)
        self.fields["year"].widget.attrs["placeholder"] = str(timezone.localdate().year)


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
        self.fields["cohort"].queryset = scope_queryset(
            Cohort.objects.select_related("program"), access, "program__owner"
        ).order_by("-start_date", "name")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        cohort, program = data.get("cohort"), data.get("program")
        if cohort is not None and program is not None and cohort.program_id != program.pk:
            self.add_error("cohort", _("Angkatan ini bukan bagian dari program yang dipilih."))
        return data
