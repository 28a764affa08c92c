"""The SKM questionnaire of PermenPANRB 14/2017: the nine elements, their questions and answers.

Elements are stored by code (DOMAIN.md: many forms swap U8 and U9), in the order of
`sieva.analysis.indices.ikm.STANDARD_ELEMENTS`. The respondent profile follows the sample
questionnaire in the regulation's appendix.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.analysis.indices.ikm import STANDARD_ELEMENTS

ELEMENTS: tuple[str, ...] = STANDARD_ELEMENTS

ELEMENT_LABELS = {
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

QUESTIONS = {
    "persyaratan": _(
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
        "pelayanannya?"
    ),
    "prosedur": _("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"),
    "waktu": _("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"),
    "biaya": _("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"),
    "produk": _(
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum "
        "dalam standar pelayanan dengan hasil yang diberikan?"
    ),
    "kompetensi": _(
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"
    ),
    "perilaku": _(
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
        "kesopanan dan keramahan?"
    ),
    "pengaduan": _("Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"),
    "sarana": _("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"),
}

# Answer labels 1..4 of the sample questionnaire (PermenPANRB 14/2017, Lampiran).
ANSWER_LABELS = {
    "persyaratan": (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    "prosedur": (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
    "waktu": (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
    "biaya": (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
    "produk": (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    "kompetensi": (
        _("Tidak kompeten"),
        _("Kurang kompeten"),
        _("Kompeten"),
        _("Sangat kompeten"),
    ),
    "perilaku": (
        _("Tidak sopan dan ramah"),
        _("Kurang sopan dan ramah"),
        _("Sopan dan ramah"),
        _("Sangat sopan dan ramah"),
    ),
    "pengaduan": (
        _("Tidak ada"),
        _("Ada tetapi tidak berfungsi"),
        _("Berfungsi kurang maksimal"),
        _("Dikelola dengan baik"),
    ),
    "sarana": (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
}


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


class Source(models.TextChoices):
    WEB = "web", _("Formulir web")
    QR = "qr", _("Kode QR")
    IMPORT = "import", _("Impor berkas")
