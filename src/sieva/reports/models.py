"""Stored evaluation reports (snapshots) and the letterhead (kop) each instansi prints on them.

A snapshot keeps the whole rendered report document (text, tables, chart SVGs and the data
annex) plus the SHA-256 of the figures it used and the software version, so the same report
can be downloaded again byte-for-byte in content and compared with the next period's.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgUnit


class Letterhead(models.Model):
    """The kop of an organisation node; a report uses the nearest one up the tree."""

    unit = models.OneToOneField(
        OrgUnit, verbose_name=_("unit organisasi"), on_delete=models.CASCADE, related_name="+"
    )
    lines = models.TextField(
        _("baris kop"),
        help_text=_("Satu baris per baris kop, mis. nama pemerintah daerah, instansi, alamat."),
    )
    # Stored in the database, not as a media file: logos are small and a report must render
    # the same on every app server without shared storage.
    logo = models.BinaryField(_("logo"), blank=True, default=b"")
    logo_type = models.CharField(max_length=40, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kop laporan")
        verbose_name_plural = _("kop laporan")

    def __str__(self) -> str:
        return self.first_line or str(self.unit)

    @property
    def first_line(self) -> str:
        return self.line_list[0] if self.line_list else ""

    @property
    def line_list(self) -> list[str]:
        return [line.strip() for line in self.lines.splitlines() if line.strip()]


class ReportStatus(models.TextChoices):
    """A report is written (draft), checked by a second person (reviewed) and signed by the
    head of the office (approved); only then is it frozen and its recommendations tracked."""

    DRAFT = "draf", _("Draf")
    REVIEWED = "diperiksa", _("Sudah diperiksa")
    APPROVED = "disetujui", _("Disetujui")


class ReportSnapshot(models.Model):
    """One generated evaluation report, frozen at the moment it was made.

    The document (figures, tables, charts) never changes; while the report is a draft the
    evaluators may add their own narrative per section and the report's identity (number,
    evaluators). Approval freezes those too and stores the signed PDF with its SHA-256.
    """

    title = models.CharField(_("judul"), max_length=300)
    # The node the scope belongs to (program owner, chosen node or the user's own scope):
    # who may open the snapshot follows it, like every other object.
    owner = models.ForeignKey(
        OrgUnit,
        verbose_name=_("instansi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scope = models.JSONField(_("cakupan"), default=dict)  # the evaluation filter, by ids
    scope_key = models.CharField(max_length=200, db_index=True)  # same scope, same key
    scope_label = models.CharField(_("cakupan"), max_length=500)
    period_label = models.CharField(_("periode"), max_length=100, blank=True)
    language = models.CharField(_("bahasa"), max_length=8)
    document = models.JSONField(_("isi laporan"))
    input_hash = models.CharField(_("SHA-256 data masukan"), max_length=64)
    software_version = models.CharField(_("versi perangkat lunak"), max_length=40)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    number = models.CharField(_("nomor laporan"), max_length=80, blank=True)
    # [{"name": …, "nip": …}]: the people who sign as evaluators, by name and NIP.
    evaluators = models.JSONField(_("evaluator"), default=list, blank=True)
    narratives = models.JSONField(_("uraian evaluator per bagian"), default=dict, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_name = models.CharField(_("diperiksa oleh"), max_length=200, blank=True)
    reviewed_at = models.DateTimeField(_("diperiksa pada"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The signature block as signed: name, NIP and position (jabatan) of the approver.
    approver = models.JSONField(_("penanda tangan"), default=dict, blank=True)
    approved_at = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    # The signed PDF, byte for byte, and its SHA-256 (printed on the detail page to check a copy).
    pdf = models.BinaryField(_("PDF yang disetujui"), blank=True, default=b"")
    pdf_sha256 = models.CharField(_("SHA-256 PDF"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("laporan evaluasi")
        verbose_name_plural = _("laporan evaluasi")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == ReportStatus.DRAFT

    @property
    def is_approved(self) -> bool:
        return self.status == ReportStatus.APPROVED
