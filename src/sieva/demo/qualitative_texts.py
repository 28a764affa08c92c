"""Words of the qualitative demo: the codebook, what officials say about each theme, the
documents and the good-practice stories. Written as officials in Medan, Palembang and
Jakarta speak about a leadership program three months after it ended."""

# (key, name, parent key, theme kind, definition, include, exclude, keywords)
CODEBOOK = (
    (
        "hambatan",
        "Hambatan penerapan",
        "",
        "tantangan",
        "Hal yang membuat alumni sulit menerapkan hasil pelatihan di tempat kerja.",
        "",
        "",
        "",
    ),
    (
        "atasan",
        "Tidak ada dukungan atasan",
        "hambatan",
        "tantangan",
        "Atasan tidak memberi izin, waktu atau perhatian untuk menerapkan hasil pelatihan.",
        "Narasumber menyebut atasan tidak mendukung, tidak menindaklanjuti atau melarang.",
        "Dukungan rekan kerja (kode lain); keluhan umum tentang pimpinan daerah.",
        "dukungan atasan, atasan tidak mendukung, tidak didukung, tidak ditindaklanjuti",
    ),
    (
        "beban",
        "Beban kerja dan jadwal",
        "hambatan",
        "tantangan",
        "Tugas rutin dan jadwal padat menyisakan sedikit waktu untuk menerapkan hal baru.",
        "Menyebut beban kerja, lembur, jadwal bentrok, kekurangan pegawai.",
        "",
        "beban kerja, jadwal bentrok, tidak ada waktu, kekurangan pegawai",
    ),
    (
        "sarana",
        "Sarana dan anggaran terbatas",
        "hambatan",
        "tantangan",
        "Tidak ada anggaran, peralatan atau aplikasi untuk menjalankan yang dipelajari.",
        "",
        "Biaya pelatihan itu sendiri.",
        "anggaran, sarana, fasilitas, aplikasi belum tersedia",
    ),
    (
        "pendukung",
        "Pendukung penerapan",
        "",
        "pendukung",
        "Hal yang membantu alumni menerapkan hasil pelatihan.",
        "",
        "",
        "",
    ),
    (
        "coaching",
        "Coaching dan pendampingan",
        "pendukung",
        "pendukung",
        "Atasan atau mentor mendampingi alumni setelah pelatihan.",
        "Menyebut coaching, pendampingan, mentor, diskusi rutin dengan atasan.",
        "",
        "coaching, pendampingan, mentor",
    ),
    (
        "rencana",
        "Rencana aksi dipantau",
        "pendukung",
        "pendukung",
        "Rencana tindak lanjut disusun dan kemajuannya dipantau.",
        "",
        "Rencana yang hanya ditulis tanpa dipantau.",
        "rencana aksi, dipantau, evaluasi bulanan",
    ),
    (
        "saran",
        "Saran perbaikan program",
        "",
        "lainnya",
        "Usul narasumber untuk angkatan berikutnya.",
        "Usul tentang materi, metode, waktu.",
        "Keluhan tanpa usul.",
        "sebaiknya, perlu ditambah, usul",
    ),
)

QUESTIONS = {
    "buka": "Bagaimana Bapak/Ibu menerapkan hasil pelatihan di unit kerja?",
    "hambatan": "Apa yang paling menghambat penerapannya?",
    "pendukung": "Apa yang paling membantu?",
    "saran": "Apa saran Bapak/Ibu untuk angkatan berikutnya?",
}

OPENINGS = (
    "Sebagian sudah saya terapkan, terutama register risiko unit, tetapi belum rutin.",
    "Kami mulai memetakan risiko layanan setiap bulan, walau masih sederhana.",
    "Terus terang baru sedikit yang berjalan; kami masih menyesuaikan dengan tugas harian.",
    "Penerapannya sudah terasa pada cara kami mengambil keputusan di rapat unit.",
)

SAYINGS = {
    "atasan": (
        "Atasan saya tidak mendukung penerapan register risiko; katanya itu menambah pekerjaan.",
        "Usulan kami setelah pelatihan tidak ditindaklanjuti oleh kepala bidang.",
        "Kami tidak didukung atasan untuk mengubah alur kerja, jadi kembali ke cara lama.",
        "Tanpa dukungan atasan, rencana tindak lanjut hanya tinggal di kertas.",
    ),
    "beban": (
        "Beban kerja sangat tinggi, jadwal layanan bentrok dengan waktu untuk menyusun register.",
        "Kami kekurangan pegawai, sehingga tidak ada waktu untuk menerapkan hal baru.",
        "Setiap akhir bulan lembur laporan, jadi penerapannya tertunda terus.",
    ),
    "sarana": (
        "Anggaran untuk aplikasi pemantauan risiko belum tersedia tahun ini.",
        "Sarana komputer di loket terbatas, jadi formulir risiko masih manual.",
        "Fasilitas rapat dan anggaran konsumsi untuk diskusi tim tidak ada.",
    ),
    "coaching": (
        "Kepala seksi melakukan coaching dua minggu sekali, itu sangat membantu.",
        "Ada pendampingan dari mentor BKPSDM setelah pelatihan selesai.",
        "Diskusi rutin dengan atasan membuat saya berani mencoba cara baru.",
    ),
    "rencana": (
        "Rencana aksi kami dipantau dalam evaluasi bulanan unit.",
        "Kemajuan rencana aksi dilaporkan di rapat staf setiap bulan.",
        "Kepala dinas meminta laporan rencana aksi, jadi kami disiplin menjalankannya.",
    ),
    "saran": (
        "Sebaiknya ada sesi lanjutan tiga bulan setelah pelatihan.",
        "Perlu ditambah contoh kasus dari layanan kesehatan dan perhubungan.",
        "Usul saya, atasan peserta ikut satu sesi agar paham apa yang kami pelajari.",
        "Materi sudah baik, waktu praktik perlu ditambah.",
    ),
}

# Probability that an official of the unit speaks of each theme, by region and department.
THEME_RATES = {
    "MDN": {
        "DINKES": {"atasan": 0.8, "beban": 0.4, "sarana": 0.2, "coaching": 0.2, "rencana": 0.2},
        "DISHUB": {"atasan": 0.3, "beban": 0.7, "sarana": 0.5, "coaching": 0.4, "rencana": 0.5},
        "DISDUKCAPIL": {
            "atasan": 0.2,
            "beban": 0.5,
            "sarana": 0.3,
            "coaching": 0.7,
            "rencana": 0.7,
        },
    },
    "PLG": {
        "DINKES": {"atasan": 0.5, "beban": 0.6, "sarana": 0.3, "coaching": 0.3, "rencana": 0.4},
        "DISHUB": {"atasan": 0.4, "beban": 0.5, "sarana": 0.6, "coaching": 0.3, "rencana": 0.3},
        "DISDUKCAPIL": {
            "atasan": 0.2,
            "beban": 0.4,
            "sarana": 0.4,
            "coaching": 0.6,
            "rencana": 0.6,
        },
    },
    "DKI": {
        "DINKES": {"atasan": 0.3, "beban": 0.6, "sarana": 0.2, "coaching": 0.5, "rencana": 0.5},
        "DISHUB": {"atasan": 0.6, "beban": 0.6, "sarana": 0.3, "coaching": 0.2, "rencana": 0.3},
        "DISDUKCAPIL": {
            "atasan": 0.3,
            "beban": 0.3,
            "sarana": 0.5,
            "coaching": 0.5,
            "rencana": 0.6,
        },
    },
}

DOCUMENTS = (
    (
        "sop",
        "SOP Evaluasi Pasca Pelatihan",
        "800/SOP-{n}/BKPSDM/2025",
        "1. Tujuan: memastikan hasil pelatihan diterapkan di unit kerja.\n"
        "2. Ruang lingkup: seluruh pelatihan klasikal yang diselenggarakan BKPSDM.\n"
        "3. Alur: a) peserta menyusun rencana aksi; b) atasan menandatangani rencana aksi; "
        "c) BKPSDM mengirim survei kepada atasan tiga bulan setelah pelatihan.\n"
        "4. Penanggung jawab: Kepala Bidang Pengembangan Kompetensi.\n"
        "5. Atasan tidak diwajibkan melakukan pendampingan atau coaching setelah pelatihan.",
        {
            "tujuan": "ya",
            "alur": "sebagian",
            "waktu": "tidak",
            "mutu": "tidak",
            "penanggung_jawab": "ya",
        },
    ),
    (
        "juknis",
        "Petunjuk Teknis Pelatihan Kepemimpinan dan Manajemen Risiko",
        "",
        "Sasaran peserta: pejabat pengawas dan administrator.\n"
        "Kurikulum 48 JP terdiri atas tujuh mata pelatihan.\n"
        "Metode: klasikal dengan praktik penyusunan register risiko.\n"
        "Evaluasi: reaksi (L1) dan tes awal-akhir (L2); evaluasi perilaku belum diatur.\n"
        "Anggaran bersumber dari APBD BKPSDM; tidak ada anggaran pendampingan pasca pelatihan.",
        {
            "sasaran": "ya",
            "kurikulum": "ya",
            "metode": "ya",
            "evaluasi": "sebagian",
            "tindak_lanjut": "tidak",
            "anggaran": "sebagian",
        },
    ),
)

PRACTICES = (
    (
        "MDN",
        "praktik_baik",
        "Coaching dua mingguan oleh kepala seksi setelah pelatihan",
        "Di Dinas Kependudukan dan Pencatatan Sipil, kepala seksi mendampingi alumni dua minggu sekali "
        "selama tiga bulan; register risiko kini disusun setiap bulan.",
        "Konteks: alumni pelatihan kepemimpinan kesulitan menerapkan register risiko di loket.\n"
        "Yang dilakukan: kepala seksi menjadwalkan coaching 30 menit dua minggu sekali dan memantau "
        "rencana aksi dalam rapat staf.\n"
        "Hasil: seluruh loket memiliki register risiko yang diperbarui tiap bulan.\n"
        "Pelajaran: dukungan atasan yang terjadwal lebih menentukan daripada materi tambahan.",
        "Alumni yang menerapkan hasil pelatihan (survei atasan L3) naik menurut kajian 2026\n"
        "Register risiko diperbarui tiap bulan di 5 dari 5 loket (laporan bidang 2026)",
        "coaching, atasan, register risiko, dukcapil",
        "terbit",
    ),
    (
        "PLG",
        "kisah_sukses",
        "Rencana aksi dipantau dalam rapat staf bulanan",
        "Dinas Kependudukan dan Pencatatan Sipil Palembang memantau rencana aksi alumni setiap bulan.",
        "Kepala dinas meminta laporan rencana aksi di rapat staf. Alumni menyiapkan satu halaman "
        "kemajuan; hambatan dibahas bersama.",
        "Rencana aksi yang selesai: 7 dari 9 (laporan dinas 2026)",
        "rencana aksi, pemantauan",
        "terbit",
    ),
    (
        "DKI",
        "praktik_baik",
        "Atasan ikut satu sesi pelatihan",
        "Atasan peserta diundang ke sesi penutup agar memahami rencana aksi bawahannya.",
        "Uji coba pada angkatan 2026: atasan hadir di sesi rencana tindak lanjut.",
        "",
        "atasan, rencana tindak lanjut",
        "ditinjau",
    ),
)
