"""The review checklist of each document type: what an evaluator checks a SOP, a juknis, a
decree, a regulation or a report for. Codes are stored with the answers, so wording may be
improved without losing earlier reviews; a removed item keeps its stored answer."""

from django.utils.translation import gettext_lazy as _

from sieva.evidence.models import DocumentType

ANSWERS = (("ya", _("Ya")), ("sebagian", _("Sebagian")), ("tidak", _("Tidak")))

_COMMON = (
    ("berlaku", _("Dokumen masih berlaku dan versi terakhirnya jelas")),
    ("penanggung_jawab", _("Penanggung jawab pelaksanaan disebut")),
)

CHECKLISTS = {
    DocumentType.SOP: (
        ("tujuan", _("Tujuan dan ruang lingkup dinyatakan")),
        ("alur", _("Langkah kerja berurutan, dengan bagan alir")),
        ("waktu", _("Waktu penyelesaian tiap langkah ditetapkan")),
        ("mutu", _("Standar mutu atau keluaran tiap langkah ditetapkan")),
        ("pengaduan", _("Cara menangani pengaduan atau penyimpangan diatur")),
        *_COMMON,
    ),
    DocumentType.GUIDELINE: (
        ("sasaran", _("Sasaran peserta dan persyaratannya jelas")),
        ("kurikulum", _("Kurikulum dengan JP tiap mata pelatihan")),
        ("metode", _("Metode pembelajaran dan moda (klasikal/nonklasikal) disebut")),
        ("evaluasi", _("Mekanisme evaluasi peserta dan program (L1–L4) diatur")),
        ("tindak_lanjut", _("Tindak lanjut pasca pelatihan di tempat kerja diatur")),
        ("anggaran", _("Sumber dan komponen anggaran disebut")),
        *_COMMON,
    ),
    DocumentType.DECREE: (
        ("dasar_hukum", _("Dasar hukum (konsiderans) lengkap")),
        ("pihak", _("Pihak atau pejabat yang ditetapkan disebut")),
        ("tugas", _("Tugas dan kewenangan dirinci")),
        ("masa", _("Masa berlaku ditetapkan")),
        *_COMMON,
    ),
    DocumentType.REGULATION: (
        ("dasar_hukum", _("Dasar hukum dan keselarasan dengan aturan di atasnya")),
        ("kewajiban", _("Kewajiban pengembangan kompetensi (mis. 20 JP) diatur")),
        ("sanksi", _("Akibat bila tidak dipenuhi diatur")),
        ("pelaporan", _("Pelaporan dan pemantauan diatur")),
        *_COMMON,
    ),
    DocumentType.REPORT: (
        ("capaian", _("Memuat data capaian dengan angka")),
        ("pembanding", _("Membandingkan dengan target atau periode sebelumnya")),
        ("kendala", _("Memuat kendala dan penyebabnya")),
        ("tindak_lanjut", _("Memuat rekomendasi tindak lanjut dengan penanggung jawab")),
        *_COMMON,
    ),
    DocumentType.OTHER: _COMMON,
}


def checklist_for(doc_type: str) -> tuple[tuple[str, object], ...]:
    return CHECKLISTS.get(DocumentType(doc_type), _COMMON)
