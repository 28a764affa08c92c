"""SKM campaigns reach the IKM: answers given through a campaign's personal link, or imported
into the campaign from a survey tool's export, become SKM responses — counted exactly once."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from sieva.instruments.campaigns.services import campaign_create
from sieva.instruments.imports.services import import_start, import_submit
from sieva.instruments.models import Campaign, InstrumentVersion, ItemAggregate, Response
from sieva.instruments.models.imports import ImportStatus
from sieva.instruments.services.standard import standard_instruments_load
from sieva.satisfaction.elements import ELEMENTS, QUESTION_ORDER, SKM_ELEMENTS, Source
from sieva.satisfaction.models import SkmAggregate, SkmResponse, SkmUnitPeriod
from sieva.satisfaction.periods import parse_period
from sieva.satisfaction.selectors import scores_for_units
from sieva.satisfaction.services.campaigns import NOT_A_SERVICE_UNIT
from sieva.satisfaction.services.rebuild import aggregates_compare
from sieva.satisfaction.services.submission import skm_response_submit
from tests.factories import EmployeeFactory
from tests.instruments.campaign_setup import links
from tests.instruments.import_files import csv_bytes

pytestmark = pytest.mark.django_db
MAY = parse_period("2026-05")  # tests/satisfaction/conftest.py freezes time on 20 May 2026


@pytest.fixture
def skm_version():
    standard_instruments_load()
    return InstrumentVersion.objects.get(instrument__code="STD-SKM", instrument__owner=None)


@pytest.fixture
def staff(puskesmas):
    return [EmployeeFactory(unit=puskesmas) for _ in range(3)]


def open_campaign(version, **target):
    now = timezone.now()
    return campaign_create(
        actor=None,
        access=None,
        version=version,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=30),
        anonymous=True,
        **target,
    )


@pytest.fixture
def campaign(skm_version, puskesmas, staff):
    return open_campaign(skm_version, target_unit=puskesmas)


def link_post(value: int, **answers: str) -> dict[str, str]:
    return {code: str(value) for code in ELEMENTS} | answers


def test_an_answer_through_a_campaign_link_is_one_skm_response_of_the_target_unit(
    client, campaign, staff, puskesmas
):
    url = reverse("instruments:respond", args=[links(campaign)[staff[0].pk]])
    post = link_post(3, sarana="4", jenis_kelamin="P", usia="30-39", layanan="Imunisasi")
    assert client.post(url, post | {"saran": "Antrean dipercepat"}).status_code == 302

    skm = SkmResponse.objects.get()
    assert skm.unit == puskesmas and skm.campaign_response == Response.objects.get()
    assert (skm.sarana, skm.waktu, skm.pengaduan) == (4, 3, 3)
    assert (skm.gender, skm.age_band, skm.service, skm.source) == ("P", "30-39", "Imunisasi", "web")
    assert skm.period == MAY.first
    assert SkmUnitPeriod.objects.get(unit=puskesmas).respondents == 1
    assert SkmAggregate.objects.get(unit=puskesmas, element="sarana").n4 == 1

    assert client.post(url, post).status_code == 410  # the link is used up
    assert SkmResponse.objects.count() == 1
    assert SkmUnitPeriod.objects.get(unit=puskesmas).respondents == 1
    assert aggregates_compare() == []


def test_a_refused_link_answer_stores_neither_the_response_nor_an_skm_row(client, campaign, staff):
    url = reverse("instruments:respond", args=[links(campaign)[staff[0].pk]])
    post = link_post(3)
    del post["sarana"]
    page = client.post(url, post)
    assert page.status_code == 400 and "Wajib diisi." in page.content.decode()
    assert not Response.objects.exists() and not SkmResponse.objects.exists()
    assert not SkmUnitPeriod.objects.exists()


def google_forms_export(rows: list[tuple[str, list[str]]]) -> bytes:
    """What Google Forms exports for the annex questionnaire: the question texts as headers
    (asked in the annex's order) and the answer labels people ticked as cells."""
    header = [
        "Cap waktu",
        "Jenis kelamin",
        *(str(SKM_ELEMENTS[c].question) for c in QUESTION_ORDER),
    ]
    body = []
    for when, labels in rows:
        body.append([when, "Perempuan", *labels])
    return csv_bytes(header, body)


def labels_for(point: int, **overrides: str) -> list[str]:
    """The annex label of `point` for each question, in question order."""
    return [
        overrides.get(code, str(SKM_ELEMENTS[code].answers[point - 1])) for code in QUESTION_ORDER
    ]


def test_an_export_imported_into_an_skm_campaign_counts_every_row_once_in_the_ikm(
    campaign, puskesmas
):
    points = [4, 4, 3, 3, 3, 2]
    rows = [(f"{10 + i}/5/2026 09:30:00", labels_for(p)) for i, p in enumerate(points)]
    rows[0] = (rows[0][0], labels_for(4, sarana="  sangat baik "))  # any case and spacing
    content = google_forms_export(rows)
    job = import_submit(
        job=import_start(actor=None, campaign=campaign, filename="skm.csv", content=content)
    )
    assert job.status == ImportStatus.DONE, job.errors

    stored = SkmResponse.objects.filter(unit=puskesmas)
    assert stored.count() == 6 and {r.source for r in stored} == {Source.IMPORT}
    assert stored.filter(campaign_response__campaign=campaign).count() == 6
    assert set(stored.values_list("gender", flat=True)) == {"P"}
    score = scores_for_units([puskesmas.pk], MAY)[puskesmas.pk]
    # By hand (DOMAIN.md): every element's NRR = (4+4+3+3+3+2)/6 = 19/6, IKM = 19/6,
    # NIK = 19/6 × 25 = 79.1666… → 79.17, grade B (76.61 ≤ NIK < 88.31).
    assert score.respondents == 6
    assert (score.result.nik, score.result.grade) == (79.17, "B")

    with pytest.raises(ValidationError):  # the same file again: refused, nothing added
        import_start(actor=None, campaign=campaign, filename="skm.csv", content=content)
    assert SkmResponse.objects.count() == 6 and aggregates_compare() == []


def test_public_link_and_imported_answers_add_up_without_double_counting(
    client, campaign, staff, puskesmas
):
    for device, point in enumerate((4, 2)):
        skm_response_submit(
            unit=puskesmas,
            answers=dict.fromkeys(ELEMENTS, point),
            profile={},
            fingerprint=str(device),
        )
    url = reverse("instruments:respond", args=[links(campaign)[staff[0].pk]])
    client.post(url, link_post(3))
    content = google_forms_export([("12/5/2026 08:00:00", labels_for(p)) for p in (1, 4)])
    import_submit(
        job=import_start(actor=None, campaign=campaign, filename="f.csv", content=content)
    )

    # 2 public + 1 link + 2 imported = 5 respondents, each once: shown, sums exact.
    assert Response.objects.count() == 3
    assert SkmResponse.objects.count() == 5
    score = scores_for_units([puskesmas.pk], MAY)[puskesmas.pk]
    assert score.respondents == 5
    assert score.result.elements["biaya"].nrr == pytest.approx((4 + 2 + 3 + 1 + 4) / 5)
    assert aggregates_compare() == []


def test_an_skm_campaign_must_target_one_service_unit(skm_version, world, staff):
    for target in ({"target_unit": world.medan_health}, {"target_unit": world.medan}):
        with pytest.raises(ValidationError) as error:
            open_campaign(skm_version, **target)
        assert "target_unit" in error.value.message_dict


def test_a_campaign_the_ikm_cannot_count_refuses_its_import_whole(skm_version, world, staff):
    # Made before the rule above existed: it targets a whole Dinas, not a service unit.
    now = timezone.now()
    campaign = Campaign.objects.create(
        name="SKM lama",
        version=skm_version,
        target_unit=world.medan_health,
        owner=world.medan_health,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=1),
        anonymous=True,
        series=f"unit-{world.medan_health.pk}",
    )
    content = google_forms_export([("12/5/2026 08:00:00", labels_for(3))])
    job = import_submit(
        job=import_start(actor=None, campaign=campaign, filename="f.csv", content=content)
    )
    assert job.status == ImportStatus.FAILED
    assert job.errors == [[0, "", str(NOT_A_SERVICE_UNIT)]]
    assert not Response.objects.exists() and not ItemAggregate.objects.exists()
    assert not SkmResponse.objects.exists()


def test_the_database_refuses_a_second_skm_copy_of_one_campaign_response(
    client, campaign, staff, puskesmas
):
    url = reverse("instruments:respond", args=[links(campaign)[staff[0].pk]])
    client.post(url, link_post(4))
    first = SkmResponse.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        SkmResponse.objects.create(
            unit=puskesmas,
            period=first.period,
            submitted_at=first.submitted_at,
            source=Source.WEB,
            campaign_response=first.campaign_response,
        )
