"""Rows of qualitative evidence for tests; `evidence_estate` gives the every-URL test one of
each in Medan."""

import datetime as dt
from typing import Any

import factory

from sieva.evidence.models import (
    Code,
    Coding,
    Document,
    DocumentType,
    GuideQuestion,
    Interview,
    Nomination,
    PlanItem,
    Practice,
    PracticeKind,
    SampleStratum,
    Source,
    SourceKind,
    Study,
    TrainingPlan,
)
from sieva.org.models import PositionKind
from tests.factories import EmployeeFactory, OrgUnitFactory, UserFactory

TRANSCRIPT = (
    "Pewawancara: Bagaimana penerapan hasil pelatihan di unit Bapak?\n"
    "Narasumber: Atasan saya tidak mendukung penerapan, jadi kami kembali ke cara lama.\n"
    "Pewawancara: Apa yang membantu?\n"
    "Narasumber: Aplikasi baru memudahkan pelaporan, tetapi jadwal pelatihan bentrok dengan tugas."
)


class StudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Study
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kajian {n}")
    owner = factory.SubFactory(OrgUnitFactory)
    year = 2026
    lead = factory.SubFactory(UserFactory)

    @factory.post_generation
    def team(obj, create, extracted, **kwargs):
        if create:
            obj.team.set([obj.lead, *(extracted or [])])


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    study = factory.SubFactory(StudyFactory)
    kind = SourceKind.INTERVIEW
    label = factory.Sequence(lambda n: f"W-{n:03d}")
    title = factory.Sequence(lambda n: f"Wawancara {n}")
    text = TRANSCRIPT
    unit = factory.LazyAttribute(lambda o: o.study.owner)
    position_kind = PositionKind.PENGAWAS


class CodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Code

    study = factory.SubFactory(StudyFactory)
    name = factory.Sequence(lambda n: f"Kode {n}")
    definition = "Definisi"


def interview_source(study: Study, **kwargs: Any) -> Source:
    source = SourceFactory(study=study, **kwargs)
    Interview.objects.create(source=source, held_on=dt.date(2026, 3, 2), consent=True)
    return source


def evidence_estate(world, program) -> dict[str, Any]:
    """A Medan study with one of everything a URL can point at (Medan's admin runs it as an
    admin of the subtree, without being on its team)."""
    study = StudyFactory(owner=world.medan, title="Kajian Medan", program=program)
    source = interview_source(
        study,
        title="Wawancara Medan",
        text=TRANSCRIPT + "\nNarasumber: Medan.",
        unit=world.medan_health,
    )
    document_source = SourceFactory(
        study=study, kind=SourceKind.DOCUMENT, label="D-01", title="SOP Medan", text="SOP Medan."
    )
    Document.objects.create(source=document_source, doc_type=DocumentType.SOP)
    code = CodeFactory(study=study, name="Dukungan atasan Medan")
    coding = Coding.objects.create(source=source, code=code, coder=study.lead, start=0, end=11)
    return {
        "study": study,
        "source": source,
        "document_source": document_source,
        "code": code,
        "coding": coding,
        "guide_question": GuideQuestion.objects.create(study=study, text="Pertanyaan Medan?"),
        "practice": Practice.objects.create(
            owner=world.medan,
            kind=PracticeKind.BEST_PRACTICE,
            title="Praktik Medan (draf)",
            summary="Ringkasan Medan",
            body="Uraian Medan",
            author=study.lead,
        ),
        **_plan_objects(world, study.lead),
        "stratum": SampleStratum.objects.create(
            study=study, unit=world.medan_health, position_kind=PositionKind.PENGAWAS
        ),
    }


def _plan_objects(world, author) -> dict[str, Any]:
    plan = TrainingPlan.objects.create(
        owner=world.medan, year=2027, title="Rencana Medan 2027", created_by=author
    )
    item = PlanItem.objects.create(
        plan=plan,
        priority=1,
        competency="etika",
        competency_label="Etika pelayanan publik",
        target_group="Dinas Kesehatan Kota Medan",
        participants=10,
        jp=24,
        cost_per_participant=3_600_000,
    )
    boss = EmployeeFactory(unit=world.medan_health, name="Kepala Medan")
    staff = EmployeeFactory(unit=world.medan_health, name="Staf Medan", supervisor=boss)
    Nomination.objects.create(employee=staff, nominated_by=boss, competency="etika", year=2027)
    return {"plan": plan, "plan_item": item}
