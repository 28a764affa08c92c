"""`sieva analyze`: files in, Indonesian text or JSON out, no Django needed."""

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from sieva.analyze_cli import main
from tests.analysis.references import SHROUT_FLEISS, SLEEP_1, SLEEP_2

SIEVA = Path(sys.executable).with_name("sieva")
HEADER = "U1;U2;U3;U4;U5;U6;U7;U8;U9"
# Bare U8/U9 are ambiguous (the regulation lists pengaduan 8th, its questionnaire asks sarana
# 8th): these files follow the regulation's order, and say so.
U89 = ["--map", "U8=pengaduan", "--map", "U9=sarana"]


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _json(capsys, argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_ikm_from_a_semicolon_csv_with_u_columns(tmp_path, capsys):
    path = _write(
        tmp_path,
        "skm.csv",
        f"responden;{HEADER}\n1;4;3;3;4;4;4;4;3;3\n2;3;3;2;4;3;4;4;3;3\n3;4;4;3;4;4;3;4;;3\n",
    )
    out = _json(capsys, ["ikm", path, *U89])
    assert out["n"] == 3
    assert out["elements"]["waktu"] == {
        "nrr": pytest.approx(8 / 3),
        "grade": "C",
        "performance": "Kurang Baik",
        "n": 3,
    }
    assert out["elements"]["pengaduan"]["n"] == 2  # the blank is excluded
    # by hand: NRR sum = 11/3+10/3+8/3+4+11/3+11/3+4+3+3 = 31; IKM = 31/9; NIK = 86.11
    assert out["ikm"] == pytest.approx(31 / 9)
    assert (out["nik"], out["grade"], out["performance"]) == (86.11, "B", "Baik")


def test_ikm_text_output_is_indonesian(tmp_path, capsys):
    rows = "\n".join(",".join(["4"] * 9) for _ in range(5))
    path = _write(
        tmp_path,
        "skm.csv",
        ",".join(
            [
                "persyaratan",
                "prosedur",
                "waktu",
                "biaya",
                "produk",
                "kompetensi",
                "perilaku",
                "pengaduan",
                "sarana",
            ]
        )
        + "\n"
        + rows
        + "\n",
    )
    assert main(["ikm", path]) == 0
    out = capsys.readouterr().out
    assert "Nilai konversi (NIK = IKM × 25): 100,00" in out
    assert "Mutu pelayanan: A (Sangat Baik)" in out
    assert "Waktu Penyelesaian" in out


@pytest.mark.parametrize(("value", "row"), [("5", 3), ("x", 4), ("0", 2), ("3,5", 3)])
def test_ikm_rejects_an_invalid_answer_naming_row_and_column(tmp_path, capsys, value, row):
    lines = [HEADER] + ["4;3;3;4;4;4;4;3;3"] * 3
    cells = lines[row - 1].split(";")
    cells[2] = value
    lines[row - 1] = ";".join(cells)
    path = _write(tmp_path, "skm.csv", "\n".join(lines) + "\n")
    assert main(["ikm", path, *U89]) == 1
    err = capsys.readouterr().err
    assert f'Baris {row}, kolom "U3"' in err
    assert f'nilai "{value}"' in err


def test_ikm_reports_missing_element_columns(tmp_path, capsys):
    path = _write(tmp_path, "skm.csv", "U1;U2\n4;3\n")
    assert main(["ikm", path]) == 1
    assert "Tidak ada kolom untuk unsur waktu" in capsys.readouterr().err


def test_ikm_reads_xlsx_with_row_numbers_of_the_sheet(tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.split(";"))
    ws.append([4, 3, 3, 4, 4, 4, 4, 3, 3])
    ws.append([])  # an empty row keeps its number
    ws.append([4, 3, 3, 4, 4, 4, 4, 7, 3])
    path = tmp_path / "skm.xlsx"
    wb.save(path)
    assert main(["ikm", str(path), *U89]) == 1
    assert 'Baris 4, kolom "U8": nilai "7"' in capsys.readouterr().err


def test_ikm_legacy_modes(tmp_path, capsys):
    path = _write(tmp_path, "skm.csv", HEADER + "\n" + "\n".join(["4;3;3;3;3;3;3;3;3"] * 4))
    assert _json(capsys, ["ikm", path, *U89])["nik"] == 77.78  # 28/9 * 25
    out = _json(capsys, ["ikm", path, "--legacy", "rounded-0.11", *U89])
    assert out["nik"] == 77.0 and out["mode"] == "rounded-0.11"  # 28 * 0.11 * 25
    kep = ";".join(f"U{i}" for i in range(1, 15)) + "\n" + ";".join(["3"] * 14) + "\n"
    out = _json(capsys, ["ikm", _write(tmp_path, "kep.csv", kep), "--legacy", "kep25-2004"])
    assert out["nik"] == 74.55  # 14 * 3 * 0.071 * 25
    assert out["grade"] == "B"


@pytest.mark.parametrize(
    ("method", "n"), [("krejcie-morgan", 278), ("slovin", 286), ("cochran", 278)]
)
def test_sample_size(capsys, method, n):
    out = _json(capsys, ["sample-size", "--population", "1000", "--method", method])
    assert out["n"] == n


def test_sample_size_text_and_errors(capsys):
    assert main(["sample-size", "--population", "10000"]) == 0
    assert "Ukuran sampel minimum: 370 responden" in capsys.readouterr().out
    assert main(["sample-size", "--population", "0"]) == 1
    assert main(["sample-size"]) == 2


def test_paired_on_the_sleep_data(tmp_path, capsys):
    rows = "\n".join(f"{a},{b}" for a, b in zip(SLEEP_1, SLEEP_2, strict=True))
    path = _write(tmp_path, "test.csv", "pre,post\n" + rows + "\n")
    out = _json(capsys, ["paired", path, "--pre", "pre", "--post", "post"])
    # R: t.test(post, pre, paired = TRUE) -> t = 4.0621, df = 9, p = 0.002833, CI 0.70011 2.45989
    assert out["n"] == 10 and out["df"] == 9
    assert out["mean_diff"] == pytest.approx(1.58)
    assert out["ci"] == pytest.approx([0.7001142, 2.4598858], abs=1e-6)
    assert round(out["t"], 4) == 4.0621
    assert round(out["wilcoxon_p"], 6) == 0.009091
    assert out["dz"] == pytest.approx(4.062127683 / 10**0.5)
    assert out["n_gain"] is None


def test_paired_with_gain_leavers_and_indonesian_decimals(tmp_path, capsys):
    path = _write(
        tmp_path,
        "test.csv",
        "nip;Pre;Post\n1;40;70\n2;60;80\n3;50;75\n4;55;60\n5;70;90\n6;45;\n7;30;\n8;;88\n9;62,5;81\n",
    )
    out = _json(capsys, ["paired", path, "--pre", "pre", "--post", "POST", "--max-score", "100"])
    assert out["n"] == 6
    pre, post = [40, 60, 50, 55, 70, 62.5], [70, 80, 75, 60, 90, 81]
    mean_pre, mean_post = sum(pre) / 6, sum(post) / 6
    assert out["n_gain"] == pytest.approx((mean_post - mean_pre) / (100 - mean_pre))
    assert out["attrition"]["n_leavers"] == 2
    assert out["post_only"] == 1
    assert main(["paired", path, "--pre", "pre", "--post", "post", "--max-score", "100"]) == 0
    text = capsys.readouterr().out
    assert "N-gain kelas (Hake)" in text and "Peserta tanpa post-test: 2" in text


def test_paired_without_pre_test_spread_still_reports_the_test(tmp_path, capsys):
    path = _write(tmp_path, "t.csv", "pre,post\n0,40\n0,55\n0,70\n0,60\n")
    out = _json(capsys, ["paired", path, "--pre", "pre", "--post", "post", "--max-score", "100"])
    assert out["g_av"] is None and out["mean_diff"] == 56.25
    assert out["n_gain"] == pytest.approx(0.5625)


def test_paired_rejects_text_in_a_score_column(tmp_path, capsys):
    path = _write(tmp_path, "t.csv", "pre,post\n1,2\n2,abc\n3,5\n4,4\n")
    assert main(["paired", path, "--pre", "pre", "--post", "post"]) == 1
    assert 'Baris 3, kolom "post": nilai "abc"' in capsys.readouterr().err
    assert main(["paired", path, "--pre", "nilai", "--post", "post"]) == 1
    assert 'Kolom "nilai" tidak ada' in capsys.readouterr().err


def test_reliability_uses_numeric_columns_and_drops_incomplete_rows(tmp_path, capsys):
    rows = "\n".join(f"r{i}," + ",".join(map(str, row)) for i, row in enumerate(SHROUT_FLEISS))
    path = _write(tmp_path, "q.csv", "nama,j1,j2,j3,j4\n" + rows + "\nr9,5,,3,3\n")
    out = _json(capsys, ["reliability", path])
    # Shrout & Fleiss (1979) ICC(3,4) = .91
    assert round(out["alpha"], 2) == 0.91
    assert out["ci"][0] < out["alpha"] < out["ci"][1]
    assert [i["name"] for i in out["items"]] == ["j1", "j2", "j3", "j4"]
    assert out["dropped"] == 1 and out["n"] == 6
    three = _json(capsys, ["reliability", path, "--items", "j1,j2,j3"])
    assert three["k"] == 3


def test_the_installed_console_script_runs_without_django(tmp_path):
    path = _write(tmp_path, "skm.csv", HEADER + "\n" + "\n".join(["4;4;4;4;4;4;4;4;3"] * 3))
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "does.not.exist"}
    done = subprocess.run(
        [str(SIEVA), "analyze", "ikm", path, "--json", *U89],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["nik"] == pytest.approx(97.22)
    bad = subprocess.run(
        [str(SIEVA), "analyze", "sample-size", "--population", "-3"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert bad.returncode == 1 and "Galat" in bad.stderr


def test_ikm_reads_an_excel_unicode_text_file_and_says_how_on_stderr(tmp_path, capsys):
    rows = [HEADER.replace(";", "\t")] + ["\t".join(["4"] * 8 + ["3"])] * 3
    path = tmp_path / "skm.txt"
    path.write_bytes(b"\xff\xfe" + "\r\n".join(rows).encode("utf-16-le"))
    assert main(["ikm", str(path), "--json", *U89]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["nik"] == pytest.approx(97.22)  # 35/9 × 25
    how, columns = captured.err.splitlines()
    assert how == "Berkas skm.txt dibaca sebagai UTF-16 LE, pemisah tab."
    assert columns.startswith("Kolom unsur: U1 → persyaratan;") and "U9 → sarana." in columns


def test_a_spreadsheet_format_the_reader_cannot_check_is_refused(tmp_path, capsys):
    path = tmp_path / "skm.ods"
    path.write_bytes(b"PK\x03\x04")
    assert main(["ikm", str(path)]) == 1
    assert "Format berkas tidak didukung" in capsys.readouterr().err
