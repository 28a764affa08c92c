"""Forms of the account's token page and of the LMS activity mapping page."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.api.models import TokenScope

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
