"""The annex questionnaire of PermenPANRB 14/2017 as plain data, without Django.

The nine questions as the annex asks them (question 8 is sarana, question 9 pengaduan) and
the labels of answers a–d (1–4) per element. `sieva.satisfaction.elements`, the one SKM
definition the web app uses, takes its questions and labels from here (translated there);
the file mapping (`sieva.satisfaction.mapping`) reads them as they are, since `sieva
analyze` runs without Django settings. The texts are Indonesian msgids.
"""

from dataclasses import dataclass

from sieva.analysis.indices.ikm import STANDARD_ELEMENTS

__all__ = ["ANNEX", "AnnexQuestion", "ELEMENT_CODES", "PROFILE_CODES", "QUESTION_ORDER"]


def _(message: str) -> str:
    """Marks `message` for `makemessages`; `sieva.satisfaction.elements` translates it."""
    return message


@dataclass(frozen=True)
class AnnexQuestion:
    """One element as the annex asks it: the question's number, its text, labels of 1–4."""

    code: str
    question_number: int
    question: str
    answers: tuple[str, str, str, str]


_SESUAI = (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai"))

ANNEX: dict[str, AnnexQuestion] = {
    q.code: q
    for q in (
        AnnexQuestion(
            "persyaratan",
            1,
            _(
                "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan "
                "jenis pelayanannya?"
            ),
            _SESUAI,
        ),
        AnnexQuestion(
            "prosedur",
            2,
            _("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"),
            (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
        ),
        AnnexQuestion(
            "waktu",
            3,
            _("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"),
            (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
        ),
        AnnexQuestion(
            "biaya",
            4,
            _("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"),
            (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
        ),
        AnnexQuestion(
            "produk",
            5,
            _(
                "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang "
                "tercantum dalam standar pelayanan dengan hasil yang diberikan?"
            ),
            _SESUAI,
        ),
        AnnexQuestion(
            "kompetensi",
            6,
            _("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"),
            (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
        ),
        AnnexQuestion(
            "perilaku",
            7,
            _(
                "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
                "kesopanan dan keramahan?"
            ),
            (
                _("Tidak sopan dan ramah"),
                _("Kurang sopan dan ramah"),
                _("Sopan dan ramah"),
                _("Sangat sopan dan ramah"),
            ),
        ),
        AnnexQuestion(
            "pengaduan",
            9,  # the annex asks about complaints last
            _("Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"),
            (
                _("Tidak ada"),
                _("Ada tetapi tidak berfungsi"),
                _("Berfungsi kurang maksimal"),
                _("Dikelola dengan baik"),
            ),
        ),
        AnnexQuestion(
            "sarana",
            8,
            _("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"),
            (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat Baik")),
        ),
    )
}

ELEMENT_CODES: tuple[str, ...] = STANDARD_ELEMENTS  # the regulation's order, U1–U9
QUESTION_ORDER: tuple[str, ...] = tuple(
    sorted(ELEMENT_CODES, key=lambda code: ANNEX[code].question_number)
)

# The respondent profile's item codes (also the column names of an import file), in the
# order the form asks them: gender, age band, education, occupation, service received.
PROFILE_CODES: tuple[str, str, str, str, str] = (
    "jenis_kelamin",
    "usia",
    "pendidikan",
    "pekerjaan",
    "layanan",
)
