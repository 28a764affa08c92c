"""`sieva analyze agreement`: Krippendorff's alpha (and Cohen's kappa for two coders) of a
units × coders sheet: first column the unit, one column per coder, blank = not coded."""

import argparse
from typing import Any

from sieva.analyze_cli.tables import (
    DataError,
    Table,
    cell_error,
    emit,
    fmt,
    parse_number,
    read_table,
)

__all__ = ["run_agreement"]

ALPHA_BANDS = {
    "reliable": "andal (α ≥ 0,800)",
    "tentative": "hanya untuk kesimpulan sementara (0,667 ≤ α < 0,800)",
    "revise": "perlu revisi kode (α < 0,667)",
}
KAPPA_BANDS = {
    "poor": "buruk",
    "slight": "sangat lemah",
    "fair": "lemah",
    "moderate": "sedang",
    "substantial": "kuat",
    "almost_perfect": "hampir sempurna",
}
LEVEL_NAMES = {"nominal": "nominal", "ordinal": "ordinal", "interval": "interval", "ratio": "rasio"}


def _units(table: Table) -> list[tuple[int, list[Any]]]:
    """The data rows, each unit named once; a repeated unit name is an error with both rows."""
    seen: dict[str, int] = {}
    rows = []
    for row_no, cells in table.rows:
        name = str(cells[0]).strip()
        if name in seen:
            raise DataError(
                f'Baris {row_no}: unit "{name}" sudah ada di baris {seen[name]}; '
                "satu baris untuk setiap unit."
            )
        if name:
            seen[name] = row_no
        rows.append((row_no, cells[1:]))
    return rows


def _values(table: Table, rows: list[tuple[int, list[Any]]], level: str) -> list[list[Any]]:
    """Numbers where every filled cell is a number; labels (nominal only) otherwise."""
    parsed: list[list[Any]] = []
    labels = False
    for row_no, cells in rows:
        values: list[Any] = []
        for j, cell in enumerate(cells, start=1):
            try:
                values.append(parse_number(cell))
            except ValueError:
                if level != "nominal":
                    raise cell_error(
                        row_no, table.headers[j], cell, f"data {LEVEL_NAMES[level]} harus angka"
                    ) from None
                labels = True
                values.append(cell)
        parsed.append(values)
    if not labels:
        return parsed
    return [[None if _blank(c) else str(c).strip() for c in cells] for _, cells in rows]


def _blank(value: Any) -> bool:
    return value is None or not str(value).strip()


def run_agreement(args: argparse.Namespace) -> None:
    from sieva.analysis.agreement import cohens_kappa, krippendorff_alpha

    table = read_table(args.file)
    coders = table.headers[1:]
    if len(coders) < 2:
        raise DataError("Perlu kolom unit dan sedikitnya 2 kolom pengode (satu kolom per pengode).")
    rows = _units(table)
    data = _values(table, rows, args.level)
    alpha = krippendorff_alpha(data, level=args.level)
    payload: dict[str, Any] = {
        "alpha": alpha.alpha,
        "level": alpha.level,
        "n_units": alpha.n_units,
        "n_coders": alpha.n_coders,
        "n_values": alpha.n_values,
        "units_in_file": len(rows),
        "band": alpha.band or None,
    }
    shown = "tidak terdefinisi (semua nilai sama)" if alpha.alpha is None else fmt(alpha.alpha, 3)
    lines = [
        f"Kesepakatan antarpengode: {len(coders)} pengode ({', '.join(coders)}), "
        f"{len(rows)} unit dalam berkas",
        f"Alpha Krippendorff ({LEVEL_NAMES[args.level]}) = {shown}",
        f"Dihitung dari {alpha.n_units} unit yang dikode sedikitnya dua pengode "
        f"({alpha.n_values} nilai).",
    ]
    if alpha.band:
        lines.append(f"Tafsiran (Krippendorff 2004): {ALPHA_BANDS[alpha.band]}")
    if len(coders) == 2:
        kappa = cohens_kappa([d[0] for d in data], [d[1] for d in data])
        payload |= {"kappa": kappa.kappa, "po": kappa.po, "pe": kappa.pe, "kappa_n": kappa.n}
        k_text = "tidak terdefinisi" if kappa.kappa is None else fmt(kappa.kappa, 3)
        lines.append(
            f"Kappa Cohen = {k_text} (kesepakatan teramati {fmt(kappa.po, 3)}, "
            f"harapan peluang {fmt(kappa.pe, 3)}; {kappa.n} unit dikode keduanya)"
        )
        if kappa.band:
            lines.append(f"Tafsiran (Landis & Koch 1977): {KAPPA_BANDS[kappa.band]}")
    emit(args, payload, lines)
