"""A qualitative study (kajian) of one evaluation: its team, interview guide and sample."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgUnit, PositionKind
from sieva.programs.models import Program


class Study(models.Model):
    """The qualitative side of one evaluation: who is on the team, what it asks, the share of
    sources coded twice and the alpha under which a code is flagged for revision.

    `owner` scopes it like every other object; only the team (lead and coders) and the
    subtree's admins read transcripts and names (decision 0030).
    """

    title = models.CharField(_("judul kajian"), max_length=200)
    owner = models.ForeignKey(
        OrgUnit, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    program = models.ForeignKey(
        Program,
        verbose_name=_("program yang dievaluasi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    questions = models.TextField(_("pertanyaan evaluasi"), blank=True)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ketua tim"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengode"),
        blank=True,
        related_name="evidence_studies",
    )
    double_share = models.DecimalField(
        _("porsi dikode ganda"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.20"),
        validators=[MinValueValidator(Decimal("0.05")), MaxValueValidator(Decimal("1"))],
        help_text=_("Bagian sumber yang dikode dua orang untuk menguji kesepakatan (bawaan 20 %)."),
    )
    alpha_threshold = models.DecimalField(
        _("ambang alpha"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.667"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text=_(
            "Kode dengan alpha di bawah ambang ini ditandai untuk direvisi (bawaan 0,667)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kajian kualitatif")
        verbose_name_plural = _("kajian kualitatif")
        ordering = ["-year", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class GuideQuestion(models.Model):
    """One question of the interview guide, with its probes."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="guide")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    text = models.TextField(_("pertanyaan"))
    probes = models.TextField(_("pertanyaan pendalaman"), blank=True)

    class Meta:
        verbose_name = _("pertanyaan panduan")
        verbose_name_plural = _("panduan wawancara")
        ordering = ["study", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class SampleStratum(models.Model):
    """A row of the interview sample: how many officials of a kind of position in a unit."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="sample")
    position_kind = models.CharField(
        _("jenis jabatan"), max_length=30, choices=PositionKind.choices
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="+"
    )
    planned = models.PositiveSmallIntegerField(
        _("jumlah direncanakan"), default=1, validators=[MinValueValidator(1)]
    )
    note = models.CharField(_("catatan"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("strata sampel")
        verbose_name_plural = _("sampel wawancara")
        ordering = ["study", "unit__path", "position_kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["study", "unit", "position_kind"], name="sample_stratum_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_position_kind_display()} · {self.unit}"
