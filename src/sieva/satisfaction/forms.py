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
    SUGGESTION_LABEL,
    ProfileField,
)
from sieva.satisfaction.periods import Period, parse_period

ANSWER_REQUIRED = _("Pilih salah satu jawaban untuk unsur ini.")
INVALID_ANSWER = _("Pilih salah satu dari empat jawaban yang tersedia.")
DECLINE = _("— tidak ingin menyebutkan —")
SERVICE_EXAMPLE = _("Contoh: pemeriksaan umum, pembuatan KTP.")
SUGGESTION_HELP = _("Tidak wajib. Jangan menulis nama atau nomor identitas.")
SUGGESTION_MAX = 2000


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
    required, 1–4), the optional respondent profile, then the optional *saran dan masukan*."""

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
        self.fields["suggestion"] = forms.CharField(
            label=SUGGESTION_LABEL,
            required=False,
            max_length=SUGGESTION_MAX,
            help_text=SUGGESTION_HELP,
            widget=forms.Textarea(attrs={"rows": 4, "aria-describedby": "id_suggestion_help"}),
        )

    def element_fields(self) -> list[forms.BoundField]:
        return [self[code] for code in QUESTION_ORDER]

    def suggestion_field(self) -> forms.BoundField:
        return self["suggestion"]

    def profile_fields(self) -> list[forms.BoundField]:
        return [self[field.field] for field in PROFILE]

    focus: str | None = None

    def mark_first_error(self) -> None:
        """Put `focus` on the first field with an error, in page order, so the page opens
        scrolled to it with the keyboard there; a radio group's first option is focused by
        the template, other widgets get `autofocus` here."""
        self.focus = next((name for name in self.fields if name in self.errors), None)
        if self.focus is not None and self.focus not in QUESTION_ORDER:
            self.fields[self.focus].widget.attrs["autofocus"] = True

    def answers(self) -> dict[str, int]:
        return {code: self.cleaned_data[code] for code in ELEMENTS}

    def profile(self) -> dict[str, str]:
        return {field.field: self.cleaned_data[field.field] for field in PROFILE}

    def suggestion(self) -> str:
        return str(self.cleaned_data["suggestion"])


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
