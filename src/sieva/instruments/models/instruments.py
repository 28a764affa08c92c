"""Instruments (questionnaires and tests), their frozen versions, and the answers they collect.

An instrument is edited only through versions: a draft version is changed in place; a
published version is frozen and never changes again, so every response stays tied to exactly
the questions it answered. Editing a frozen instrument starts a new draft copy.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import Employee, OrgUnit


class Purpose(models.TextChoices):
    REACTION = "reaksi", _("Reaksi (L1)")
    TEST = "tes", _("Tes pre/post (L2)")
    BEHAVIOUR = "perilaku", _("Perilaku pasca pelatihan (L3)")
    NEEDS = "kebutuhan", _("Analisis kebutuhan pelatihan")
    DELIVERY = "penyelenggaraan", _("Evaluasi penyelenggara/pengajar")
    SKM = "skm", _("Survei Kepuasan Masyarakat (SKM)")
    CUSTOM = "lainnya", _("Lainnya")


class RaterKind(models.TextChoices):
    """Who fills an L3 instrument about the alumnus; blank for every other purpose."""

    SELF = "diri", _("Diri sendiri (alumni)")
    SUPERVISOR = "atasan", _("Atasan")
    PEER = "rekan", _("Rekan kerja")
    SUBORDINATE = "bawahan", _("Bawahan")


class ItemKind(models.TextChoices):
    LIKERT4 = "likert4", _("Likert 1–4")
    LIKERT5 = "likert5", _("Likert 1–5")
    SINGLE = "single", _("Pilihan tunggal")
    MULTIPLE = "multiple", _("Pilihan ganda (boleh lebih dari satu)")
    NUMBER = "number", _("Angka")
    DATE = "date", _("Tanggal")
    SHORT_TEXT = "short_text", _("Teks singkat")
    LONG_TEXT = "long_text", _("Teks panjang")
    MATRIX = "matrix", _("Matriks (baris × pilihan)")


class Instrument(models.Model):
    """A questionnaire or test; `owner` scopes it, standard templates have no owner."""

    owner = models.ForeignKey(
        OrgUnit,
        verbose_name=_("pemilik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instruments",
    )
    code = models.CharField(_("kode"), max_length=60)
    title = models.CharField(_("judul"), max_length=200)
    purpose = models.CharField(_("tujuan"), max_length=20, choices=Purpose.choices)
    rater_kind = models.CharField(
        _("penilai"), max_length=10, choices=RaterKind.choices, blank=True
    )
    description = models.TextField(_("keterangan"), blank=True)
    is_standard = models.BooleanField(_("templat standar"), default=False)
    cloned_from = models.ForeignKey(
        "self",
        verbose_name=_("disalin dari"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clones",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("instrumen")
        verbose_name_plural = _("instrumen")
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "code"], name="instrument_code_unique_per_owner"
            ),
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(owner__isnull=True),
                name="instrument_standard_code_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.title}"


class InstrumentVersion(models.Model):
    """One numbered state of an instrument; frozen (published) versions never change."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("nomor versi"))
    frozen_at = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    note = models.CharField(_("catatan perubahan"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("versi instrumen")
        verbose_name_plural = _("versi instrumen")
        ordering = ["instrument", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="instrument_version_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument.code} v{self.number}"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class Section(models.Model):
    """A group of items, shown only when `show_if_item` (a code) has `show_if_value`, if set."""

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)
    title = models.CharField(_("judul bagian"), max_length=200)
    show_if_item = models.CharField(_("tampilkan jika butir"), max_length=60, blank=True)
    show_if_value = models.CharField(_("bernilai"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("bagian")
        verbose_name_plural = _("bagian")
        ordering = ["version", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Item(models.Model):
    """One question. `choices` is ``[{"value", "label"}]``; a matrix's `rows` are its sub-items
    ``[{"code", "label"}]`` sharing the choices; `correct` and `points` serve tests (L2).
    """

    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveIntegerField(_("urutan"), default=0)
    code = models.CharField(_("kode"), max_length=60)
    kind = models.CharField(_("jenis"), max_length=12, choices=ItemKind.choices)
    label = models.TextField(_("pertanyaan"))
    help_text = models.CharField(_("petunjuk"), max_length=300, blank=True)
    required = models.BooleanField(_("wajib"), default=True)
    choices = models.JSONField(_("pilihan jawaban"), default=list, blank=True)
    rows = models.JSONField(_("baris matriks"), default=list, blank=True)
    min_value = models.DecimalField(
        _("nilai minimum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("nilai maksimum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    correct = models.JSONField(_("kunci jawaban"), default=list, blank=True)
    points = models.DecimalField(_("skor"), max_digits=6, decimal_places=2, default=0)
    show_if_item = models.CharField(_("tampilkan jika butir"), max_length=60, blank=True)
    show_if_value = models.CharField(_("bernilai"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("butir")
        verbose_name_plural = _("butir")
        ordering = ["version", "section__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="item_code_unique_per_version")
        ]

    def __str__(self) -> str:
        return self.code


class Scale(models.Model):
    """A construct measured by several items (e.g. relevansi), some of them reverse-coded."""

    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="scales")
    code = models.CharField(_("kode"), max_length=60)
    name = models.CharField(_("nama konstruk"), max_length=200)

    class Meta:
        verbose_name = _("skala")
        verbose_name_plural = _("skala")
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="scale_code_unique_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ScaleItem(models.Model):
    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="members")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="scale_memberships")
    reverse = models.BooleanField(_("skor dibalik"), default=False)

    class Meta:
        ordering = ["scale", "item__order", "pk"]
        constraints = [models.UniqueConstraint(fields=["scale", "item"], name="scale_item_unique")]

    def __str__(self) -> str:
        return f"{self.scale_id}:{self.item_id}{' (dibalik)' if self.reverse else ''}"


class Response(models.Model):
    """One filled-in form, forever tied to the version it answered.

    `respondent` is set for named collection, `pseudonym` (a keyed hash) for anonymous
    collection, neither for citizens. `campaign` is set for answers collected by invitation.
    """

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="responses"
    )
    submitted_at = models.DateTimeField(_("dikirim pada"), db_index=True)
    respondent = models.ForeignKey(
        Employee, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pseudonym = models.CharField(max_length=64, blank=True, db_index=True)
    unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    campaign = models.ForeignKey(
        "instruments.Campaign",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responses",
    )
    # Who a rater (atasan, rekan, bawahan) judged: named, or keyed like `pseudonym`.
    subject = models.ForeignKey(
        Employee, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_pseudonym = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = _("tanggapan")
        verbose_name_plural = _("tanggapan")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"Tanggapan {self.pk} (versi {self.version_id})"


class Answer(models.Model):
    """One item's answer: numbers (Likert, number, single choice codes that are numeric) in
    `value_number`, text and dates (ISO) in `value_text`, lists and matrices in `value_json`.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    value_number = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    value_text = models.TextField(blank=True)
    value_json = models.JSONField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="answer_unique_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.response_id}:{self.item_id}"


# Campaigns, invitations and aggregates live in their own module to keep this one readable.
