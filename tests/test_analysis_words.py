"""Words for `sieva.analysis` codes follow the reader's language on the evaluation page, the
report and the SKM pages: no Indonesian band or grade on an English page, and no English one
(nor a bare code) on an Indonesian page."""

import datetime as dt
import html
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from sieva.analysis.indices.development import participant_qualification
from sieva.analysis.indices.ikm import IkmGrade
from sieva.core import codebook
from sieva.core.labels import label
from sieva.evaluation.engine import Scope, evaluate
from sieva.org.access import user_access
from sieva.reports.models import ReportSnapshot
from sieva.satisfaction.elements import STANDARD_ELEMENTS
from sieva.satisfaction.models import SkmAggregate, SkmUnitPeriod
from tests.reports.builders import full_program
from tests.test_translations import compiled_catalogue  # noqa: F401 - the shared fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("compiled_catalogue")]


def visible_text(page: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def says(text: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def get(client, url: str, language: str, **params) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url, params)
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    return visible_text(response.content.decode())


def assert_in_language(text: str, codes, language: str) -> None:
    """Each code is named in `language` and never in the other language or as a bare code."""
    assert codes, "the page must show at least one analysis code for the test to mean anything"
    other = "id" if language == "en" else "en"
    for code in codes:
        with translation.override(language):
            wanted = label(code)
        with translation.override(other):
            unwanted = label(code)
        assert wanted != unwanted, f"{code!r} has no {other} translation"
        assert says(text, wanted), f"{wanted!r} ({code!r}) missing from the {language} page"
        assert not says(text, unwanted), f"{unwanted!r} ({code!r}) leaks into the {language} page"
        if not isinstance(code, IkmGrade):  # A–D are printed as the regulation prints them
            assert not says(text, code.value), f"the bare code {code.value!r} shows"


@pytest.fixture
def program(world):
    return full_program(world)[0]


def _evaluation_codes(user, program) -> list:
    result = evaluate(user_access(user), Scope(program_id=program.pk))
    bands = [s.band for s in result.l1.scales if s.band is not None]
    return [*bands, result.l2.n_gain.class_category]


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_evaluation_page_names_bands_and_gain_categories_in_the_readers_language(
    client, alice, program, language
):
    client.force_login(alice)
    text = get(client, reverse("evaluation:evaluation"), language, program=program.pk)
    assert_in_language(text, _evaluation_codes(alice, program), language)


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_report_names_the_gain_category_in_the_language_it_was_written_in(
    client, evan, program, language
):
    client.force_login(evan)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.post(reverse("reports:create"), {"program": program.pk})
    snapshot = ReportSnapshot.objects.get()
    text = get(client, reverse("reports:detail", args=[snapshot.pk]), language)
    result = evaluate(user_access(evan), Scope(program_id=program.pk))
    assert_in_language(text, [result.l2.n_gain.class_category], language)


@pytest.fixture
def skm_month(world):
    """20 respondents of a Medan puskesmas in May 2026 answering 3 on every element (NIK 75)
    and one element at 4 (NRR 4.00, grade A)."""
    unit, month = world.medan_puskesmas, dt.date(2026, 5, 1)
    SkmUnitPeriod.objects.create(unit=unit, period=month, respondents=20)
    SkmAggregate.objects.bulk_create(
        SkmAggregate(
            unit=unit, period=month, element=e, count=20, total=80 if e == "sarana" else 60
        )
        for e in STANDARD_ELEMENTS
    )
    return unit


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_skm_pages_name_the_ikm_grade_in_the_readers_language(
    client, alice, skm_month, language
):
    client.force_login(alice)
    # NIK = 25 · (8 · 3 + 4) / 9 = 77.78 → B; element NRR 3.00 → C, 4.00 → A (PermenPANRB 14/2017)
    codes = [IkmGrade.B, IkmGrade.C, IkmGrade.A]
    unit_page = get(
        client,
        reverse("satisfaction:unit_dashboard", args=[skm_month.pk]),
        language,
        period="2026-05",
    )
    assert_in_language(unit_page, codes, language)
    overview = get(client, reverse("satisfaction:overview"), language, period="2026-05")
    assert_in_language(overview, [IkmGrade.B], language)


def test_every_analysis_code_named_on_pages_has_its_indonesian_text_as_the_msgid():
    with translation.override("id"):
        assert label(IkmGrade.A) == codebook.text(IkmGrade.A) == "Sangat Baik"
    with translation.override("en"):
        assert label(IkmGrade.A) == "Very Good"


def test_a_participants_qualification_is_a_code_named_in_the_readers_language():
    score = participant_qualification(85.0)
    assert score == "satisfactory"  # stored as the code, never as the words
    with translation.override("id"):
        assert label(score) == "Memuaskan"
    with translation.override("en"):
        assert label(score) == "Satisfactory"
