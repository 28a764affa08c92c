"""Stored evaluation numbers: per-program period summaries and the evaluation schedule.

The engine (decision 0012) computes everything live; a leaders' dashboard over dozens of
programs cannot afford that on every view. A `ProgramSummary` keeps the key figures of one
program and period as plain numbers (value, interval, n), refreshed by the schedule or on
request, and the dashboard says when they were computed (decision 0017).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgUnit
from sieva.programs.models import Program


def _number(label: str) -> models.FloatField:  # type: ignore[type-arg]
    return models.FloatField(label, null=True, blank=True)


def _count(label: str) -> models.PositiveIntegerField:  # type: ignore[type-arg]
    return models.PositiveIntegerField(label, default=0)


class ProgramSummary(models.Model):
    """The key figures of one program over one period ("2026", "2026-S1", "2026-Q3").

    A None value means the engine returned none (no data, or suppressed below the minimum
    cell size); `caveats` keeps the caveat kinds per figure so the dashboard can say why.
    """

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="summaries"
    )
    period = models.CharField(_("periode"), max_length=10)
    period_start = models.DateField(_("awal periode"))
    period_end = models.DateField(_("akhir periode"))
    computed_at = models.DateTimeField(_("dihitung pada"))
    input_hash = models.CharField(_("SHA-256 data masukan"), max_length=64)
    cohorts = _count(_("angkatan"))
    # Counts behind the rates, so a scope's figures are exact sums over its programs (funnels
    # of disjoint programs add up; rates are recomputed, never averaged).
    invited = _count(_("diundang"))
    attended = _count(_("hadir"))
    completed = _count(_("lulus"))
    budget_planned = models.FloatField(_("anggaran rencana (Rp)"), default=0)
    budget_realised = models.FloatField(_("anggaran realisasi (Rp)"), default=0)
    budget_attended = _count(_("hadir pada angkatan beranggaran"))
    # {"2026-Q1": [invited, attended], …} by cohort start: the dashboard's quarterly trend.
    quarters = models.JSONField(_("per triwulan"), default=dict, blank=True)

    participation = _number(_("tingkat partisipasi (%)"))
    participation_low = _number(_("partisipasi, batas bawah"))
    participation_high = _number(_("partisipasi, batas atas"))
    participation_n = _count(_("diundang"))
    completion = _number(_("tingkat kelulusan (%)"))
    completion_low = _number(_("kelulusan, batas bawah"))
    completion_high = _number(_("kelulusan, batas atas"))
    completion_n = _count(_("hadir"))

    reaction = _number(_("skor reaksi keseluruhan"))
    reaction_low = _number(_("reaksi, batas bawah"))
    reaction_high = _number(_("reaksi, batas atas"))
    reaction_n = _count(_("responden reaksi"))

    gain = _number(_("kenaikan skor L2"))
    gain_low = _number(_("kenaikan, batas bawah"))
    gain_high = _number(_("kenaikan, batas atas"))
    gain_pairs = _count(_("pasangan pre/post"))
    normalised_gain = _number(_("N-gain"))

    application = _number(_("penerapan menurut atasan (%)"))
    application_low = _number(_("penerapan, batas bawah"))
    application_high = _number(_("penerapan, batas atas"))
    application_n = _count(_("responden atasan"))

    ikm_effect = _number(_("efek IKM (NIK)"))
    ikm_effect_low = _number(_("efek IKM, batas bawah"))
    ikm_effect_high = _number(_("efek IKM, batas atas"))
    ikm_effect_n = _count(_("unit layanan"))
    ikm_design = models.PositiveSmallIntegerField(_("desain L4"), null=True, blank=True)

    cost_per_participant = _number(_("biaya per peserta (Rp)"))
    realisation = _number(_("realisasi anggaran (%)"))
    roi = _number(_("ROI (%)"))
    roi_low = _number(_("ROI, batas bawah"))
    roi_high = _number(_("ROI, batas atas"))
    roi_n = _count(_("klaim manfaat"))

    caveats = models.JSONField(_("catatan"), default=dict, blank=True)

    # The plain verdict (sieva.evaluation.verdict), its evidence grade (Design) and the one
    # decision asked of the leader, in each interface language: {"id": …, "en": …}.
    verdict = models.CharField(_("putusan"), max_length=20, blank=True)
    verdict_grade = models.PositiveSmallIntegerField(_("tingkat bukti"), null=True, blank=True)
    verdict_reason = models.JSONField(_("alasan putusan"), default=dict, blank=True)
    decision = models.JSONField(_("keputusan yang diminta"), default=dict, blank=True)

    class Meta:
        db_table = "evaluation_programsummary"  # kept when the model moved here
        verbose_name = _("ringkasan program")
        verbose_name_plural = _("ringkasan program")
        ordering = ["program__name", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["program", "period"], name="one_summary_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.program} {self.period}"


class JpComplianceSummary(models.Model):
    """PNS of one instansi and how many earned the minimum JP in a calendar year (stored:
    the count reads a year of attendance, too slow for every dashboard view)."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    pns = _count(_("PNS"))
    meeting = _count(_("memenuhi JP minimum"))
    computed_at = models.DateTimeField(_("dihitung pada"))

    class Meta:
        db_table = "evaluation_jpcompliancesummary"  # kept when the model moved here
        verbose_name = _("ringkasan pemenuhan JP")
        verbose_name_plural = _("ringkasan pemenuhan JP")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_jp_summary_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.meeting}/{self.pns}"


class Frequency(models.TextChoices):
    QUARTERLY = "triwulan", _("Setiap triwulan")
    SEMESTERLY = "semester", _("Setiap semester")
    YEARLY = "tahunan", _("Setiap tahun")


FREQUENCY_MONTHS = {Frequency.QUARTERLY: 3, Frequency.SEMESTERLY: 6, Frequency.YEARLY: 12}


class EvaluationSchedule(models.Model):
    """Evaluate `program` every period; the report goes to its owner (a unit or a user)."""

    program = models.OneToOneField(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="schedule"
    )
    frequency = models.CharField(_("frekuensi"), max_length=10, choices=Frequency.choices)
    next_due = models.DateField(
        _("jatuh tempo berikutnya"),
        help_text=_("Pada tanggal ini periode yang baru berakhir dievaluasi dan dilaporkan."),
    )
    owner_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit penerima laporan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna penerima laporan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    active = models.BooleanField(_("aktif"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "evaluation_evaluationschedule"  # kept when the model moved here
        verbose_name = _("jadwal evaluasi")
        verbose_name_plural = _("jadwal evaluasi")
        ordering = ["next_due", "program__name"]

    def __str__(self) -> str:
        return f"{self.program}: {self.get_frequency_display()}"


class ScheduledRun(models.Model):
    """One period a schedule has evaluated: its summary and, when made, the report."""

    schedule = models.ForeignKey(EvaluationSchedule, on_delete=models.CASCADE, related_name="runs")
    period = models.CharField(_("periode"), max_length=10)
    summary = models.ForeignKey(
        ProgramSummary, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.ForeignKey(
        "reports.ReportSnapshot",
        verbose_name=_("laporan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        db_table = "evaluation_scheduledrun"  # kept when the model moved here
        verbose_name = _("evaluasi terjadwal")
        verbose_name_plural = _("evaluasi terjadwal")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "period"], name="one_run_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.schedule.program} {self.period}"


def in_language(texts: dict[str, str], language: str) -> str:
    """The text of `texts` ({"id": …, "en": …}) in `language`, else the Indonesian one."""
    return texts.get(language) or texts.get("id", "")
