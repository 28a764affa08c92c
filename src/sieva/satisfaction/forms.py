"""Forms: the citizen's SKM questionnaire, the staff import upload and the period filter."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.satisfaction.elements import (
    ANSWER_VALUES,
    ELEMENTS,
    PROFILE,
    QUESTION_ORDER,
    SKM_ELEMENTS,
    ProfileField,
)
from sieva.satisfaction.periods import Period, parse_period

ANSWER_REQUIRED = _("Pilih salah satu jawaban untuk unsur ini.")
INVALID_ANSWER = _("Pilih salah satu dari empat jawaban yang tersedia.")
DECLINE = _("— tidak ingin menyebutkan —")
SERVICE_EXAMPLE = _("Contoh: pemeriksaan umum, pembuatan KTP.")


def _profile_field(field: ProfileField) -> forms.Field:
    if field.choices is None:
        return forms.CharField(
            label=field.label,
            max_length=field.max_length,
            required=field.required,
            help_text=SERVICE_EXAMPLE,
        )
    choices = field.choices.choices
    return forms.ChoiceField(
        label=field.label,
        choices=choices if field.required else [("", DECLINE), *choices],
        required=field.required,
    )


class SkmPublicForm(forms.Form):
    """The SKM definition as a web form: the nine questions in the annex's order (each
    required, 1–4), then the optional respondent profile."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code in QUESTION_ORDER:
            element = SKM_ELEMENTS[code]
            self.fields[code] = forms.TypedChoiceField(
                label=f"{element.question_number}. {element.question}",
                help_text=element.name,
                choices=[
                    (str(v), label) for v, label in zip(ANSWER_VALUES, element.answers, strict=True)
                ],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": ANSWER_REQUIRED, "invalid_choice": INVALID_ANSWER},
            )
        for field in PROFILE:
            self.fields[field.field] = _profile_field(field)

    def element_fields(self) -> list[forms.BoundField]:
        return [self[code] for code in QUESTION_ORDER]

    def profile_fields(self) -> list[forms.BoundField]:
        return [self[field.field] for field in PROFILE]

    def answers(self) -> dict[str, int]:
        return {code: self.cleaned_data[code] for code in ELEMENTS}

    def profile(self) -> dict[str, str]:
        return {field.field: self.cleaned_data[field.field] for field in PROFILE}


class SkmImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas respons SKM"),
        help_text=_("CSV atau XLSX; baris pertama berisi nama kolom."),
    )


class PeriodForm(forms.Form):
    period = forms.CharField(
        label=_("Periode"),
        required=False,
        help_text=_("Bulan (2026-05), triwulan (2026-T2) atau tahun (2026)."),
    )

    def clean_period(self) -> Period | None:
        text = self.cleaned_data["period"].strip()
        if not text:
            return None
        try:
            return parse_period(text)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None
