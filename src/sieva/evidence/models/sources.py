"""What is coded: a source's text (an interview transcript, a document, an open answer) with
the facts analysis groups by, plus the interview's and the document's own record."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.evidence.models.studies import SampleStratum, Study
from sieva.instruments.models import Answer
from sieva.org.models import Employee, OrgUnit, PositionKind
from sieva.programs.models import Program


class SourceKind(models.TextChoices):
    INTERVIEW = "wawancara", _("Wawancara")
    DOCUMENT = "dokumen", _("Dokumen")
    OPEN_ANSWER = "jawaban_terbuka", _("Jawaban terbuka survei")


class Source(models.Model):
    """One codable text. Codings point into `text` by character offsets, so the text is
    frozen once anyone has coded it (services refuse the edit).

    `unit` (where the speaker or respondent works, or the document's unit) and
    `position_kind` are what frequencies and quotes are grouped by; `label` is how a quote is
    attributed without naming anyone (e.g. "N-03").
    """

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="sources")
    kind = models.CharField(_("jenis sumber"), max_length=20, choices=SourceKind.choices)
    label = models.CharField(_("kode sumber"), max_length=40)
    title = models.CharField(_("judul"), max_length=300)
    text = models.TextField(_("teks"), blank=True)
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position_kind = models.CharField(
        _("jenis jabatan"), max_length=30, choices=PositionKind.choices, blank=True
    )
    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    primary_coder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengode utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sumber")
        verbose_name_plural = _("sumber")
        ordering = ["study", "kind", "label", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["study", "label"], name="source_label_unique"),
            models.UniqueConstraint(
                fields=["study", "answer"],
                condition=models.Q(answer__isnull=False),
                name="source_answer_once_per_study",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} · {self.title}"


class InterviewMode(models.TextChoices):
    IN_PERSON = "tatap_muka", _("Tatap muka")
    VIDEO = "daring", _("Daring (video)")
    PHONE = "telepon", _("Telepon")


class Interview(models.Model):
    """The record of one interview with an official. The transcript is the source's text
    with the speakers' names replaced by pseudonyms; `speakers` keeps the real labels (for
    the team only), `interviewee` the person, if recorded."""

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="interview")
    stratum = models.ForeignKey(
        SampleStratum,
        verbose_name=_("strata sampel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interviews",
    )
    held_on = models.DateField(_("tanggal wawancara"))
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pewawancara"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mode = models.CharField(
        _("cara"), max_length=12, choices=InterviewMode.choices, default=InterviewMode.IN_PERSON
    )
    consent = models.BooleanField(_("persetujuan narasumber tercatat"), default=False)
    consent_note = models.CharField(
        _("bukti persetujuan"),
        max_length=200,
        blank=True,
        help_text=_("Mis. formulir ditandatangani, persetujuan lisan di awal rekaman."),
    )
    interviewee = models.ForeignKey(
        Employee,
        verbose_name=_("narasumber"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    speakers = models.JSONField(_("nama penutur dan samarannya"), default=dict, blank=True)
    filename = models.CharField(_("berkas transkrip"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("wawancara")
        verbose_name_plural = _("wawancara")
        ordering = ["-held_on", "pk"]

    def __str__(self) -> str:
        return str(self.source)


class DocumentType(models.TextChoices):
    SOP = "sop", _("SOP")
    GUIDELINE = "juknis", _("Petunjuk teknis (juknis)")
    DECREE = "sk", _("Surat keputusan")
    REGULATION = "peraturan", _("Peraturan")
    REPORT = "laporan", _("Laporan")
    OTHER = "lainnya", _("Lainnya")


class Document(models.Model):
    """A policy, procedure or program document in the register, with the answers of the
    review checklist of its type (``{item code: {"answer": "ya"|"sebagian"|"tidak", "note"}}``)."""

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="document")
    doc_type = models.CharField(_("jenis dokumen"), max_length=12, choices=DocumentType.choices)
    number = models.CharField(_("nomor"), max_length=120, blank=True)
    issuer = models.CharField(_("penerbit"), max_length=200, blank=True)
    issued_on = models.DateField(_("tanggal terbit"), null=True, blank=True)
    filename = models.CharField(_("berkas"), max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    checklist = models.JSONField(_("daftar periksa"), default=dict, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        ordering = ["source__label"]

    def __str__(self) -> str:
        return str(self.source)
