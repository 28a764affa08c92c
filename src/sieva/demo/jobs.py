"""Jabatan, golongan and career arithmetic for demo employees (DOMAIN.md "Identity").

Each staff mix lists the non-managerial jobs of one kind of unit with a weight, the share hired
as PPPK, likely education and the share of women. Grades follow the jenjang of the position:
a fungsional ahli muda is III/c-III/d, an administrator III/d-IV/b, and so on; PPPK use their own
golongan I-XVII and are never managerial.
"""

import random
from dataclasses import dataclass
from typing import Any

from sieva.demo.text import words
from sieva.org.models import PositionKind, PositionLevel

GRADES = words(
    "I/a I/b I/c I/d II/a II/b II/c II/d III/a III/b III/c III/d IV/a IV/b IV/c IV/d IV/e"
)

FE = PositionKind.FUNCTIONAL_EXPERT
FS = PositionKind.FUNCTIONAL_SKILLED
PL = PositionKind.PELAKSANA
_LEVEL_CODES = {
    "p": PositionLevel.AHLI_PERTAMA,
    "m": PositionLevel.AHLI_MUDA,
    "d": PositionLevel.AHLI_MADYA,
    "u": PositionLevel.AHLI_UTAMA,
    "0": PositionLevel.PEMULA,
    "t": PositionLevel.TERAMPIL,
    "h": PositionLevel.MAHIR,
    "y": PositionLevel.PENYELIA,
}
# Stored position names are Indonesian whatever the active language, so not the choice labels.
LEVEL_TITLES = {
    PositionLevel.AHLI_PERTAMA: "Ahli Pertama",
    PositionLevel.AHLI_MUDA: "Ahli Muda",
    PositionLevel.AHLI_MADYA: "Ahli Madya",
    PositionLevel.AHLI_UTAMA: "Ahli Utama",
    PositionLevel.PEMULA: "Pemula",
    PositionLevel.TERAMPIL: "Terampil",
    PositionLevel.MAHIR: "Mahir",
    PositionLevel.PENYELIA: "Penyelia",
}

# Index ranges into GRADES per jenjang or managerial kind (lowest, highest).
PNS_GRADE_RANGE = {
    PositionLevel.PEMULA: (4, 4),
    PositionLevel.TERAMPIL: (5, 7),
    PositionLevel.MAHIR: (8, 9),
    PositionLevel.PENYELIA: (10, 11),
    PositionLevel.AHLI_PERTAMA: (8, 9),
    PositionLevel.AHLI_MUDA: (10, 11),
    PositionLevel.AHLI_MADYA: (12, 14),
    PositionLevel.AHLI_UTAMA: (15, 16),
    PositionKind.PENGAWAS: (10, 12),
    PositionKind.ADMINISTRATOR: (11, 13),
    PositionKind.JPT_PRATAMA: (14, 15),
    PositionKind.JPT_MADYA: (15, 16),
    PositionKind.JPT_UTAMA: (16, 16),
}
# Entry grade of a pelaksana by education and the highest they reach without a new diploma.
PELAKSANA_ENTRY = {"SD": 0, "SMP": 2, "SMA": 4, "D3": 6, "D4": 8, "S1": 8, "S2": 9}
PELAKSANA_CAP = {"SD": 3, "SMP": 7, "SMA": 9, "D3": 10, "D4": 11, "S1": 11, "S2": 11}
PPPK_GRADE = {
    PositionLevel.PEMULA: "V",
    PositionLevel.TERAMPIL: "VII",
    PositionLevel.MAHIR: "VIII",
    PositionLevel.PENYELIA: "IX",
    PositionLevel.AHLI_PERTAMA: "IX",
    PositionLevel.AHLI_MUDA: "XI",
    PositionLevel.AHLI_MADYA: "XIII",
}
PPPK_PELAKSANA_GRADE = {"SD": "I", "SMP": "III", "SMA": "V", "D3": "VII", "S1": "IX", "D4": "IX"}

# Years of service typical of each jenjang (min, max).
SERVICE_YEARS = {
    PositionKind.JPT_MADYA: (26, 32),
    PositionKind.JPT_PRATAMA: (20, 30),
    PositionKind.ADMINISTRATOR: (15, 28),
    PositionKind.PENGAWAS: (10, 25),
    PositionLevel.AHLI_PERTAMA: (1, 9),
    PositionLevel.AHLI_MUDA: (6, 16),
    PositionLevel.AHLI_MADYA: (12, 26),
    PositionLevel.AHLI_UTAMA: (20, 30),
    PositionLevel.PEMULA: (0, 4),
    PositionLevel.TERAMPIL: (2, 12),
    PositionLevel.MAHIR: (8, 20),
    PositionLevel.PENYELIA: (14, 28),
    PositionKind.PELAKSANA: (1, 30),
}
ENTRY_AGE = {
    "SD": (18, 25),
    "SMP": (18, 26),
    "SMA": (19, 27),
    "D3": (21, 30),
    "D4": (23, 32),
    "S1": (23, 33),
    "S2": (25, 35),
    "S3": (28, 36),
}
# Retirement (BUP): 58 in general, 60 for JPT and ahli madya, 65 for ahli utama; keep a margin.
_AGE_LIMIT_HIGH = {
    PositionKind.JPT_MADYA,
    PositionKind.JPT_PRATAMA,
    PositionLevel.AHLI_MADYA,
    PositionLevel.AHLI_UTAMA,
}


def age_limit(kind: str, level: str) -> int:
    """Highest age (in whole years, on the reference day) for an active employee."""
    return 58 if kind in _AGE_LIMIT_HIGH or level in _AGE_LIMIT_HIGH else 56


@dataclass(frozen=True)
class Job:
    name: str
    kind: str
    levels: tuple[str, ...] = ()
    weight: float = 1.0
    pppk: float = 0.0
    education: tuple[str, ...] = ("S1",)
    female: float = 0.5
    health: bool = False
    doctor: bool = False
    titles: tuple[tuple[str, str], ...] = ()  # education -> professional title

    def title(self, education: str) -> str:
        return dict(self.titles).get(education, "")

    def pick_level(self, rng: random.Random) -> str:
        if not self.levels:
            return ""
        # Lower jenjang are more numerous: weights 4, 3, 1.5, 0.4.
        return rng.choices(self.levels, weights=(4, 3, 1.5, 0.4)[: len(self.levels)])[0]

    def pick_education(self, rng: random.Random, level: str) -> str:
        if self.doctor:
            return "S2" if rng.random() < 0.2 else "S1"
        if level in (PositionLevel.AHLI_MUDA, PositionLevel.AHLI_MADYA):
            return "S2" if rng.random() < 0.35 else "S1"
        return rng.choice(self.education)

    def position_name(self, level: str) -> str:
        return f"{self.name} {LEVEL_TITLES[level]}" if level else self.name


def fe(name: str, levels: str = "pmd", w: float = 1, pppk: float = 0.1, **kw: Any) -> Job:
    kw.setdefault("education", ("S1", "S1", "D4"))
    return Job(name, FE, tuple(_LEVEL_CODES[c] for c in levels), w, pppk, **kw)


def fs(name: str, levels: str = "thy", w: float = 1, pppk: float = 0.15, **kw: Any) -> Job:
    kw.setdefault("education", ("D3",))
    return Job(name, FS, tuple(_LEVEL_CODES[c] for c in levels), w, pppk, **kw)


def pl(name: str, w: float = 1, pppk: float = 0.25, **kw: Any) -> Job:
    kw.setdefault("education", ("SMA", "SMA", "D3", "S1"))
    return Job(name, PL, (), w, pppk, **kw)


_ADMIN_STAFF = (
    pl("Pengadministrasi Perkantoran", 3),
    pl("Penata Layanan Operasional", 2, 0.15, education=("S1", "D4")),
    pl("Pengolah Data dan Informasi", 1.5, 0.2, education=("D3", "S1")),
    fs("Pranata Komputer", "th", 0.8),
    fs("Arsiparis", "thy", 0.5),
)


def _health(**titles: str) -> dict[str, Any]:
    """A health job with its professional titles by education (a nurse: D3="A.Md.Kep.").

    Its entry education is the lowest one that has a title (a D4 nurse would need one).
    """
    return {"health": True, "titles": tuple(titles.items()), "education": (next(iter(titles)),)}


STAFF_MIXES: dict[str, tuple[Job, ...]] = {
    "setda": (
        fe("Analis Kebijakan", "pmd", 3, 0.05),
        fe("Perencana", "pmd", 1),
        fe("Analis Hukum", "pm", 1),
        fe("Perancang Peraturan Perundang-undangan", "pmd", 1),
        fs("Pranata Hubungan Masyarakat", "th", 1),
        pl("Pengelola Umum Operasional", 2, 0.35),
        *_ADMIN_STAFF,
    ),
    "bkpsdm": (
        fe("Analis Sumber Daya Manusia Aparatur", "pmd", 4, 0.1),
        fe("Asesor Sumber Daya Manusia Aparatur", "pm", 1, 0.0),
        fe("Widyaiswara", "md", 0.6, 0.0),
        fs("Pranata Sumber Daya Manusia Aparatur", "thy", 3, 0.2),
        *_ADMIN_STAFF,
    ),
    "dinkes": (
        fe("Administrator Kesehatan", "pmd", 3, 0.15, **_health(S1="S.KM.", S2="M.Kes.")),
        fe("Epidemiolog Kesehatan", "pm", 1, 0.2, **_health(S1="S.KM.", S2="M.Epid.")),
        fe("Perencana", "pm", 1),
        fe(
            "Apoteker",
            "pm",
            0.6,
            0.2,
            female=0.75,
            **_health(S1="S.Farm., Apt.", S2="M.Farm., Apt."),
        ),
        *_ADMIN_STAFF,
    ),
    "puskesmas": (
        fe("Dokter", "pmd", 2, 0.3, doctor=True, female=0.6, health=True),
        fe("Perawat", "pm", 2, 0.25, female=0.7, **_health(S1="S.Kep., Ns.", S2="M.Kep.")),
        fs("Perawat", "thy", 4, 0.3, female=0.75, **_health(D3="A.Md.Kep.")),
        fs("Bidan", "thy", 4, 0.3, female=1.0, **_health(D3="A.Md.Keb.")),
        fs("Tenaga Teknis Kefarmasian", "th", 1, 0.35, female=0.7, **_health(D3="A.Md.Farm.")),
        fs("Pranata Laboratorium Kesehatan", "th", 1, 0.35, female=0.6, **_health(D3="A.Md.AK.")),
        fs("Sanitarian", "th", 0.8, 0.3, **_health(D3="A.Md.KL.")),
        fs("Nutrisionis", "th", 0.8, 0.3, female=0.8, **_health(D3="A.Md.Gz.")),
        fs("Perekam Medis", "th", 1, 0.4, female=0.6, **_health(D3="A.Md.RMIK.")),
        pl("Pengadministrasi Perkantoran", 2, 0.3),
    ),
    "dishub": (
        fe("Analis Kebijakan", "pm", 1),
        fe("Perencana", "pm", 1),
        fs("Penguji Kendaraan Bermotor", "thy", 1, 0.1, female=0.15),
        pl("Pengelola Umum Operasional", 2, 0.3, female=0.25),
        *_ADMIN_STAFF,
    ),
    "terminal": (
        pl("Operator Layanan Operasional", 4, 0.35, female=0.2),
        pl("Pengelola Layanan Operasional", 2, 0.3, female=0.3, education=("SMA", "D3")),
        pl("Pengadministrasi Perkantoran", 1, 0.25),
    ),
    "pkb": (
        fs("Penguji Kendaraan Bermotor", "0thy", 5, 0.2, female=0.15),
        fe("Penguji Kendaraan Bermotor", "pm", 1, 0.0, female=0.2),
        pl("Operator Layanan Operasional", 2, 0.35, female=0.3),
    ),
    "disdik": (
        fe("Pengawas Sekolah", "md", 3, 0.0, education=("S1", "S2")),
        fe("Penilik", "pm", 1),
        fe("Analis Kebijakan", "pm", 1),
        pl("Pengelola Umum Operasional", 1, 0.3),
        *_ADMIN_STAFF,
    ),
    "disdukcapil": (
        fe("Administrator Database Kependudukan", "pm", 2, 0.1),
        *_ADMIN_STAFF,
        pl("Operator Layanan Operasional", 2, 0.35),
    ),
    "loket": (
        pl("Operator Layanan Operasional", 4, 0.3),
        pl("Penata Layanan Operasional", 3, 0.2, education=("S1", "D4")),
        fe("Administrator Database Kependudukan", "p", 1, 0.1),
        fs("Pranata Komputer", "th", 1, 0.2),
    ),
    "dpmptsp": (
        fe("Penata Kelola Penanaman Modal", "pmd", 2, 0.05),
        fe("Analis Kebijakan", "pm", 1),
        *_ADMIN_STAFF,
    ),
    "mpp": (
        pl("Operator Layanan Operasional", 4, 0.3),
        pl("Penata Layanan Operasional", 3, 0.2, education=("S1", "D4")),
        fs("Pranata Komputer", "th", 1, 0.2),
    ),
    "kecamatan": (
        fe("Analis Kebijakan", "pm", 1),
        pl("Penata Layanan Operasional", 3, 0.15, education=("S1", "D4")),
        pl("Pengelola Umum Operasional", 2, 0.3),
        pl("Operator Layanan Operasional", 2, 0.35),
        pl("Pengadministrasi Perkantoran", 3),
    ),
    "kelurahan": (
        pl("Operator Layanan Operasional", 3, 0.4),
        pl("Pengadministrasi Perkantoran", 3),
        pl("Penata Layanan Operasional", 2, 0.15, education=("S1", "D4")),
    ),
}


def pns_grade(rng: random.Random, kind: str, level: str, education: str, service: int) -> str:
    """A golongan/ruang consistent with the position and years of service."""
    if kind == PL:
        entry = PELAKSANA_ENTRY[education]
        top = max(entry, PELAKSANA_CAP[education])
        # Regular promotion (kenaikan pangkat reguler) every four years.
        return GRADES[min(top, entry + service // 4)]
    low, high = PNS_GRADE_RANGE[level or kind]
    return GRADES[low + min(high - low, rng.randint(0, high - low))]


def pppk_grade(kind: str, level: str, education: str) -> str:
    if kind == PL:
        return PPPK_PELAKSANA_GRADE.get(education, "V")
    return PPPK_GRADE[level]
