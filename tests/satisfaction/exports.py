"""Files as Google Forms, KoboToolbox and LimeSurvey export an SKM questionnaire, built here.

Each builder takes respondents as nine answers 1–4 in the regulation's element order
(persyaratan … pengaduan, sarana) and writes them the way the tool does: question order of
the annex (8 sarana, 9 pengaduan), the tool's headers, timestamps and answer forms.
"""

import csv
import datetime as dt
import io
import uuid

from openpyxl import Workbook

from sieva.satisfaction.annex import ANNEX, ELEMENT_CODES, QUESTION_ORDER

# Element order U1–U9 → the questionnaire's columns (8 sarana, 9 pengaduan).
_IN_QUESTION_ORDER = [ELEMENT_CODES.index(code) for code in QUESTION_ORDER]


def _questions(answers):
    return [answers[i] for i in _IN_QUESTION_ORDER]


def google_forms_id(respondents, start=dt.datetime(2025, 2, 3, 8, 0)):  # noqa: B008
    """Google Forms (Indonesian locale) CSV: `Cap waktu` as 03/02/2025 08.00.00, the annex
    questions as headers, answer labels, then age in years, gender and a free-text column."""
    out = io.StringIO()
    writer = csv.writer(out)
    questions = [f"{ANNEX[c].question_number}. {ANNEX[c].question}" for c in QUESTION_ORDER]
    writer.writerow(["Cap waktu", *questions, "Usia", "Jenis Kelamin", "Saran dan masukan"])
    for n, answers in enumerate(respondents):
        when = start + dt.timedelta(minutes=7 * n)
        labels = [ANNEX[code].answers[a - 1] for code, a in zip(QUESTION_ORDER, _questions(answers), strict=True)]  # fmt: skip
        gender = "Perempuan" if n % 2 else "Laki-laki"
        writer.writerow([when.strftime("%d/%m/%Y %H.%M.%S"), *labels, 25 + n % 40, gender, ""])
    return out.getvalue().encode("utf-8")


def kobo_xlsx(respondents, start=dt.datetime(2025, 4, 15, 3, 0), dates=False):  # noqa: B008
    """KoboToolbox XLSX export (XML values and headers): group paths unsur/u1…u9 numbered
    as the form asks (u8 sarana, u9 pengaduan), `_uuid`, `_submission_time` in UTC ISO
    (or, with `dates`, as date cells, as the "dates as dates" export option writes them)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "SKM Puskesmas"
    sheet.append(["start", "end", *[f"unsur/u{i}" for i in range(1, 10)], "profil/usia", "_id", "_uuid", "_submission_time", "_validation_status", "_index"])  # fmt: skip
    for n, answers in enumerate(respondents):
        submitted = start + dt.timedelta(minutes=11 * n)
        row_uuid = str(uuid.UUID(int=0xABC000 + n))
        sheet.append([
            (submitted - dt.timedelta(minutes=4)).isoformat() + ".000+07:00",
            submitted.isoformat() + ".000+07:00",
            *_questions(answers),
            "30-39",
            1000 + n,
            row_uuid,
            submitted if dates else submitted.strftime("%Y-%m-%dT%H:%M:%S"),
            "",
            n + 1,
        ])  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def limesurvey_csv(respondents, start=dt.datetime(2025, 4, 15, 10, 0), first_id=1):  # noqa: B008
    """LimeSurvey CSV export (answer codes, question codes as headers): `id`, `submitdate`,
    Q1…Q9 in the questionnaire's order, answers A1–A4."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(["id", "submitdate", "lastpage", "startlanguage", "seed", *[f"Q{i}" for i in range(1, 10)]])  # fmt: skip
    for n, answers in enumerate(respondents):
        when = start + dt.timedelta(minutes=13 * n)
        codes = [f"A{a}" for a in _questions(answers)]
        writer.writerow([first_id + n, when.strftime("%Y-%m-%d %H:%M:%S"), 2, "id", 1234 + n, *codes])  # fmt: skip
    return out.getvalue().encode("utf-8")


def respondents(count, seed=0):
    """`count` respondents' answers in element order, varied but fixed."""
    return [[1 + (n * 7 + i * 3 + seed) % 4 for i in range(9)] for n in range(count)]
