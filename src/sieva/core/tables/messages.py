"""What the reader tells a user, in Indonesian, translated when it is said.

The messages are marked for the catalogue and translated by `say`, because `sieva analyze`
reads files without Django settings: there the Indonesian source text is the message.
"""

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext


def gettext_noop(message: str) -> str:
    """Marks `message` for the catalogue without Django's, which needs settings."""
    return message


UNSUPPORTED_FORMAT = gettext_noop("Format berkas tidak didukung; unggah berkas .csv atau .xlsx.")
EMPTY_FILE = gettext_noop("Berkas kosong: baris pertama harus berisi nama kolom.")
TOO_LARGE = gettext_noop("Berkas berukuran %(size)s MB, melebihi batas impor %(max)s MB.")
TOO_MANY_ROWS = gettext_noop(
    "Berkas berisi lebih dari %(max)s baris data, batas impor; pecah menjadi beberapa berkas."
)
TOO_MANY_COLUMNS = gettext_noop(
    "Baris %(row)s berisi %(count)s kolom, melebihi batas impor %(max)s kolom."
)
CONTROL_CHARACTER = gettext_noop(
    "Baris %(row)s, kolom “%(column)s”: berisi karakter kendali tak terlihat (%(code)s), "
    "biasanya terbawa saat menyalin dari aplikasi lain; hapus lalu simpan ulang berkasnya."
)
COLUMN_NUMBER = gettext_noop("ke-%(number)s")
UNREADABLE_CSV = gettext_noop("Berkas CSV tidak dapat dibaca pada baris %(row)s: %(reason)s")

NOT_XLSX = gettext_noop(
    "Berkas XLSX tidak dapat dibaca: rusak atau bukan berkas Excel .xlsx. Buka di Excel lalu "
    "simpan ulang sebagai .xlsx."
)
PROTECTED = gettext_noop(
    "Berkas dilindungi kata sandi atau berformat Excel lama (.xls); buka di Excel, hapus kata "
    "sandinya, lalu simpan sebagai .xlsx."
)
UNREADABLE_XLSX = gettext_noop("Berkas XLSX tidak dapat dibaca (rusak atau dilindungi kata sandi).")
ZIP_METHOD = gettext_noop(
    "Berkas XLSX memakai kompresi yang tidak dikenal; buka di Excel lalu simpan ulang sebagai .xlsx."
)
ZIP_PARTS = gettext_noop("Berkas XLSX ditolak: berisi %(count)s bagian, batasnya %(max)s.")
ZIP_UNPACKED = gettext_noop("Berkas XLSX ditolak: isinya melebihi %(max)s MB setelah dibuka.")
ZIP_RATIO = gettext_noop(
    "Berkas XLSX ditolak: bagian “%(part)s” mengembang lebih dari %(max)s kali saat dibuka, "
    "ciri berkas berbahaya (zip bomb)."
)
NO_SHEET = gettext_noop("Berkas XLSX tidak berisi lembar kerja.")
SHEET_DECLARED = gettext_noop(
    "Lembar “%(sheet)s” menyatakan ukuran %(ref)s (%(rows)s baris × %(columns)s kolom), "
    "melebihi batas impor %(max_rows)s baris data, %(max_columns)s kolom dan %(max_cells)s sel. "
    "Hapus baris dan kolom kosong di luar data, atau salin datanya ke berkas baru."
)
SHEET_CELL = gettext_noop(
    "Lembar “%(sheet)s”: sel %(cell)s berada di luar batas impor (%(max_rows)s baris data, "
    "%(max_columns)s kolom). Hapus isi sel di luar tabel data lalu simpan ulang."
)
SHEET_CELLS = gettext_noop(
    "Lembar “%(sheet)s” mencakup %(rows)s baris × %(columns)s kolom (%(cells)s sel), melebihi "
    "batas impor %(max)s sel. Hapus isi sel di luar tabel data, atau simpan sebagai CSV."
)
SHEET_STRUCTURE = gettext_noop(
    "Lembar “%(sheet)s” tersusun tidak wajar sehingga tidak dapat diperiksa dengan aman; buka di "
    "Excel lalu simpan ulang sebagai .xlsx."
)

MORE_PROBLEMS = gettext_noop(
    "… dan %(count)s masalah lain. Perbaiki masalah di atas dulu: biasanya satu penyebab "
    "(kolom bergeser, baris kosong yang terisi spasi) menimbulkan banyak masalah sekaligus."
)

READ_AS_TEXT = gettext_noop("dibaca sebagai %(encoding)s, pemisah %(delimiter)s")
READ_FROM_SHEET = gettext_noop("dibaca dari lembar “%(sheet)s”")
UTF8_BOM = gettext_noop("UTF-8 dengan BOM")
DELIMITER_NAMES = {
    ";": gettext_noop("titik koma"),
    ",": gettext_noop("koma"),
    "\t": gettext_noop("tab"),
}


def say(message: str, **params: object) -> str:
    """`message` in the active language (Indonesian without Django settings), filled in."""
    text = gettext(message) if settings.configured else message
    return text % params if params else text


def count(number: int) -> str:
    """A count as people read it: 1.000.000 in Indonesian."""
    if settings.configured:
        return str(formats.number_format(number, force_grouping=True))
    return f"{number:,}".replace(",", ".")


def megabytes(size: int) -> str:
    """Megabytes as people read them: one decimal below 10 MB (1,2 MB against a 1 MB limit
    reads right; "1 MB, melebihi batas 1 MB" did not), whole numbers above."""
    mb = round(size / 1_000_000, 1)
    if mb >= 10 or mb.is_integer():
        return count(max(1, round(mb)))
    if settings.configured:
        return str(formats.number_format(mb, 1))
    return f"{mb:.1f}".replace(".", ",")
