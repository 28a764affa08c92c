"""The four `sieva analyze` commands: read a sheet, call sieva.analysis, print.

Codes from `sieva.analysis` are printed with their Indonesian text from `sieva.core.codebook`
(the same table the web app translates; no Django needed); JSON output keeps the codes.
"""

import argparse
import sys
from collections.abc import Callable
from typing import Any

from sieva.analyze_cli.tables import (
    DataError,
    Table,
    cell_error,
    emit,
    fmt,
    fmt_p,
    numeric_column,
    parse_number,
    read_table,
)
from sieva.core.codebook import text
from sieva.satisfaction.mapping import (
    BAD,
    answer_maps,
    label_list,
    parse_overrides,
    propose,
    render,
)

__all__ = ["run_ikm", "run_paired", "run_reliability", "run_sample_size"]

# The unsur as PermenPANRB 14/2017 names them, for the printed table (the web app's translated
# names live in sieva.satisfaction, which needs Django).
ELEMENT_NAMES: dict[str, str] = {
    "persyaratan": "Persyaratan",
    "prosedur": "Sistem, Mekanisme, dan Prosedur",
    "waktu": "Waktu Penyelesaian",
    "biaya": "Biaya/Tarif",
    "produk": "Produk Spesifikasi Jenis Pelayanan",
    "kompetensi": "Kompetensi Pelaksana",
    "perilaku": "Perilaku Pelaksana",
    "pengaduan": "Penanganan Pengaduan, Saran dan Masukan",
    "sarana": "Sarana dan Prasarana",
}


def ikm_columns(table: Table, mode: str) -> dict[str, int]:
    from sieva.analysis.indices.ikm import KEP25_ELEMENTS, STANDARD_ELEMENTS

    expected = KEP25_ELEMENTS if mode == "kep25-2004" else STANDARD_ELEMENTS
    aliases = {f"u{i}": code for i, code in enumerate(expected, start=1)}
    aliases.update({code: code for code in expected})
    found: dict[str, int] = {}
    for j, header in enumerate(table.headers):
        code = aliases.get(header.casefold().replace(" ", ""))
        if code is None:
            continue
        if code in found:
            raise DataError(
                f'Unsur "{code}" muncul di dua kolom: {table.headers[found[code]]} dan {header}.'
            )
        found[code] = j
    missing = [
        f"{ELEMENT_NAMES.get(c, c.upper())} ({c if c.startswith('u') else f'U{i}'})"
        for i, c in enumerate(expected, start=1)
        if c not in found
    ]
    if missing:
        raise DataError(
            "Kolom unsur tidak lengkap; tidak ada kolom untuk: " + ", ".join(missing) + "."
        )
    return found


def ikm_answers(table: Table, overrides: list[str] | None) -> dict[str, list[Any]]:
    """The nine elements' answers (1–4, None for blank) through the import's mapping:
    columns by code, question text or number, answers as numbers, labels or A1–A4; a bare
    U8/U9 is refused until `--map` names its element. How columns were read goes to stderr."""
    try:
        choices = parse_overrides(overrides)
    except ValueError as exc:
        raise DataError(f"--map {exc}: tulis KOLOM=UNSUR, mis. U8=sarana.") from None
    mapping = propose(table.headers, overrides=choices, need_unit=False, need_time=False)
    if not mapping.ok:
        raise DataError("\n".join(render(p) for p in mapping.problems))
    used = [f"{c.header} → {c.target}" for c in mapping.columns if c.target in ELEMENT_NAMES]
    print("Kolom unsur: " + "; ".join(used) + ".", file=sys.stderr)
    if mapping.ignored:
        print("Kolom tidak dipakai: " + ", ".join(mapping.ignored) + ".", file=sys.stderr)
    maps = answer_maps()
    answers: dict[str, list[Any]] = {}
    for code in ELEMENT_NAMES:
        j = mapping.layout[code]
        values = [maps[code][row[j]] for _, row in table.rows]
        if BAD in values:
            i = values.index(BAD)
            row_no, cells = table.rows[i]
            expected = f"jawaban 1–4, {label_list(code)}, atau A1–A4, atau kosong"
            raise cell_error(row_no, table.headers[j], cells[j], expected)
        answers[code] = [v or None for v in values]
    return answers


def run_ikm(args: argparse.Namespace) -> None:
    from sieva.analysis.indices.ikm import IkmMode, InvalidAnswer, ikm_from_responses

    table = read_table(args.file)
    mode = IkmMode(args.legacy) if args.legacy else IkmMode.PERMENPANRB_14_2017
    if mode == IkmMode.KEP25_2004:  # the fourteen elements of 2004, by U1–U14 or code
        columns = ikm_columns(table, mode.value)
        answers = _numbers(table, columns)
    else:
        answers = ikm_answers(table, getattr(args, "map", None))
        columns = {}
    try:
        result = ikm_from_responses(answers, mode=mode)
    except InvalidAnswer as exc:  # only the 2004 layout's numbers reach the library unchecked
        row_no, cells = table.rows[exc.index]
        j = columns[exc.element]
        raise cell_error(
            row_no, table.headers[j], cells[j], "jawaban harus 1, 2, 3 atau 4, atau kosong"
        ) from None
    payload = {
        "mode": result.mode.value,
        "n": result.n_respondents,
        "elements": {
            c: {"nrr": e.nrr, "grade": e.grade, "performance": text(e.grade), "n": e.n}
            for c, e in result.elements.items()
        },
        "weights": result.weights,
        "ikm": result.ikm,
        "nik": result.nik,
        "grade": result.grade,
        "performance": text(result.grade),
    }
    lines = [
        f"Indeks Kepuasan Masyarakat ({text(mode)})",
        f"Responden: {result.n_respondents}",
        "",
    ]
    lines.append(f"{'Unsur pelayanan':<42} {'n':>5} {'NRR':>7}  Mutu")
    for code, e in result.elements.items():
        name = ELEMENT_NAMES.get(code, code.upper())
        lines.append(f"{name:<42} {e.n:>5} {fmt(e.nrr, 3):>7}  {e.grade} ({text(e.grade)})")
    lines += [
        "",
        f"IKM (rata-rata tertimbang): {fmt(result.ikm, 4)}",
        f"Nilai konversi (NIK = IKM × 25): {fmt(result.nik, 2)}",
        f"Mutu pelayanan: {result.grade} ({text(result.grade)})",
    ]
    emit(args, payload, lines)


def _numbers(table: Table, columns: dict[str, int]) -> dict[str, list[Any]]:
    answers: dict[str, list[Any]] = {}
    for code, j in columns.items():
        col: list[Any] = []
        for _, row in table.rows:
            try:
                value = parse_number(row[j])
            except ValueError:
                col.append(row[j])  # left for the library to reject with its position
                continue
            col.append(int(value) if value is not None and value.is_integer() else value)
        answers[code] = col
    return answers


# --- sample-size -----------------------------------------------------------------------


def run_sample_size(args: argparse.Namespace) -> None:
    from sieva.analysis import sampling

    if args.population < 1:
        raise DataError("Populasi (--population) harus bilangan bulat ≥ 1.")
    if not 0 < args.margin < 1:
        raise DataError("Batas kesalahan (--margin) harus antara 0 dan 1, misalnya 0,05.")
    method: Callable[..., Any] = {
        "krejcie-morgan": sampling.krejcie_morgan,
        "slovin": sampling.slovin,
        "cochran": sampling.cochran,
    }[args.method]
    result = method(args.population, margin=args.margin)
    rule = {
        "krejcie-morgan": "Krejcie & Morgan (1970), χ² = 3,841, P = 0,5, dibulatkan",
        "slovin": "Slovin, n = N / (1 + N·e²), dibulatkan ke atas",
        "cochran": "Cochran (1977) dengan koreksi populasi terbatas, dibulatkan ke atas",
    }[args.method]
    payload = {
        "method": result.method,
        "population": result.population,
        "margin": result.margin,
        "n": result.n,
        "exact": result.exact,
    }
    lines = [
        f"Ukuran sampel minimum: {result.n} responden",
        f"Populasi N = {fmt(args.population, 0)}, batas kesalahan = {fmt(args.margin, 2)}",
        f"Metode: {rule} (nilai tepat {fmt(result.exact, 2)})",
    ]
    emit(args, payload, lines)


# --- paired ----------------------------------------------------------------------------


def run_paired(args: argparse.Namespace) -> None:
    from sieva.analysis.gain import attrition_check, normalized_gain
    from sieva.analysis.paired import cohens_dz, hedges_g_av, paired_t, wilcoxon_signed_rank
    from sieva.analysis.types import EffectSize

    table = read_table(args.file)
    cols = {"pre": table.column(args.pre), "post": table.column(args.post)}
    pre: list[float] = []
    post: list[float] = []
    leavers: list[float] = []
    post_only = 0
    for row_no, row in table.rows:
        values: dict[str, float | None] = {}
        for key, j in cols.items():
            try:
                values[key] = parse_number(row[j])
            except ValueError:
                raise cell_error(row_no, table.headers[j], row[j], "harus berupa angka") from None
        a, b = values["pre"], values["post"]
        if a is not None and b is not None:
            pre.append(a)
            post.append(b)
        elif a is not None:
            leavers.append(a)
        elif b is not None:
            post_only += 1
    if len(pre) < 3:
        raise DataError(f"Perlu sedikitnya 3 pasangan nilai pre dan post; ditemukan {len(pre)}.")
    t = paired_t(pre, post)
    dz = cohens_dz(pre, post)
    try:
        gav: EffectSize | None = hedges_g_av(pre, post)
    except ValueError:  # pre or post scores all equal: no SD to standardise by
        gav = None
    w = wilcoxon_signed_rank(pre, post)
    gain = (
        normalized_gain(pre, post, max_score=args.max_score) if args.max_score is not None else None
    )
    attrition = attrition_check(pre, leavers) if leavers else None
    payload: dict[str, Any] = {
        "n": t.n,
        "mean_pre": t.mean_pre,
        "mean_post": t.mean_post,
        "mean_diff": t.mean_diff,
        "ci": t.ci.as_list(),
        "t": t.t,
        "df": t.df,
        "p": t.p,
        "dz": dz.value,
        "dz_ci": dz.ci.as_list(),
        "g_av": None if gav is None else gav.value,
        "g_av_ci": None if gav is None else gav.ci.as_list(),
        "wilcoxon_v": w.statistic,
        "wilcoxon_p": w.p,
        "rank_biserial": w.rank_biserial,
        "n_gain": None if gain is None else gain.class_gain,
        "n_gain_category": None if gain is None else gain.class_category,
        "n_gain_individual_mean": None if gain is None else gain.individual_mean,
        "n_gain_undefined": None if gain is None else gain.n_undefined,
        "post_only": post_only,
        "attrition": None,
    }
    lines = [
        f"Perbandingan pre-test dan post-test ({t.n} pasangan)",
        f"Rata-rata pre: {fmt(t.mean_pre)}   post: {fmt(t.mean_post)}",
        f"Selisih rata-rata (post − pre): {fmt(t.mean_diff)} "
        f"[IK 95%: {fmt(t.ci.low)} s.d. {fmt(t.ci.high)}]",
        f"Uji t berpasangan: t({t.df}) = {fmt(t.t, 3)}, p = {fmt_p(t.p)}",
        f"Uji Wilcoxon: V = {fmt(w.statistic, 1)}, p = {fmt_p(w.p)}, r rank-biserial = {fmt(w.rank_biserial)}",
        f"Ukuran efek d_z = {fmt(dz.value)} [IK 95%: {fmt(dz.ci.low)} s.d. {fmt(dz.ci.high)}]",
    ]
    if gav is not None:
        lines.append(
            f"Ukuran efek g_av = {fmt(gav.value)} [IK 95%: {fmt(gav.ci.low)} s.d. {fmt(gav.ci.high)}]"
        )
    if gain is not None:
        if gain.class_gain is None:
            lines.append("N-gain kelas tidak terdefinisi (rata-rata pre sudah maksimum).")
        else:
            category = text(gain.class_category) if gain.class_category else ""
            lines.append(f"N-gain kelas (Hake): {fmt(gain.class_gain)} — {category}")
        if gain.n_undefined:
            lines.append(
                f"  {gain.n_undefined} peserta dengan pre = nilai maksimum tidak dihitung N-gain-nya."
            )
    if attrition is not None:
        payload["attrition"] = {
            "n_leavers": attrition.n_leavers,
            "attrition_rate": attrition.attrition_rate,
            "mean_leavers": attrition.mean_leavers,
            "g": attrition.g,
            "p": attrition.p,
            "verdict": attrition.verdict,
        }
        lines.append(
            f"Peserta tanpa post-test: {attrition.n_leavers} "
            f"({fmt(100 * attrition.attrition_rate, 1)}%): {text(attrition.verdict)}."
        )
    if post_only:
        lines.append(f"{post_only} baris hanya berisi post-test dan tidak dianalisis.")
    emit(args, payload, lines)


# --- reliability -----------------------------------------------------------------------


def run_reliability(args: argparse.Namespace) -> None:
    from sieva.analysis.reliability import cronbach_alpha

    table = read_table(args.file)
    if args.items:
        chosen = [table.column(name.strip()) for name in args.items.split(",") if name.strip()]
    else:
        chosen = [j for j in range(len(table.headers)) if numeric_column(table, j)]
    if len(chosen) < 2:
        raise DataError("Perlu sedikitnya 2 kolom butir (gunakan --items).")
    matrix: list[list[float]] = []
    dropped = 0
    for row_no, row in table.rows:
        values = []
        for j in chosen:
            try:
                values.append(parse_number(row[j]))
            except ValueError:
                raise cell_error(row_no, table.headers[j], row[j], "harus berupa angka") from None
        if any(v is None for v in values):
            dropped += 1
            continue
        matrix.append([v for v in values if v is not None])
    if len(matrix) < 3:
        raise DataError(
            f"Perlu sedikitnya 3 responden dengan jawaban lengkap; ditemukan {len(matrix)}."
        )
    names = [table.headers[j] for j in chosen]
    result = cronbach_alpha(matrix, item_names=names)
    payload = {
        "alpha": result.alpha,
        "ci": result.ci.as_list(),
        "n": result.n,
        "k": result.k,
        "dropped": dropped,
        "items": [
            {
                "name": i.name,
                "mean": i.mean,
                "sd": i.sd,
                "item_rest_r": i.item_rest_r,
                "alpha_if_deleted": i.alpha_if_deleted,
            }
            for i in result.items
        ],
    }
    lines = [
        f"Reliabilitas (Cronbach's alpha) {result.k} butir, {result.n} responden",
        f"alpha = {fmt(result.alpha, 3)} [IK 95% Feldt: {fmt(result.ci.low, 3)} s.d. {fmt(result.ci.high, 3)}]",
    ]
    if dropped:
        lines.append(f"{dropped} responden dengan jawaban tidak lengkap tidak dihitung.")
    lines += ["", f"{'Butir':<24} {'Rata-rata':>9} {'r butir-sisa':>12} {'alpha jika dihapus':>18}"]
    for i in result.items:
        r = "—" if i.item_rest_r is None else fmt(i.item_rest_r, 3)
        a = "—" if i.alpha_if_deleted is None else fmt(i.alpha_if_deleted, 3)
        lines.append(f"{i.name:<24} {fmt(i.mean):>9} {r:>12} {a:>18}")
    emit(args, payload, lines)
