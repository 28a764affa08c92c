"""The standard competency dictionary of PermenPANRB 38/2017: eight managerial competencies
and the socio-cultural one, each assessed at levels 1-5 (technical ones are per instansi).

Migration 0005 loads a frozen copy; `ensure_standard_competencies` puts back any that a
flushed database (browser tests) or a hand deletion lost."""

from sieva.development.models import Competency

STANDARD = (
    ("M1", "Integritas", "manajerial"),
    ("M2", "Kerja sama", "manajerial"),
    ("M3", "Komunikasi", "manajerial"),
    ("M4", "Orientasi pada hasil", "manajerial"),
    ("M5", "Pelayanan publik", "manajerial"),
    ("M6", "Pengembangan diri dan orang lain", "manajerial"),
    ("M7", "Mengelola perubahan", "manajerial"),
    ("M8", "Pengambilan keputusan", "manajerial"),
    ("SK1", "Perekat bangsa", "sosial_kultural"),
)


def ensure_standard_competencies() -> dict[str, Competency]:
    """The standard competencies by code, created where missing."""
    return {
        code: Competency.objects.get_or_create(
            owner=None, code=code, defaults={"name": name, "kind": kind}
        )[0]
        for code, name, kind in STANDARD
    }
