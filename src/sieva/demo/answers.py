"""What demo participants, supervisors and alumni answer, per program (decision 0006).

Pure functions of a random stream and a program profile; they return answers in the shape a
web form submits (item code → value), so `check_answers` can vouch for them. Likert answers
come from a latent per-respondent trait plus item noise, which gives scales the internal
consistency real questionnaires have (Cronbach's alpha about 0.7–0.9); more noise, lower alpha.
"""

import math
import random
from dataclasses import dataclass, field
from typing import Any

REACTION_SCALES = {
    "relevansi": ("rel_1", "rel_2", "rel_3"),
    "penerapan": ("pen_1", "pen_2", "pen_3"),
    "materi": ("mat_1", "mat_2", "mat_3"),
    "fasilitator": ("fas_1", "fas_2", "fas_3", "fas_4"),
    "penyelenggaraan": ("org_1", "org_2", "org_3", "org_4"),
    "komitmen": ("kom_1", "kom_2", "kom_3"),
}
REVERSED = frozenset({"rel_3", "per_6"})  # reverse-coded in the standard templates
BEHAVIOUR_ITEMS = ("per_1", "per_2", "per_3", "per_4", "per_5", "per_6")
# Standard L2 skeleton: five items of 20 points, from easy to hard (logits).
TEST_KEY = {"soal_1": "a", "soal_2": "b", "soal_3": "b", "soal_4": "b"}
TEST_MULTIPLE = ("soal_5", ("a", "b", "d"))
TEST_DIFFICULTY = {"soal_1": -1.0, "soal_2": -0.3, "soal_3": 0.2, "soal_4": 0.6, "soal_5": 1.2}
OPTIONS = ("a", "b", "c", "d")
LOADING = 0.75


@dataclass(frozen=True)
class Profile:
    """How one program is received, learned and applied.

    `means` are the reaction scale means (1–5), `noise` the item noise (higher = lower alpha,
    `noisy` lists scales with extra noise); `gain` the learning gain in logits; `follow_up`
    whether alumni get an action plan and coaching after the course (without it "no follow-up"
    is the most named barrier); `self_rating` adds an alumni (diri) L3 survey.
    """

    reaction_rate: float = 0.82
    means: dict[str, float] = field(default_factory=dict)
    noise: float = 0.5
    noisy: tuple[str, ...] = ()
    pre_ability: float = -0.4
    gain: float = 1.0
    application: float = 3.7
    follow_up: bool = False
    self_rating: bool = False
    supervisor_rate: float = 0.75
    l3_months: int = 4
    anonymous: bool = False

    def mean(self, scale: str) -> float:
        return self.means.get(scale, 4.0)


PROFILES = {
    "LAYANAN-PRIMA": Profile(
        0.86,
        {"relevansi": 4.4, "penerapan": 4.3, "materi": 4.2, "komitmen": 4.4},
        0.45,
        pre_ability=-0.6,
        gain=1.7,
        application=4.1,
        follow_up=True,
        self_rating=True,
        l3_months=3,
    ),
    "KOMUNIKASI": Profile(
        0.8,
        {"relevansi": 4.2, "penerapan": 4.0, "materi": 4.1},
        0.5,
        gain=1.2,
        application=3.9,
        follow_up=True,
        self_rating=True,
        l3_months=4,
    ),
    "MANAJEMEN-KRISIS": Profile(
        0.38,
        {"relevansi": 3.7, "penerapan": 2.8, "materi": 3.2, "komitmen": 3.3},
        0.55,
        gain=0.8,
        application=2.9,
        supervisor_rate=0.45,
        l3_months=5,
    ),
    "TI-ADMINISTRASI": Profile(
        0.78,
        {"relevansi": 3.9, "penerapan": 3.1, "materi": 2.9, "fasilitator": 3.8},
        0.5,
        pre_ability=-0.2,
        gain=1.0,
        application=3.1,
        l3_months=4,
    ),
    "ETIKA-PELAYANAN": Profile(
        0.74,
        {"relevansi": 3.8, "penerapan": 3.4, "materi": 3.5},
        0.55,
        pre_ability=0.4,
        gain=0.3,
        application=3.3,
        l3_months=6,
    ),
    "MANAJEMEN-WAKTU": Profile(
        0.8,
        {"relevansi": 3.9, "penerapan": 3.7},
        0.5,
        noisy=("penyelenggaraan",),
        gain=0.9,
        application=3.5,
        l3_months=3,
    ),
    "KEPEMIMPINAN-MR": Profile(
        0.84,
        {"relevansi": 4.1, "penerapan": 3.6},
        0.45,
        gain=1.0,
        application=3.6,
        self_rating=True,
        supervisor_rate=0.35,
        l3_months=6,
    ),
    "PROYEK-PERUBAHAN": Profile(
        0.9,
        {"relevansi": 4.3, "penerapan": 4.4, "komitmen": 4.4},
        0.45,
        gain=0.9,
        application=4.2,
        follow_up=True,
        self_rating=True,
        l3_months=4,
    ),
    "MENTORING-ASN-BARU": Profile(
        0.88,
        {"relevansi": 4.2, "penerapan": 4.1, "fasilitator": 4.4},
        0.5,
        gain=0.8,
        application=3.9,
        follow_up=True,
        l3_months=3,
    ),
    "ELEARNING-LITERASI-DIGITAL": Profile(
        0.58,
        {"materi": 3.9, "fasilitator": 3.3, "penyelenggaraan": 3.6},
        0.6,
        gain=0.7,
        application=3.4,
        supervisor_rate=0.6,
        l3_months=5,
    ),
}
# Jakarta's communication course collects its tests and L3 anonymously (pairs by pseudonym).
ANONYMOUS_PROGRAMS = frozenset({"DKI-KOMUNIKASI"})


def profile_for(program_code: str) -> Profile:
    return PROFILES.get(program_code.split("-", 1)[1], Profile())


def _likert(value: float, high: int = 5) -> int:
    return max(1, min(high, round(value)))


COMMENTS = (
    "Materi sangat bermanfaat untuk pekerjaan sehari-hari.",
    "Perlu lebih banyak praktik dan simulasi kasus nyata.",
    "Waktu pelatihan terlalu padat.",
    "Contoh kasus sebaiknya dari unit layanan kami sendiri.",
    "Fasilitator menguasai materi dan komunikatif.",
    "Bahan ajar sebaiknya dibagikan sebelum pelatihan.",
)


def reaction_answers(rng: random.Random, profile: Profile) -> dict[str, Any]:
    """One participant's L1 reaction: six correlated scales, rel_3 answered reversed."""
    general = rng.gauss(0, 1)
    answers: dict[str, Any] = {}
    total = 0.0
    for scale, items in REACTION_SCALES.items():
        trait = 0.6 * general + 0.8 * rng.gauss(0, 1)
        noise = profile.noise + (0.45 if scale in profile.noisy else 0.0)
        for code in items:
            value = _likert(profile.mean(scale) + LOADING * trait + rng.gauss(0, noise))
            answers[code] = 6 - value if code in REVERSED else value
            total += value
    overall = total / sum(len(items) for items in REACTION_SCALES.values())
    answers["rekomendasi"] = "ya" if overall >= 3.8 else "ragu" if overall >= 3.0 else "tidak"
    if rng.random() < 0.25:
        answers["saran"] = rng.choice(COMMENTS)
    return answers


def ability(rng: random.Random, profile: Profile) -> float:
    return rng.gauss(profile.pre_ability, 0.9)


def after_training(rng: random.Random, profile: Profile, before: float) -> float:
    return before + profile.gain + rng.gauss(0, 0.35)


def test_answers(rng: random.Random, theta: float) -> dict[str, Any]:
    """Answers to the standard L2 test by someone of ability `theta` (Rasch model)."""
    answers: dict[str, Any] = {}
    for code, difficulty in TEST_DIFFICULTY.items():
        right = rng.random() < 1 / (1 + math.exp(difficulty - theta))
        if code == TEST_MULTIPLE[0]:
            key = list(TEST_MULTIPLE[1])
            answers[code] = key if right else sorted(rng.sample(OPTIONS, rng.choice((1, 2, 4))))
            if not right and answers[code] == key:
                answers[code] = ["c"]
            continue
        wrong = [o for o in OPTIONS if o != TEST_KEY[code]]
        answers[code] = TEST_KEY[code] if right else rng.choice(wrong)
    return answers


BARRIERS = {
    "tanpa_dukungan_pimpinan": 0.15,
    "beban_kerja": 0.3,
    "sarana_anggaran": 0.12,
    "rekan_belum_mendukung": 0.1,
    "lupa": 0.06,
}
ENABLERS = {"dukungan_pimpinan": 0.4, "kesempatan": 0.45, "dukungan_rekan": 0.3, "sarana": 0.15}
EXAMPLES = (
    "Menerapkan alur antrean baru dan menyapa setiap pengunjung.",
    "Menyusun rencana aksi bersama tim dan memantaunya tiap bulan.",
    "Lebih sabar menjelaskan persyaratan kepada warga.",
    "Memakai aplikasi pelaporan yang diajarkan.",
)


def behaviour_answers(
    rng: random.Random, profile: Profile, *, supervisor: bool, frontline: bool
) -> dict[str, Any]:
    """An L3 questionnaire about one alumnus, by the supervisor or the alumnus (`diri`).

    Alumni rate themselves about half a point higher than their supervisors do.
    """
    level = profile.application + (0.45 if not supervisor else 0.0) + rng.gauss(0, 0.6)
    answers: dict[str, Any] = {}
    for code in BEHAVIOUR_ITEMS:
        value = _likert(level + rng.gauss(0, 0.55))
        answers[code] = 6 - value if code in REVERSED else value
    answers["frekuensi"] = _likert(level - 0.6 + rng.gauss(0, 0.7))
    if supervisor:
        support = 3.9 if profile.follow_up else 3.2
        answers["dukungan_atasan"] = _likert(support + rng.gauss(0, 0.7))
    barriers = [
        code
        for code, p in BARRIERS.items()
        if rng.random() < p + (0.15 if code == "beban_kerja" and frontline else 0.0)
    ]
    if rng.random() < (0.12 if profile.follow_up else 0.58):
        barriers.insert(0, "tanpa_tindak_lanjut")
    if profile.application < 3.2 and rng.random() < 0.4:
        barriers.append("kurang_relevan")
    answers["hambatan"] = barriers or ["tidak_ada"]
    enablers = [code for code, p in ENABLERS.items() if rng.random() < p]
    if profile.follow_up:
        enablers += [code for code in ("rencana_aksi", "pendampingan") if rng.random() < 0.6]
    answers["pendukung"] = enablers or ["kesempatan"]
    if rng.random() < 0.2:
        answers["contoh"] = rng.choice(EXAMPLES)
    return answers
