"""The evidence pages: who reaches what (team, lead, leader), coding through the page with
and without htmx, agreement and adjudication."""

import datetime as dt

import pytest
from django.urls import reverse

from sieva.evidence.models import Coding, Study
from sieva.evidence.text import segments
from tests.evidence.factories import interview_source


@pytest.fixture
def source(study):
    return interview_source(study, title="Wawancara kepala seksi")


def test_an_evaluator_opens_a_study_and_leads_it(client, evan, world):
    client.force_login(evan)
    response = client.post(
        reverse("evidence:study_create"),
        {
            "title": "Kajian Pasca Pelatihan",
            "owner": world.medan.pk,
            "year": 2026,
            "double_share": "0.20",
            "alpha_threshold": "0.667",
        },
    )
    study = Study.objects.get(title="Kajian Pasca Pelatihan")
    assert response.status_code == 302
    assert study.lead == evan and list(study.team.all()) == [evan]


def test_a_leader_cannot_open_a_study(client, lina):
    client.force_login(lina)
    assert client.get(reverse("evidence:study_create")).status_code == 403


def test_a_leader_sees_the_study_but_never_a_transcript(client, lina, study, source):
    client.force_login(lina)
    page = client.get(reverse("evidence:study_detail", args=[study.pk]))
    assert page.status_code == 200
    assert "Kajian Kepemimpinan Medan" in page.content.decode()
    assert source.label not in page.content.decode()
    for name in ("source_detail", "coding", "interview_edit"):
        assert client.get(reverse(f"evidence:{name}", args=[source.pk])).status_code == 403
    assert client.get(reverse("evidence:plan", args=[study.pk])).status_code == 403


def test_an_evaluator_outside_the_team_sees_aggregates_only(client, world, study, source):
    from sieva.org.models import Role
    from tests.factories import user_with_role

    other = user_with_role("omar", Role.EVALUATOR, world.medan)
    client.force_login(other)
    assert client.get(reverse("evidence:study_detail", args=[study.pk])).status_code == 200
    assert client.get(reverse("evidence:source_detail", args=[source.pk])).status_code == 403


def test_the_lead_plans_the_interviews(client, evan, study, world):
    client.force_login(evan)
    url = reverse("evidence:plan", args=[study.pk])
    client.post(
        url, {"action": "question", "text": "Apa yang berubah setelah pelatihan?", "probes": ""}
    )
    client.post(
        url,
        {
            "action": "stratum",
            "position_kind": "pengawas",
            "unit": world.medan_health.pk,
            "planned": 4,
        },
    )
    again = client.post(
        url,
        {
            "action": "stratum",
            "position_kind": "pengawas",
            "unit": world.medan_health.pk,
            "planned": 2,
        },
    )
    assert "sudah ada" in again.content.decode()
    page = client.get(url).content.decode()
    assert "Apa yang berubah setelah pelatihan?" in page and "Dinas Kesehatan Kota Medan" in page


def test_a_coder_may_read_the_plan_but_not_change_it(client, kiki, study):
    client.force_login(kiki)
    url = reverse("evidence:plan", args=[study.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"action": "question", "text": "x"}).status_code == 403


def test_an_interview_with_a_typed_transcript_is_recorded_through_the_form(
    client, evan, study, world
):
    client.force_login(evan)
    response = client.post(
        reverse("evidence:interview_create", args=[study.pk]),
        {
            "held_on": "2026-03-04",
            "mode": "tatap_muka",
            "unit": world.medan_health.pk,
            "position_kind": "administrator",
            "consent": "on",
            "consent_note": "Persetujuan lisan di awal rekaman",
            "transcript": "T: Apa kendalanya?\nIbu Rina: Anggaran pelatihan dipotong.",
        },
    )
    source = study.sources.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "evidence:source_detail", args=[source.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Narasumber: Anggaran pelatihan dipotong." in page
    assert "Ibu Rina → Narasumber" in page  # the mapping is shown to the team only


def test_the_interview_form_says_why_a_transcript_was_refused(client, evan, study, world):
    client.force_login(evan)
    response = client.post(
        reverse("evidence:interview_create", args=[study.pk]),
        {
            "held_on": "2026-03-04",
            "mode": "tatap_muka",
            "unit": world.medan_health.pk,
            "transcript": "P: x\nA: y",
        },
    )
    assert response.status_code == 200
    assert "persetujuan narasumber" in response.content.decode()


def test_coding_through_the_page_with_htmx_returns_the_panel(client, evan, study, codes, source):
    client.force_login(evan)
    url = reverse("evidence:coding", args=[source.pk])
    page = client.get(url).content.decode()
    assert 'src="/static/evidence/coding.js"' in page and 'id="coding-text"' in page
    start, end = segments(source.text)[1]
    response = client.post(
        url, {"code": [codes["support"].pk], "start": start, "end": end}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and body.lstrip().startswith('<div id="coding-panel"')
    assert '<mark class="coded' in body
    assert Coding.objects.filter(source=source, coder=evan).count() == 1


def test_coding_without_javascript_posts_positions_and_redirects(
    client, evan, study, codes, source
):
    client.force_login(evan)
    url = reverse("evidence:coding", args=[source.pk])
    response = client.post(url, {"code": [codes["tools"].pk], "start": 0, "end": 11})
    assert response.status_code == 302 and response["Location"] == url
    bad = client.post(url, {"code": [codes["tools"].pk], "start": 0, "end": 99999})
    assert "di luar teks" in bad.content.decode()


def test_a_coder_cannot_delete_anothers_coding(client, evan, kiki, study, codes, source):
    coding = Coding.objects.create(source=source, code=codes["tools"], coder=evan, start=0, end=5)
    client.force_login(kiki)
    assert client.post(reverse("evidence:coding_delete", args=[coding.pk])).status_code == 403
    client.force_login(evan)
    assert client.post(reverse("evidence:coding_delete", args=[coding.pk])).status_code == 302
    assert not Coding.objects.filter(pk=coding.pk).exists()


def test_only_the_lead_runs_double_coding_and_adjudication(client, kiki, evan, study):
    client.force_login(kiki)
    for name in ("double_coding", "adjudication"):
        assert client.get(reverse(f"evidence:{name}", args=[study.pk])).status_code == 403
    assert client.get(reverse("evidence:agreement", args=[study.pk])).status_code == 200
    client.force_login(evan)
    response = client.post(
        reverse("evidence:double_coding", args=[study.pk]), {"share": "0.5", "coder": kiki.pk}
    )
    assert response.status_code == 200  # no source yet: the form says so
    assert "Tidak ada sumber" in response.content.decode()


def test_the_lead_sees_alpha_and_adjudicates_a_disagreement(
    client, evan, kiki, study, codes, source
):
    turns = segments(source.text)
    for coder, picked in ((evan, ["support"]), (kiki, ["support", "schedule"])):
        client.force_login(coder)
        start, end = turns[3]
        client.post(
            reverse("evidence:coding", args=[source.pk]),
            {"code": [codes[c].pk for c in picked], "start": start, "end": end},
        )
        client.post(reverse("evidence:source_finish", args=[source.pk]), {"done": "1"})
    client.force_login(evan)
    page = client.get(reverse("evidence:agreement", args=[study.pk])).content.decode()
    assert 'id="overall-alpha"' in page and "Revisi definisi kode" in page
    assert (
        client.get(reverse("evidence:agreement", args=[study.pk]) + "?format=csv").status_code
        == 200
    )
    queue = client.get(reverse("evidence:adjudication", args=[study.pk])).content.decode()
    assert "1 perbedaan menunggu keputusan" in queue and "Jadwal bentrok" in queue
    start, end = turns[3]
    client.post(
        reverse("evidence:adjudicate", args=[study.pk]),
        {
            "source": source.pk,
            "code": codes["schedule"].pk,
            "start": start,
            "end": end,
            "applies": "1",
        },
    )
    assert (
        "0 perbedaan menunggu keputusan"
        in client.get(reverse("evidence:adjudication", args=[study.pk])).content.decode()
    )
    assert Coding.objects.filter(source=source, adjudicated=True).count() == 1


def test_the_codebook_is_read_by_coders_and_edited_by_the_lead(client, evan, kiki, study, codes):
    client.force_login(kiki)
    page = client.get(reverse("evidence:codebook", args=[study.pk])).content.decode()
    assert "Jadwal bentrok" in page and "Tambah kode" not in page
    assert client.get(reverse("evidence:code_edit", args=[codes["tools"].pk])).status_code == 403
    client.force_login(evan)
    client.post(
        reverse("evidence:codebook", args=[study.pk]),
        {"name": "Insentif", "definition": "Tunjangan", "order": 0, "theme_kind": "pendukung"},
    )
    assert study.codes.filter(name="Insentif").exists()
    client.post(reverse("evidence:code_delete", args=[codes["tools"].pk]))
    assert not study.codes.filter(pk=codes["tools"].pk).exists()


def test_documents_are_registered_and_reviewed_through_the_pages(client, evan, study):
    client.force_login(evan)
    client.post(
        reverse("evidence:document_create", args=[study.pk]),
        {
            "title": "Juknis Latsar 2026",
            "doc_type": "juknis",
            "text": "Sasaran: CPNS.",
            "issued_on": dt.date(2026, 1, 5).isoformat(),
        },
    )
    source = study.sources.get()
    review = reverse("evidence:document_review", args=[source.pk])
    assert "Kurikulum dengan JP" in client.get(review).content.decode()
    client.post(
        review,
        {
            "sasaran__answer": "ya",
            "kurikulum__answer": "sebagian",
            "kurikulum__note": "JP tidak lengkap",
        },
    )
    source.document.refresh_from_db()
    assert source.document.checklist["kurikulum"] == {
        "answer": "sebagian",
        "note": "JP tidak lengkap",
    }
