"""The development programs of the demo and which local government runs which, how well.

A subject's placement decides how its sessions are scheduled: ``kelas`` packs JP into
classroom days (8 JP a day, 4 before and 4 after lunch), ``pekanan`` spreads it over weekly
sessions, ``modul`` makes one self-paced module of it.
"""

from dataclasses import dataclass

from sieva.programs.models import DeliveryMode, ProgramKind

KELAS, PEKANAN, MODUL = "kelas", "pekanan", "modul"


@dataclass(frozen=True)
class ProgramSpec:
    key: str
    name: str
    kind: str
    mode: str
    objectives: str
    competencies: str
    target_group: str
    audience: str  # who is invited, see enrollment.py
    capacity: int
    subjects: tuple[tuple[str, int, str], ...]  # (mata pelatihan, JP, placement)
    weekly_jp: int = 2  # JP of one weekly session

    @property
    def total_jp(self) -> int:
        return sum(jp for _, jp, _ in self.subjects)


LEADERSHIP = ProgramSpec(
    "KEPEMIMPINAN-MR",
    "Pelatihan Kepemimpinan dan Manajemen Risiko",
    ProgramKind.TRAINING,
    DeliveryMode.CLASSROOM,
    "Meningkatkan kemampuan pejabat pengawas dan administrator memimpin unit kerja serta "
    "mengelola risiko pelayanan dan kinerja secara sistematis.",
    "Kepemimpinan pelayanan; identifikasi, analisis dan penanganan risiko; pengendalian intern "
    "(SPIP); pengambilan keputusan berbasis risiko.",
    "Pejabat pengawas, pejabat administrator dan pejabat fungsional ahli muda/madya",
    "leaders",
    30,
    (
        ("Kepemimpinan Pelayanan Publik Berorientasi BerAKHLAK", 8, KELAS),
        ("Konsep dan Kerangka Kerja Manajemen Risiko Sektor Publik", 8, KELAS),
        ("Identifikasi, Analisis dan Evaluasi Risiko", 10, KELAS),
        ("Penanganan Risiko dan Sistem Pengendalian Intern Pemerintah", 8, KELAS),
        ("Pengambilan Keputusan Berbasis Risiko", 6, KELAS),
        ("Praktik Penyusunan Register Risiko Unit Kerja", 6, KELAS),
        ("Evaluasi Akhir dan Rencana Tindak Lanjut", 2, KELAS),
    ),
)
TIME = ProgramSpec(
    "MANAJEMEN-WAKTU",
    "Pelatihan Manajemen Waktu",
    ProgramKind.TRAINING,
    DeliveryMode.CLASSROOM,
    "Membantu pegawai merencanakan dan memprioritaskan pekerjaan agar target kinerja (SKP) "
    "tercapai tepat waktu.",
    "Penetapan prioritas; perencanaan kerja; pengendalian gangguan; rapat efektif.",
    "Seluruh ASN (PNS dan PPPK)",
    "all",
    30,
    (
        ("Prinsip Manajemen Waktu dan Produktivitas Kerja", 4, KELAS),
        ("Penetapan Prioritas dengan Matriks Eisenhower", 6, KELAS),
        ("Perencanaan Kerja Harian dan Mingguan", 6, KELAS),
        ("Mengelola Gangguan dan Rapat yang Efektif", 4, KELAS),
        ("Penyusunan Rencana Aksi Individu", 4, KELAS),
    ),
)
COMMUNICATION = ProgramSpec(
    "KOMUNIKASI",
    "Pelatihan Komunikasi Efektif",
    ProgramKind.TRAINING,
    DeliveryMode.CLASSROOM,
    "Meningkatkan kemampuan berkomunikasi lisan dan tertulis dengan rekan kerja, pimpinan dan "
    "masyarakat pengguna layanan.",
    "Komunikasi interpersonal; empati; naskah dinas yang jelas; presentasi; menghadapi "
    "situasi sulit.",
    "Pelaksana dan pejabat fungsional",
    "staff",
    30,
    (
        ("Dasar-Dasar Komunikasi Efektif", 6, KELAS),
        ("Komunikasi Interpersonal dan Empati", 6, KELAS),
        ("Menulis Naskah Dinas yang Jelas dan Ringkas", 6, KELAS),
        ("Presentasi dan Berbicara di Depan Umum", 8, KELAS),
        ("Komunikasi dalam Situasi Sulit dan Penanganan Keluhan", 6, KELAS),
    ),
)
CRISIS = ProgramSpec(
    "MANAJEMEN-KRISIS",
    "Pelatihan Manajemen Krisis",
    ProgramKind.TRAINING,
    DeliveryMode.CLASSROOM,
    "Menyiapkan unit layanan menjaga kesinambungan pelayanan saat krisis (bencana, wabah, "
    "gangguan sistem) dan mengomunikasikannya kepada publik.",
    "Rencana kontinjensi; sistem komando tanggap darurat; komunikasi krisis; evaluasi pascakrisis.",
    "Pegawai unit layanan (Puskesmas, terminal, loket) dan pejabat pengawas",
    "frontline",
    30,
    (
        ("Konsep Krisis dan Kedaruratan Pelayanan Publik", 6, KELAS),
        ("Rencana Kontinjensi dan Kesinambungan Layanan", 8, KELAS),
        ("Sistem Komando Tanggap Darurat", 8, KELAS),
        ("Komunikasi Krisis dan Pengelolaan Informasi Publik", 8, KELAS),
        ("Simulasi Penanganan Krisis (Tabletop Exercise)", 8, KELAS),
        ("Evaluasi dan Pembelajaran Pascakrisis", 2, KELAS),
    ),
)
ETHICS = ProgramSpec(
    "ETIKA-PELAYANAN",
    "Pelatihan Etika Pelayanan Publik",
    ProgramKind.TRAINING,
    DeliveryMode.CLASSROOM,
    "Menguatkan integritas dan perilaku melayani sesuai kode etik ASN dan standar pelayanan.",
    "Nilai dasar BerAKHLAK; kode etik dan kode perilaku; integritas dan pencegahan "
    "gratifikasi; pelayanan inklusif.",
    "Pegawai yang melayani masyarakat secara langsung",
    "frontline",
    30,
    (
        ("Nilai Dasar ASN BerAKHLAK dan Kode Etik", 6, KELAS),
        ("Standar Pelayanan dan Maklumat Pelayanan", 4, KELAS),
        ("Integritas dan Pencegahan Gratifikasi", 6, KELAS),
        ("Pelayanan Inklusif bagi Kelompok Rentan", 4, KELAS),
        ("Studi Kasus Dilema Etika", 4, KELAS),
    ),
)
IT = ProgramSpec(
    "TI-ADMINISTRASI",
    "Pelatihan Teknologi Informasi dalam Administrasi Publik",
    ProgramKind.TRAINING,
    DeliveryMode.BLENDED,
    "Meningkatkan kemampuan pegawai memanfaatkan aplikasi SPBE, naskah dinas elektronik dan "
    "pengolahan data untuk administrasi yang cepat dan aman.",
    "Literasi SPBE; tanda tangan elektronik; pengolahan dan visualisasi data; keamanan "
    "informasi dan pelindungan data pribadi.",
    "Pelaksana dan pejabat fungsional yang mengelola administrasi dan data",
    "staff",
    25,
    (
        ("Sistem Pemerintahan Berbasis Elektronik (SPBE)", 6, KELAS),
        ("Naskah Dinas Elektronik dan Tanda Tangan Elektronik", 6, KELAS),
        ("Pengolahan Data dengan Lembar Kerja", 10, KELAS),
        ("Keamanan Informasi dan Pelindungan Data Pribadi", 8, KELAS),
        ("Visualisasi Data untuk Pelaporan", 8, KELAS),
        ("Praktik Layanan Digital di Unit Kerja", 2, KELAS),
    ),
)
SERVICE = ProgramSpec(
    "LAYANAN-PRIMA",
    "Pelatihan Layanan Prima",
    ProgramKind.TRAINING,
    DeliveryMode.CLASSROOM,
    "Meningkatkan kualitas pelayanan langsung kepada masyarakat sehingga indeks kepuasan "
    "masyarakat (IKM) unit layanan naik.",
    "Budaya melayani; sikap dan perilaku pelayanan; komunikasi dengan pengguna layanan; "
    "penanganan pengaduan; standar pelayanan dan SKM.",
    "Petugas unit layanan (Puskesmas, loket, terminal, Mal Pelayanan Publik, kelurahan)",
    "frontline",
    30,
    (
        ("Konsep Layanan Prima dan Budaya Melayani", 6, KELAS),
        ("Sikap dan Perilaku Pelayanan", 6, KELAS),
        ("Komunikasi dengan Pengguna Layanan", 6, KELAS),
        ("Penanganan Pengaduan", 6, KELAS),
        ("Standar Pelayanan dan Survei Kepuasan Masyarakat", 4, KELAS),
        ("Praktik Layanan dan Bermain Peran", 4, KELAS),
    ),
)
PROJECT = ProgramSpec(
    "PROYEK-PERUBAHAN",
    "Proyek Perubahan Inovasi Layanan Publik",
    ProgramKind.PROJECT,
    DeliveryMode.BLENDED,
    "Setiap peserta merancang dan menjalankan satu inovasi layanan publik di unit kerjanya, "
    "didampingi coach dan mentor (atasan langsung).",
    "Inovasi pelayanan publik; design thinking; manajemen proyek; kolaborasi pemangku kepentingan.",
    "Pejabat administrator dan pengawas yang memimpin unit layanan",
    "leaders",
    20,
    (
        ("Inovasi Pelayanan Publik dan Kompetisi Inovasi (SINOVIK)", 6, KELAS),
        ("Design Thinking untuk Layanan Publik", 8, KELAS),
        ("Manajemen Proyek dan Pemangku Kepentingan", 8, KELAS),
        ("Coaching Rancangan Proyek Perubahan", 12, PEKANAN),
        ("Implementasi Proyek di Unit Kerja", 18, PEKANAN),
        ("Seminar Hasil Proyek Perubahan", 8, KELAS),
    ),
    weekly_jp=3,
)
MENTORING = ProgramSpec(
    "MENTORING-ASN-BARU",
    "Program Mentoring ASN Baru",
    ProgramKind.MENTORING,
    DeliveryMode.BLENDED,
    "Mendampingi CPNS dan PPPK baru memahami ekspektasi kinerja dan nilai BerAKHLAK melalui "
    "pertemuan rutin dengan mentor.",
    "Pemahaman SKP dan ekspektasi atasan; perilaku kerja BerAKHLAK; rencana pengembangan individu.",
    "CPNS dan PPPK dengan masa kerja kurang dari tiga tahun",
    "new",
    15,
    (
        ("Orientasi dan Kontrak Mentoring", 2, PEKANAN),
        ("Penyusunan Rencana Pengembangan Individu", 4, PEKANAN),
        ("Mentoring Kinerja: SKP dan Ekspektasi Atasan", 8, PEKANAN),
        ("Mentoring Perilaku Kerja BerAKHLAK", 6, PEKANAN),
        ("Refleksi dan Rencana Tindak Lanjut", 4, PEKANAN),
    ),
)
ELEARNING = ProgramSpec(
    "ELEARNING-LITERASI-DIGITAL",
    "E-Learning Literasi Digital dan Pelayanan Publik",
    ProgramKind.ELEARNING,
    DeliveryMode.SELF_PACED,
    "Memberi setiap ASN kesempatan memenuhi kewajiban pengembangan kompetensi secara mandiri, "
    "kapan saja, melalui modul daring.",
    "Nilai dasar BerAKHLAK; literasi digital; keamanan siber; pelayanan publik digital; "
    "integritas.",
    "Seluruh ASN (PNS dan PPPK)",
    "all",
    250,
    tuple(
        (f"Modul {i}: {title}", 3, MODUL)
        for i, title in enumerate(
            (
                "Nilai Dasar ASN BerAKHLAK",
                "Literasi Digital ASN",
                "Keamanan Siber dan Pelindungan Data",
                "Pelayanan Publik Digital",
                "Manajemen Kinerja ASN",
                "Antikorupsi dan Integritas",
                "Kolaborasi dan Kerja Tim Virtual",
                "Evaluasi Akhir",
            ),
            start=1,
        )
    ),
)
PROGRAMS = {
    spec.key: spec
    for spec in (
        LEADERSHIP,
        TIME,
        COMMUNICATION,
        CRISIS,
        ETHICS,
        IT,
        SERVICE,
        PROJECT,
        MENTORING,
        ELEARNING,
    )
}


@dataclass(frozen=True)
class Offering:
    """One program as run by one local government, with how its cohorts turned out.

    `past` = cohorts finished in (last year, this year); `profile` names a participation
    profile of enrollment.py, `later_profile` the one of this year's cohorts if it differs
    (a worsening trend). `overspent` plants the budget overrun.
    """

    agency: str  # prefix
    program: str
    by_hr_body: bool  # owned by BKPSDM/BKD rather than the instansi
    past: tuple[int, int]
    running: bool
    upcoming: str  # "", "pendaftaran" or "direncanakan"
    profile: str
    later_profile: str = ""
    reasons: str = "default"
    overspent: bool = False


OFFERINGS = (
    # Medan: the full catalogue; front-line programs suffer from duty clashes.
    Offering("MDN", "KEPEMIMPINAN-MR", False, (2, 1), True, "pendaftaran", "good"),
    Offering("MDN", "MANAJEMEN-WAKTU", True, (2, 2), False, "direncanakan", "good"),
    Offering("MDN", "KOMUNIKASI", True, (2, 2), False, "pendaftaran", "high"),
    Offering("MDN", "MANAJEMEN-KRISIS", False, (1, 2), False, "direncanakan", "low", "", "clash"),
    Offering("MDN", "ETIKA-PELAYANAN", True, (2, 2), False, "", "medium", "low", "clash"),
    Offering("MDN", "TI-ADMINISTRASI", False, (2, 2), False, "pendaftaran", "medium"),
    Offering("MDN", "LAYANAN-PRIMA", False, (2, 2), False, "direncanakan", "high"),
    Offering("MDN", "PROYEK-PERUBAHAN", False, (1, 1), True, "", "high", overspent=True),
    Offering("MDN", "MENTORING-ASN-BARU", True, (1, 1), True, "pendaftaran", "good"),
    Offering("MDN", "ELEARNING-LITERASI-DIGITAL", True, (2, 2), True, "", "elearning"),
    # Palembang: a smaller catalogue, run steadily.
    Offering("PLG", "LAYANAN-PRIMA", False, (2, 1), False, "pendaftaran", "good"),
    Offering("PLG", "ETIKA-PELAYANAN", True, (1, 1), False, "direncanakan", "good"),
    Offering("PLG", "TI-ADMINISTRASI", False, (2, 2), False, "", "medium"),
    Offering("PLG", "KOMUNIKASI", True, (1, 2), False, "pendaftaran", "high"),
    Offering("PLG", "MANAJEMEN-WAKTU", True, (1, 1), True, "", "good"),
    Offering("PLG", "ELEARNING-LITERASI-DIGITAL", True, (2, 2), True, "", "elearning"),
    # Jakarta: leaders are not released by their superiors for the leadership course.
    Offering(
        "DKI", "KEPEMIMPINAN-MR", False, (1, 2), False, "pendaftaran", "low", "", "permission"
    ),
    Offering("DKI", "MANAJEMEN-KRISIS", False, (1, 1), False, "", "medium"),
    Offering("DKI", "TI-ADMINISTRASI", False, (2, 2), False, "direncanakan", "high"),
    Offering("DKI", "LAYANAN-PRIMA", False, (2, 2), True, "", "good"),
    Offering("DKI", "KOMUNIKASI", True, (1, 1), False, "pendaftaran", "good"),
    Offering("DKI", "MENTORING-ASN-BARU", True, (1, 1), True, "", "good"),
    Offering("DKI", "ELEARNING-LITERASI-DIGITAL", True, (2, 2), True, "", "elearning"),
)
