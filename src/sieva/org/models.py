"""The organisation tree, employees (pegawai) and the roles that scope what users see.

One tree holds every level (nasional, provinsi, kabupaten/kota, instansi, perangkat daerah,
unit layanan), so one rule scopes every object: a user sees the subtree under their node.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgKind(models.TextChoices):
    NATIONAL = "nasional", _("Nasional")
    PROVINCE = "provinsi", _("Provinsi")
    CITY = "kabkota", _("Kabupaten/Kota")
    AGENCY = "instansi", _("Instansi")
    DEPARTMENT = "perangkat_daerah", _("Perangkat daerah / unit kerja")
    SERVICE_UNIT = "unit_layanan", _("Unit layanan")


class OrgUnit(models.Model):
    """A node of the organisation tree; `path` lists the ids from the root, e.g. ``/1/4/17/``."""

    kind = models.CharField(_("jenis"), max_length=20, choices=OrgKind.choices)
    code = models.CharField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    # Units are deactivated, never deleted: past programs, employees and SKM answers keep
    # pointing at them. An active unit's ancestors are all active (sieva.org.services.units).
    active = models.BooleanField(_("aktif"), default=True)
    service_population = models.PositiveIntegerField(
        _("populasi layanan per tahun"),
        null=True,
        blank=True,
        help_text=_(
            "Untuk unit layanan: perkiraan jumlah pengguna layanan setahun, dasar besar "
            "sampel SKM (Krejcie-Morgan)."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)  # for the API's incremental sync

    class Meta:
        verbose_name = _("unit organisasi")
        verbose_name_plural = _("unit organisasi")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        # The materialised path is an invariant of the row, not domain logic: it needs the
        # id, so a new row is saved once, then its path is written.
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        expected = f"{self.parent.path if self.parent else '/'}{self.pk}/"
        if self.path != expected:
            self.path = expected
            self.depth = expected.count("/") - 2
            OrgUnit.objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)

    def is_within(self, other: "OrgUnit") -> bool:
        """True when this node is `other` or lies below it."""
        return self.path.startswith(other.path)

    def ancestor_of_kind(self, kind: str) -> "OrgUnit | None":
        """The nearest node of `kind` on the way to the root (self included), or None."""
        ids = [int(part) for part in self.path.strip("/").split("/") if part]
        for node in OrgUnit.objects.filter(pk__in=ids, kind=kind).order_by("-depth")[:1]:
            return node
        return None


class AsnKind(models.TextChoices):
    PNS = "PNS", "PNS"
    PPPK = "PPPK", "PPPK"


class Gender(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class PositionKind(models.TextChoices):
    """Jenis jabatan (UU 20/2023 Pasal 13-18)."""

    JPT_UTAMA = "jpt_utama", _("JPT Utama")
    JPT_MADYA = "jpt_madya", _("JPT Madya")
    JPT_PRATAMA = "jpt_pratama", _("JPT Pratama")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Pengawas")
    FUNCTIONAL_EXPERT = "fungsional_keahlian", _("Fungsional keahlian")
    FUNCTIONAL_SKILLED = "fungsional_keterampilan", _("Fungsional keterampilan")
    PELAKSANA = "pelaksana", _("Pelaksana")

    @classmethod
    def managerial(cls) -> set[str]:
        return {cls.JPT_UTAMA, cls.JPT_MADYA, cls.JPT_PRATAMA, cls.ADMINISTRATOR, cls.PENGAWAS}


class PositionLevel(models.TextChoices):
    """Jenjang jabatan fungsional; blank for manajerial and pelaksana."""

    AHLI_PERTAMA = "ahli_pertama", _("Ahli pertama")
    AHLI_MUDA = "ahli_muda", _("Ahli muda")
    AHLI_MADYA = "ahli_madya", _("Ahli madya")
    AHLI_UTAMA = "ahli_utama", _("Ahli utama")
    PEMULA = "pemula", _("Pemula")
    TERAMPIL = "terampil", _("Terampil")
    MAHIR = "mahir", _("Mahir")
    PENYELIA = "penyelia", _("Penyelia")


class Education(models.TextChoices):
    SD = "SD", "SD"
    SMP = "SMP", "SMP"
    SMA = "SMA", "SMA/SMK"
    D1 = "D1", "D-I"
    D2 = "D2", "D-II"
    D3 = "D3", "D-III"
    D4 = "D4", "D-IV"
    S1 = "S1", "S-1"
    S2 = "S2", "S-2"
    S3 = "S3", "S-3"


class Employee(models.Model):
    """A pegawai ASN, identified by NIP (PNS) or NI PPPK, both 18 digits."""

    nip = models.CharField(_("NIP / NI PPPK"), max_length=18, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    asn_kind = models.CharField(_("jenis ASN"), max_length=4, choices=AsnKind.choices)
    gender = models.CharField(_("jenis kelamin"), max_length=1, choices=Gender.choices)
    birth_date = models.DateField(_("tanggal lahir"))
    grade = models.CharField(_("golongan"), max_length=6, blank=True)
    position_kind = models.CharField(
        _("jenis jabatan"), max_length=30, choices=PositionKind.choices
    )
    position_level = models.CharField(
        _("jenjang jabatan"), max_length=20, choices=PositionLevel.choices, blank=True
    )
    position_name = models.CharField(_("nama jabatan"), max_length=200, blank=True)
    education = models.CharField(
        _("pendidikan"), max_length=3, choices=Education.choices, blank=True
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="employees"
    )
    supervisor = models.ForeignKey(
        "self",
        verbose_name=_("atasan langsung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subordinates",
    )
    contract_start = models.DateField(
        _("awal masa perjanjian kerja"),
        null=True,
        blank=True,
        help_text=_("Untuk PPPK: awal tahun masa perjanjian kerja (batas 24 JP per tahun)."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["name"]
        indexes = [models.Index(fields=["unit", "is_active"]), models.Index(fields=["name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.nip})"


class Role(models.TextChoices):
    """Roles from DESIGN.md; the citizen role is anonymous and never has an account."""

    NATIONAL_ADMIN = "admin_nasional", _("Admin nasional")
    AGENCY_ADMIN = "admin_instansi", _("Admin instansi (BKPSDM)")
    ORGANISER = "penyelenggara", _("Penyelenggara")
    EVALUATOR = "evaluator", _("Evaluator")
    SUPERVISOR = "atasan", _("Atasan")
    MENTOR = "mentor", _("Mentor")
    PARTICIPANT = "peserta", _("Peserta")
    LEADER = "pimpinan", _("Pimpinan")


class RoleAssignment(models.Model):
    """Gives a user one role over one subtree; `employee` links a person's own records."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignment"
    )
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    scope = models.ForeignKey(
        OrgUnit, verbose_name=_("cakupan"), on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        Employee,
        verbose_name=_("pegawai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("penugasan peran")
        verbose_name_plural = _("penugasan peran")

    def __str__(self) -> str:
        return f"{self.user} - {self.get_role_display()} @ {self.scope}"
