"""Stored evaluations (decision 0049): a program's or an instansi's evaluation is computed once
and read by later views; "hitung ulang" computes it again; leaders only read."""

from unittest import mock

from django.urls import reverse

from sieva.evaluation.models import StoredEvaluation
from sieva.programs.models import EnrollmentStatus
from tests.factories import EmployeeFactory, EnrollmentFactory

URL = reverse("evaluation:evaluation")


def test_a_programs_evaluation_is_computed_once_and_read_afterwards(client, alice, programs):
    client.force_login(alice)
    query = {"program": programs.training.pk, "year": 2026}
    first = client.get(URL, query).content.decode()
    assert "50,0 %" in first  # 3 of 6 invited attended
    assert StoredEvaluation.objects.filter(language="id").count() == 1
    with mock.patch("sieva.evaluation.stored.evaluate", side_effect=AssertionError("ran")):
        again = client.get(URL, query).content.decode()
    assert "50,0 %" in again and "Angka dari evaluasi tersimpan" in again


def test_hitung_ulang_computes_it_again_after_a_change(client, alice, programs, world):
    client.force_login(alice)
    query = {"program": programs.training.pk, "year": 2026}
    client.get(URL, query)
    for _ in range(2):
        EnrollmentFactory(
            cohort=programs.cohort_2026,
            employee=EmployeeFactory(unit=world.medan_health),
            status=EnrollmentStatus.INVITED,
        )
    assert "50,0 %" in client.get(URL, query).content.decode()  # stored, as it was
    response = client.post(URL, query)
    assert response.status_code == 302
    assert "37,5 %" in client.get(URL, query).content.decode()  # 3 of 8


def test_a_leader_reads_but_cannot_recompute(client, lina, programs):
    client.force_login(lina)
    query = {"program": programs.training.pk, "year": 2026}
    assert "Hitung ulang" not in client.get(URL, query).content.decode()
    assert client.post(URL, query).status_code == 403


def test_an_instansi_evaluation_is_stored_for_the_instansi_not_the_viewer(
    client, alice, nadia, programs, world
):
    client.force_login(nadia)
    client.get(URL, {"node": world.medan.pk, "year": 2026})
    client.force_login(alice)
    with mock.patch("sieva.evaluation.stored.evaluate", side_effect=AssertionError("ran")):
        page = client.get(URL, {"node": world.medan.pk, "year": 2026}).content.decode()
    assert "2 program, 2 angkatan" in page  # read from the store: the engine did not run
