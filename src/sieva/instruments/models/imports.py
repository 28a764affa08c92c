"""An import job (the uploaded file, its column mapping, progress and outcome) and the mapping
remembered per instrument version and source tool, so the next export maps itself."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.instruments.models.collection import Campaign
from sieva.instruments.models.instruments import InstrumentVersion


class SourceKind(models.TextChoices):
    GOOGLE = "google", _("Google Forms")
    KOBO = "kobo", _("KoboToolbox")
    LIMESURVEY = "limesurvey", _("LimeSurvey")
    OTHER = "lainnya", _("Lainnya")


class ImportStatus(models.TextChoices):
    MAPPING = "pemetaan", _("Pemetaan kolom")
    QUEUED = "antre", _("Dalam antrean")
    RUNNING = "berjalan", _("Sedang diproses")
    DONE = "selesai", _("Selesai")
    FAILED = "gagal", _("Ditolak")


class ImportMapping(models.Model):
    """Column header (normalised) → target, as last confirmed for this version and tool."""

    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=12, choices=SourceKind.choices)
    columns = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "source"], name="import_mapping_unique")
        ]

    def __str__(self) -> str:
        return f"{self.version_id}:{self.source}"


class ResponseImport(models.Model):
    """One uploaded file for a campaign. `header` and `targets` are parallel lists (a target is
    an item code, ``code[row]``, ``=nip``, ``=waktu``, ``=nip_dinilai`` or "" to ignore).
    `content` is dropped once the job ends: the responses hold the data, not the file."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="imports")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(_("nama berkas"), max_length=200)
    sha256 = models.CharField(max_length=64, db_index=True)
    content = models.BinaryField(blank=True, default=b"")
    source = models.CharField(_("sumber"), max_length=12, choices=SourceKind.choices)
    header = models.JSONField(default=list)
    targets = models.JSONField(default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.MAPPING
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(_("tanggapan tersimpan"), default=0)
    invitations_answered = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)  # [[row, column, reason], …], capped
    error_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("impor tanggapan")
        verbose_name_plural = _("impor tanggapan")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.filename} → {self.campaign_id}"

    @property
    def finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)

    @property
    def progress(self) -> int:
        """Percent done: checking rows is the long part (to 90 %); writing is the rest."""
        if self.finished:
            return 100
        if not self.total_rows:
            return 0
        return min(90, 90 * self.processed_rows // self.total_rows)
