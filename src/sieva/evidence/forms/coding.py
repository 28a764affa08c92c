"""Forms of coding: the codebook, coding a segment, double coding and adjudication."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.evidence.models import (
    Code,
    Study,
)
from sieva.evidence.services.coding import CODE_FIELDS


class CodeForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Code
        fields = list(CODE_FIELDS)
        widgets = {
            f: forms.Textarea(attrs={"rows": 2})
            for f in ("definition", "include_rule", "exclude_rule", "example")
        }

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = study.codes.filter(parent__isnull=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents

    def validate_unique(self) -> None:
        """Checked by the service, with its own message."""


class CodingForm(forms.Form):
    """A selection of the source's text and the codes to apply to it. Without JavaScript
    the coder types the character positions; the coding page's script fills them in."""

    code = forms.ModelMultipleChoiceField(
        label=_("Kode"), queryset=Code.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    start = forms.IntegerField(label=_("Posisi awal"), min_value=0)
    end = forms.IntegerField(label=_("Posisi akhir"), min_value=1)
    memo = forms.CharField(label=_("Memo"), required=False, max_length=500)

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].queryset = study.codes.all()


class DoubleCodingForm(forms.Form):
    share = forms.DecimalField(
        label=_("Porsi dikode ganda"),
        min_value=0.05,
        max_value=1,
        decimal_places=2,
        help_text=_("Mis. 0,20 untuk 20 persen dari setiap jenis sumber."),
    )
    coder = forms.ModelChoiceField(label=_("Pengode kedua"), queryset=None)

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coder"].queryset = study.team.order_by("username")
        self.fields["share"].initial = study.double_share


class AdjudicationForm(forms.Form):
    source = forms.IntegerField()
    code = forms.IntegerField()
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    applies = forms.TypedChoiceField(
        choices=[("1", _("Berlaku")), ("0", _("Tidak berlaku"))], coerce=lambda v: v == "1"
    )
    note = forms.CharField(required=False, max_length=300)
