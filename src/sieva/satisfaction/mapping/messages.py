"""What the mapping can say about a file, as codes with Indonesian texts (the msgids).

The mapping runs without Django (`sieva analyze ikm`), so it reports `Problem`s: a code and
its parameters. `sieva analyze` prints `TEXTS` as they are; the web app and `import_skm`
translate them with gettext (`sieva.satisfaction.services.imports.wording`).
"""

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Problem", "ProblemCode", "TEXTS", "Reason", "REASON_TEXTS", "render"]


def _(message: str) -> str:
    """Marks `message` for `makemessages`; translated where it is shown."""
    return message


class ProblemCode(StrEnum):
    MISSING_ELEMENT = "missing_element"
    MISSING_TIME = "missing_time"
    MISSING_UNIT = "missing_unit"
    TWICE = "twice"
    AMBIGUOUS = "ambiguous"
    UNKNOWN_COLUMN = "unknown_column"
    UNKNOWN_TARGET = "unknown_target"
    BAD_ANSWER = "bad_answer"
    NO_ANSWER = "no_answer"


TEXTS: dict[ProblemCode, str] = {
    ProblemCode.MISSING_ELEMENT: _(
        "Tidak ada kolom untuk unsur %(element)s; pilih kolomnya (mis. --map KOLOM=%(element)s)."
    ),
    ProblemCode.MISSING_TIME: _(
        "Tidak ada kolom waktu pengisian (mis. Cap waktu, Timestamp, _submission_time, "
        "submitdate, tanggal)."
    ),
    ProblemCode.MISSING_UNIT: _("Pilih unit layanan berkas ini, atau sertakan kolom kode_unit."),
    ProblemCode.TWICE: _("Kolom %(first)s dan %(second)s sama-sama dipetakan ke %(target)s."),
    ProblemCode.AMBIGUOUS: _(
        "Kolom %(column)s hanya bernomor: peraturan menyebut unsur ke-8 penanganan pengaduan "
        "dan ke-9 sarana, tetapi kuesioner lampirannya menanyakan sarana di nomor 8 dan "
        "pengaduan di nomor 9. Pastikan unsurnya (mis. --map %(column)s=sarana)."
    ),
    ProblemCode.UNKNOWN_COLUMN: _("Kolom %(column)s tidak ada di berkas."),
    ProblemCode.UNKNOWN_TARGET: _(
        "%(target)s bukan tujuan yang dikenal; pilih salah satu: %(choices)s."
    ),
    ProblemCode.BAD_ANSWER: _(
        "Jawaban %(value)s tidak sah; isi 1–4, label jawaban unsur ini (%(labels)s) atau "
        "kode A1–A4 (atau kosong)."
    ),
    ProblemCode.NO_ANSWER: _("Baris ini tidak berisi satu jawaban pun."),
}


class Reason(StrEnum):
    """How a column was recognised, shown in the preview."""

    CODE = "code"
    NAME = "name"
    QUESTION = "question"
    POSITION = "position"
    SAVED = "saved"
    USER = "user"
    IGNORED = "ignored"


REASON_TEXTS: dict[Reason, str] = {
    Reason.CODE: _("kode unsur"),
    Reason.NAME: _("nama kolom"),
    Reason.QUESTION: _("teks pertanyaan"),
    Reason.POSITION: _("nomor urut"),
    Reason.SAVED: _("pemetaan tersimpan"),
    Reason.USER: _("pilihan Anda"),
    Reason.IGNORED: _("tidak dipakai"),
}


@dataclass(frozen=True)
class Problem:
    """One problem: `row` as in a spreadsheet (1 = header, 0 = the file), the column's name
    as in the file ('' for none), a code and the parameters its text names."""

    row: int
    column: str
    code: ProblemCode
    params: dict[str, str] = field(default_factory=dict)


def render(problem: Problem, texts: dict[ProblemCode, str] | None = None) -> str:
    """The problem's sentence from `texts` (translated by the caller) or the Indonesian one."""
    return (texts or TEXTS)[problem.code] % problem.params
