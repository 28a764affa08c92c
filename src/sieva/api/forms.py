"""Forms of the account's token page and of the LMS activity mapping page."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.api.models import ActivityMapping, TokenScope
from sieva.org.access import Access, scope_queryset
from sieva.programs.models import Cohort, CohortStatus, Session

EXPIRY_PAST = _("Tanggal berlaku harus sesudah hari ini.")


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nama token"),
        max_length=100,
        help_text=_("Untuk apa token ini, misalnya “Sinkronisasi Moodle”."),
    )
    scope = forms.ChoiceField(label=_("Hak akses"), choices=TokenScope.choices)
    expires_on = forms.DateField(
        label=_("Berlaku sampai"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Kosongkan bila token berlaku sampai dicabut."),
    )

    def clean_expires_on(self) -> dt.date | None:
        day: dt.date | None = self.cleaned_data["expires_on"]
        if day is not None and day <= timezone.localdate():
            raise forms.ValidationError(EXPIRY_PAST)
        return day

    def expires_at(self) -> dt.datetime | None:
        """The end of the chosen day (WIB), or None."""
        day = self.cleaned_data["expires_on"]
        if day is None:
            return None
        end = dt.datetime.combine(day, dt.time.max)
        return timezone.make_aware(end)

    def service_kwargs(self) -> dict[str, Any]:
        return {
            "name": self.cleaned_data["name"],
            "scope": self.cleaned_data["scope"],
            "expires_at": self.expires_at(),
        }


class MappingForm(forms.Form):
    activity_id = forms.CharField(
        label=_("ID aktivitas LMS"),
        max_length=500,
        help_text=_(
            "Persis seperti yang dikirim LMS (object.id), mis. https://lms…/mod/scorm/view.php?id=7."
        ),
    )
    activity_name = forms.CharField(label=_("Nama aktivitas"), max_length=300, required=False)
    cohort = forms.ModelChoiceField(label=_("Angkatan"), queryset=Cohort.objects.none())
    session = forms.ModelChoiceField(
        label=_("Sesi"),
        queryset=Session.objects.none(),
        required=False,
        help_text=_("Kosongkan bila aktivitas ini mewakili seluruh angkatan (kursus)."),
    )

    def __init__(
        self, *args: Any, access: Access, mapping: ActivityMapping | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cohorts = scope_queryset(
            Cohort.objects.exclude(status=CohortStatus.CANCELLED).select_related("program"),
            access,
            "program__owner",
        ).order_by("-start_date", "pk")
        self.fields["cohort"].queryset = cohorts
        sessions = self.fields["session"]
        sessions.queryset = Session.objects.filter(cohort__in=cohorts).select_related(
            "cohort__program"
        )
        # Session titles repeat across cohorts ("Hari 1"): the option names its cohort too.
        sessions.label_from_instance = lambda s: f"{s.cohort} — {s}"
        if mapping is not None:
            self.fields["activity_id"].disabled = True


class CompletionImportForm(forms.Form):
    file = forms.FileField(label=_("Laporan penyelesaian LMS (.csv atau .xlsx)"))
