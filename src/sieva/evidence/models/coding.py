"""The codebook and the coding: segments of a source's text tagged with codes by coders,
who codes which source (and which are coded twice), and the lead's adjudications."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.evidence.models.sources import Source
from sieva.evidence.models.studies import Study


class ThemeKind(models.TextChoices):
    """What a theme says about the program; the report's Tantangan section reads challenges."""

    CHALLENGE = "tantangan", _("Tantangan / hambatan")
    ENABLER = "pendukung", _("Pendukung")
    OTHER = "lainnya", _("Lainnya")


class Code(models.Model):
    """A code of the study's hierarchical codebook; `keywords` (comma-separated) drive the
    suggestions for open answers."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="codes")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("kode induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("nama kode"), max_length=120)
    definition = models.TextField(_("definisi"))
    include_rule = models.TextField(_("dipakai bila"), blank=True)
    exclude_rule = models.TextField(_("tidak dipakai bila"), blank=True)
    example = models.TextField(_("contoh"), blank=True)
    keywords = models.CharField(
        _("kata kunci"),
        max_length=300,
        blank=True,
        help_text=_("Dipisah koma; dipakai untuk menyarankan kode pada jawaban terbuka."),
    )
    theme_kind = models.CharField(
        _("jenis tema"), max_length=10, choices=ThemeKind.choices, default=ThemeKind.OTHER
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("kode")
        verbose_name_plural = _("buku kode")
        ordering = ["study", "order", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["study", "name"], name="code_name_unique_per_study")
        ]

    def __str__(self) -> str:
        return self.name


class Coding(models.Model):
    """A code applied to the characters ``text[start:end]`` of a source.

    A `suggested` coding was proposed by the keyword matcher (no coder) and counts nowhere
    until a person accepts it. `excluded` marks a coding the lead overruled in adjudication;
    `adjudicated` one the lead added there. `exemplar` is the coder's pick of a quote.
    """

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="codings")
    code = models.ForeignKey(Code, on_delete=models.PROTECT, related_name="codings")
    coder = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    suggested = models.BooleanField(_("saran"), default=False)
    adjudicated = models.BooleanField(default=False)
    excluded = models.BooleanField(default=False)
    exemplar = models.BooleanField(_("kutipan pilihan"), default=False)
    memo = models.TextField(_("memo"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pengodean")
        verbose_name_plural = _("pengodean")
        ordering = ["source", "start", "end", "pk"]
        indexes = [models.Index(fields=["source", "coder"]), models.Index(fields=["code"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="coding_span_not_empty"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code_id}@{self.source_id}[{self.start}:{self.end}]"

    @property
    def quote(self) -> str:
        return self.source.text[self.start : self.end]


class Assignment(models.Model):
    """A coder's turn at a source; `double` marks the second, independent coding of the
    agreement sample. `done_at` is set when the coder declares the source finished."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="assignments")
    coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    double = models.BooleanField(_("kode ganda"), default=False)
    done_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("penugasan pengode")
        verbose_name_plural = _("penugasan pengode")
        ordering = ["source", "double", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "coder"], name="assignment_unique")
        ]

    def __str__(self) -> str:
        return f"{self.coder_id}@{self.source_id}"


class Adjudication(models.Model):
    """The lead's decision on one disagreement: whether `code` applies to the segment
    ``text[start:end]`` of a double-coded source."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="adjudications")
    code = models.ForeignKey(Code, on_delete=models.PROTECT, related_name="adjudications")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    applies = models.BooleanField(_("kode berlaku"))
    note = models.CharField(_("alasan"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("keputusan adjudikasi")
        verbose_name_plural = _("adjudikasi")
        ordering = ["source", "start", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "code", "start"], name="adjudication_once_per_segment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code_id}@{self.source_id}[{self.start}]"
