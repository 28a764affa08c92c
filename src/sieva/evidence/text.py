"""Text in: extraction from uploaded files (DOCX, TXT, PDF), normalisation, the speakers of a
transcript replaced by pseudonyms, and the segments agreement is measured on.

Codings store character offsets into the normalised text, so normalising happens once, before
the text is stored, and never again.
"""

import io
import re
import zipfile

from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
UNSUPPORTED = _("Format berkas tidak didukung; unggah berkas .docx, .txt atau .pdf.")
TOO_LARGE = _("Berkas lebih dari 10 MB.")
UNREADABLE = _("Berkas %(name)s tidak dapat dibaca: %(reason)s")
NO_TEXT = _(
    "Berkas %(name)s tidak berisi teks yang dapat diambil (PDF hasil pindaian perlu OCR dulu)."
)


class ExtractionError(ValueError):
    """The upload cannot become text; the message says why, in Indonesian."""


def normalise(text: str) -> str:
    """One newline convention, no trailing spaces, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def extract_text(filename: str, content: bytes) -> str:
    """The normalised text of an uploaded DOCX, TXT or PDF; ExtractionError otherwise."""
    if len(content) > MAX_UPLOAD_BYTES:
        raise ExtractionError(str(TOO_LARGE))
    name = filename.lower()
    try:
        if name.endswith(".txt"):
            text = _txt(content)
        elif name.endswith(".docx"):
            text = _docx(content)
        elif name.endswith(".pdf"):
            text = _pdf(content)
        else:
            raise ExtractionError(str(UNSUPPORTED))
    except ExtractionError:
        raise
    except Exception as exc:  # zip, XML and PDF parsers raise many types for broken files
        raise ExtractionError(
            str(UNREADABLE) % {"name": filename, "reason": type(exc).__name__}
        ) from None
    text = normalise(text)
    if not text:
        raise ExtractionError(str(NO_TEXT) % {"name": filename})
    return text


def _txt(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Notepad on Indonesian Windows saves cp1252; it never fails to decode.
        return content.decode("cp1252", errors="replace")


def _docx(content: bytes) -> str:
    from docx import Document

    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise ValueError("not a zip archive")
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:  # transcripts typed as a two-column table of speaker | text
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if len(cells) == 2 and cells[0] and len(cells[0]) <= 40:
                parts.append(f"{cells[0]}: {cells[1]}")
            else:
                parts.append(" ".join(c for c in cells if c))
    return "\n".join(parts)


def _pdf(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n\n".join(page.extract_text() or "" for page in reader.pages)


# --- speakers ------------------------------------------------------------------------------

_SPEAKER = re.compile(r"^(?P<label>[A-Z][\w.'’ -]{0,39}?)\s*:\s", re.MULTILINE)
INTERVIEWER_LABELS = {"p", "t", "tanya", "penanya", "pewawancara", "interviewer", "peneliti"}
INTERVIEWER = "Pewawancara"
RESPONDENT = "Narasumber"


def pseudonymise(text: str, extra_names: tuple[str, ...] = ()) -> tuple[str, dict[str, str]]:
    """`text` with every speaker label (a name followed by ":" at the start of a line) and
    every name in `extra_names` replaced by a pseudonym, and the mapping real → pseudonym.

    Interviewer labels ("P", "Pewawancara", …) become "Pewawancara"; the others "Narasumber"
    (or "Narasumber 1", "Narasumber 2", … when there are several), in order of appearance.
    Labels already pseudonymous are left as they are.
    """
    labels: list[str] = []
    for match in _SPEAKER.finditer(text):
        label = match.group("label").strip()
        if label not in labels:
            labels.append(label)
    others = [
        label
        for label in labels
        if label.casefold() not in INTERVIEWER_LABELS and not _is_pseudonym(label)
    ]
    mapping: dict[str, str] = {}
    for label in labels:
        if _is_pseudonym(label):
            continue
        if label.casefold() in INTERVIEWER_LABELS:
            mapping[label] = INTERVIEWER
        else:
            number = f" {others.index(label) + 1}" if len(others) > 1 else ""
            mapping[label] = f"{RESPONDENT}{number}"
    for name in extra_names:
        if name.strip() and name.strip() not in mapping:
            mapping[name.strip()] = RESPONDENT if len(others) <= 1 else f"{RESPONDENT} 1"
    for real in sorted(mapping, key=len, reverse=True):
        if mapping[real] == real:
            continue
        text = re.sub(rf"(?<!\w){re.escape(real)}(?!\w)", mapping[real], text)
    return text, {real: pseudo for real, pseudo in mapping.items() if real != pseudo}


def _is_pseudonym(label: str) -> bool:
    return bool(re.fullmatch(rf"({INTERVIEWER}|{RESPONDENT})( \d+)?", label))


# --- segments ------------------------------------------------------------------------------


def segments(text: str) -> list[tuple[int, int]]:
    """The units agreement is measured on: every non-blank line (a speaker's turn, a
    paragraph, an open answer), as ``(start, end)`` offsets without surrounding spaces."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans
