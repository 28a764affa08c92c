"""Recommendations with their status.

A recommendation is stored once per evaluation scope (`scope_key`), period, finding and
template, so saving the same evaluation again updates it instead of duplicating it, and the
next period's evaluation can show whether last period's recommendations were carried out.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgUnit


class RecommendationStatus(models.TextChoices):
    PROPOSED = "diusulkan", _("Diusulkan")
    ACCEPTED = "diterima", _("Diterima")
    DONE = "dilaksanakan", _("Dilaksanakan")
    REEVALUATED = "dievaluasi_ulang", _("Dievaluasi ulang")


# Only forward, one step at a time: a recommendation is accepted before it is carried out,
# and carried out before its effect is evaluated again.
NEXT_STATUS = {
    RecommendationStatus.PROPOSED: RecommendationStatus.ACCEPTED,
    RecommendationStatus.ACCEPTED: RecommendationStatus.DONE,
    RecommendationStatus.DONE: RecommendationStatus.REEVALUATED,
}


class TrackedRecommendation(models.Model):
    scope = models.ForeignKey(
        OrgUnit, verbose_name=_("cakupan"), on_delete=models.PROTECT, related_name="+"
    )
    scope_key = models.CharField(_("kunci cakupan evaluasi"), max_length=120)
    period = models.CharField(_("periode"), max_length=20)
    finding_key = models.CharField(max_length=120)
    rule = models.CharField(_("aturan"), max_length=60)
    code = models.CharField(_("templat"), max_length=60)
    rules_version = models.CharField(_("versi aturan"), max_length=20)
    level = models.CharField(_("level"), max_length=12)
    statement = models.TextField(_("temuan"))
    text = models.TextField(_("rekomendasi"))
    priority = models.PositiveSmallIntegerField(_("prioritas"))
    severity = models.PositiveSmallIntegerField(_("tingkat dampak"))
    strength = models.CharField(_("kekuatan bukti"), max_length=10)
    further_study = models.BooleanField(_("perlu kajian lebih lanjut"), default=False)
    evidence = models.JSONField(_("bukti"), default=list, blank=True)
    owner_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.PROPOSED,
    )
    status_changed_at = models.DateTimeField(_("status diubah"), null=True, blank=True)
    due_date = models.DateField(_("tenggat"), null=True, blank=True)
    # The approved report it came from (an id, not a key: reports sit above this floor).
    report_id = models.PositiveIntegerField(_("laporan"), null=True, blank=True)
    report_number = models.CharField(_("nomor laporan"), max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rekomendasi")
        verbose_name_plural = _("rekomendasi")
        ordering = ["-period", "priority", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scope_key", "period", "finding_key", "code"],
                name="one_recommendation_per_finding_and_period",
            )
        ]
        indexes = [models.Index(fields=["scope_key", "period"])]

    def __str__(self) -> str:
        return self.text[:120]

    @property
    def next_status(self) -> str | None:
        return NEXT_STATUS.get(RecommendationStatus(self.status))
