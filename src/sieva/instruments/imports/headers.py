"""Columns of an export ↦ what they hold: an item (or a matrix row / a choice of a multiple
choice item), the respondent's NIP, the submission time, or nothing.

How the three tools name columns (realistic examples in the tests):
- Google Forms: ``Timestamp`` / ``Cap waktu``, then each question's *text*; a grid row is
  ``Question text [Row text]``.
- KoboToolbox: the XLSForm *name*, prefixed by its groups (``umum/puas``), or the label when
  exported with labels; metadata columns start with ``_`` (``_uuid``, ``_submission_time``);
  a multiple choice may come as ``umum/topik`` plus one 0/1 column per option
  (``umum/topik/a``).
- LimeSurvey: question *codes* (``Q01``), sub-questions in brackets (``Q05[SQ001]``) for
  matrix rows and multiple-choice options; metadata ``id``, ``submitdate``, ``lastpage``…
"""

import difflib
import re
import unicodedata
from collections.abc import Iterable

from django.utils.translation import gettext as _

from sieva.instruments.answers import FormSpec, ItemSpec
from sieva.instruments.models.imports import SourceKind

IGNORE, NIP, WHEN, SUBJECT_NIP = "", "=nip", "=waktu", "=nip_dinilai"
SPECIAL = (NIP, WHEN, SUBJECT_NIP)
LABEL_SIMILARITY = 0.85  # below this a question text is too different to guess safely

_NIP_NAMES = {"nip", "nip_responden", "nomor_induk_pegawai", "nip_nipppk", "ni_pppk", "nip_pegawai"}
_SUBJECT_NAMES = {"nip_dinilai", "nip_alumni", "nip_peserta_dinilai", "nip_yang_dinilai"}
_WHEN_NAMES = {
    "timestamp",
    "cap_waktu",
    "stempel_waktu",
    "submitdate",
    "date_submitted",
    "tanggal_dikirim",
    "_submission_time",
    "submission_time",
    "waktu_pengisian",
    "tanggal_pengisian",
}
_METADATA = {
    "id",
    "response_id",
    "lastpage",
    "startlanguage",
    "seed",
    "startdate",
    "datestamp",
    "ipaddr",
    "refurl",
    "token",
    "start",
    "end",
    "today",
    "deviceid",
    "username",
    "email_address",
    "alamat_email",
    "__version__",
    "meta_instanceid",
    "meta_rootuuid",
}
_SEPARATORS = re.compile(r"[^0-9a-z_]+")
_BRACKET = re.compile(r"^(?P<base>.*?)\s*\[(?P<sub>[^\]]+)\]\s*$")
_CODE_PREFIX = re.compile(r"^\s*([A-Za-z][\w-]*)\s*(?:[.:)]|\s-\s)\s*")


def normalise(name: str) -> str:
    """``"Cap waktu"`` → ``cap_waktu``; accents and punctuation dropped."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return _SEPARATORS.sub("_", text.strip().lower()).strip("_")


def _words(text: str) -> str:
    return " ".join(normalise(text).replace("_", " ").split())


def detect_source(header: list[str]) -> str:
    names = {normalise(h) for h in header}
    if any(h.startswith("_") for h in header) or any("/" in h for h in header):
        return SourceKind.KOBO
    if names & {"submitdate", "lastpage", "startlanguage"} or any(
        re.match(r"^[A-Za-z]\w*\[\w+\]$", h) for h in header
    ):
        return SourceKind.LIMESURVEY
    if names & {"timestamp", "cap_waktu", "stempel_waktu"}:
        return SourceKind.GOOGLE
    return SourceKind.OTHER


def targets_of(spec: FormSpec, *, with_subject: bool) -> list[tuple[str, str]]:
    """Every target a column can map to, with its label for the mapping form."""
    out = [
        (IGNORE, _("— abaikan kolom ini —")),
        (NIP, _("NIP responden")),
        (WHEN, _("Waktu pengisian")),
    ]
    if with_subject:
        out.append((SUBJECT_NIP, _("NIP pegawai yang dinilai")))
    for item in spec.items:
        if item.kind == "matrix":
            out += [
                (f"{item.code}[{c}]", f"{item.code} · {item.label}: {lbl}") for c, lbl in item.rows
            ]
            continue
        out.append((item.code, f"{item.code} · {item.label}"))
        if item.kind == "multiple":
            out += [
                (f"{item.code}[{v}]", f"{item.code} · {item.label}: {lbl} (0/1)")
                for v, lbl in item.choices
            ]
    return out


class _Index:
    """Lookups from the spellings a tool may use to targets."""

    def __init__(self, spec: FormSpec) -> None:
        self.codes = {item.code.lower(): item for item in spec.items}
        self.labels = {_words(item.label): item for item in spec.items}

    def sub(self, item: ItemSpec, text: str) -> str | None:
        """``code[row]`` / ``code[option]`` for a matrix row or an option, by code or label."""
        pairs = (
            item.rows if item.kind == "matrix" else item.choices if item.kind == "multiple" else ()
        )
        for code, label in pairs:
            if text.strip().lower() == code.lower() or _words(text) == _words(label):
                return f"{item.code}[{code}]"
        return None

    def whole(self, item: ItemSpec) -> str | None:
        return None if item.kind == "matrix" else item.code

    def by_code(self, name: str) -> str | None:
        bracket = _BRACKET.match(name)
        if bracket and (item := self.codes.get(bracket["base"].strip().lower())):
            return self.sub(item, bracket["sub"])
        parts = [p for p in name.strip().split("/") if p]
        for size in (1, 2):  # "grup/kode", then "grup/kode/pilihan"
            if len(parts) >= size and (item := self.codes.get(parts[-size].lower())):
                return self.whole(item) if size == 1 else self.sub(item, parts[-1])
        prefix = _CODE_PREFIX.match(name)
        if prefix and (item := self.codes.get(prefix.group(1).lower())):
            return self.whole(item)
        return None

    def by_label(self, name: str) -> str | None:
        bracket = _BRACKET.match(name)
        text, sub = (bracket["base"], bracket["sub"]) if bracket else (name, None)
        item = self.labels.get(_words(text)) or self._similar(_words(text))
        if item is None:
            return None
        return self.sub(item, sub) if sub is not None else self.whole(item)

    def _similar(self, text: str) -> ItemSpec | None:
        scored = sorted(
            ((difflib.SequenceMatcher(None, text, label).ratio(), label) for label in self.labels),
            reverse=True,
        )
        if not scored or scored[0][0] < LABEL_SIMILARITY:
            return None
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.02:
            return None  # two questions look alike: let the person choose
        return self.labels[scored[0][1]]


def _special(name: str) -> str | None:
    key = normalise(name.split("/")[-1])
    if key in _NIP_NAMES:
        return NIP
    if key in _SUBJECT_NAMES:
        return SUBJECT_NIP
    if normalise(name) in _WHEN_NAMES or key in _WHEN_NAMES:
        return WHEN
    if name.startswith("_") or normalise(name) in _METADATA or key in _METADATA:
        return IGNORE
    return None


def auto_map(header: list[str], spec: FormSpec, saved: dict[str, str] | None = None) -> list[str]:
    """A target for each column: the saved mapping first, then names, codes and labels."""
    index = _Index(spec)
    valid = {target for target, _label in targets_of(spec, with_subject=True)}
    saved = saved or {}
    guesses: list[str] = []
    for name in header:
        remembered = saved.get(normalise(name))
        if remembered is not None and remembered in valid:
            guesses.append(remembered)
            continue
        special = _special(name)
        guess = special if special is not None else index.by_code(name) or index.by_label(name)
        guesses.append(guess or IGNORE)
    return _without_clashes(guesses)


def _without_clashes(targets: Iterable[str]) -> list[str]:
    """Each target once (the first column wins); per-option columns give way to the item's
    own column, which carries the same answers (Kobo exports both)."""
    targets = list(targets)
    whole = {t for t in targets if t and "[" not in t}
    seen: set[str] = set()
    out = []
    for target in targets:
        base = target.split("[", 1)[0]
        if not target or target in seen or ("[" in target and base in whole):
            out.append(IGNORE)
            continue
        seen.add(target)
        out.append(target)
    return out


def mapping_problems(targets: list[str]) -> list[str]:
    """Targets chosen for more than one column (a person must pick one)."""
    chosen = [t for t in targets if t]
    return sorted({t for t in chosen if chosen.count(t) > 1})
