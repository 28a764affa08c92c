"""Forms: the citizen's SKM questionnaire, the staff import upload and the period filter."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.satisfaction.elements import (
    ANSWER_LABELS,
    ELEMENT_LABELS,
    ELEMENTS,
    QUESTIONS,
    AgeBand,
    Occupation,
    RespondentEducation,
    RespondentGender,
)
from sieva.satisfaction.periods import Period, parse_period

ANSWER_REQUIRED = _("Pilih salah satu jawaban untuk unsur ini.")
INVALID_ANSWER = _("Pilih salah satu dari empat jawaban yang tersedia.")


def _optional_choices(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("— tidak ingin menyebutkan —")), *choices]


class SkmPublicForm(forms.Form):
    """The nine elements (required, 1–4) and the optional respondent profile."""

    gender = forms.ChoiceField(
        label=_("Jenis kelamin"),
        choices=_optional_choices(RespondentGender.choices),
        required=False,
    )
    age_band = forms.ChoiceField(
        label=_("Usia"), choices=_optional_choices(AgeBand.choices), required=False
    )
    education = forms.ChoiceField(
        label=_("Pendidikan terakhir"),
        choices=_optional_choices(RespondentEducation.choices),
        required=False,
    )
    occupation = forms.ChoiceField(
        label=_("Pekerjaan"), choices=_optional_choices(Occupation.choices), required=False
    )
    service = forms.CharField(
        label=_("Jenis layanan yang Anda terima"),
        max_length=200,
        required=False,
        help_text=_("Contoh: pemeriksaan umum, pembuatan KTP."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, code in enumerate(ELEMENTS, start=1):
            self.fields[code] = forms.TypedChoiceField(
                label=f"{number}. {QUESTIONS[code]}",
                help_text=ELEMENT_LABELS[code],
                choices=[(str(v), label) for v, label in enumerate(ANSWER_LABELS[code], start=1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": ANSWER_REQUIRED, "invalid_choice": INVALID_ANSWER},
            )

    def element_fields(self) -> list[forms.BoundField]:
        return [self[code] for code in ELEMENTS]

    def profile_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("gender", "age_band", "education", "occupation", "service")]

    def answers(self) -> dict[str, int]:
        return {code: self.cleaned_data[code] for code in ELEMENTS}

    def profile(self) -> dict[str, str]:
        return {
            n: self.cleaned_data[n]
            for n in ("gender", "age_band", "education", "occupation", "service")
        }


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
