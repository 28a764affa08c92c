"""Stored reports: the input hash, the version, who may generate and open them."""

import pytest
from django.urls import reverse
from django.utils import translation

from sieva.audit.models import AuditEvent
from sieva.evaluation.engine import Scope
from sieva.org.access import user_access
from sieva.programs.models import EnrollmentStatus
from sieva.reports.document import build_report, software_version
from sieva.reports.models import ReportSnapshot
from tests.factories import EmployeeFactory, EnrollmentFactory


def _build(user, program, language="id"):
    with translation.override(language):
        return build_report(
            access=user_access(user), scope=Scope(program_id=program.pk), author=user.username
        )


def test_the_hash_is_stable_for_the_same_data_and_changes_with_it(alice, program_data, world):
    program, cohort, _people = program_data
    first, again = _build(alice, program), _build(alice, program)
    assert first.input_hash == again.input_hash
    assert len(first.input_hash) == 64
    assert (
        first.document["generated_at"] and first.document["software_version"] == software_version()
    )

    EnrollmentFactory(
        cohort=cohort,
        employee=EmployeeFactory(unit=world.medan_health),
        status=EnrollmentStatus.INVITED,
    )
    assert _build(alice, program).input_hash != first.input_hash


def test_the_hash_does_not_depend_on_the_language_of_the_report(alice, program_data):
    program = program_data[0]
    assert _build(alice, program, "en").input_hash == _build(alice, program, "id").input_hash


def test_an_english_report_writes_numbers_the_english_way(alice, program_data):
    program = program_data[0]
    document = _build(alice, program, "en").document
    assert document["language"] == "en"
    rows = {row["key"]: row["value"] for row in document["key_figures"]}
    assert rows["l0.participation_rate"] == "83.3 %"
    assert rows["l5.per_participant"] == "Rp 1,800,000"
    results = next(s for s in document["sections"] if s["key"] == "hasil")
    assert "83.3 %" in results["blocks"][1]["text"]
    assert "83,3 %" not in str(document["sections"])


def test_generating_stores_a_snapshot_with_scope_hash_version_and_audit(client, evan, program_data):
    program = program_data[0]
    client.force_login(evan)
    page = client.get(reverse("reports:create"), {"program": program.pk})
    assert page.status_code == 200 and program.name in page.content.decode()
    response = client.post(reverse("reports:create"), {"program": program.pk})
    snapshot = ReportSnapshot.objects.get()
    assert response.url == reverse("reports:detail", args=[snapshot.pk])
    assert snapshot.owner == program.owner
    assert snapshot.scope["program"] == program.pk and snapshot.scope_key == f"program={program.pk}"
    assert snapshot.software_version == software_version()
    assert snapshot.created_by == evan
    assert snapshot.input_hash == _build(evan, program).input_hash
    event = AuditEvent.objects.get(action="report.snapshot_create")
    assert (
        event.object_id == str(snapshot.pk) and event.changes["input_hash"] == snapshot.input_hash
    )


def test_the_list_shows_reports_of_one_scope_side_by_side(client, evan, program_data):
    program = program_data[0]
    client.force_login(evan)
    for _ in range(2):
        client.post(reverse("reports:create"), {"program": program.pk})
    body = client.get(reverse("reports:list"), {"scope": f"program={program.pk}"}).content.decode()
    assert body.count("Laporan Evaluasi Pelatihan Pelayanan Prima") == 2
    assert body.count("83,3 %") == 2


def test_another_regions_admin_can_neither_generate_nor_open_medans_report(
    client, evan, bob, program_data
):
    program = program_data[0]
    client.force_login(evan)
    client.post(reverse("reports:create"), {"program": program.pk})
    snapshot = ReportSnapshot.objects.get()
    client.force_login(bob)
    assert client.post(reverse("reports:create"), {"program": program.pk}).status_code == 404
    assert client.get(reverse("reports:create"), {"program": program.pk}).status_code == 404
    for url in (
        reverse("reports:detail", args=[snapshot.pk]),
        reverse("reports:download", args=[snapshot.pk, "pdf"]),
        reverse("reports:download", args=[snapshot.pk, "xlsx"]),
    ):
        assert client.get(url).status_code == 404
    assert "Pelayanan Prima" not in client.get(reverse("reports:list")).content.decode()
    assert ReportSnapshot.objects.count() == 1


def test_a_leader_can_generate_a_report_that_names_no_one(client, lina, program_data):
    program, _cohort, people = program_data
    client.force_login(lina)
    response = client.post(reverse("reports:create"), {"program": program.pk})
    assert response.status_code == 302
    body = client.get(response.url).content.decode()
    assert "83,3 %" in body
    for person in people:
        assert person.name not in body and person.nip not in body


def test_an_unknown_file_format_is_a_404(client, alice, program_data):
    client.force_login(alice)
    client.post(reverse("reports:create"), {"program": program_data[0].pk})
    snapshot = ReportSnapshot.objects.get()
    assert client.get(reverse("reports:download", args=[snapshot.pk, "exe"])).status_code == 404


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_downloads_are_attachments_of_the_stored_report(client, alice, program_data, fmt):
    client.force_login(alice)
    client.post(reverse("reports:create"), {"program": program_data[0].pk})
    snapshot = ReportSnapshot.objects.get()
    response = client.get(reverse("reports:download", args=[snapshot.pk, fmt]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'-{snapshot.pk}.{fmt}"')
    assert response.content[:2] == b"PK"  # both are zip containers


def test_the_report_carries_the_kop_of_the_programs_instansi_or_its_nearest_parent(
    alice, program_data, world
):
    from sieva.reports.models import Letterhead

    Letterhead.objects.create(
        unit=world.medan_city, lines="PEMERINTAH KOTA MEDAN\nJalan Kapten Maulana Lubis 2"
    )
    document = _build(alice, program_data[0]).document
    assert document["letterhead"] == {
        "lines": ["PEMERINTAH KOTA MEDAN", "Jalan Kapten Maulana Lubis 2"],
        "logo": "",
    }
