"""Indicator definitions, per-unit baselines and targets, periodic actuals, monetised benefits.

Periods are stored as the first day of their month or quarter, so a monthly and a quarterly
series sort and join as dates on SQLite and PostgreSQL alike (decision 0011).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgUnit
from sieva.programs.models import Cohort, Program


class Direction(models.TextChoices):
    HIGHER_IS_BETTER = "higher_is_better", _("Makin tinggi makin baik")
    LOWER_IS_BETTER = "lower_is_better", _("Makin rendah makin baik")


class IndicatorKind(models.TextChoices):
    SERVICE_TIME = "service_time", _("Rata-rata waktu layanan")
    COMPLAINTS = "complaints", _("Jumlah pengaduan")
    PROCESSING_TIME = "processing_time", _("Waktu penyelesaian")
    ERROR_RATE = "error_rate", _("Tingkat kesalahan (%)")
    # IKM comes from the SKM aggregates (sieva.satisfaction), never typed in by hand.
    IKM = "ikm", _("Indeks Kepuasan Masyarakat (dari SKM)")
    OTHER = "other", _("Lainnya")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Bulanan")
    QUARTERLY = "quarterly", _("Triwulanan")


class ActualSource(models.TextChoices):
    ENTERED = "entered", _("Diisi")
    IMPORTED = "imported", _("Diimpor")


class IndicatorDefinition(models.Model):
    """What is measured, owned by a node of the tree; units below the owner can adopt it."""

    owner = models.ForeignKey(
        OrgUnit, verbose_name=_("pemilik"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(_("kode"), max_length=40)
    name = models.CharField(_("nama indikator"), max_length=200)
    unit_of_measure = models.CharField(_("satuan"), max_length=40)
    direction = models.CharField(_("arah"), max_length=20, choices=Direction.choices)
    kind = models.CharField(_("jenis"), max_length=20, choices=IndicatorKind.choices)
    frequency = models.CharField(
        _("frekuensi"), max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    description = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("definisi indikator")
        verbose_name_plural = _("definisi indikator")
        ordering = ["owner__path", "code"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "code"], name="one_indicator_code_per_owner")
        ]

    def __str__(self) -> str:
        return f"{self.code} - {self.name}"


class UnitIndicator(models.Model):
    """One unit's adoption of an indicator, with its baseline and target."""

    definition = models.ForeignKey(
        IndicatorDefinition, on_delete=models.PROTECT, related_name="unit_indicators"
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    baseline_value = models.DecimalField(
        _("nilai dasar"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    baseline_period = models.DateField(_("periode dasar"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    target_period = models.DateField(_("periode target"), null=True, blank=True)

    class Meta:
        verbose_name = _("indikator unit")
        verbose_name_plural = _("indikator unit")
        ordering = ["unit__path", "definition__code"]
        constraints = [
            models.UniqueConstraint(fields=["definition", "unit"], name="one_target_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.definition.code} @ {self.unit}"


class IndicatorActual(models.Model):
    """The measured value of one indicator in one unit for one month or quarter."""

    definition = models.ForeignKey(
        IndicatorDefinition, on_delete=models.PROTECT, related_name="actuals"
    )
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    period = models.DateField(_("periode"))
    value = models.DecimalField(_("nilai"), max_digits=14, decimal_places=4)
    source = models.CharField(
        _("sumber"), max_length=10, choices=ActualSource.choices, default=ActualSource.ENTERED
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("realisasi indikator")
        verbose_name_plural = _("realisasi indikator")
        ordering = ["definition", "unit", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "definition", "period"], name="one_actual_per_period"
            )
        ]
        indexes = [models.Index(fields=["definition", "period"])]

    def __str__(self) -> str:
        return f"{self.definition.code} {self.period:%Y-%m}: {self.value}"


_SHARE = [MinValueValidator(0), MaxValueValidator(1)]


class MonetisedBenefit(models.Model):
    """A yearly benefit in Rupiah claimed for a program, isolated by attribution × confidence.

    Phillips: adjusted benefit = value × attribution × confidence. The optional low/high
    bounds feed the Monte Carlo interval; without them decision 0011's default spread applies.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="benefits")
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.CASCADE, related_name="benefits"
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    description = models.CharField(_("uraian manfaat"), max_length=300)
    annual_value = models.DecimalField(
        _("nilai per tahun (Rp)"),
        max_digits=15,
        decimal_places=0,
        validators=[MinValueValidator(0)],
    )
    attribution = models.DecimalField(
        _("atribusi (0-1)"), max_digits=4, decimal_places=3, validators=_SHARE
    )
    attribution_low = models.DecimalField(
        _("atribusi terendah"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=_SHARE,
    )
    attribution_high = models.DecimalField(
        _("atribusi tertinggi"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=_SHARE,
    )
    confidence = models.DecimalField(
        _("keyakinan (0-1)"), max_digits=4, decimal_places=3, validators=_SHARE
    )
    confidence_low = models.DecimalField(
        _("keyakinan terendah"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=_SHARE,
    )
    confidence_high = models.DecimalField(
        _("keyakinan tertinggi"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=_SHARE,
    )
    basis = models.TextField(_("dasar perhitungan / bukti"))
    period_start = models.DateField(_("periode mulai"))
    period_end = models.DateField(_("periode selesai"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("manfaat moneter")
        verbose_name_plural = _("manfaat moneter")
        ordering = ["program", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="benefit_period_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.description
