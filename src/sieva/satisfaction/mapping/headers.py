"""Which column of an exported file holds what: recognised from its header, then confirmed.

A column is recognised by its element code (`persyaratan`), by a known name (`Cap waktu`,
`_uuid`, `submitdate`, `usia`…), by the text of the annex question it asks (with the
spellings offices use), or by its number (`U3`, `Q3`, `unsur/u3`). Numbers 8 and 9 are
ambiguous — the regulation lists complaint handling 8th, its questionnaire asks about
facilities 8th — so such a column stays unconfirmed until the user names its element.
Every column that is not used is listed as ignored: nothing is dropped silently.
"""

import re
from dataclasses import dataclass
from typing import Any

from sieva.satisfaction.annex import ELEMENT_CODES, PROFILE_CODES, QUESTION_ORDER
from sieva.satisfaction.mapping.messages import Problem, ProblemCode, Reason

__all__ = [
    "AMBIGUOUS_NUMBERS",
    "ColumnChoice",
    "IGNORE",
    "Mapping",
    "RESPONDENT_ID",
    "TARGETS",
    "UNIT",
    "WHEN",
    "normalise",
    "parse_overrides",
    "propose",
]

UNIT, WHEN, RESPONDENT_ID = "kode_unit", "tanggal", "id_respon"
IGNORE = ""
TARGETS: tuple[str, ...] = (*ELEMENT_CODES, UNIT, WHEN, RESPONDENT_ID, *PROFILE_CODES)
AMBIGUOUS_NUMBERS = (8, 9)
_IGNORE_WORDS = {"-", "abaikan", "ignore", ""}
GENDER, AGE, EDUCATION, OCCUPATION, SERVICE = PROFILE_CODES

# Known names, normalised, with a rank: of two columns with names for the same field the
# higher rank wins (Kobo exports `_id` and `_uuid`; only the uuid is unique across forms).
_NAMES: dict[str, tuple[str, int]] = {
    "kode unit": (UNIT, 2),
    "kode unit layanan": (UNIT, 2),
    "unit": (UNIT, 1),
    "unit layanan": (UNIT, 1),
    "submitdate": (WHEN, 4),
    "submission time": (WHEN, 4),
    "cap waktu": (WHEN, 3),
    "timestamp": (WHEN, 3),
    "tanggal": (WHEN, 2),
    "waktu pengisian": (WHEN, 2),
    "tanggal pengisian": (WHEN, 2),
    "uuid": (RESPONDENT_ID, 4),
    "instanceid": (RESPONDENT_ID, 3),
    "id respon": (RESPONDENT_ID, 2),
    "response id": (RESPONDENT_ID, 2),
    "id": (RESPONDENT_ID, 1),
    "jenis kelamin": (GENDER, 2),
    "gender": (GENDER, 1),
    "jk": (GENDER, 1),
    "usia": (AGE, 2),
    "umur": (AGE, 2),
    "kelompok usia": (AGE, 1),
    "age": (AGE, 1),
    "pendidikan": (EDUCATION, 2),
    "pendidikan terakhir": (EDUCATION, 2),
    "education": (EDUCATION, 1),
    "pekerjaan": (OCCUPATION, 2),
    "pekerjaan utama": (OCCUPATION, 2),
    "occupation": (OCCUPATION, 1),
    "layanan": (SERVICE, 2),
    "jenis layanan": (SERVICE, 2),
    "jenis layanan yang diterima": (SERVICE, 2),
    "layanan yang diterima": (SERVICE, 2),
}

# Words that name one element inside a question or a header, spelling variants included.
_QUESTION_WORDS: dict[str, re.Pattern[str]] = {
    code: re.compile(pattern)
    for code, pattern in {
        "persyaratan": r"\bpers[iy]?aratan|\bsyarat|\brequirement",
        "prosedur": r"\bprosedur|\bmekanisme|\bprocedure",
        "waktu": r"\bkecepatan|\bketepatan waktu|\bwaktu (penyelesaian|pelayanan|layanan)|\bspeed",
        "biaya": r"\bbiaya|\btarif|\bcost\b|\bfee",
        "produk": r"\bproduk|\bspesifikasi|\bproduct",
        "kompetensi": r"\bkompe?n?t[ea]nsi|\bkemampuan (petugas|pelaksana)|\bcompeten",
        "perilaku": r"\bp[e]?rilaku|\bkesopanan|\bkeramahan|\bsopan|\bbehaviou?r",
        "pengaduan": r"\bpengadu+an|\bkeluhan|\bcomplaint",
        "sarana": r"\b(pra)?sarana|\bfasilitas|\bfacilit",
    }.items()
}
_NUMBERED = re.compile(r"^(u|q|p|unsur|pertanyaan|soal|no)\s?0?([1-9])$")
_NUMBER_PREFIX = re.compile(r"^((u|q|p|unsur|pertanyaan|soal|no)\s?)?0?[1-9]\b\s*")
_SEPARATORS = re.compile(r"[^0-9a-z]+")


def normalise(name: str) -> str:
    """Lower case words separated by single spaces; an XML path (Kobo's `unsur/u1`) is read
    by its last step. `_uuid` → `uuid`, `Cap waktu` → `cap waktu`."""
    text = str(name).strip()
    if "/" in text and " " not in text:
        text = text.rsplit("/", 1)[-1]
    return _SEPARATORS.sub(" ", text.lower()).strip()


@dataclass(frozen=True)
class ColumnChoice:
    """What one column holds. `target` is an element code, a field (`kode_unit`, `tanggal`,
    `id_respon`, a profile code) or `IGNORE`; `ambiguous` marks a bare U8/U9/Q8/Q9 that the
    user has not yet confirmed."""

    index: int
    header: str
    target: str
    reason: Reason
    ambiguous: bool = False


@dataclass(frozen=True)
class Mapping:
    columns: tuple[ColumnChoice, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def layout(self) -> dict[str, int]:
        """Field or element code → column index, for the columns in use."""
        return {c.target: c.index for c in self.columns if c.target != IGNORE}

    @property
    def ignored(self) -> list[str]:
        return [c.header for c in self.columns if c.target == IGNORE]

    @property
    def unconfirmed(self) -> list[ColumnChoice]:
        return [c for c in self.columns if c.ambiguous]

    def choices(self) -> dict[str, str]:
        """Header → target of every column, the form in which a mapping is saved."""
        return {c.header: c.target for c in self.columns}


def _recognise(header: str) -> tuple[str, Reason, int, bool]:
    """(target, reason, rank, ambiguous) for one header on its own."""
    key = normalise(header)
    if key in ELEMENT_CODES:
        return key, Reason.CODE, 9, False
    if key in _NAMES:
        target, rank = _NAMES[key]
        return target, Reason.NAME, rank, False
    if key.replace(" ", "_") in TARGETS:
        return key.replace(" ", "_"), Reason.CODE, 9, False
    numbered = _NUMBERED.match(key)
    if numbered:
        number = int(numbered.group(2))
        # U-numbers follow the regulation's list; Q/P/question numbers the questionnaire.
        order = ELEMENT_CODES if numbered.group(1) in ("u", "unsur") else QUESTION_ORDER
        return order[number - 1], Reason.POSITION, 5, number in AMBIGUOUS_NUMBERS
    text = _NUMBER_PREFIX.sub("", key)
    found = [code for code, words in _QUESTION_WORDS.items() if words.search(text)]
    if len(found) == 1:
        return found[0], Reason.QUESTION, 6, False
    return IGNORE, Reason.IGNORED, 0, False


def _explicit(header: list[str], choices: dict[str, str]) -> tuple[dict[int, str], list[Problem]]:
    """Column index → target from user or saved choices (header → target)."""
    by_name = {h: i for i, h in enumerate(header)}
    by_key = {normalise(h): i for i, h in enumerate(header)}
    out: dict[int, str] = {}
    problems: list[Problem] = []
    for column, target in choices.items():
        index = by_name.get(column, by_key.get(normalise(column)))
        if index is None:
            problems.append(Problem(1, column, ProblemCode.UNKNOWN_COLUMN, {"column": column}))
            continue
        wanted = target.strip()
        if wanted.lower() in _IGNORE_WORDS:
            out[index] = IGNORE
        elif wanted.lower() in TARGETS:
            out[index] = wanted.lower()
        else:
            params = {"target": wanted, "choices": ", ".join((*TARGETS, "-"))}
            problems.append(Problem(1, column, ProblemCode.UNKNOWN_TARGET, params))
    return out, problems


def propose(
    header: list[str],
    *,
    overrides: dict[str, str] | None = None,
    saved: dict[str, str] | None = None,
    need_unit: bool = True,
    need_time: bool = True,
) -> Mapping:
    """The mapping of `header`: the user's `overrides` first, then a `saved` mapping of the
    same source (columns it names that this file lacks are skipped), then recognition.

    Problems (row 1, the header) name every element without a column, a field mapped twice,
    and each bare U8/U9 not confirmed; `need_unit`/`need_time` add the unit and time columns
    to what is required (`sieva analyze ikm` needs neither).
    """
    user, problems = _explicit(header, overrides or {})
    kept_saved = {c: t for c, t in (saved or {}).items() if c in header}
    remembered, _unused = _explicit(header, kept_saved)
    chosen: list[ColumnChoice] = []
    ranks: list[int] = []
    for index, name in enumerate(header):
        if index in user or index in remembered:
            target = user[index] if index in user else remembered[index]
            chosen.append(
                ColumnChoice(index, name, target, Reason.USER if index in user else Reason.SAVED)
            )
            ranks.append(10)
            continue
        target, reason, rank, ambiguous = _recognise(name)
        chosen.append(ColumnChoice(index, name, target, reason, ambiguous))
        ranks.append(rank)
    groups: dict[str, list[int]] = {}
    for position, choice in enumerate(chosen):
        if choice.target != IGNORE:
            groups.setdefault(choice.target, []).append(position)
    for target, positions in groups.items():
        if len(positions) < 2:
            continue
        top = max(ranks[p] for p in positions)
        winners = [p for p in positions if ranks[p] == top]
        # Two elements found by the file alone cannot be told apart; the user decides.
        if len(winners) > 1 or (top < 10 and target in ELEMENT_CODES):
            first, *rest = positions
            problems += [
                Problem(
                    1,
                    chosen[p].header,
                    ProblemCode.TWICE,
                    {"first": chosen[first].header, "second": chosen[p].header, "target": target},
                )
                for p in rest
            ]
            continue
        for p in positions:
            if p != winners[0]:
                chosen[p] = ColumnChoice(chosen[p].index, chosen[p].header, IGNORE, Reason.IGNORED)
    problems += _missing(chosen, need_unit=need_unit, need_time=need_time)
    return Mapping(tuple(chosen), tuple(problems))


def _missing(chosen: list[ColumnChoice], *, need_unit: bool, need_time: bool) -> list[Problem]:
    present = {c.target for c in chosen}
    problems = [
        Problem(1, c.header, ProblemCode.AMBIGUOUS, {"column": c.header})
        for c in chosen
        if c.ambiguous
    ]
    problems += [
        Problem(1, "", ProblemCode.MISSING_ELEMENT, {"element": code})
        for code in ELEMENT_CODES
        if code not in present
    ]
    if need_time and WHEN not in present:
        problems.append(Problem(1, "", ProblemCode.MISSING_TIME))
    if need_unit and UNIT not in present:
        problems.append(Problem(1, "", ProblemCode.MISSING_UNIT))
    return problems


def parse_overrides(pairs: list[str] | None) -> dict[str, str]:
    """`--map COLUMN=ELEMENT` options as a dict; ValueError for a pair without `=`."""
    out: dict[str, Any] = {}
    for pair in pairs or []:
        column, sep, target = pair.rpartition("=")
        if not sep or not column.strip():
            raise ValueError(pair)
        out[column.strip()] = target.strip()
    return out
