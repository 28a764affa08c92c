"""SKM storage: one row per citizen response, and running aggregates read by every page.

`SkmAggregate` (unit × month × element) and `SkmUnitPeriod` (unit × month) are updated in
the same transaction as each submission or import batch, so dashboards cost the number of
units and months shown, not the number of responses (DESIGN.md, "Performance by design").
"""

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


class SkmImport(models.Model):
    """One imported file; its SHA-256 stops the same file being counted twice.

    Rows are written in short transactions while the file is read, so the public is never
    locked out for long (decision 0054); they count — in the aggregates, the rebuild and the
    recognition of re-imports — only once `published` is set, in the one transaction that
    also folds their totals. An import that fails deletes its rows; one that died leaves
    unpublished rows that the next import purges."""

    sha256 = models.CharField(max_length=64)
    filename = models.CharField(_("nama berkas"), max_length=200)
    rows = models.PositiveIntegerField(_("baris"))
    imported_at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("impor SKM")
        verbose_name_plural = _("impor SKM")
        constraints = [
            models.UniqueConstraint(
                fields=["sha256"],
                condition=models.Q(published=True),
                name="skm_import_one_published_per_file",
            )
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.rows})"


class SkmImportStatus(models.TextChoices):
    QUEUED = "antre", _("Dalam antrean")
    RUNNING = "berjalan", _("Sedang diproses")
    DONE = "selesai", _("Selesai")
    FAILED = "gagal", _("Ditolak")


class SkmImportJob(models.Model):
    """A large SKM file imported in the background. `owner` is the uploader's scope (None for
    a superuser over the whole tree) and decides who may see the job. `content` is dropped
    once the job ends; `errors` ([[row, column, reason], …], capped) feed the error report."""

    owner = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(_("nama berkas"), max_length=200)
    content = models.BinaryField(blank=True, default=b"")
    status = models.CharField(
        _("status"), max_length=10, choices=SkmImportStatus.choices, default=SkmImportStatus.QUEUED
    )
    total_rows = models.PositiveIntegerField(default=0)
    rows = models.PositiveIntegerField(_("respons tersimpan"), default=0)
    unit_months = models.PositiveIntegerField(_("unit-bulan"), default=0)
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    # The confirmed choices: {"unit": id or None, "columns": {header: target}}.
    options = models.JSONField(default=dict, blank=True)
    # Rows of the file already stored by an earlier import (reported, not counted twice).
    already_imported = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("impor SKM latar belakang")
        verbose_name_plural = _("impor SKM latar belakang")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.filename

    @property
    def finished(self) -> bool:
        return self.status in (SkmImportStatus.DONE, SkmImportStatus.FAILED)

    @property
    def progress(self) -> int | None:
        """Percent done, None while running: the file is checked and stored in one
        transaction (all or nothing), so no partial count is visible until it commits."""
        if self.finished:
            return 100
        return None if self.status == SkmImportStatus.RUNNING else 0


class SkmUpload(models.Model):
    """A file between upload and the user's confirmation of its columns (the preview).

    `owner` is the uploader's scope (None for the whole tree); `unit` the service unit chosen
    for the whole file (None when the file has a unit-code column). Deleted once imported or
    when its uploader uploads another."""

    owner = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("nama berkas"), max_length=200)
    content = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("unggahan SKM")
        verbose_name_plural = _("unggahan SKM")

    def __str__(self) -> str:
        return self.filename


class SkmColumnMapping(models.Model):
    """The columns a user confirmed for one source (files with the same header), offered
    again next time: {header: element code or field, "" = not used}."""

    owner = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    signature = models.CharField(max_length=64)
    columns = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pemetaan kolom SKM")
        verbose_name_plural = _("pemetaan kolom SKM")
        # One per scope and source; the whole tree (owner None) gets its own partial index,
        # since SQLite cannot treat NULLs as equal in a unique constraint.
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "signature"], name="skm_column_mapping_one_per_source"
            ),
            models.UniqueConstraint(
                fields=["signature"],
                condition=models.Q(owner__isnull=True),
                name="skm_column_mapping_one_per_source_nationally",
            ),
        ]

    def __str__(self) -> str:
        return self.signature[:12]


class FollowUpStatus(models.TextChoices):
    PLANNED = "rencana", _("Direncanakan")
    IN_PROGRESS = "berjalan", _("Sedang berjalan")
    DONE = "selesai", _("Selesai")


class SkmFollowUp(models.Model):
    """One action of a unit's *rencana tindak lanjut* (PermenPANRB 14/2017: results are
    followed up and published): what is done about one element after one survey period,
    who is responsible (a position) and by when. ``period`` is a period key (2026-T2)."""

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit layanan"), on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(_("periode survei"), max_length=8)
    element = models.CharField(_("unsur"), max_length=20, choices=ELEMENT_CHOICES)
    action = models.TextField(_("kegiatan tindak lanjut"), max_length=1000)
    owner = models.CharField(
        _("penanggung jawab"), max_length=120, help_text=_("Jabatan, bukan nama orang.")
    )
    deadline = models.DateField(_("batas waktu"))
    status = models.CharField(
        _("status"), max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tindak lanjut SKM")
        verbose_name_plural = _("tindak lanjut SKM")
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["unit", "period"], name="skm_follow_up_unit_period")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.period} {self.element}: {self.action[:40]}"
