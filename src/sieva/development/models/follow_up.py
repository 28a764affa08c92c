"""Follow-up after a program: each participant's rencana aksi (or proyek perubahan for
leadership programs) with milestones, verified by the supervisor or coach at set months."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import Employee
from sieva.programs.models import Enrollment


class PlanKind(models.TextChoices):
    ACTION_PLAN = "rencana_aksi", _("Rencana aksi")
    CHANGE_PROJECT = "proyek_perubahan", _("Proyek perubahan")


class ActionPlanStatus(models.TextChoices):
    DRAFT = "draf", _("Draf")
    RUNNING = "berjalan", _("Berjalan")
    COMPLETED = "selesai", _("Selesai")
    ABANDONED = "dihentikan", _("Dihentikan")


class ActionPlan(models.Model):
    enrollment = models.OneToOneField(
        Enrollment, on_delete=models.CASCADE, related_name="action_plan"
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=PlanKind.choices)
    title = models.CharField(_("judul"), max_length=200)
    description = models.TextField(_("uraian: masalah, perubahan yang dituju, manfaat"))
    coach = models.ForeignKey(
        Employee,
        verbose_name=_("coach"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ActionPlanStatus.choices,
        default=ActionPlanStatus.DRAFT,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("tonggak"), max_length=200)
    due_on = models.DateField(_("target tanggal"))
    done_on = models.DateField(_("tercapai pada"), null=True, blank=True)
    evidence = models.CharField(_("bukti capaian"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("tonggak")
        verbose_name_plural = _("tonggak")
        ordering = ["plan", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class VerifierKind(models.TextChoices):
    SUPERVISOR = "atasan", _("Atasan (mentor)")
    COACH = "coach", _("Coach")


class ProgressCheck(models.Model):
    """The verified progress of a plan at `month` months after the cohort ended."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="checks")
    month = models.PositiveSmallIntegerField(_("bulan ke-"))
    verifier = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    verifier_kind = models.CharField(
        _("pemverifikasi"), max_length=10, choices=VerifierKind.choices
    )
    progress = models.PositiveSmallIntegerField(
        _("kemajuan (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    note = models.TextField(_("catatan verifikasi"), blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("verifikasi kemajuan")
        verbose_name_plural = _("verifikasi kemajuan")
        ordering = ["plan", "month"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "month"], name="one_check_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} +{self.month}: {self.progress} %"
