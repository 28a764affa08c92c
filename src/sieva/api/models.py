"""Personal access tokens for the REST API, and learning records received from LMSs.

A token is shown once, when it is created; only its prefix (to recognise it in the list) and
the SHA-256 of the whole token are stored (decision 0040). xAPI statements are kept as they
were applied, so a re-sent statement id is recognised and changes nothing (decision 0042).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.org.models import Employee, OrgUnit
from sieva.programs.models import Cohort, Session


class TokenScope(models.TextChoices):
    READ = "read", _("Baca")
    WRITE = "write", _("Baca dan tulis")


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("nama token"), max_length=100)
    prefix = models.CharField(max_length=16, unique=True)
    key_hash = models.CharField(max_length=64)
    scope = models.CharField(
        _("hak akses"), max_length=5, choices=TokenScope.choices, default=TokenScope.READ
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("berlaku sampai"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.WRITE

    def is_usable(self, now: "timezone.datetime | None" = None) -> bool:
        """Neither revoked nor expired."""
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class ActivityMapping(models.Model):
    """An LMS activity id (an IRI such as ``https://lms.example.go.id/mod/scorm/view.php?id=7``)
    and what it stands for in SIEVA: one session, or a whole cohort.

    A mapping without a cohort is *pending*: statements about it were received before an
    organiser said what the activity is; they wait and are applied when it is mapped.
    """

    owner = models.ForeignKey(
        OrgUnit, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    activity_id = models.CharField(_("ID aktivitas LMS"), max_length=500)
    activity_name = models.CharField(_("nama aktivitas"), max_length=300, blank=True)
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("angkatan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("sesi"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Kosongkan bila aktivitas ini mewakili seluruh angkatan."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pemetaan aktivitas LMS")
        verbose_name_plural = _("pemetaan aktivitas LMS")
        ordering = ["owner", "activity_id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "activity_id"], name="one_mapping_per_owner")
        ]

    def __str__(self) -> str:
        return self.activity_name or self.activity_id

    @property
    def is_pending(self) -> bool:
        return self.cohort_id is None


class StatementOutcome(models.TextChoices):
    APPLIED = "applied", _("Diterapkan")
    PENDING = "pending", _("Menunggu pemetaan")
    IGNORED = "ignored", _("Dicatat, tanpa perubahan")


class LearningStatement(models.Model):
    """One xAPI statement (or CSV completion row) received, keyed by its statement id."""

    statement_id = models.UUIDField(unique=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    mapping = models.ForeignKey(
        ActivityMapping, on_delete=models.CASCADE, related_name="statements"
    )
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    verb = models.CharField(max_length=20)
    timestamp = models.DateTimeField()
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=StatementOutcome.choices)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pernyataan xAPI")
        verbose_name_plural = _("pernyataan xAPI")
        indexes = [models.Index(fields=["mapping", "outcome"])]

    def __str__(self) -> str:
        return str(self.statement_id)
