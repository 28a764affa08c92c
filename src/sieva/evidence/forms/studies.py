"""Forms of a study: the study itself, its team, guide questions and sampling strata."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.evidence.forms.common import OWNER_KINDS, TEAM_ROLES
from sieva.evidence.models import (
    GuideQuestion,
    SampleStratum,
    Study,
)
from sieva.org.access import Access, org_units_for_user
from sieva.org.forms import UnitChoiceField
from sieva.org.models import OrgUnit
from sieva.programs.access import programs_for_user


def team_candidates(owner: OrgUnit) -> QuerySet[Any]:
    """Users who may code for a study of `owner`: evaluators, organisers and admins whose
    scope covers the owner or lies inside it."""
    ancestors = [int(p) for p in owner.path.strip("/").split("/") if p]
    return (
        get_user_model()
        .objects.filter(role_assignment__role__in=TEAM_ROLES, is_active=True)
        .filter(
            Q(role_assignment__scope__path__startswith=owner.path)
            | Q(role_assignment__scope_id__in=ancestors)
        )
        .order_by("username")
    )


class UserChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name() or obj.username
        return f"{name} ({obj.username})"


class StudyForm(forms.ModelForm):  # type: ignore[type-arg]
    owner = UnitChoiceField(label=_("Instansi"), queryset=None)
    team = UserChoices(
        label=_("Pengode"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ketua tim selalu termasuk pengode."),
    )

    class Meta:
        model = Study
        fields = [
            "title",
            "owner",
            "program",
            "year",
            "questions",
            "team",
            "double_share",
            "alpha_threshold",
        ]
        widgets = {"questions": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = org_units_for_user(access).filter(kind__in=OWNER_KINDS)
        self.fields["program"].queryset = programs_for_user(access).order_by("name")
        owner = self.instance.owner if self.instance.pk else None
        self.fields["team"].queryset = (
            team_candidates(owner) if owner else team_candidates_for(access)
        )
        if not self.instance.pk:
            self.fields["year"].initial = timezone.localdate().year


def team_candidates_for(access: Access) -> QuerySet[Any]:
    return (
        get_user_model()
        .objects.filter(
            role_assignment__role__in=TEAM_ROLES,
            role_assignment__scope__path__startswith=access.scope_path,
            is_active=True,
        )
        .order_by("username")
    )


class GuideQuestionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = GuideQuestion
        fields = ["text", "probes"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "probes": forms.Textarea(attrs={"rows": 2}),
        }


class StratumForm(forms.ModelForm):  # type: ignore[type-arg]
    unit = UnitChoiceField(label=_("Unit kerja"), queryset=None)

    class Meta:
        model = SampleStratum
        fields = ["position_kind", "unit", "planned", "note"]

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(
            path__startswith=study.owner.path
        ).order_by("path")

    def validate_unique(self) -> None:
        """Checked by the service, with its own message."""
