"""Mentoring: a scheme on a cohort of a mentoring program, its mentors with their capacity,
mentor–mentee pairs, the goals each pair agrees (scored by Goal Attainment Scaling) and the
sessions either side logs."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import Employee
from sieva.programs.models import Cohort


class MentoringScheme(models.Model):
    """How one cohort's mentoring runs: mentees per mentor, how often pairs should meet and
    from how long a silence the pair is flagged."""

    cohort = models.OneToOneField(
        Cohort, verbose_name=_("angkatan"), on_delete=models.CASCADE, related_name="mentoring"
    )
    mentor_capacity = models.PositiveSmallIntegerField(
        _("mentee per mentor"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Batas bawaan; dapat diubah per mentor."),
    )
    meeting_interval_weeks = models.PositiveSmallIntegerField(
        _("pertemuan setiap (minggu)"), default=2, validators=[MinValueValidator(1)]
    )
    max_gap_weeks = models.PositiveSmallIntegerField(
        _("jeda terlama yang wajar (minggu)"),
        default=4,
        validators=[MinValueValidator(1)],
        help_text=_("Pasangan yang tidak bertemu lebih lama dari ini diberi tanda."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("skema mentoring")
        verbose_name_plural = _("skema mentoring")

    def __str__(self) -> str:
        return str(self.cohort)


class SchemeMentor(models.Model):
    """An employee who mentors in a scheme, with the field they mentor in and their capacity."""

    scheme = models.ForeignKey(MentoringScheme, on_delete=models.CASCADE, related_name="mentors")
    employee = models.ForeignKey(
        Employee, verbose_name=_("mentor"), on_delete=models.PROTECT, related_name="+"
    )
    field = models.CharField(
        _("bidang"),
        max_length=120,
        blank=True,
        help_text=_("Bidang keahlian, mis. nama jabatan yang dibimbing."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("kapasitas"), null=True, blank=True, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentor")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "employee"], name="one_mentor_row_per_scheme")
        ]

    def __str__(self) -> str:
        return str(self.employee)

    @property
    def effective_capacity(self) -> int:
        return self.capacity or self.scheme.mentor_capacity


class PairStatus(models.TextChoices):
    ACTIVE = "aktif", _("Aktif")
    ENDED = "selesai", _("Selesai")
    STOPPED = "dihentikan", _("Dihentikan")


class MentoringPair(models.Model):
    scheme = models.ForeignKey(MentoringScheme, on_delete=models.CASCADE, related_name="pairs")
    mentor = models.ForeignKey(
        Employee, verbose_name=_("mentor"), on_delete=models.PROTECT, related_name="+"
    )
    mentee = models.ForeignKey(
        Employee, verbose_name=_("mentee"), on_delete=models.PROTECT, related_name="+"
    )
    started_on = models.DateField(_("mulai"))
    ended_on = models.DateField(_("selesai"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PairStatus.choices, default=PairStatus.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pasangan mentoring")
        verbose_name_plural = _("pasangan mentoring")
        ordering = ["scheme", "mentor__name", "mentee__name"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "mentee"], name="one_pair_per_mentee"),
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")), name="mentor_is_not_mentee"
            ),
        ]
        indexes = [models.Index(fields=["mentor", "status"])]

    def __str__(self) -> str:
        return f"{self.mentor.name} – {self.mentee.name}"


class MentoringGoal(models.Model):
    """A goal the pair agreed, scored −2…+2 against the expected outcome (Goal Attainment
    Scaling); `level` stays empty until it is scored."""

    pair = models.ForeignKey(MentoringPair, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("sasaran"), max_length=200)
    expected = models.TextField(
        _("hasil yang diharapkan (nilai 0)"),
        help_text=_("Seperti apa sasaran ini bila tercapai sesuai harapan."),
    )
    weight = models.PositiveSmallIntegerField(
        _("bobot"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
        help_text=_("1 biasa, 2 penting, 3 sangat penting."),
    )
    level = models.SmallIntegerField(
        _("capaian"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-2), MaxValueValidator(2)],
    )
    scored_at = models.DateTimeField(null=True, blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sasaran mentoring")
        verbose_name_plural = _("sasaran mentoring")
        ordering = ["pair", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__gte=-2, level__lte=2),
                name="goal_level_in_gas_range",
            )
        ]

    def __str__(self) -> str:
        return self.title


class SessionMode(models.TextChoices):
    IN_PERSON = "tatap_muka", _("Tatap muka")
    ONLINE = "daring", _("Daring (video)")
    PHONE = "telepon", _("Telepon / pesan")


class SessionStatus(models.TextChoices):
    HELD = "terlaksana", _("Terlaksana")
    MISSED = "batal", _("Tidak terlaksana")


class MentoringSession(models.Model):
    """One meeting (or a planned one that did not happen), logged by mentor or mentee."""

    pair = models.ForeignKey(MentoringPair, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("tanggal"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("lama (menit)"), default=60, validators=[MinValueValidator(0), MaxValueValidator(600)]
    )
    mode = models.CharField(
        _("moda"), max_length=12, choices=SessionMode.choices, default=SessionMode.IN_PERSON
    )
    topic = models.CharField(_("topik"), max_length=200)
    agreed_actions = models.TextField(_("tindak lanjut yang disepakati"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.HELD
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logged_by_mentor = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sesi mentoring")
        verbose_name_plural = _("sesi mentoring")
        ordering = ["pair", "-date", "-pk"]
        indexes = [models.Index(fields=["pair", "date"])]

    def __str__(self) -> str:
        return f"{self.topic} ({self.date:%d-%m-%Y})"
