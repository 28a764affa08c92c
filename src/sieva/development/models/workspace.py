"""What a person's workspace adds: learning reported from elsewhere (approved into JP),
certificates with a public verification code, nominations by supervisors, notifications."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import Employee
from sieva.programs.models import Attendance, Cohort, Enrollment


class LearningKind(models.TextChoices):
    COURSE = "kursus", _("Kursus / pelatihan")
    SEMINAR = "seminar", _("Seminar / lokakarya")
    ELEARNING = "e_learning", _("E-learning / MOOC")
    INTERNSHIP = "magang", _("Magang / pertukaran")
    OTHER = "lainnya", _("Lainnya")


class ReviewStatus(models.TextChoices):
    SUBMITTED = "diajukan", _("Menunggu persetujuan")
    APPROVED = "disetujui", _("Disetujui")
    REJECTED = "ditolak", _("Ditolak")


def evidence_path(instance: "ExternalLearning", filename: str) -> str:
    # The stored name carries no personal data; the original name is kept on the row.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"bukti/{instance.employee_id}/{instance.submitted_at:%Y%m%d%H%M%S}.{suffix}"


class ExternalLearning(models.Model):
    """Learning an employee did outside SIEVA's programs, with its evidence; once approved
    its JP enter the record as attendance (`attendance`), exactly once."""

    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="external_learning"
    )
    title = models.CharField(_("nama kegiatan"), max_length=200)
    provider = models.CharField(_("penyelenggara"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=12, choices=LearningKind.choices)
    started_on = models.DateField(_("tanggal mulai"))
    ended_on = models.DateField(_("tanggal selesai"))
    jp = models.DecimalField(
        _("JP yang diajukan"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0.5)]
    )
    evidence = models.FileField(_("bukti (sertifikat)"), upload_to=evidence_path)
    evidence_name = models.CharField(max_length=200, blank=True)
    submitted_at = models.DateTimeField()
    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.SUBMITTED
    )
    approved_jp = models.DecimalField(
        _("JP yang disetujui"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    review_note = models.TextField(_("catatan pemeriksa"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    attendance = models.OneToOneField(
        Attendance, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("pembelajaran di luar program")
        verbose_name_plural = _("pembelajaran di luar program")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.employee_id})"


class Certificate(models.Model):
    """The STTPP of a participant who completed a cohort: a number per program and year, and a
    random code behind the public verification page (which shows only what the certificate
    states)."""

    enrollment = models.OneToOneField(
        Enrollment, on_delete=models.PROTECT, related_name="certificate"
    )
    number = models.CharField(_("nomor"), max_length=60, unique=True)
    issued_on = models.DateField(_("tanggal terbit"))
    code = models.CharField(max_length=32, unique=True)
    revoked = models.BooleanField(_("dicabut"), default=False)

    class Meta:
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")

    def __str__(self) -> str:
        return self.number


class NominationStatus(models.TextChoices):
    PENDING = "diajukan", _("Diajukan")
    ACCEPTED = "diterima", _("Diterima (diundang)")
    DECLINED = "ditolak", _("Ditolak")


class Nomination(models.Model):
    """A supervisor proposes one of their staff for an upcoming cohort; the organiser
    accepts (the person is invited) or declines with a reason."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="nominations")
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="+")
    nominated_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("alasan / kebutuhan pengembangan"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=NominationStatus.choices,
        default=NominationStatus.PENDING,
    )
    decision_note = models.CharField(_("catatan keputusan"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("usulan peserta")
        verbose_name_plural = _("usulan peserta")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "employee"], name="one_nomination_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} → {self.cohort_id}"


class Notification(models.Model):
    """Something waiting on a user, shown in the app and sent once by e-mail. `key` makes
    the reminder run idempotent: the same thing is never notified twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    key = models.CharField(max_length=120)
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_notification_per_key")
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title
