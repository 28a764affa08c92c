"""How far the cells of one worksheet reach, read from its XML as it is unzipped.

python-calamine builds a dense grid over every cell it finds (rows × columns of their bounding
box, about 90 bytes each): a sheet holding A1 and XFD1048576 asks it for 17·10⁹ cells and the
process aborts. So before calamine sees a sheet, its cells are located here by calamine's own
rules: a cell is a `c` element with content (an empty `<c …/>` is skipped), placed by its
`r` attribute, or else by the running row and column counters that `<row r>` and `</row>` move.

* `FastScan` reads the XML that mainstream writers produce (Excel, LibreOffice, Google Sheets,
  openpyxl, xlsxwriter: `<c r="B7" …>` first in its tag, no prefix, double quotes, one line)
  with a few C-speed searches per megabyte: exact for columns, at most 10 % high for rows. It
  never skips a byte: anything else only makes it call the part `unusual`.
* `ExactScan` serves unusual parts and close calls. expat first checks that the XML is
  well-formed (every conforming parser then cuts it into the same tags; a DOCTYPE, which
  could define entities, is refused), then one regular expression walks the `row` and `c`
  tags in document order and follows calamine's counters, never below them.
"""

import functools
import re
from dataclasses import dataclass, field
from xml.parsers import expat

_PROLOG = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml(?:[^?]|\?(?!>)){0,300}\?>)?\s*")
_DECLARED_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([^\"']{0,40})")
_PLAIN_ENCODINGS = {b"utf-8", b"utf8", b"us-ascii", b"ascii"}
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\s[^<>]{0,200}?\bref\s*=\s*[\"']([^\"'<>]{0,40})")
_SHEET_DATA = (b"sheetData", "sheetData".encode("utf-16-le")[:-1])  # UTF-16 LE and BE alike
# The usual XML: one line, no prefix on cells, every cell tag opening with r="…" and no other
# r attribute in a cell (calamine takes the last of several).
_ODD_BYTES = (b"\x00", b"\t", b"\n", b"\r", b"<!DOCTYPE")
_PREFIXED_CELL = re.compile(rb":c[\s>/]")
_ODD_R = (  # r = "…", r='…', or an r attribute that is not the first of a cell or row tag
    re.compile(rb"r +="),
    re.compile(rb"r=(?:(?!\")|(?<=[ \"']r=)(?<!<c r=)(?<!<row r=))"),
)
_LAST_CELL = b'<c r="'
_CELL_REF = re.compile(rb'<c r="([A-Za-z]*)([0-9]+)"')
_UPPER, _DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"
_HIDDEN = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>", re.S)
_OPENERS = re.compile(rb"<!--|<!\[CDATA\[|<\?")
_ROW_OR_CELL = re.compile(
    rb"<(/?)(?:[^\s<>/:!?]+:)?(row|c)(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
)
_R_ATTRIBUTE = re.compile(rb"\sr\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REFERENCE = re.compile(rb"([A-Za-z]*)([0-9]+)")


class Unusual(ValueError):
    """The XML cannot be followed safely (ill-formed, a DOCTYPE, an unplaceable reference)."""


@dataclass
class Extent:
    """Cells with content (an upper bound), and the last row and column they reach (1-based).

    When `exact`, `max_row` and `max_column` are calamine's own (or above); otherwise
    `max_column` is that of every cell tag, empty ones included, and `max_row` is at most
    10 % above the farthest row named. `widest` and `deepest` name the cells reaching farthest
    right and down.
    """

    cells: int = 0
    max_row: int = 0
    max_column: int = 0
    exact: bool = False
    widest: str = ""
    deepest: str = ""
    declared: str = ""  # the <dimension ref> as written


def column_number(letters: str) -> int:
    """A1 column letters as a number: A = 1, Z = 26, AA = 27, XFD = 16384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def declared_size(reference: str) -> tuple[int, int]:
    """Rows and columns a `<dimension ref="A1:XFD1048576">` claims, counted from A1."""
    match = _REFERENCE.fullmatch(reference.split(":")[-1].replace("$", "").encode())
    if match is None:
        return 0, 0
    return int(match.group(2)), column_number(match.group(1).decode())


@dataclass
class FastScan:
    """Feed a whole part, piece by piece. A part is a `worksheet` when it holds `sheetData`
    (calamine reads cells from nothing else), whatever the workbook calls it."""

    extent: Extent = field(default_factory=Extent)
    worksheet: bool = False
    unusual: bool = False
    _started: bool = False

    def feed(self, piece: bytes) -> None:
        """Read the next piece of the XML; pieces end just before a `<`, so no tag is cut."""
        self.worksheet = self.worksheet or any(name in piece for name in _SHEET_DATA)
        if not self._started:
            piece = self._prolog(piece)
        elif not piece.startswith(b"<"):
            self.unusual = True  # cut inside a giant tag or text: only ExactScan copes
        if self.unusual:
            return
        if (
            any(odd in piece for odd in _ODD_BYTES)
            or _PREFIXED_CELL.search(piece)
            or any(odd.search(piece) for odd in _ODD_R)
        ):
            self.unusual = True
            return
        extent = self.extent
        extent.cells += piece.count(b"</c")
        # Rows come in order and are mostly as wide as the first: take the bounds from the
        # first row's last cell and the piece's last cell, then look for any cell outside.
        for end in (piece.find(b"</row>"), len(piece)):
            last = piece.rfind(_LAST_CELL, 0, end)
            if last >= 0:
                self._take(_CELL_REF.match(piece, last))
        for match in _outside(extent.max_column, extent.max_row).finditer(piece):
            ref = _CELL_REF.match(piece, match.start())
            if ref is None:  # a cell tag without r="…" first: placed by counters
                self.unusual = True
                return
            self._take(ref)

    def _prolog(self, piece: bytes) -> bytes:
        """The first piece without its XML declaration (which may end in a line break)."""
        self._started = True
        declared = _DIMENSION.search(piece)
        self.extent.declared = declared.group(1).decode("ascii", "replace") if declared else ""
        prolog = _PROLOG.match(piece)
        end = prolog.end() if prolog else 0
        encoding = _DECLARED_ENCODING.search(piece, 0, end)
        if encoding and encoding.group(1).lower() not in _PLAIN_ENCODINGS:
            self.unusual = True
        return piece[end:]

    def _take(self, ref: "re.Match[bytes] | None") -> None:
        """Widen the bounds to a cell reference."""
        if ref is None or not ref.group(1):  # calamine cannot place it: it refuses the file
            return
        letters, row = ref.group(1).decode().upper(), int(ref.group(2))
        reference = f"{letters}{row}"
        extent = self.extent
        column = column_number(letters)
        if column > extent.max_column:
            extent.max_column, extent.widest = column, reference
        if _round_up(row) > extent.max_row:
            extent.max_row, extent.deepest = _round_up(row), reference


def _round_up(row: int) -> int:
    """The bound at or above `row` that keeps its first two digits and makes the others 9:
    100001 → 109999, 57 → 57. Such a bound takes a three-branch pattern and is at most 10 %
    above `row`, so only sheets within 10 % of a limit need the exact scan."""
    digits = str(row)
    return int(digits[:2] + "9" * (len(digits) - 2)) if len(digits) > 2 else row


@functools.lru_cache(maxsize=64)
def _outside(max_column: int, max_row: int) -> "re.Pattern[bytes]":
    """A cell tag that does not open with r="…" naming an upper-case cell within the bounds."""
    columns = _at_most(column_letters(max_column), _UPPER, first=0) if max_column else "(?!)"
    rows = _at_most(str(max_row), _DIGITS, first=1) if max_row else "(?!)"
    return re.compile(f'<c(?! r="(?:{columns})(?:{rows})")[\\s>/]'.encode())


def _at_most(value: str, alphabet: str, first: int) -> str:
    """Alternatives matching the strings over `alphabet` that rank at or below `value`: a
    shorter string ranks lower (true of column letters, and of numbers without a leading 0,
    whose first symbol is at least `alphabet[first]`)."""
    top = alphabet[-1]

    def symbols(low: str, high: str) -> str:
        return f"[{low}-{high}]"

    anything = symbols(alphabet[0], top)
    branches = []
    if len(value) > 1:
        branches.append(f"{symbols(alphabet[first], top)}{anything}{{0,{len(value) - 2}}}")
    for position, symbol in enumerate(value):
        rest = len(value) - position - 1
        tail = f"{anything}{{{rest}}}" if rest else ""
        lowest = alphabet[first] if position == 0 else alphabet[0]
        if value[position + 1 :] == top * rest:  # up to `symbol`, then anything: done
            branches.append(f"{re.escape(value[:position])}{symbols(lowest, symbol)}{tail}")
            break
        if symbol != lowest:
            below = alphabet[alphabet.index(symbol) - 1]
            branches.append(f"{re.escape(value[:position])}{symbols(lowest, below)}{tail}")
    return "|".join(branches)


class ExactScan:
    """Feed a whole part, piece by piece, then `close`; raises Unusual when it cannot be
    followed. Counters are kept at or above calamine's, so the extent is an upper bound."""

    def __init__(self) -> None:
        self.extent = Extent(exact=True)
        self._parser = expat.ParserCreate()  # no namespaces: "x:c" is a cell, as for calamine
        self._parser.StartDoctypeDeclHandler = self._doctype
        self._carry = b""  # an unfinished comment, CDATA section or processing instruction
        self._first = True
        self._row = self._column = 0  # 0-based, as calamine counts

    def feed(self, piece: bytes) -> None:
        try:
            self._parser.Parse(piece, False)
        except expat.ExpatError as exc:
            raise Unusual(str(exc)) from None
        if not (self._first or self._carry or piece.startswith(b"<")):
            raise Unusual("a tag or text longer than a piece")
        self._first = False
        data, self._carry = self._carry + piece, b""
        self._walk(data)

    def close(self) -> None:
        try:
            self._parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise Unusual(str(exc)) from None

    def _doctype(self, *_args: object) -> None:
        raise Unusual("DOCTYPE")

    def _walk(self, data: bytes) -> None:
        if b"<!" in data or b"<?" in data:
            # Well-formed XML puts no "<" in attributes or text, so dropping comments, CDATA
            # and processing instructions leaves exactly the tags; an unfinished one waits.
            data = _HIDDEN.sub(b"", data)
            opener = _OPENERS.search(data)
            if opener:
                data, self._carry = data[: opener.start()], data[opener.start() :]
        for closing, name, attributes in _ROW_OR_CELL.findall(data):
            if closing:
                if name == b"row":
                    self._row, self._column = self._row + 1, 0
            elif not attributes.endswith(b"/"):  # calamine skips <row …/> and <c …/>
                self._start(name, attributes)

    def _start(self, name: bytes, attributes: bytes) -> None:
        if attributes.startswith(b' r="'):  # as nearly every writer puts it
            reference: bytes | None = attributes[4 : attributes.index(b'"', 4)]
        else:
            found = _R_ATTRIBUTE.search(attributes)
            reference = (found.group(1) or found.group(2) or b"") if found else None
        if name == b"row":
            if reference is not None:
                self._row = max(self._row, _row_of(reference) - 1)
            return
        if reference is None:
            row = self._row + 1
        else:
            row, column = _place(reference)
            self._column = max(self._column, column)
        extent = self.extent
        extent.cells += 1
        if self._column >= extent.max_column:
            extent.max_column = self._column + 1
            extent.widest = f"{column_letters(extent.max_column)}{row}"
        if row > extent.max_row:
            extent.max_row, extent.deepest = row, f"{column_letters(self._column + 1)}{row}"
        self._column += 1


def _row_of(value: bytes) -> int:
    if not value.isdigit() or int(value) < 1:
        raise Unusual("row")
    return int(value)


def _place(value: bytes) -> tuple[int, int]:
    """(row, 0-based column) of a cell reference such as B7."""
    letters = value.rstrip(b"0123456789")
    digits = value[len(letters) :]
    if not letters.isalpha() or not digits or int(digits) < 1:
        raise Unusual("reference")
    return int(digits), _column_index(letters)


@functools.lru_cache(maxsize=1024)
def _column_index(letters: bytes) -> int:
    return column_number(letters.decode()) - 1
