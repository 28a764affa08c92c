"""The demo organisation: Indonesia, three provinces, three local governments and their units.

Sizes are relative weights of staff per unit at scale 1; `people.py` turns them into head
counts. Kota Administrasi Jakarta Pusat is not autonomous, so the instansi of DKI Jakarta
(Pemerintah Provinsi DKI Jakarta) sits directly under the province and owns the units located
in Jakarta Pusat (kecamatan, puskesmas kecamatan, satuan pelaksana dukcapil).
"""

from dataclasses import dataclass, field

from sieva.org.models import OrgKind, OrgUnit


@dataclass(frozen=True)
class ServiceUnitSpec:
    code: str  # suffix after the city prefix, e.g. "PKM-PADANGBULAN"
    name: str
    size: int
    staff: str  # key of the staff mix in people.py


@dataclass(frozen=True)
class DepartmentSpec:
    code: str
    name: str
    size: int
    staff: str
    units: tuple[ServiceUnitSpec, ...] = ()


@dataclass(frozen=True)
class AgencySpec:
    prefix: str  # readable code prefix, e.g. "MDN"
    region: str  # name flavour, see names.py
    province: tuple[str, str]
    city: tuple[str, str]
    agency: tuple[str, str]
    agency_under_province: bool
    departments: tuple[DepartmentSpec, ...]


def _pkm(code: str, name: str, size: int) -> ServiceUnitSpec:
    return ServiceUnitSpec(f"PKM-{code}", f"Puskesmas {name}", size, "puskesmas")


def _loket(code: str, name: str, size: int, label: str = "Loket Disdukcapil") -> ServiceUnitSpec:
    return ServiceUnitSpec(f"LOKET-{code}", f"{label} Kecamatan {name}", size, "loket")


def _kel(code: str, name: str, size: int) -> ServiceUnitSpec:
    return ServiceUnitSpec(f"KEL-{code}", f"Kantor Kelurahan {name}", size, "kelurahan")


MEDAN = AgencySpec(
    prefix="MDN",
    region="medan",
    province=("12", "Sumatera Utara"),
    city=("1275", "Kota Medan"),
    agency=("PEMKOT-MDN", "Pemerintah Kota Medan"),
    agency_under_province=False,
    departments=(
        DepartmentSpec("SETDA", "Sekretariat Daerah Kota Medan", 70, "setda"),
        DepartmentSpec(
            "BKPSDM",
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Medan",
            45,
            "bkpsdm",
        ),
        DepartmentSpec(
            "DINKES",
            "Dinas Kesehatan Kota Medan",
            55,
            "dinkes",
            (
                _pkm("PADANGBULAN", "Padang Bulan", 48),
                _pkm("TELADAN", "Teladan", 40),
                _pkm("HELVETIA", "Helvetia", 36),
                _pkm("MEDANJOHOR", "Medan Johor", 44),
                _pkm("SENTOSABARU", "Sentosa Baru", 30),
                _pkm("BELAWAN", "Belawan", 34),
                _pkm("AMPLAS", "Amplas", 28),
                _pkm("TUNTUNGAN", "Tuntungan", 22),
            ),
        ),
        DepartmentSpec(
            "DISHUB",
            "Dinas Perhubungan Kota Medan",
            60,
            "dishub",
            (
                ServiceUnitSpec("TERM-AMPLAS", "Terminal Amplas", 32, "terminal"),
                ServiceUnitSpec("TERM-PINANGBARIS", "Terminal Pinang Baris", 26, "terminal"),
                ServiceUnitSpec(
                    "UPT-PKB", "UPT Pengujian Kendaraan Bermotor Kota Medan", 20, "pkb"
                ),
            ),
        ),
        DepartmentSpec("DISDIK", "Dinas Pendidikan Kota Medan", 75, "disdik"),
        DepartmentSpec(
            "DISDUKCAPIL",
            "Dinas Kependudukan dan Pencatatan Sipil Kota Medan",
            48,
            "disdukcapil",
            (
                _loket("MEDANBARU", "Medan Baru", 12),
                _loket("HELVETIA", "Medan Helvetia", 10),
                _loket("AMPLAS", "Medan Amplas", 9),
            ),
        ),
        DepartmentSpec(
            "DPMPTSP",
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Medan",
            38,
            "dpmptsp",
            (ServiceUnitSpec("MPP", "Mal Pelayanan Publik Kota Medan", 26, "mpp"),),
        ),
        DepartmentSpec(
            "KEC-MEDANBARU",
            "Kecamatan Medan Baru",
            26,
            "kecamatan",
            (_kel("PADANGBULAN", "Padang Bulan", 9), _kel("MERDEKA", "Merdeka", 8)),
        ),
        DepartmentSpec(
            "KEC-MEDANAMPLAS",
            "Kecamatan Medan Amplas",
            24,
            "kecamatan",
            (_kel("HARJOSARI", "Harjosari I", 8),),
        ),
    ),
)

PALEMBANG = AgencySpec(
    prefix="PLG",
    region="palembang",
    province=("16", "Sumatera Selatan"),
    city=("1671", "Kota Palembang"),
    agency=("PEMKOT-PLG", "Pemerintah Kota Palembang"),
    agency_under_province=False,
    departments=(
        DepartmentSpec("SETDA", "Sekretariat Daerah Kota Palembang", 60, "setda"),
        DepartmentSpec(
            "BKPSDM",
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Palembang",
            38,
            "bkpsdm",
        ),
        DepartmentSpec(
            "DINKES",
            "Dinas Kesehatan Kota Palembang",
            50,
            "dinkes",
            (
                _pkm("DEMPO", "Dempo", 38),
                _pkm("MERDEKA", "Merdeka", 30),
                _pkm("SEIBAUNG", "Sei Baung", 34),
                _pkm("KENTEN", "Kenten", 28),
                _pkm("PLAJU", "Plaju", 36),
                _pkm("SAKO", "Sako", 26),
            ),
        ),
        DepartmentSpec(
            "DISHUB",
            "Dinas Perhubungan Kota Palembang",
            45,
            "dishub",
            (
                ServiceUnitSpec(
                    "TERM-ALANGALANGLEBAR", "Terminal Alang-Alang Lebar", 28, "terminal"
                ),
                ServiceUnitSpec(
                    "UPT-PKB", "UPTD Pengujian Kendaraan Bermotor Kota Palembang", 16, "pkb"
                ),
            ),
        ),
        DepartmentSpec("DISDIK", "Dinas Pendidikan Kota Palembang", 60, "disdik"),
        DepartmentSpec(
            "DISDUKCAPIL",
            "Dinas Kependudukan dan Pencatatan Sipil Kota Palembang",
            40,
            "disdukcapil",
            (
                _loket("ILIRBARAT1", "Ilir Barat I", 10),
                _loket("SEBERANGULU1", "Seberang Ulu I", 9),
                _loket("KEMUNING", "Kemuning", 8),
            ),
        ),
        DepartmentSpec(
            "DPMPTSP",
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Palembang",
            30,
            "dpmptsp",
            (ServiceUnitSpec("MPP", "Mal Pelayanan Publik Kota Palembang", 22, "mpp"),),
        ),
        DepartmentSpec(
            "KEC-ILIRTIMUR1",
            "Kecamatan Ilir Timur I",
            22,
            "kecamatan",
            (_kel("20ILIRD1", "20 Ilir D I", 8), _kel("SUNGAIPANGERAN", "Sungai Pangeran", 7)),
        ),
        DepartmentSpec(
            "KEC-SEBERANGULU1",
            "Kecamatan Seberang Ulu I",
            20,
            "kecamatan",
            (_kel("7ULU", "7 Ulu", 7),),
        ),
    ),
)

JAKARTA = AgencySpec(
    prefix="DKI",
    region="jakarta",
    province=("31", "DKI Jakarta"),
    city=("3171", "Kota Administrasi Jakarta Pusat"),
    agency=("PEMPROV-DKI", "Pemerintah Provinsi DKI Jakarta"),
    agency_under_province=True,
    departments=(
        DepartmentSpec("SETDA", "Sekretariat Daerah Provinsi DKI Jakarta", 90, "setda"),
        DepartmentSpec("BKD", "Badan Kepegawaian Daerah Provinsi DKI Jakarta", 50, "bkpsdm"),
        DepartmentSpec(
            "DINKES",
            "Dinas Kesehatan Provinsi DKI Jakarta",
            60,
            "dinkes",
            (
                _pkm("GAMBIR", "Kecamatan Gambir", 45),
                _pkm("MENTENG", "Kecamatan Menteng", 40),
                _pkm("TANAHABANG", "Kecamatan Tanah Abang", 52),
                _pkm("SENEN", "Kecamatan Senen", 38),
                _pkm("KEMAYORAN", "Kecamatan Kemayoran", 46),
                _pkm("JOHARBARU", "Kecamatan Johar Baru", 30),
            ),
        ),
        DepartmentSpec(
            "DISHUB",
            "Dinas Perhubungan Provinsi DKI Jakarta",
            65,
            "dishub",
            (
                ServiceUnitSpec("TERM-SENEN", "Terminal Senen", 30, "terminal"),
                ServiceUnitSpec("TERM-PULOGEBANG", "Terminal Terpadu Pulo Gebang", 36, "terminal"),
                ServiceUnitSpec(
                    "UP-PKB", "Unit Pengelola Pengujian Kendaraan Bermotor Pulo Gadung", 24, "pkb"
                ),
            ),
        ),
        DepartmentSpec("DISDIK", "Dinas Pendidikan Provinsi DKI Jakarta", 80, "disdik"),
        DepartmentSpec(
            "DISDUKCAPIL",
            "Dinas Kependudukan dan Pencatatan Sipil Provinsi DKI Jakarta",
            45,
            "disdukcapil",
            (
                _loket("GAMBIR", "Gambir", 10, "Satuan Pelaksana Dukcapil"),
                _loket("MENTENG", "Menteng", 9, "Satuan Pelaksana Dukcapil"),
                _loket("TANAHABANG", "Tanah Abang", 11, "Satuan Pelaksana Dukcapil"),
            ),
        ),
        DepartmentSpec(
            "DPMPTSP",
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi DKI Jakarta",
            40,
            "dpmptsp",
            (ServiceUnitSpec("MPP", "Mal Pelayanan Publik DKI Jakarta", 30, "mpp"),),
        ),
        DepartmentSpec(
            "KEC-GAMBIR",
            "Kecamatan Gambir",
            28,
            "kecamatan",
            (_kel("GAMBIR", "Gambir", 10), _kel("PETOJOUTARA", "Petojo Utara", 9)),
        ),
        DepartmentSpec(
            "KEC-MENTENG",
            "Kecamatan Menteng",
            26,
            "kecamatan",
            (_kel("MENTENG", "Menteng", 10), _kel("CIKINI", "Cikini", 9)),
        ),
    ),
)

AGENCIES = (MEDAN, PALEMBANG, JAKARTA)
NATIONAL_CODE = "ID"


@dataclass
class PlacedUnit:
    """A created unit with what `people.py` needs to staff it."""

    unit: OrgUnit
    agency_prefix: str
    region: str
    staff: str
    size: int
    department: "PlacedUnit | None" = None  # for a unit layanan, its perangkat daerah


@dataclass
class Tree:
    national: OrgUnit
    agencies: dict[str, OrgUnit] = field(default_factory=dict)  # by prefix
    departments: list[PlacedUnit] = field(default_factory=list)
    service_units: list[PlacedUnit] = field(default_factory=list)

    def by_code(self, code: str) -> OrgUnit:
        for placed in self.departments + self.service_units:
            if placed.unit.code == code:
                return placed.unit
        raise KeyError(code)


def _node(kind: str, code: str, name: str, parent: OrgUnit | None) -> OrgUnit:
    # OrgUnit.save() writes the materialised path, so nodes are saved one by one (~120 rows).
    unit = OrgUnit(kind=kind, code=code, name=name, parent=parent)
    unit.save()
    return unit


def create_tree() -> Tree:
    """Create every node, national to unit layanan; sizes are left to `people.py`."""
    tree = Tree(national=_node(OrgKind.NATIONAL, NATIONAL_CODE, "Indonesia", None))
    for spec in AGENCIES:
        province = _node(OrgKind.PROVINCE, spec.province[0], spec.province[1], tree.national)
        city = _node(OrgKind.CITY, spec.city[0], spec.city[1], province)
        parent = province if spec.agency_under_province else city
        agency = _node(OrgKind.AGENCY, spec.agency[0], spec.agency[1], parent)
        tree.agencies[spec.prefix] = agency
        for dept in spec.departments:
            unit = _node(OrgKind.DEPARTMENT, f"{spec.prefix}-{dept.code}", dept.name, agency)
            placed = PlacedUnit(unit, spec.prefix, spec.region, dept.staff, dept.size)
            tree.departments.append(placed)
            for service in dept.units:
                code = f"{spec.prefix}-{service.code}"
                child = _node(OrgKind.SERVICE_UNIT, code, service.name, unit)
                tree.service_units.append(
                    PlacedUnit(child, spec.prefix, spec.region, service.staff, service.size, placed)
                )
    return tree
