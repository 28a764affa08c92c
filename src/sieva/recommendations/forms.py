"""Filters of the recommendation list and owner assignment."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from sieva.org.access import Access, org_units_for_user
from sieva.recommendations.models import RecommendationStatus

PRIORITIES = [("", _("Semua prioritas"))] + [(str(p), str(p)) for p in range(1, 6)]


class RecommendationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua status")), *RecommendationStatus.choices],
    )
    period = forms.CharField(label=_("Periode"), required=False, max_length=20)
    priority = forms.ChoiceField(label=_("Prioritas"), required=False, choices=PRIORITIES)
    further_study = forms.ChoiceField(
        label=_("Kekuatan bukti"),
        required=False,
        choices=[
            ("", _("Semua")),
            ("0", _("Rekomendasi tegas")),
            ("1", _("Perlu kajian lebih lanjut")),
        ],
    )


class AssignForm(forms.Form):
    owner_unit = forms.ModelChoiceField(
        label=_("Unit penanggung jawab"), queryset=None, required=False
    )
    owner_user = forms.ModelChoiceField(label=_("Penanggung jawab"), queryset=None, required=False)
    due_date = forms.DateField(label=_("Tenggat"), required=False)

    def __init__(self, *args, access: Access, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = org_units_for_user(access)  # type: ignore[attr-defined]
        self.fields["owner_user"].queryset = (
            get_user_model()
            .objects.filter(  # type: ignore[attr-defined]
                role_assignment__scope__path__startswith=access.scope_path
            )
            .order_by("username")
        )
