"""SKM imports: the files imported, background jobs, uploads waiting for a mapping, and
saved column mappings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgUnit


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
