"""Indonesian personal names with a regional flavour, and academic titles matching education.

Medan mixes Batak (Toba, Mandailing, Karo, Simalungun) marga with Malay and Javanese names;
Palembang has Malay names and the Palembang nobility titles (Kiagus, Kemas, Masagus, Nyimas,
Nyayu); Jakarta has Javanese, Betawi and Sundanese names. Lists are invented combinations of
common names, not real people.
"""

import random

from sieva.demo.text import words

MALE_MUSLIM = words(
    "Muhammad Ahmad Rizki Fajar Hendra Rahmat Arief Fauzi Syahrial Zulkifli Irwan Indra "
    "Rizal Hasan Ilham Fadli Yusuf Taufik Hamdani Firman Ridwan Azhar Khairul Andi Deni "
    "Yudi Herman"
)
FEMALE_MUSLIM = words(
    "Siti Nurul Aisyah Fitri Rahma Nur Dewi Yuliana Fitriani Rini Wulan Desi Rosita "
    "Lailatul Khairunnisa Zahra Annisa Hafizah Mega Nurhayati Salmah Rahmawati Eka Meri "
    "Indah Sri Yanti"
)
MALE_CHRISTIAN = words(
    "Hotman Maruli Togar Sahat Bonar Lamhot Parulian Roy Jhon Daniel Samuel Yosua Benny "
    "Frans Robert Martin Jonner Ronald Tigor Saut Binsar Poltak Hasiholan Andreas"
)
FEMALE_CHRISTIAN = words(
    "Tiurma Romauli Rosmawati Lasma Debora Maria Rotua Nurmaida Hotnida Friska Rut "
    "Elisabeth Lestari Kristina Yohana Martha Septiani Sondang Juliana Melati"
)
BATAK_MARGA = words(
    "Siregar Nasution Lubis Harahap Simanjuntak Sitompul Hutagalung Panjaitan Sinaga "
    "Situmorang Simatupang Pardede Tambunan Manurung Pohan Daulay Batubara Hutapea "
    "Napitupulu Sihombing Silalahi Marpaung"
)
KARO_SIMALUNGUN = words("Ginting Sembiring Tarigan Purba Saragih Damanik Karo-Karo")
# Mandailing and Angkola marga are mostly Muslim; Toba and Karo mostly Christian.
MUSLIM_MARGA = words("Nasution Lubis Harahap Siregar Daulay Pohan Batubara")
MALAY_SURNAMES = words(
    "Saputra Syahputra Pratama Hidayat Rahman Effendi Kurniawan Ibrahim Anwar Ismail "
    "Fadillah Ramadhan Firmansyah Hakim Yusuf Zainal Maulana Wijaya Akbar Rasyid"
)
MALAY_FEMALE_SURNAMES = words(
    "Safitri Rahmadani Anggraini Oktaviani Puspita Maharani Handayani Novitasari Aprilia "
    "Ramadhani Yulianti Febriani Wahyuni Fitriyani Sari Amelia Putri"
)
JAVANESE_MALE = words(
    "Budi Agus Bambang Joko Slamet Eko Dwi Teguh Wahyu Rudi Hari Sutrisno Haryanto Bayu "
    "Aditya Yoga Bagus Didik Sigit Heru Prasetyo Gunawan Suryo Tri"
)
JAVANESE_FEMALE = words(
    "Sri Endang Rina Ratna Yanti Tuti Kartika Ayu Indah Wahyuni Retno Dyah Ningsih Puji "
    "Anik Esti Rahayu Widya Sekar Tri"
)
JAVANESE_SURNAMES = words(
    "Santoso Wibowo Prasetyo Susanto Setiawan Nugroho Purnomo Hartono Kusuma Wicaksono "
    "Utomo Hidayat Saputro Firmansyah Permana Raharjo"
)
JAVANESE_FEMALE_SURNAMES = words(
    "Lestari Wulandari Rahmawati Puspitasari Handayani Kusumawati Sari Astuti Susanti "
    "Wijayanti Rahayu Pertiwi Anggraini Maharani"
)
BETAWI_MALE = words("Rojali Syamsudin Mursid Sarmili Jaelani Rohman Sanusi Marzuki")
BETAWI_FEMALE = words("Mursidah Zaenab Rohaya Fatimah Juleha Maesaroh Rukayah")
SUNDANESE_SURNAMES = words("Sumarna Suganda Hermawan Ruhiyat Kurnia Mulyana Sopandi")
PALEMBANG_MALE_TITLES = words("Kgs. Kms. Mgs. R.")
PALEMBANG_FEMALE_TITLES = words("Nyimas Nyayu Masayu R.A.")


def _given(rng: random.Random, pool: tuple[str, ...]) -> str:
    """One or two given names (a second one about half the time)."""
    first = rng.choice(pool)
    second = rng.choice(pool)
    return first if second == first or rng.random() < 0.5 else f"{first} {second}"


def _muslim_malay(rng: random.Random, female: bool) -> str:
    given = _given(rng, FEMALE_MUSLIM if female else MALE_MUSLIM)
    return f"{given} {rng.choice(MALAY_FEMALE_SURNAMES if female else MALAY_SURNAMES)}"


def _javanese(rng: random.Random, female: bool) -> str:
    first = rng.choice(JAVANESE_FEMALE if female else JAVANESE_MALE)
    last = rng.choice(JAVANESE_FEMALE_SURNAMES if female else JAVANESE_SURNAMES)
    return f"{first} {last}" if first != last else first


def _medan(rng: random.Random, female: bool) -> str:
    roll = rng.random()
    if roll < 0.40:
        given = _given(rng, FEMALE_CHRISTIAN if female else MALE_CHRISTIAN)
        marga = rng.choice(BATAK_MARGA + KARO_SIMALUNGUN)
        # A Batak woman keeps her father's marga, often written with "br." (boru).
        boru = "br. " if female and rng.random() < 0.4 else ""
        return f"{given} {boru}{marga}"
    if roll < 0.62:
        given = _given(rng, FEMALE_MUSLIM if female else MALE_MUSLIM)
        return f"{given} {rng.choice(MUSLIM_MARGA)}"
    if roll < 0.85:
        return _muslim_malay(rng, female)
    return _javanese(rng, female)


def _palembang(rng: random.Random, female: bool) -> str:
    roll = rng.random()
    if roll < 0.72:
        name = _muslim_malay(rng, female)
        if rng.random() < 0.14:
            title = rng.choice(PALEMBANG_FEMALE_TITLES if female else PALEMBANG_MALE_TITLES)
            name = f"{title} {name}"
        return name
    if roll < 0.92:
        return _javanese(rng, female)
    return _medan(rng, female)


def _jakarta(rng: random.Random, female: bool) -> str:
    roll = rng.random()
    if roll < 0.45:
        return _javanese(rng, female)
    if roll < 0.65:
        first = rng.choice(BETAWI_FEMALE if female else BETAWI_MALE)
        last = rng.choice(MALAY_FEMALE_SURNAMES if female else MALAY_SURNAMES)
        return f"{first} {last}" if rng.random() < 0.6 else first
    if roll < 0.78:
        first = rng.choice(JAVANESE_FEMALE if female else JAVANESE_MALE)
        return f"{first} {rng.choice(SUNDANESE_SURNAMES)}"
    if roll < 0.90:
        return _muslim_malay(rng, female)
    return _medan(rng, female)


REGIONS = {"medan": _medan, "palembang": _palembang, "jakarta": _jakarta}

# Degree suffixes by education; health staff carry their professional titles.
_DEGREES = {
    "D3": ("A.Md.", "A.Md.Kom.", "A.Md.Ak."),
    "D4": ("S.Tr.Adm.", "S.ST."),
    "S1": ("S.E.", "S.H.", "S.Sos.", "S.Kom.", "S.AP.", "S.T.", "S.Pd.", "S.I.P."),
    "S2": ("M.Si.", "M.AP.", "M.M.", "M.H.", "M.Kom."),
    "S3": ("Dr.",),
}
_HEALTH_DEGREES = {
    "D3": ("A.Md.Kep.", "A.Md.Keb.", "A.Md.Farm.", "A.Md.Kes."),
    "D4": ("S.Tr.Keb.", "S.Tr.Kes."),
    "S1": ("S.Kep., Ns.", "S.KM.", "S.Farm., Apt.", "S.Gz."),
    "S2": ("M.Kes.", "M.K.M."),
}


def person_name(
    rng: random.Random,
    *,
    region: str,
    female: bool,
    education: str,
    doctor: bool = False,
    health: bool = False,
    title: str = "",
) -> str:
    """A full name as written in personnel records, with titles that match `education`.

    `title` is the professional title of the job (a nurse's "A.Md.Kep."), if it has one.
    """
    name = REGIONS[region](rng, female)
    if title:
        return f"{name}, {title}"
    if doctor:
        suffix = ", M.Kes." if education == "S2" else ""
        return f"dr. {name}{suffix}"
    if education == "S3":
        return f"Dr. {name}, {rng.choice(_DEGREES['S2'])}"
    table = _HEALTH_DEGREES if health and education in _HEALTH_DEGREES else _DEGREES
    if education in table:
        return f"{name}, {rng.choice(table[education])}"
    return name
