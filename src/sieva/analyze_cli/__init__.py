"""`sieva analyze …`: statistics on a CSV or XLSX file, without Django or a database.

    sieva analyze ikm FILE [--map COLUMN=ELEMENT ...] [--legacy rounded-0.111|rounded-0.11|kep25-2004] [--json]
    sieva analyze sample-size --population N [--method krejcie-morgan|slovin|cochran]
    sieva analyze paired FILE --pre COL --post COL [--max-score M] [--json]
    sieva analyze reliability FILE [--items COL,COL,…] [--json]
    sieva analyze agreement FILE [--level nominal|ordinal|interval|ratio] [--json]

Row numbers in messages are spreadsheet rows (the header is row 1). Exit status 0 on
success, 1 for a problem in the data, 2 for a wrong command line.
"""

import argparse
import sys
from collections.abc import Callable, Sequence

from sieva.analyze_cli.agreement import run_agreement
from sieva.analyze_cli.commands import run_ikm, run_paired, run_reliability, run_sample_size
from sieva.analyze_cli.tables import DataError

__all__ = ["main"]

LEGACY_MODES = ("rounded-0.111", "rounded-0.11", "kep25-2004")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sieva analyze", description="Analisis statistik berkas CSV/XLSX tanpa basis data."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")

    ikm = sub.add_parser("ikm", help="Indeks Kepuasan Masyarakat dari jawaban responden")
    ikm.add_argument(
        "file",
        help="CSV/XLSX: satu baris per responden, satu kolom per unsur (ekspor Google Forms, "
        "KoboToolbox, LimeSurvey atau susunan sendiri)",
    )
    ikm.add_argument(
        "--map",
        action="append",
        metavar="KOLOM=UNSUR",
        help="tetapkan unsur sebuah kolom (mis. U8=sarana; - untuk diabaikan); boleh berulang",
    )
    ikm.add_argument(
        "--legacy", choices=LEGACY_MODES, help="aturan lama untuk mencocokkan laporan lama"
    )

    size = sub.add_parser("sample-size", help="ukuran sampel minimum")
    size.add_argument("--population", type=int, required=True, help="ukuran populasi N")
    size.add_argument(
        "--method", choices=("krejcie-morgan", "slovin", "cochran"), default="krejcie-morgan"
    )
    size.add_argument("--margin", type=float, default=0.05, help="batas kesalahan (bawaan 0.05)")

    paired = sub.add_parser("paired", help="pre-test dan post-test peserta yang sama")
    paired.add_argument("file")
    paired.add_argument("--pre", required=True, help="nama kolom pre-test")
    paired.add_argument("--post", required=True, help="nama kolom post-test")
    paired.add_argument("--max-score", type=float, help="nilai maksimum tes, untuk N-gain")

    rel = sub.add_parser("reliability", help="Cronbach's alpha sebuah kuesioner")
    rel.add_argument("file")
    rel.add_argument("--items", help="kolom butir, dipisah koma (bawaan: semua kolom angka)")

    agree = sub.add_parser("agreement", help="kesepakatan antarpengode (alpha Krippendorff, kappa)")
    agree.add_argument("file", help="CSV/XLSX: kolom pertama unit, satu kolom per pengode")
    agree.add_argument(
        "--level",
        choices=("nominal", "ordinal", "interval", "ratio"),
        default="nominal",
        help="tingkat pengukuran (bawaan nominal)",
    )

    for p in (ikm, size, paired, rel, agree):
        p.add_argument("--json", action="store_true", help="keluaran JSON")
    return parser


_COMMANDS: dict[str, Callable[[argparse.Namespace], None]] = {
    "ikm": run_ikm,
    "sample-size": run_sample_size,
    "paired": run_paired,
    "reliability": run_reliability,
    "agreement": run_agreement,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run `sieva analyze`; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help (0) and on usage errors (2)
        return int(exc.code or 0)
    try:
        _COMMANDS[args.command](args)
    except DataError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # from sieva.analysis: English, precise
        print(f"Galat: data tidak dapat dianalisis: {exc}", file=sys.stderr)
        return 1
    return 0
