"""Distribution and running totals: campaigns, single-use invitations and item aggregates.

Loaded by `sieva.instruments.models` so Django registers them with the instruments app.
Tokens are never stored, only their SHA-256 (see `sieva.instruments.tokens`), and an
anonymous campaign's invitation never points at the response it produced (decision 0010).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.instruments.models.instruments import InstrumentVersion, Item, RaterKind
from sieva.org.models import Employee, OrgUnit
from sieva.programs.models import Cohort


class TestPhase(models.TextChoices):
    """When a test campaign measures: before (pre-test) or after (post-test) the program."""

    PRE = "pre", _("Pre-test (sebelum)")
    POST = "post", _("Post-test (sesudah)")


class CampaignStatus(models.TextChoices):
    OPEN = "terbuka", _("Terbuka")
    CLOSED = "ditutup", _("Ditutup")


class Campaign(models.Model):
    """One published instrument version sent to a cohort's people or a unit's staff for a
    period. `owner` (the cohort's program owner, or the unit) scopes it; `series` keys the
    pseudonyms, so two campaigns of one program pair up while other programs cannot."""

    name = models.CharField(_("nama kampanye"), max_length=200)
    version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("versi instrumen"),
        on_delete=models.PROTECT,
        related_name="campaigns",
    )
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("angkatan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="campaigns",
    )
    target_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit sasaran"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="campaigns")
    opens_at = models.DateTimeField(_("dibuka pada"))
    closes_at = models.DateTimeField(_("ditutup pada"))
    anonymous = models.BooleanField(_("anonim"), default=False)
    # Answered only by the invitee signed in to SIEVA (their workspace), never through a
    # token link that could be forwarded: the default for supervisors' L3 ratings.
    signed_in_only = models.BooleanField(_("hanya lewat akun SIEVA"), default=False)
    rater_kind = models.CharField(
        _("penilai"), max_length=10, choices=RaterKind.choices, blank=True
    )
    # Pre and post campaigns of one program pair by person (or pseudonym) for L2 learning.
    phase = models.CharField(_("tahap tes"), max_length=4, choices=TestPhase.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.OPEN
    )
    series = models.CharField(max_length=40, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kampanye")
        verbose_name_plural = _("kampanye")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="campaign_closes_after_it_opens",
            ),
            models.CheckConstraint(
                condition=models.Q(cohort__isnull=False) | models.Q(target_unit__isnull=False),
                name="campaign_has_a_target",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Invitation(models.Model):
    """One person asked to answer one campaign (for raters: about one `subject`).

    `token_hash` is the SHA-256 of the link's token; blank until a link is issued.
    `response` stays empty in anonymous campaigns, where only `answered_at` is kept.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="invitations")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    subject = models.ForeignKey(
        Employee,
        verbose_name=_("pegawai yang dinilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    sent_at = models.DateTimeField(_("tautan diterbitkan"), null=True, blank=True)
    answered_at = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    response = models.OneToOneField(
        "instruments.Response", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("undangan")
        verbose_name_plural = _("undangan")
        ordering = ["campaign", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "employee", "subject"], name="invitation_unique_per_subject"
            ),
            models.UniqueConstraint(
                fields=["campaign", "employee"],
                condition=models.Q(subject__isnull=True),
                name="invitation_unique_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}:{self.employee_id}"


class ItemAggregate(models.Model):
    """Running totals of one item (one matrix `row`) for one unit and month (WIB).

    `count` answers; `total` and `total_sq` over numeric answers (`numeric_count` of them);
    `histogram` maps each answer value (choices, Likert points) to its count.
    """

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="aggregates")
    row = models.CharField(max_length=60, blank=True)
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    period = models.DateField(help_text="First day of the month, WIB.")
    count = models.PositiveIntegerField(default=0)
    numeric_count = models.PositiveIntegerField(default=0)
    total = models.DecimalField(max_digits=24, decimal_places=4, default=0)
    total_sq = models.DecimalField(max_digits=32, decimal_places=8, default=0)
    histogram = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["item", "row", "unit", "period"], name="item_aggregate_unique_cell"
            )
        ]
        indexes = [models.Index(fields=["unit", "period"])]

    def __str__(self) -> str:
        return f"{self.item_id}/{self.row}:{self.unit_id}:{self.period:%Y-%m}"
