"""Indonesian text for coding suggestions: tokens with their offsets, slang normalised,
stems with protected domain words, and keyword matches per segment.

The stemmer is Sastrawi (Nazief–Adriani with Asian's improvements; PySastrawi, MIT). Left
alone it turns civil-service words into others: *peserta* → *serta*, *atasan* → *atas*,
*kebijakan* → *bijak*, so those words are kept whole (`PROTECTED`). Slang and abbreviations
("gak", "tdk", "yg") are normalised with the Kamus Alay lexicon shipped by indoNLP (MIT),
except for domain abbreviations it would garble ("sk" is a *surat keputusan*, not *suka*).
"""

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = [
    "PROTECTED",
    "KeywordMatch",
    "Token",
    "match_keywords",
    "normalise_word",
    "stem",
    "tokens",
]

PROTECTED = frozenset(
    {
        # people and positions
        "peserta", "pegawai", "atasan", "bawahan", "pejabat", "jabatan", "pengawas",
        "pelaksana", "pimpinan", "widyaiswara", "mentor", "coach", "alumni", "narasumber",
        # organisation and rules
        "kebijakan", "anggaran", "perangkat", "aparatur", "instansi", "angkatan", "satuan",
        "peraturan", "keputusan", "kegiatan", "kinerja", "kompetensi", "keuangan",
        # abbreviations the slang lexicon would misread
        "sk", "sop", "jp", "asn", "pns", "pppk", "bkpsdm", "bkd", "opd", "skp", "lan", "bkn",
        "juknis", "ikm", "skm", "kak", "tor", "pkp", "pka", "pkn", "latsar",
    }
)  # fmt: skip

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A word of the text: as written, its offsets, and its normalised stem."""

    text: str
    start: int
    end: int
    stem: str


@dataclass(frozen=True)
class KeywordMatch:
    """Keywords of one code found in one segment ``text[start:end]``; ``score`` counts the
    distinct keywords found."""

    key: Hashable
    start: int
    end: int
    keywords: tuple[str, ...]
    score: int


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def _slang() -> Mapping[str, str]:
    from indoNLP.preprocessing.slang_data import SLANG_DATA

    return {k: v for k, v in SLANG_DATA.items() if k not in PROTECTED}


def normalise_word(word: str) -> str:
    """Lower case, slang replaced by the standard word (protected words kept).

    >>> normalise_word("Tdk"), normalise_word("SK"), normalise_word("Peserta")
    ('tidak', 'sk', 'peserta')
    """
    lowered = word.lower()
    if lowered in PROTECTED:
        return lowered
    return _slang().get(lowered, lowered)


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """The Sastrawi stem of a normalised word; protected domain words stay whole.

    >>> stem("peserta"), stem("pelatihan"), stem("mendukung"), stem("atasan")
    ('peserta', 'latih', 'dukung', 'atasan')
    """
    word = normalise_word(word)
    if word in PROTECTED:
        return word
    parts = [p if p in PROTECTED else str(_stemmer().stem(p)) for p in word.split() if p]
    return " ".join(parts)


def tokens(text: str) -> list[Token]:
    """The words of `text` with offsets into it (digits and punctuation are not words).

    >>> [(t.text, t.start, t.stem) for t in tokens("Atasan gak dukung.")]
    [('Atasan', 0, 'atasan'), ('gak', 7, 'enggak'), ('dukung', 11, 'dukung')]
    """
    return [Token(m.group(), m.start(), m.end(), stem(m.group())) for m in _WORD.finditer(text)]


def _phrase_stems(keyword: str) -> tuple[str, ...]:
    return tuple(t.stem for t in tokens(keyword) if t.stem)


def match_keywords(
    text: str,
    segments: Sequence[tuple[int, int]],
    keywords: Mapping[Hashable, Iterable[str]],
) -> list[KeywordMatch]:
    """For each segment and each key (a code), the keywords whose stems occur in the segment.

    A keyword of several words matches when their stems occur consecutively, so "tidak
    didukung" matches "tidak mendapat dukungan" only if written that way; inflections match
    through the stems ("dukungan", "mendukung", "didukung" all stem to "dukung").

    >>> text = "Atasan tidak mendukung penerapan.\\nJadwal bentrok dengan tugas."
    >>> spans = [(0, 33), (34, 62)]
    >>> [(m.key, m.start, m.keywords) for m in match_keywords(text, spans, {
    ...     "dukungan": ["dukungan atasan", "tidak didukung"], "jadwal": ["jadwal"]})]
    [('dukungan', 0, ('tidak didukung',)), ('jadwal', 34, ('jadwal',))]
    """
    phrases = {
        key: [(kw.strip(), _phrase_stems(kw)) for kw in words if kw.strip()]
        for key, words in keywords.items()
    }
    found: list[KeywordMatch] = []
    for start, end in segments:
        stems = [t.stem for t in tokens(text[start:end])]
        for key, wanted in phrases.items():
            hits = tuple(
                keyword for keyword, phrase in wanted if phrase and _contains(stems, phrase)
            )
            if hits:
                found.append(KeywordMatch(key, start, end, hits, len(hits)))
    return found


def _contains(stems: Sequence[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(stems[i : i + n]) == phrase for i in range(len(stems) - n + 1))
