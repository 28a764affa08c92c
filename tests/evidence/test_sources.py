"""Interviews, documents and open answers become sources: consent, pseudonyms, frozen text."""

import datetime as dt
import io

import docx
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sieva.audit.models import AuditEvent
from sieva.evidence import services
from sieva.evidence.models import Source, SourceKind
from sieva.instruments.models import Answer, Item, Response
from sieva.org.models import PositionKind
from tests.factories import EmployeeFactory
from tests.instruments.campaign_setup import make_campaign, medan_setting

__all__ = ["medan_setting"]


def _interview(evan, study, world, **data):
    base = {
        "held_on": dt.date(2026, 3, 2),
        "unit": world.medan_health,
        "position_kind": PositionKind.PENGAWAS,
        "consent": True,
        "transcript": "P: Apa kendalanya?\nRahmat Hidayat: Atasan tidak mendukung.",
    }
    return services.interview_save(actor=evan, study=study, data=base | data)


def test_an_interview_is_stored_with_its_speakers_pseudonymised(evan, study, world):
    interview = _interview(evan, study, world)
    source = interview.source
    assert source.label == "W-01" and source.kind == SourceKind.INTERVIEW
    assert source.text == "Pewawancara: Apa kendalanya?\nNarasumber: Atasan tidak mendukung."
    assert interview.speakers == {"P": "Pewawancara", "Rahmat Hidayat": "Narasumber"}
    assert AuditEvent.objects.filter(action="interview_create").count() == 1
    assert _interview(evan, study, world).source.label == "W-02"


def test_a_transcript_without_recorded_consent_is_refused(evan, study, world):
    with pytest.raises(ValidationError) as caught:
        _interview(evan, study, world, consent=False)
    assert "persetujuan narasumber" in str(caught.value.message_dict["consent"])
    assert not Source.objects.exists()
    # the appointment itself may be recorded before the interview takes place
    assert _interview(evan, study, world, consent=False, transcript="").source.text == ""


def test_an_uploaded_docx_transcript_is_extracted_and_the_interviewee_name_hidden(
    evan, study, world
):
    person = EmployeeFactory(unit=world.medan_health, name="Dewi Lestari")
    document = docx.Document()
    document.add_paragraph("Pewawancara: Siapa yang mengusulkan Dewi Lestari ikut pelatihan?")
    document.add_paragraph("Dewi Lestari: Kepala bidang.")
    content = io.BytesIO()
    document.save(content)
    interview = services.interview_save(
        actor=evan,
        study=study,
        data={
            "held_on": dt.date(2026, 3, 3),
            "unit": world.medan_health,
            "consent": True,
            "interviewee": person,
        },
        upload=("wawancara-dewi.docx", content.getvalue()),
    )
    assert "Dewi" not in interview.source.text
    assert interview.source.text.endswith("Narasumber: Kepala bidang.")
    assert interview.filename == "wawancara-dewi.docx" and interview.interviewee == person


def test_a_unit_outside_the_study_is_refused(evan, study, world):
    with pytest.raises(ValidationError) as caught:
        _interview(evan, study, world, unit=world.palembang_health)
    assert "di luar" in str(caught.value.message_dict["unit"])


def test_the_text_is_frozen_once_coded(evan, study, world, codes):
    interview = _interview(evan, study, world)
    services.coding_add(
        actor=evan, source=interview.source, codes=[codes["support"]], start=0, end=11
    )
    with pytest.raises(ValidationError, match="sudah dikodekan"):
        services.interview_save(
            actor=evan,
            study=study,
            interview=interview,
            data={
                "held_on": dt.date(2026, 3, 2),
                "unit": world.medan_health,
                "consent": True,
                "transcript": "Teks lain.",
            },
        )
    # the same text (e.g. only the date changed) is accepted
    services.interview_save(
        actor=evan,
        study=study,
        interview=interview,
        data={
            "held_on": dt.date(2026, 3, 9),
            "unit": world.medan_health,
            "consent": True,
            "transcript": interview.source.text,
        },
    )
    interview.refresh_from_db()
    assert interview.held_on == dt.date(2026, 3, 9)


def test_a_document_is_registered_and_reviewed_against_its_checklist(evan, study, world):
    document = services.document_save(
        actor=evan,
        study=study,
        data={
            "title": "SOP Pelatihan",
            "doc_type": "sop",
            "number": "800/12",
            "text": "1. Tujuan\n2. Alur",
        },
    )
    assert document.source.label == "D-01" and document.source.text == "1. Tujuan\n2. Alur"
    services.document_review(
        actor=evan,
        document=document,
        answers={
            "tujuan": {"answer": "ya", "note": ""},
            "waktu": {"answer": "tidak", "note": "Tidak ada"},
        },
    )
    document.refresh_from_db()
    assert document.checklist["tujuan"]["answer"] == "ya"
    assert document.checklist["waktu"] == {"answer": "tidak", "note": "Tidak ada"}
    assert document.checklist["alur"]["answer"] == "" and document.reviewed_by == evan
    with pytest.raises(ValidationError, match="ya, sebagian, tidak"):
        services.document_review(
            actor=evan, document=document, answers={"tujuan": {"answer": "mungkin"}}
        )


def test_open_answers_come_in_once_without_the_respondent(evan, study, world, medan_setting):
    campaign = make_campaign(medan_setting)
    item = Item.objects.get(version=medan_setting.version, code="catatan")
    for n, text in enumerate(["Atasan tidak mendukung.", "", "Jadwal bentrok dengan tugas."]):
        response = Response.objects.create(
            version=medan_setting.version,
            submitted_at=timezone.now(),
            respondent=medan_setting.participants[n],
            unit=world.medan_health,
            campaign=campaign,
        )
        Answer.objects.create(response=response, item=item, value_text=text)
    assert services.open_answers_import(actor=evan, study=study, item=item) == 2
    assert services.open_answers_import(actor=evan, study=study, item=item) == 0
    sources = list(study.sources.order_by("label"))
    assert [s.label for s in sources] == ["J-0001", "J-0002"]
    assert sources[0].text == "Atasan tidak mendukung." and sources[0].unit == world.medan_health
    assert sources[0].program == medan_setting.cohort.program
    with pytest.raises(ValidationError, match="bukan pertanyaan isian teks"):
        services.open_answers_import(
            actor=evan,
            study=study,
            item=Item.objects.get(version=medan_setting.version, code="puas"),
        )
