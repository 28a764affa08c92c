"""Forms: the citizen's SKM questionnaire, the staff import upload and the period filter."""

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgUnit
from sieva.satisfaction.elements import (
    ANSWER_VALUES,
    ELEMENTS,
    PROFILE,
    QUESTION_ORDER,
    SKM_ELEMENTS,
    SUGGESTION_LABEL,
    ProfileField,
)
from sieva.satisfaction.mapping import IGNORE, RESPONDENT_ID, UNIT, WHEN, Mapping
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
        help_text=_(
            "CSV atau XLSX ekspor Google Forms, KoboToolbox, LimeSurvey atau susunan sendiri; "
            "baris pertama berisi nama kolom."
        ),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit layanan"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("— berkas punya kolom kode_unit —"),
        help_text=_("Unit yang dinilai responden di berkas ini (satu berkas per unit)."),
    )

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["unit"])
        field.queryset = units.order_by("code")
        field.label_from_instance = lambda unit: f"{unit.code} — {unit.name}"


class SkmRetryForm(forms.Form):
    """The file of a job whose worker died, chosen again (the unit and columns confirmed
    for it are kept with the job)."""

    file = SkmImportForm.base_fields["file"]


def target_choices() -> list[tuple[str, Any]]:
    """What a column may hold, for the preview's selects: elements by code and name, the
    fields, the profile items, or nothing."""
    return [
        (IGNORE, _("(tidak dipakai)")),
        *[(code, f"{code} — {SKM_ELEMENTS[code].name}") for code in ELEMENTS],
        (UNIT, _("kode_unit — kode unit layanan")),
        (WHEN, _("tanggal — waktu pengisian")),
        (RESPONDENT_ID, _("id_respon — ID responden di sumbernya")),
        *[(field.code, f"{field.code} — {field.label}") for field in PROFILE],
    ]


class SkmMappingForm(forms.Form):
    """One select per column of the file; a bare U8/U9 starts unselected: the user must
    name its element before the import runs."""

    def __init__(self, *args: Any, mapping: Mapping, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = target_choices()
        for column in mapping.columns:
            initial = column.target
            field_choices = choices
            if column.ambiguous:
                initial = None
                field_choices = [("?", _("— pastikan unsurnya —")), *choices[1:]]
            self.fields[f"col_{column.index}"] = forms.ChoiceField(
                label=column.header,
                choices=field_choices,
                initial=initial if initial is not None else "?",
                required=False,
            )

    def columns(self, header: list[str]) -> dict[str, str]:
        """The chosen target of every column whose choice was sent and made (not "?")."""
        out = {}
        for index, name in enumerate(header):
            value = self.cleaned_data.get(f"col_{index}")
            if f"col_{index}" in self.data and value is not None and value != "?":
                out[name] = value
        return out


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
