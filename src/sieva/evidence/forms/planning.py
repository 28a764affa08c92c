"""Forms of training planning: proposing a plan, its items, comments and nominations."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.evidence.forms.common import OWNER_KINDS
from sieva.evidence.models import (
    PlanItem,
    TrainingPlan,
)
from sieva.org.access import Access, org_units_for_user
from sieva.org.forms import UnitChoiceField
from sieva.org.models import Employee


class ProposeForm(forms.Form):
    owner = UnitChoiceField(label=_("Instansi"), queryset=None)
    year = forms.IntegerField(label=_("Tahun rencana"), min_value=2000, max_value=2100)

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = org_units_for_user(access).filter(kind__in=OWNER_KINDS)
        self.fields["year"].initial = timezone.localdate().year + 1


class PlanItemForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PlanItem
        fields = ["priority", "target_group", "participants", "jp", "cost_per_participant"]


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Tanggapan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    item = forms.ModelChoiceField(label=_("Tentang usulan"), queryset=None, required=False)

    def __init__(self, *args: Any, plan: TrainingPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = plan.items.all()


class NominationForm(forms.Form):
    employee = forms.ModelChoiceField(label=_("Bawahan"), queryset=None)
    competency = forms.ChoiceField(label=_("Kompetensi yang dibutuhkan"))
    year = forms.IntegerField(label=_("Tahun rencana"), min_value=2000, max_value=2100)
    reason = forms.CharField(label=_("Alasan"), required=False, max_length=300)

    def __init__(
        self, *args: Any, supervisor: Employee, competencies: dict[str, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = Employee.objects.filter(
            supervisor=supervisor, is_active=True
        ).order_by("name")
        self.fields["competency"].choices = sorted(competencies.items(), key=lambda kv: kv[1])
        self.fields["year"].initial = timezone.localdate().year + 1
