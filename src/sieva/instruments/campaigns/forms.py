"""Forms of the campaign pages: the list filter and the new-campaign form."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.instruments.campaigns.selectors import STATE_ENDED, STATE_OPEN, STATE_UPCOMING
from sieva.instruments.models import InstrumentVersion, Purpose, RaterKind, TestPhase
from sieva.instruments.selectors import visible_instruments
from sieva.org.access import Access, org_units_for_user
from sieva.programs.access import programs_for_user
from sieva.programs.models import Cohort


class CampaignFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    purpose = forms.ChoiceField(
        label=_("Tujuan"), required=False, choices=[("", _("Semua"))] + Purpose.choices
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Semua")),
            (STATE_OPEN, _("Berjalan")),
            (STATE_UPCOMING, _("Akan datang")),
            (STATE_ENDED, _("Berakhir")),
        ],
    )


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: InstrumentVersion) -> str:
        instrument = obj.instrument
        return f"{instrument.title} · v{obj.number} ({instrument.get_purpose_display()})"


class CohortChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Cohort) -> str:
        return f"{obj.program.name} – {obj.name} ({obj.end_date:%d-%m-%Y})"


class CampaignForm(forms.Form):
    """Dates are whole days in WIB: open from 00:00 of `opens_on` to 24:00 of `closes_on`."""

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versions = InstrumentVersion.objects.filter(
            frozen_at__isnull=False, instrument__in=visible_instruments(access)
        ).select_related("instrument")
        cohorts = Cohort.objects.filter(program__in=programs_for_user(access)).select_related(
            "program"
        )
        self.fields["version"] = VersionChoiceField(
            label=_("Instrumen (versi terbit)"),
            queryset=versions.order_by("instrument__title", "-number"),
        )
        self.fields["cohort"] = CohortChoiceField(
            label=_("Angkatan"),
            required=False,
            queryset=cohorts.order_by("-start_date", "name"),
            help_text=_("Mengundang peserta angkatan (atau penilai mereka untuk L3)."),
        )
        self.fields["target_unit"] = forms.ModelChoiceField(
            label=_("atau unit kerja"),
            required=False,
            queryset=org_units_for_user(access),
            help_text=_("Mengundang semua pegawai aktif di unit dan sub-unitnya."),
        )
        self.order_fields(["name", "version", "cohort", "target_unit"])

    name = forms.CharField(
        label=_("Nama kampanye"),
        required=False,
        max_length=200,
        help_text=_("Kosongkan untuk nama otomatis dari instrumen dan sasaran."),
    )
    opens_on = forms.DateField(
        label=_("Dibuka tanggal"), widget=forms.DateInput(attrs={"type": "date"})
    )
    closes_on = forms.DateField(
        label=_("Ditutup tanggal"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Hari terakhir pengisian (sampai pukul 24.00 WIB)."),
    )
    anonymous = forms.BooleanField(
        label=_("Anonim"),
        required=False,
        help_text=_(
            "Jawaban disimpan dengan pseudonim, bukan nama; pre dan post tetap dapat "
            "dipasangkan, tetapi tidak ada yang dapat membaca siapa menjawab apa."
        ),
    )
    signed_in_only = forms.BooleanField(
        label=_("Hanya diisi lewat akun SIEVA"),
        required=False,
        help_text=_(
            "Setiap orang yang diundang mengisi dari Ruang saya / Tim saya setelah masuk; "
            "tidak ada tautan yang dapat diteruskan ke orang lain. Disarankan untuk penilaian "
            "atasan (L3)."
        ),
    )
    rater_kind = forms.ChoiceField(
        label=_("Penilai (khusus L3)"), required=False, choices=[("", "—")] + RaterKind.choices
    )
    phase = forms.ChoiceField(
        label=_("Tahap tes (khusus L2)"),
        required=False,
        choices=[("", "—")] + TestPhase.choices,
        help_text=_("Pre-test dan post-test satu program dipasangkan per orang."),
    )

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        tz = timezone.get_current_timezone()
        opens_on, closes_on = data.pop("opens_on"), data.pop("closes_on")
        data["opens_at"] = dt.datetime.combine(opens_on, dt.time.min, tzinfo=tz)
        data["closes_at"] = dt.datetime.combine(
            closes_on + dt.timedelta(days=1), dt.time.min, tzinfo=tz
        )
        return data
