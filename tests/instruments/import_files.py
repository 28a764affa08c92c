"""Realistic exports of the sample reaction instrument (tests/instruments/conftest.py) as
Google Forms, KoboToolbox and LimeSurvey write them."""

import csv
import io
from typing import Any

import openpyxl

GOOGLE_HEADER = [
    "Cap waktu",
    "NIP",
    "Saya puas.",
    "Saya bosan.",
    "Moda",
    "Topik",
    "Umur",
    "Tanggal",
    "Nilai pengajar [Materi]",
    "Nilai pengajar [Waktu]",
    "Koneksi?",
    "Catatan",
]
KOBO_HEADER = [
    "start",
    "end",
    "identitas/nip",
    "umum/puas",
    "umum/bosan",
    "umum/moda",
    "umum/topik",
    "umum/topik/a",
    "umum/topik/b",
    "umum/umur",
    "umum/tgl",
    "umum/nilai/materi",
    "umum/nilai/waktu",
    "daring/koneksi",
    "daring/catatan",
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_index",
]
LIMESURVEY_HEADER = [
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "NIP",
    "puas",
    "bosan",
    "moda",
    "topik[a]",
    "topik[b]",
    "umur",
    "tgl",
    "nilai[materi]",
    "nilai[waktu]",
    "koneksi",
    "catatan",
]


def google_row(nip: str, **overrides: Any) -> list[str]:
    row = {
        "Cap waktu": "1/6/2026 10:15:30",
        "NIP": nip,
        "Saya puas.": "Sangat setuju",
        "Saya bosan.": "Tidak setuju",
        "Moda": "Kelas",
        "Topik": "A, B",
        "Umur": "30",
        "Tanggal": "5/6/2026",
        "Nilai pengajar [Materi]": "4",
        "Nilai pengajar [Waktu]": "3",
        "Koneksi?": "",
        "Catatan": "",
    }
    row.update(overrides)
    return [row[name] for name in GOOGLE_HEADER]


def kobo_row(nip: str, n: int) -> list[Any]:
    return [
        "2026-06-01T09:00:00.000+07:00",
        "2026-06-01T09:05:00.000+07:00",
        nip,
        "5",
        "2",
        "daring",
        "a b",
        "1",
        "1",
        41,
        "2026-06-05",
        "3",
        "4",
        "Lancar",
        "",
        1000 + n,
        f"uuid-{n}",
        "2026-06-01T02:05:00",
        "",
        n,
    ]


def limesurvey_row(nip: str, n: int) -> list[str]:
    return [
        str(n),
        "2026-06-01 10:00:00",
        "2",
        "id",
        "123",
        nip,
        "4",
        "1",
        "kelas",
        "Y",
        "",
        "25",
        "2026-06-02",
        "2",
        "2",
        "",
        "",
    ]


def csv_bytes(
    header: list[str], rows: list[list[Any]], delimiter: str = ",", bom: bool = True
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode()


def xlsx_bytes(header: list[str], rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
