"""Forms of the dashboard (year and node, from the evaluation filters) and the schedule."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from sieva.dashboard.models import EvaluationSchedule
from sieva.org.access import CAPABILITIES, Access, Capability, unit_choices_for_user
from sieva.org.forms import UnitChoiceField
from sieva.programs.forms import ParticipationFilterForm


class DashboardFilterForm(ParticipationFilterForm):
    """Year and node only: the dashboard shows every program of the scope."""

    def __init__(self, data: Any, *, access: Access) -> None:
        super().__init__(data, access=access)
        del self.fields["program"], self.fields["kind"]
        self.fields["year"].label = _("Tahun")


class ScheduleForm(forms.ModelForm):  # type: ignore[type-arg]
    owner_unit = UnitChoiceField(label=_("Unit penerima laporan"), queryset=None)
    owner_user = forms.ModelChoiceField(
        label=_("Pengguna penerima laporan"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("(semua pembaca laporan di unit itu)"),
    )

    class Meta:
        model = EvaluationSchedule
        fields = ["frequency", "next_due", "owner_unit", "owner_user", "active"]
        widgets = {"next_due": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = unit_choices_for_user(
            access, keep=self.initial.get("owner_unit")
        )
        self.fields["next_due"].required = False
        readers = sorted(CAPABILITIES[Capability.VIEW_REPORTS])
        self.fields["owner_user"].queryset = (
            get_user_model()
            .objects.filter(
                role_assignment__scope__path__startswith=access.scope_path,
                role_assignment__role__in=readers,
            )
            .order_by("username")
        )
