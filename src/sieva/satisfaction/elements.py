"""The one SKM definition (PermenPANRB 14/2017): elements, annex questions, answers, profile.

Everything SKM is derived from this module: the citizen's web form, the file import's
columns, the columns of `SkmResponse`, and the standard SKM instrument that
`sieva load_standard_instruments` stores (`sieva.satisfaction.instrument`) — so the
questionnaire cannot differ between the public form, campaigns and the IKM.

Elements are stored by code, never by position (DOMAIN.md: many forms swap U8 and U9).
`ELEMENTS` lists them in the regulation's element order U1–U9
(`sieva.analysis.indices.ikm.STANDARD_ELEMENTS`); the annex questionnaire asks them in
`QUESTION_ORDER`, where question 8 is sarana and question 9 pengaduan. Answers are 1–4
(a–d), labelled per element exactly as the annex words them. Every element is required on a
form; the respondent profile is optional (a citizen may decline to say who they are).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sieva.analysis.indices.ikm import STANDARD_ELEMENTS
from sieva.satisfaction.annex import ANNEX, PROFILE_CODES
from sieva.satisfaction.annex import QUESTION_ORDER as ANNEX_QUESTION_ORDER

Text = str | Promise


@dataclass(frozen=True)
class Element:
    """One unsur: `number` in the regulation's list (U1–U9), `question_number` in the annex
    questionnaire, and the labels of answers 1 (a) to 4 (d)."""

    code: str
    number: int
    question_number: int
    name: Text
    question: Text
    answers: tuple[Text, Text, Text, Text]


# The element names of the regulation's list; questions and answer labels come from the annex.
_NAMES: dict[str, Text] = {
    "persyaratan": _("Persyaratan"),
    "prosedur": _("Sistem, mekanisme, dan prosedur"),
    "waktu": _("Waktu penyelesaian"),
    "biaya": _("Biaya/tarif"),
    "produk": _("Produk spesifikasi jenis pelayanan"),
    "kompetensi": _("Kompetensi pelaksana"),
    "perilaku": _("Perilaku pelaksana"),
    "pengaduan": _("Penanganan pengaduan, saran dan masukan"),
    "sarana": _("Sarana dan prasarana"),
}


def _element(number: int, code: str) -> Element:
    annex = ANNEX[code]
    a, b, c, d = (_(label) for label in annex.answers)  # msgids marked in annex.py
    return Element(
        code, number, annex.question_number, _NAMES[code], _(annex.question), (a, b, c, d)
    )


SKM_ELEMENTS: dict[str, Element] = {
    code: _element(number, code) for number, code in enumerate(STANDARD_ELEMENTS, start=1)
}

ELEMENTS: tuple[str, ...] = STANDARD_ELEMENTS
QUESTION_ORDER: tuple[str, ...] = ANNEX_QUESTION_ORDER
ANSWER_VALUES = (1, 2, 3, 4)  # no neutral answer
ELEMENT_CHOICES = [(code, SKM_ELEMENTS[code].name) for code in ELEMENTS]


class RespondentGender(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class AgeBand(models.TextChoices):
    UNDER_20 = "<20", _("Di bawah 20 tahun")
    FROM_20 = "20-29", _("20–29 tahun")
    FROM_30 = "30-39", _("30–39 tahun")
    FROM_40 = "40-49", _("40–49 tahun")
    FROM_50 = "50-59", _("50–59 tahun")
    FROM_60 = "60+", _("60 tahun ke atas")


class RespondentEducation(models.TextChoices):
    PRIMARY = "SD", _("SD ke bawah")
    LOWER_SECONDARY = "SMP", _("SMP")
    UPPER_SECONDARY = "SMA", _("SMA/SMK")
    DIPLOMA = "D1-D3", _("D1–D3")
    BACHELOR = "D4-S1", _("D4/S1")
    MASTER = "S2", _("S2")
    DOCTORATE = "S3", _("S3")


class Occupation(models.TextChoices):
    CIVIL_SERVANT = "pns", _("PNS/PPPK")
    MILITARY_POLICE = "tni_polri", _("TNI/Polri")
    PRIVATE = "swasta", _("Pegawai swasta")
    SELF_EMPLOYED = "wirausaha", _("Wirausaha")
    STUDENT = "pelajar", _("Pelajar/mahasiswa")
    OTHER = "lainnya", _("Lainnya")


@dataclass(frozen=True)
class ProfileField:
    """One profile question: `field` is the `SkmResponse` column, `code` the item code in the
    SKM instrument and the column name in an import file; `choices` None means free text."""

    field: str
    code: str
    label: Text
    choices: type[models.TextChoices] | None
    max_length: int
    required: bool = False


_GENDER, _AGE, _EDUCATION, _OCCUPATION, _SERVICE = PROFILE_CODES
PROFILE: tuple[ProfileField, ...] = (
    ProfileField("gender", _GENDER, _("Jenis kelamin"), RespondentGender, 1),
    ProfileField("age_band", _AGE, _("Usia"), AgeBand, 5),
    ProfileField("education", _EDUCATION, _("Pendidikan terakhir"), RespondentEducation, 5),
    ProfileField("occupation", _OCCUPATION, _("Pekerjaan"), Occupation, 10),
    ProfileField("service", _SERVICE, _("Jenis layanan yang diterima"), None, 200),
)
PROFILE_FIELDS: tuple[str, ...] = tuple(p.field for p in PROFILE)

# Free-text suggestions: asked by the SKM instrument, kept with its responses only.
SUGGESTION_CODE = "saran"
SUGGESTION_LABEL = _("Saran dan masukan untuk perbaikan pelayanan.")


class Source(models.TextChoices):
    WEB = "web", _("Formulir web")
    QR = "qr", _("Kode QR")
    KIOSK = "kiosk", _("Tablet loket")
    IMPORT = "import", _("Impor berkas")
