"""The rules of the organisation tree, shared by the unit forms, the write services
(`services.units`) and the organisation import: which kind sits under which, the limits of
codes, names, depth and service population, and the messages that name a broken rule
(decision 0050), and the audited snapshot of a unit. Nothing here writes."""

import re
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from sieva.org.models import OrgKind, OrgUnit

K = OrgKind
# Which kind may sit directly under which (DOMAIN.md "Identity and structure"; decision 0050).
# An instansi hangs from a region (a city, a province's own government such as DKI Jakarta)
# or from the national root (a ministry); perangkat daerah nest (dinas → bidang); service
# units belong to a perangkat daerah or directly to an instansi.
PARENT_KINDS: dict[str, frozenset[str]] = {
    K.NATIONAL: frozenset(),
    K.PROVINCE: frozenset({K.NATIONAL}),
    K.CITY: frozenset({K.PROVINCE}),
    K.AGENCY: frozenset({K.NATIONAL, K.PROVINCE, K.CITY}),
    K.DEPARTMENT: frozenset({K.AGENCY, K.DEPARTMENT}),
    K.SERVICE_UNIT: frozenset({K.AGENCY, K.DEPARTMENT}),
}
# Kinds that may have children at all (a unit layanan is a leaf).
PARENT_CAPABLE = frozenset(kind for kinds in PARENT_KINDS.values() for kind in kinds)
# Deepest level below the root: keeps `path` (ids joined by "/") within its 255 characters.
MAX_DEPTH = 20
CODE_LIMIT = 40
NAME_LIMIT = 200
POPULATION_MAX = 2_000_000_000
CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")
# A refusal lists this many subunits by name, then says how many more.
NAMES_LISTED = 5

CODE_REQUIRED = _("Kode wajib diisi.")
CODE_TOO_LONG = _("Kode paling banyak %(limit)d karakter.")
CODE_CHARACTERS = _(
    "Kode hanya berisi huruf, angka, titik, garis miring, tanda hubung dan garis bawah, "
    "tanpa spasi, diawali huruf atau angka."
)
CODE_TAKEN = _("Kode %(code)s sudah dipakai unit lain.")
NAME_REQUIRED = _("Nama wajib diisi.")
NAME_TOO_LONG = _("Nama paling banyak %(limit)d karakter.")
KIND_UNKNOWN = _("Jenis unit tidak dikenal.")
KIND_MISFIT = _(
    "%(kind)s tidak dapat berada di bawah %(parent_kind)s; induk yang sesuai: %(allowed)s."
)
ROOT_IS_NATIONAL = _("Hanya unit Nasional yang tanpa induk; pilih induknya.")
NATIONAL_HAS_NO_PARENT = _("Unit Nasional adalah akar pohon dan tidak memiliki induk.")
ROOT_NEEDS_WHOLE_TREE = _("Unit Nasional baru hanya dapat dibuat oleh admin seluruh pohon.")
PARENT_OUT_OF_SCOPE = _("Induk harus unit dalam cakupan Anda.")
PARENT_INACTIVE = _("Induk %(name)s tidak aktif; aktifkan induknya lebih dahulu.")
INTO_OWN_SUBTREE = _("Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau subunitnya.")
TOO_DEEP = _("Pohon unit paling dalam %(limit)d tingkat di bawah akar.")
POPULATION_SERVICE_ONLY = _("Populasi layanan hanya diisi untuk unit layanan.")
POPULATION_RANGE = _("Populasi layanan antara 1 dan %(limit)s orang per tahun.")
HAS_ACTIVE_EMPLOYEES = ngettext_lazy(
    "Masih ada %(count)d pegawai aktif di %(name)s; pindahkan atau nonaktifkan mereka "
    "lebih dahulu.",
    "Masih ada %(count)d pegawai aktif di %(name)s; pindahkan atau nonaktifkan mereka "
    "lebih dahulu.",
    "count",
)
HAS_ACTIVE_CHILDREN = ngettext_lazy(
    "Masih ada %(count)d subunit aktif di bawah %(name)s: %(units)s. Nonaktifkan subunit "
    "itu lebih dahulu.",
    "Masih ada %(count)d subunit aktif di bawah %(name)s: %(units)s. Nonaktifkan subunit "
    "itu lebih dahulu.",
    "count",
)
AND_MORE = _("dan %(count)d lainnya")

_AUDITED = ("code", "name", "kind", "parent_id", "path", "active", "service_population")


def snapshot(unit: OrgUnit) -> dict[str, Any]:
    """The audited fields of `unit`, for `model_changes`."""
    return {field: getattr(unit, field) for field in _AUDITED}


def unit_label(unit: OrgUnit) -> str:
    """A unit as people tell it apart in messages and pickers: "Nama (KODE)"."""
    return f"{unit.name} ({unit.code})"


# --- checks shared with the organisation import -------------------------------------------


def code_problem(code: str) -> str | None:
    """Why `code` (already trimmed) cannot be a unit code, or None."""
    if not code:
        return str(CODE_REQUIRED)
    if len(code) > CODE_LIMIT:
        return str(CODE_TOO_LONG) % {"limit": CODE_LIMIT}
    if not CODE_PATTERN.fullmatch(code):
        return str(CODE_CHARACTERS)
    return None


def name_problem(name: str) -> str | None:
    """Why `name` (spaces already collapsed) cannot be a unit name, or None."""
    if not name:
        return str(NAME_REQUIRED)
    if len(name) > NAME_LIMIT:
        return str(NAME_TOO_LONG) % {"limit": NAME_LIMIT}
    return None


def kind_problem(kind: str, parent_kind: str | None) -> str | None:
    """Why a `kind` unit cannot sit under a `parent_kind` one (None: no parent), or None."""
    if kind not in PARENT_KINDS:
        return str(KIND_UNKNOWN)
    allowed = PARENT_KINDS[kind]
    if parent_kind is None:
        return None if kind == K.NATIONAL else str(ROOT_IS_NATIONAL)
    if kind == K.NATIONAL:
        return str(NATIONAL_HAS_NO_PARENT)
    if parent_kind in allowed:
        return None
    return str(KIND_MISFIT) % {
        "kind": K(kind).label,
        "parent_kind": K(parent_kind).label,
        "allowed": ", ".join(str(k.label) for k in K if k in allowed),
    }


def population_problem(kind: str, population: int | None) -> str | None:
    """Why `population` does not suit a `kind` unit, or None (blank is always fine)."""
    if population is None:
        return None
    if kind != K.SERVICE_UNIT:
        return str(POPULATION_SERVICE_ONLY)
    if not 1 <= population <= POPULATION_MAX:
        return str(POPULATION_RANGE) % {"limit": f"{POPULATION_MAX:,}".replace(",", ".")}
    return None


def listed(labels: list[str], total: int) -> str:
    """Up to `NAMES_LISTED` of `total` units by their labels, then how many more."""
    names = ", ".join(labels[:NAMES_LISTED])
    if total > NAMES_LISTED:
        names += " " + str(AND_MORE) % {"count": total - NAMES_LISTED}
    return names


def employees_problem(name: str, count: int) -> str | None:
    """Why a unit with `count` active employees cannot be deactivated, or None."""
    if not count:
        return None
    return str(HAS_ACTIVE_EMPLOYEES % {"count": count, "name": name})


def children_problem(name: str, children: list[str], total: int) -> str | None:
    """Why a unit with `total` active subunits (`children`: some of their labels) cannot be
    deactivated, or None."""
    if not total:
        return None
    params = {"count": total, "name": name, "units": listed(children, total)}
    return str(HAS_ACTIVE_CHILDREN % params)


# --- the services ----------------------------------------------------------------------------
