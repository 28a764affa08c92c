"""From training needs to next year's plan: supervisors' nominations, and the proposed
program plan officials comment on before it is adopted (PP 11/2017 Pasal 205–207)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import Employee, OrgUnit


class Nomination(models.Model):
    """A supervisor puts a subordinate forward for a competency in a year."""

    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="+"
    )
    nominated_by = models.ForeignKey(
        Employee, verbose_name=_("atasan"), on_delete=models.PROTECT, related_name="+"
    )
    competency = models.CharField(_("kompetensi"), max_length=60)
    year = models.PositiveSmallIntegerField(_("tahun rencana"))
    reason = models.CharField(_("alasan"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("usulan atasan")
        verbose_name_plural = _("usulan atasan")
        ordering = ["-year", "employee__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "competency", "year"], name="nomination_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.employee_id}:{self.competency}:{self.year}"


class PlanStatus(models.TextChoices):
    DRAFT = "draf", _("Draf")
    CONSULTATION = "konsultasi", _("Dibuka untuk tanggapan")
    ADOPTED = "ditetapkan", _("Ditetapkan")


class TrainingPlan(models.Model):
    """The proposed competency development plan of an instansi for a year."""

    owner = models.ForeignKey(
        OrgUnit, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("tahun rencana"))
    title = models.CharField(_("judul"), max_length=200)
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    basis = models.TextField(_("dasar usulan"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adopted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rencana pengembangan kompetensi")
        verbose_name_plural = _("rencana pengembangan kompetensi")
        ordering = ["-year", "-pk"]

    def __str__(self) -> str:
        return self.title


class PlanItem(models.Model):
    """One proposed program: a competency for a target group, with JP and estimated cost."""

    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="items")
    priority = models.PositiveSmallIntegerField(_("prioritas"))
    competency = models.CharField(_("kompetensi"), max_length=60)
    competency_label = models.CharField(_("nama kompetensi"), max_length=200)
    target_group = models.CharField(_("sasaran"), max_length=300)
    participants = models.PositiveIntegerField(_("jumlah peserta"))
    jp = models.DecimalField(
        _("JP"), max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("1"))]
    )
    cost_per_participant = models.DecimalField(
        _("biaya per peserta (Rp)"), max_digits=14, decimal_places=0
    )
    evidence = models.CharField(_("bukti kebutuhan"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("usulan program")
        verbose_name_plural = _("usulan program")
        ordering = ["plan", "priority", "pk"]

    def __str__(self) -> str:
        return f"{self.priority}. {self.competency_label}"

    @property
    def estimated_cost(self) -> Decimal:
        return self.cost_per_participant * self.participants


class PlanComment(models.Model):
    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="comments")
    item = models.ForeignKey(
        PlanItem, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("tanggapan"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tanggapan rencana")
        verbose_name_plural = _("tanggapan rencana")
        ordering = ["plan", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.plan_id}:{self.pk}"
