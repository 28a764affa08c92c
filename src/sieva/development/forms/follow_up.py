"""Forms of the follow-up pages."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.development.forms.mentoring import EmployeeByNipField
from sieva.development.models import ActionPlan, ActionPlanStatus, Milestone
from sieva.programs.forms import DateInput


class ActionPlanForm(forms.Form):
    title = ActionPlan._meta.get_field("title").formfield()
    description = ActionPlan._meta.get_field("description").formfield(
        widget=forms.Textarea(attrs={"rows": 4})
    )
    coach = EmployeeByNipField(
        label=_("NIP coach (bila ada)"), required=False, help_text=_("Widyaiswara pendamping.")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (ActionPlanStatus.RUNNING, ActionPlanStatus.RUNNING.label),
            (ActionPlanStatus.COMPLETED, ActionPlanStatus.COMPLETED.label),
            (ActionPlanStatus.ABANDONED, ActionPlanStatus.ABANDONED.label),
        ],
    )

    def clean_coach(self) -> Any:
        return self.cleaned_data.get("coach") or None


class MilestoneForm(forms.Form):
    title = Milestone._meta.get_field("title").formfield()
    due_on = forms.DateField(label=_("Target tanggal"), widget=DateInput())


class MilestoneDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Tercapai pada"), widget=DateInput())
    evidence = Milestone._meta.get_field("evidence").formfield(
        help_text=_("Apa yang menunjukkannya: dokumen, tautan, foto kegiatan…")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["done_on"].initial = timezone.localdate()


class VerifyForm(forms.Form):
    month = forms.TypedChoiceField(label=_("Bulan ke-"), coerce=int, choices=[])
    progress = forms.IntegerField(label=_("Kemajuan (%)"), min_value=0, max_value=100)
    note = forms.CharField(
        label=_("Catatan verifikasi"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [  # type: ignore[attr-defined]
            (m, str(m)) for m in settings.SIEVA_ACTION_PLAN_CHECK_MONTHS
        ]
