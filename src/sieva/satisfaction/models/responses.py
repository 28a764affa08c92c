"""SKM responses, public links, counter tablets, held responses and the running aggregates."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.instruments.models import Response
from sieva.org.models import OrgUnit
from sieva.satisfaction.elements import (
    ELEMENT_CHOICES,
    AgeBand,
    Occupation,
    RespondentEducation,
    RespondentGender,
    Source,
)


def new_public_token() -> str:
    # 12 URL-safe characters (72 bits): short enough to type from a poster, not guessable.
    return secrets.token_urlsafe(9)


class SkmLink(models.Model):
    """The public survey link of one service unit; the token is the only thing a citizen sees."""

    unit = models.OneToOneField(
        OrgUnit, verbose_name=_("unit layanan"), on_delete=models.CASCADE, related_name="skm_link"
    )
    token = models.CharField(max_length=32, unique=True, default=new_public_token)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tautan SKM")
        verbose_name_plural = _("tautan SKM")

    def __str__(self) -> str:
        return f"SKM {self.unit}"


class SkmResponse(models.Model):
    """One respondent's answers (1–4, NULL = blank) to the nine elements, stored by code."""

    # The (unit, period) index below serves every lookup by unit; a second one would only
    # slow the bulk import.
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", db_index=False)
    period = models.DateField(_("periode (bulan)"), help_text=_("Hari pertama bulan, WIB."))
    submitted_at = models.DateTimeField(_("waktu pengisian"))
    persyaratan = models.PositiveSmallIntegerField(null=True)
    prosedur = models.PositiveSmallIntegerField(null=True)
    waktu = models.PositiveSmallIntegerField(null=True)
    biaya = models.PositiveSmallIntegerField(null=True)
    produk = models.PositiveSmallIntegerField(null=True)
    kompetensi = models.PositiveSmallIntegerField(null=True)
    perilaku = models.PositiveSmallIntegerField(null=True)
    pengaduan = models.PositiveSmallIntegerField(null=True)
    sarana = models.PositiveSmallIntegerField(null=True)
    gender = models.CharField(
        _("jenis kelamin"), max_length=1, choices=RespondentGender.choices, blank=True
    )
    age_band = models.CharField(_("usia"), max_length=5, choices=AgeBand.choices, blank=True)
    education = models.CharField(
        _("pendidikan"), max_length=5, choices=RespondentEducation.choices, blank=True
    )
    occupation = models.CharField(
        _("pekerjaan"), max_length=10, choices=Occupation.choices, blank=True
    )
    service = models.CharField(_("jenis layanan yang diterima"), max_length=200, blank=True)
    # db_default: the bulk import writes rows with raw SQL that names its own columns.
    suggestion = models.TextField(_("saran dan masukan"), blank=True, db_default="")
    source = models.CharField(_("sumber"), max_length=6, choices=Source.choices)
    dedupe_key = models.CharField(max_length=32, blank=True)
    # Set when the answers came through an SKM campaign (decision 0020): the instrument
    # response they were copied from. Its partial unique index (no entry for the public form
    # and bulk rows) makes a second copy of one campaign response impossible.
    campaign_response = models.ForeignKey(
        Response, null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    # The file an imported row came from: a re-export's rows already stored are reported with
    # that file's date (decision 0053). Read only for those rows, so no index of its own.
    imported_in = models.ForeignKey(
        "SkmImport",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )

    class Meta:
        verbose_name = _("respons SKM")
        verbose_name_plural = _("respons SKM")
        indexes = [models.Index(fields=["unit", "period"], name="skm_response_unit_period")]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign_response"],
                condition=models.Q(campaign_response__isnull=False),
                name="skm_response_one_per_campaign_response",
            )
        ]

    def __str__(self) -> str:
        return f"SKM {self.unit_id} {self.period:%Y-%m} #{self.pk}"


class CounterDevice(models.Model):
    """A counter tablet registered by staff (decision 0055): it opens the unit's form in kiosk
    mode, one citizen after another, without the per-address limits of personal phones.

    Only a hash of the device secret is stored; the signed kiosk address is shown once at
    registration. Revoking is final: the address stops working at once."""

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit layanan"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("nama perangkat"), max_length=100)
    secret_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("tablet loket")
        verbose_name_plural = _("tablet loket")
        ordering = ["unit_id", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class HeldStatus(models.TextChoices):
    PENDING = "tunggu", _("Menunggu tinjauan")
    ACCEPTED = "terima", _("Diterima (dihitung)")
    REJECTED = "tolak", _("Ditolak (tidak dihitung)")


class HoldReason(models.TextChoices):
    DEVICE_BURST = "perangkat", _("Banyak kiriman dari satu perangkat")
    ADDRESS_BURST = "alamat", _("Banyak kiriman dari satu alamat jaringan")
    KIOSK_BURST = "loket", _("Tablet loket mengirim lebih cepat dari pelayanan")


class SkmHeldResponse(models.Model):
    """A submission that arrived in a suspicious burst (decision 0055): stored, not counted,
    until staff accept it (it becomes an `SkmResponse` and joins the aggregates) or reject it."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+", db_index=False)
    period = models.DateField()
    submitted_at = models.DateTimeField(_("waktu pengisian"))
    answers = models.JSONField()
    profile = models.JSONField(default=dict)
    suggestion = models.TextField(blank=True)
    source = models.CharField(max_length=6, choices=Source.choices)
    dedupe_key = models.CharField(max_length=32, blank=True)
    reason = models.CharField(_("alasan"), max_length=10, choices=HoldReason.choices)
    status = models.CharField(
        _("status"), max_length=6, choices=HeldStatus.choices, default=HeldStatus.PENDING
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    response = models.OneToOneField(
        SkmResponse, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("respons SKM ditahan")
        verbose_name_plural = _("respons SKM ditahan")
        indexes = [
            models.Index(fields=["unit", "status", "submitted_at"], name="skm_held_unit_status")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.submitted_at:%Y-%m-%d %H:%M} {self.status}"


class SkmAggregate(models.Model):
    """Running totals of one element for one unit and month: n, Σx, Σx², and the histogram."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+", db_index=False)
    period = models.DateField()
    element = models.CharField(max_length=20, choices=ELEMENT_CHOICES)
    count = models.PositiveIntegerField(default=0)
    total = models.PositiveBigIntegerField(default=0)
    total_sq = models.PositiveBigIntegerField(default=0)
    n1 = models.PositiveIntegerField(default=0)
    n2 = models.PositiveIntegerField(default=0)
    n3 = models.PositiveIntegerField(default=0)
    n4 = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("agregat SKM")
        verbose_name_plural = _("agregat SKM")
        # Period first: one index serves "all units in a month" and "one unit over months".
        constraints = [
            models.UniqueConstraint(
                fields=["period", "unit", "element"], name="skm_aggregate_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.period:%Y-%m} {self.element}: {self.count}"


class SkmUnitPeriod(models.Model):
    """Respondents of one unit in one month (a respondent may leave some elements blank)."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+", db_index=False)
    period = models.DateField()
    respondents = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("jumlah responden SKM")
        verbose_name_plural = _("jumlah responden SKM")
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="skm_unit_period_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.period:%Y-%m}: {self.respondents}"
