"""`sieva analyze agreement FILE`: a units × coders sheet in, alpha (and kappa) out.

References as in test_agreement.py: Krippendorff (2011), "Computing Krippendorff's
Alpha-Reliability", sections B-F.
"""

import json

import openpyxl
import pytest

from sieva.analyze_cli import main

SECTION_C = """segmen;Pengode A;Pengode B;Pengode C;Pengode D
u1;1;1;;1
u2;2;2;3;2
u3;3;3;3;3
u4;3;3;3;3
u5;2;2;2;2
u6;1;2;3;4
u7;4;4;4;4
u8;1;1;2;1
u9;2;2;2;2
u10;;5;5;5
u11;;;1;1
u12;;3;;
"""


def _json(capsys, argv):
    assert main([*argv, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def _csv(tmp_path, text, name="kode.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("level", "published"),
    [(None, 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_it_reproduces_krippendorffs_four_observer_example(tmp_path, capsys, level, published):
    argv = ["agreement", _csv(tmp_path, SECTION_C)] + (["--level", level] if level else [])
    out = _json(capsys, argv)
    # Krippendorff (2011) sections C-F: nominal .743, ordinal .815, interval .849, ratio .797
    assert round(out["alpha"], 3) == published
    assert out["level"] == (level or "nominal")
    assert (out["n_units"], out["n_coders"], out["units_in_file"]) == (11, 4, 12)
    assert "kappa" not in out  # kappa only for exactly two coders


def test_two_coders_with_labels_get_kappa_po_and_pe(tmp_path, capsys):
    # Krippendorff (2011) section B with the letters a-e as labels: alpha = .692; Cohen's
    # kappa of the same table = 1 - (1 - .75) / (1 - 5/24) = .684 (statsmodels cohens_kappa)
    a, b = (
        ["a", "a", "b", "b", "d", "c", "c", "c", "e", "d", "d", "a"],
        ["b", "a", "b", "b", "b", "c", "c", "c", "e", "d", "d", "d"],
    )
    text = "unit,koder1,koder2\n" + "".join(
        f"s{i},{x},{y}\n" for i, (x, y) in enumerate(zip(a, b, strict=True))
    )
    out = _json(capsys, ["agreement", _csv(tmp_path, text)])
    assert round(out["alpha"], 3) == 0.692
    assert round(out["kappa"], 4) == 0.6842
    assert (out["po"], round(out["pe"], 6)) == (0.75, round(5 / 24, 6))


def test_it_reads_an_xlsx_with_numbers_and_blanks(tmp_path, capsys):
    book = openpyxl.Workbook()
    sheet = book.active
    for line in SECTION_C.splitlines():
        sheet.append([None if c == "" else (int(c) if c.isdigit() else c) for c in line.split(";")])
    path = tmp_path / "kode.xlsx"
    book.save(path)
    assert round(_json(capsys, ["agreement", str(path)])["alpha"], 3) == 0.743


def test_the_text_output_is_indonesian(tmp_path, capsys):
    assert main(["agreement", _csv(tmp_path, SECTION_C), "--level", "interval"]) == 0
    out = capsys.readouterr().out
    assert "Alpha Krippendorff (interval) = 0,849" in out
    assert "Dihitung dari 11 unit" in out
    assert "andal" in out


def test_it_names_the_row_and_column_of_a_label_in_interval_data(tmp_path, capsys):
    text = SECTION_C.replace("u7;4;4;4;4", "u7;4;empat;4;4")
    assert main(["agreement", _csv(tmp_path, text), "--level", "interval"]) == 1
    assert 'Baris 8, kolom "Pengode B": nilai "empat"' in capsys.readouterr().err


def test_it_rejects_a_unit_listed_twice_and_a_single_coder(tmp_path, capsys):
    assert main(["agreement", _csv(tmp_path, SECTION_C + "u3;3;3;3;3\n")]) == 1
    assert 'Baris 14: unit "u3" sudah ada di baris 4' in capsys.readouterr().err
    assert main(["agreement", _csv(tmp_path, "unit;A\nu1;1\n", "satu.csv")]) == 1
    assert "sedikitnya 2 kolom pengode" in capsys.readouterr().err


def test_no_unit_coded_twice_is_an_error_not_a_crash(tmp_path, capsys):
    assert main(["agreement", _csv(tmp_path, "unit;A;B\nu1;1;\nu2;;2\n")]) == 1
    assert "Galat" in capsys.readouterr().err


def test_the_level_defaults_to_nominal_and_rejects_others(tmp_path, capsys):
    assert main(["agreement", _csv(tmp_path, SECTION_C), "--level", "metric"]) == 2
