"""Careers: performance appraisals (SKP), and what the talent and competency pages build on."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import Employee, OrgUnit
from sieva.programs.models import Program


class Expectation(models.TextChoices):
    """Rating of hasil kerja or perilaku kerja (PermenPANRB 6/2022); values as
    `sieva.analysis.indices.appraisal.Rating`."""

    BELOW = "di_bawah", _("Di Bawah Ekspektasi")
    MEETS = "sesuai", _("Sesuai Ekspektasi")
    ABOVE = "di_atas", _("Di Atas Ekspektasi")


class Appraisal(models.Model):
    """One employee's yearly performance appraisal: the two ratings, the predikat they give,
    and (where the instance keeps one) a numeric score 0–100 used to compare people."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="appraisals")
    year = models.PositiveSmallIntegerField(_("tahun"))
    hasil_kerja = models.CharField(_("hasil kerja"), max_length=10, choices=Expectation.choices)
    perilaku = models.CharField(_("perilaku kerja"), max_length=10, choices=Expectation.choices)
    predikat = models.CharField(_("predikat kinerja"), max_length=20, editable=False)
    score = models.DecimalField(
        _("nilai kinerja"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("penilaian kinerja (SKP)")
        verbose_name_plural = _("penilaian kinerja (SKP)")
        ordering = ["employee", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "year"], name="one_appraisal_per_year")
        ]
        indexes = [models.Index(fields=["year", "employee"])]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.year}: {self.predikat}"


class CompetencyKind(models.TextChoices):
    """Kompetensi (PermenPANRB 38/2017)."""

    TECHNICAL = "teknis", _("Teknis")
    MANAGERIAL = "manajerial", _("Manajerial")
    SOCIOCULTURAL = "sosial_kultural", _("Sosial kultural")


class Competency(models.Model):
    """A competency of the standard dictionary (no owner) or an instansi's technical one."""

    owner = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(_("kode"), max_length=40)
    name = models.CharField(_("nama kompetensi"), max_length=150)
    kind = models.CharField(_("jenis"), max_length=16, choices=CompetencyKind.choices)

    class Meta:
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kompetensi")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "code"], name="competency_code_per_owner"),
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(owner__isnull=True), name="standard_code"
            ),
        ]

    def __str__(self) -> str:
        return self.name


LEVELS = [MinValueValidator(1), MaxValueValidator(5)]


class JobStandard(models.Model):
    """The competency standard of one jabatan in one instansi; a key position has a
    succession pool."""

    owner = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    position_name = models.CharField(_("nama jabatan"), max_length=200)
    is_key_position = models.BooleanField(_("jabatan kunci (rencana suksesi)"), default=False)
    incumbent = models.ForeignKey(
        Employee,
        verbose_name=_("pemangku saat ini"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("standar kompetensi jabatan")
        verbose_name_plural = _("standar kompetensi jabatan")
        ordering = ["position_name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "position_name"], name="one_standard_per_job")
        ]

    def __str__(self) -> str:
        return self.position_name


class JobStandardLevel(models.Model):
    standard = models.ForeignKey(JobStandard, on_delete=models.CASCADE, related_name="levels")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    required_level = models.PositiveSmallIntegerField(
        _("level yang dipersyaratkan"), validators=LEVELS
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["standard", "competency"], name="one_level_per_job")
        ]

    def __str__(self) -> str:
        return f"{self.competency_id}: {self.required_level}"


class AssessmentSource(models.TextChoices):
    ASSESSMENT_CENTER = "assessment_center", _("Assessment center / uji kompetensi")
    SUPERVISOR = "atasan", _("Penilaian atasan")
    SELF = "mandiri", _("Penilaian mandiri")


class CompetencyAssessment(models.Model):
    """An assessed level (1–5) of one competency of one employee on a day."""

    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="competency_assessments"
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVELS)
    assessed_on = models.DateField(_("tanggal penilaian"))
    source = models.CharField(_("sumber"), max_length=20, choices=AssessmentSource.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("hasil penilaian kompetensi")
        verbose_name_plural = _("hasil penilaian kompetensi")
        ordering = ["employee", "competency", "-assessed_on"]
        indexes = [models.Index(fields=["employee", "competency", "assessed_on"])]

    def __str__(self) -> str:
        return f"{self.employee_id}/{self.competency_id}: {self.level}"


class ProgramCompetency(models.Model):
    """A competency a program is meant to develop (its gap closure is measured on it)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+")
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["program", "competency"], name="one_target_per_program")
        ]

    def __str__(self) -> str:
        return f"{self.program_id}: {self.competency_id}"


class PotentialAssessment(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    score = models.DecimalField(
        _("nilai potensial"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    source = models.CharField(_("sumber"), max_length=120, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["employee", "year"], name="one_potential_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.year}: {self.score}"


class TalentPlacement(models.Model):
    """An employee's place in the 9-box for a year, with the evidence it was computed from
    (kept, and each change audited, so a placement can always be explained)."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    box = models.PositiveSmallIntegerField(
        _("kotak"), validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    evidence = models.JSONField(_("dasar penempatan"))
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("penempatan talenta (9-box)")
        verbose_name_plural = _("penempatan talenta (9-box)")
        constraints = [
            models.UniqueConstraint(fields=["employee", "year"], name="one_placement_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.year}: {self.box}"


class PlanStatus(models.TextChoices):
    DRAFT = "draf", _("Draf")
    APPROVED = "disetujui", _("Disetujui atasan")


class DevelopmentPlan(models.Model):
    """An individual development plan (IDP) for a year."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("rencana pengembangan individu")
        verbose_name_plural = _("rencana pengembangan individu")
        constraints = [
            models.UniqueConstraint(fields=["employee", "year"], name="one_idp_per_year")
        ]

    def __str__(self) -> str:
        return f"IDP {self.employee_id} {self.year}"


class DevelopmentPlanItem(models.Model):
    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="items")
    competency = models.ForeignKey(
        Competency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gap = models.PositiveSmallIntegerField(_("kesenjangan"), default=0)
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    activity = models.CharField(_("kegiatan pengembangan"), max_length=300)
    done = models.BooleanField(_("selesai"), default=False)

    class Meta:
        ordering = ["plan", "pk"]

    def __str__(self) -> str:
        return self.activity
