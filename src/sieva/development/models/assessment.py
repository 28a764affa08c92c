"""Participant assessment: a cohort's plan (components and weights), technical scores,
attitude ratings on the BerAKHLAK values by facilitators, coaches and peers, the final result
with its qualification, moderation and appeals."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import Employee
from sieva.programs.models import Cohort, Enrollment


class CoreValue(models.TextChoices):
    """The seven BerAKHLAK core values of ASN (UU 20/2023 Pasal 4)."""

    SERVICE = "berorientasi_pelayanan", _("Berorientasi Pelayanan")
    ACCOUNTABLE = "akuntabel", _("Akuntabel")
    COMPETENT = "kompeten", _("Kompeten")
    HARMONIOUS = "harmonis", _("Harmonis")
    LOYAL = "loyal", _("Loyal")
    ADAPTIVE = "adaptif", _("Adaptif")
    COLLABORATIVE = "kolaboratif", _("Kolaboratif")


class ComponentKind(models.TextChoices):
    TEST = "tes", _("Tes")
    ASSIGNMENT = "penugasan", _("Penugasan")
    PROJECT = "proyek", _("Proyek / aktualisasi")
    ATTITUDE = "sikap", _("Sikap dan etika kerja (BerAKHLAK)")


class AssessmentPlan(models.Model):
    cohort = models.OneToOneField(
        Cohort, verbose_name=_("angkatan"), on_delete=models.CASCADE, related_name="assessment"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rencana penilaian")
        verbose_name_plural = _("rencana penilaian")

    def __str__(self) -> str:
        return str(self.cohort)


class AssessmentComponent(models.Model):
    """One part of the final score; the weights of a plan sum to 100."""

    plan = models.ForeignKey(AssessmentPlan, on_delete=models.CASCADE, related_name="components")
    name = models.CharField(_("nama komponen"), max_length=120)
    kind = models.CharField(_("jenis"), max_length=10, choices=ComponentKind.choices)
    weight = models.DecimalField(
        _("bobot (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("komponen penilaian")
        verbose_name_plural = _("komponen penilaian")
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.weight} %)"


class ComponentScore(models.Model):
    """A participant's score 0–100 on a technical component."""

    component = models.ForeignKey(
        AssessmentComponent, on_delete=models.CASCADE, related_name="scores"
    )
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="+")
    score = models.DecimalField(
        _("nilai"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["component", "enrollment"], name="one_score_per_component"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment_id}/{self.component_id}: {self.score}"


class RaterKind(models.TextChoices):
    FACILITATOR = "fasilitator", _("Fasilitator / widyaiswara")
    COACH = "coach", _("Coach")
    PEER = "rekan", _("Rekan peserta")


class AttitudeRating(models.Model):
    """One rater's view of one participant: each BerAKHLAK value scored 1–5."""

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="attitude_ratings"
    )
    rater = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    rater_kind = models.CharField(_("penilai"), max_length=12, choices=RaterKind.choices)
    scores = models.JSONField(_("nilai per nilai dasar"))
    comment = models.TextField(_("catatan"), blank=True)
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("penilaian sikap")
        verbose_name_plural = _("penilaian sikap")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "rater"], name="one_rating_per_rater")
        ]

    def __str__(self) -> str:
        return f"{self.rater_id} → {self.enrollment_id}"

    @property
    def mean(self) -> float:
        values = [float(v) for v in self.scores.values()]
        return sum(values) / len(values)


class ResultStatus(models.TextChoices):
    FINAL = "final", _("Final")
    APPEALED = "banding", _("Dalam banding")
    REVISED = "direvisi", _("Direvisi setelah banding")


class AssessmentResult(models.Model):
    """A participant's final score and qualification, with what moderation and appeal did."""

    enrollment = models.OneToOneField(
        Enrollment, on_delete=models.CASCADE, related_name="assessment_result"
    )
    final_score = models.DecimalField(_("nilai akhir"), max_digits=5, decimal_places=2)
    qualification = models.CharField(_("kualifikasi"), max_length=30)
    components = models.JSONField(_("rincian komponen"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=ResultStatus.choices, default=ResultStatus.FINAL
    )
    needs_moderation = models.BooleanField(_("perlu moderasi"), default=False)
    attitude_override = models.DecimalField(
        _("nilai sikap hasil moderasi"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    moderation_note = models.TextField(_("catatan moderasi"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("hasil penilaian peserta")
        verbose_name_plural = _("hasil penilaian peserta")

    def __str__(self) -> str:
        return f"{self.enrollment_id}: {self.final_score} {self.qualification}"


class AppealStatus(models.TextChoices):
    OPEN = "diajukan", _("Diajukan")
    UPHELD = "diterima", _("Diterima")
    REJECTED = "ditolak", _("Ditolak")


class Appeal(models.Model):
    result = models.ForeignKey(AssessmentResult, on_delete=models.CASCADE, related_name="appeals")
    reason = models.TextField(_("alasan banding"))
    filed_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=AppealStatus.choices, default=AppealStatus.OPEN
    )
    decision = models.TextField(_("keputusan"), blank=True)
    revised_score = models.DecimalField(
        _("nilai akhir setelah banding"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("banding")
        verbose_name_plural = _("banding")
        ordering = ["-filed_at"]

    def __str__(self) -> str:
        return f"{self.result_id}: {self.get_status_display()}"
