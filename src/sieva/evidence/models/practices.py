"""The good-practice library: success stories and best practices written from evidence,
reviewed before publication, shared with every region, and the readers' feedback."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.evidence.models.coding import Coding
from sieva.evidence.models.studies import Study
from sieva.org.models import OrgUnit
from sieva.programs.models import Program


class PracticeKind(models.TextChoices):
    SUCCESS_STORY = "kisah_sukses", _("Kisah sukses")
    BEST_PRACTICE = "praktik_baik", _("Praktik baik")


class PracticeStatus(models.TextChoices):
    DRAFT = "draf", _("Draf")
    IN_REVIEW = "ditinjau", _("Menunggu tinjauan")
    RETURNED = "dikembalikan", _("Dikembalikan untuk diperbaiki")
    PUBLISHED = "terbit", _("Terbit")


class Practice(models.Model):
    """A story or practice of one instansi (`owner`). Drafts stay in the owner's subtree; a
    published one is readable by every region (decision 0034)."""

    owner = models.ForeignKey(
        OrgUnit, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("jenis"), max_length=14, choices=PracticeKind.choices)
    title = models.CharField(_("judul"), max_length=200)
    summary = models.CharField(_("ringkasan"), max_length=400)
    body = models.TextField(
        _("uraian"),
        help_text=_("Konteks, apa yang dilakukan, hasilnya, dan pelajaran bagi daerah lain."),
    )
    figures = models.TextField(
        _("angka pendukung"),
        blank=True,
        help_text=_("Satu angka per baris, dengan sumbernya, mis. “IKM naik 78 → 86 (SKM 2026)”."),
    )
    tags = models.CharField(_("kata kunci"), max_length=200, blank=True)
    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    study = models.ForeignKey(
        Study,
        verbose_name=_("kajian sumber bukti"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    quotes = models.ManyToManyField(
        Coding, verbose_name=_("kutipan"), blank=True, related_name="practices"
    )
    status = models.CharField(
        _("status"), max_length=14, choices=PracticeStatus.choices, default=PracticeStatus.DRAFT
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_note = models.TextField(_("catatan peninjau"), blank=True)
    published_at = models.DateTimeField(_("terbit pada"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("praktik baik")
        verbose_name_plural = _("pustaka praktik baik")
        ordering = ["-published_at", "-updated_at", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def figure_lines(self) -> list[str]:
        return [line.strip() for line in self.figures.splitlines() if line.strip()]


class FeedbackKind(models.TextChoices):
    USEFUL = "berguna", _("Berguna")
    ADOPTED = "diterapkan", _("Kami menerapkannya")


class PracticeFeedback(models.Model):
    """A reader's "this was useful" or "we adopted it", with the reader's instansi, so the
    library can count how many other regions took a practice up."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="feedback")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=FeedbackKind.choices)
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("umpan balik praktik")
        verbose_name_plural = _("umpan balik praktik")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "user", "kind"], name="practice_feedback_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.practice_id}:{self.kind}"
