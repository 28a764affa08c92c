"""Forms of the good-practice library: a practice and its review."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.evidence.access import studies_for_user
from sieva.evidence.forms.common import OWNER_KINDS
from sieva.evidence.models import (
    Coding,
    Practice,
)
from sieva.org.access import Access, org_units_for_user
from sieva.org.forms import UnitChoiceField
from sieva.programs.access import programs_for_user


class PracticeForm(forms.ModelForm):  # type: ignore[type-arg]
    owner = UnitChoiceField(label=_("Instansi"), queryset=None)
    unit = UnitChoiceField(label=_("Unit kerja"), queryset=None, required=False)
    quotes = forms.ModelMultipleChoiceField(
        label=_("Kutipan pilihan dari kajian"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kutipan yang ditandai pengode sebagai kutipan pilihan."),
    )

    class Meta:
        model = Practice
        fields = [
            "owner",
            "kind",
            "title",
            "summary",
            "body",
            "figures",
            "tags",
            "program",
            "unit",
            "study",
            "quotes",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8}),
            "figures": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = org_units_for_user(access)
        self.fields["owner"].queryset = units.filter(kind__in=OWNER_KINDS)
        self.fields["unit"].queryset = units
        self.fields["program"].queryset = programs_for_user(access).order_by("name")
        studies = studies_for_user(access)
        self.fields["study"].queryset = studies
        self.fields["quotes"].queryset = (
            Coding.objects.filter(source__study__in=studies, exemplar=True, suggested=False)
            .select_related("code", "source")
            .order_by("source__study", "code__name", "pk")
        )
        self.fields["quotes"].label_from_instance = lambda c: f"{c.code.name}: “{c.quote[:120]}”"


class ReviewForm(forms.Form):
    publish = forms.TypedChoiceField(
        label=_("Keputusan"),
        choices=[("1", _("Terbitkan")), ("0", _("Kembalikan untuk diperbaiki"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Catatan peninjau"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
