"""The follow-up actions (rencana tindak lanjut) a unit records on its SKM results."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgUnit
from sieva.satisfaction.elements import (
    ELEMENT_CHOICES,
)


class FollowUpStatus(models.TextChoices):
    PLANNED = "rencana", _("Direncanakan")
    IN_PROGRESS = "berjalan", _("Sedang berjalan")
    DONE = "selesai", _("Selesai")


class SkmFollowUp(models.Model):
    """One action of a unit's *rencana tindak lanjut* (PermenPANRB 14/2017: results are
    followed up and published): what is done about one element after one survey period,
    who is responsible (a position) and by when. ``period`` is a period key (2026-T2)."""

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit layanan"), on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(_("periode survei"), max_length=8)
    element = models.CharField(_("unsur"), max_length=20, choices=ELEMENT_CHOICES)
    action = models.TextField(_("kegiatan tindak lanjut"), max_length=1000)
    owner = models.CharField(
        _("penanggung jawab"), max_length=120, help_text=_("Jabatan, bukan nama orang.")
    )
    deadline = models.DateField(_("batas waktu"))
    status = models.CharField(
        _("status"), max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tindak lanjut SKM")
        verbose_name_plural = _("tindak lanjut SKM")
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["unit", "period"], name="skm_follow_up_unit_period")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.period} {self.element}: {self.action[:40]}"
