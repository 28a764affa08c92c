"""Qualitative evidence of the demo: in Medan, Palembang and Jakarta a study of the leadership
program's follow-up, with interviews of officials in three departments each, two documents,
a codebook, the lead's coding, a second coder's independent coding of a third of the
interviews (with realistic disagreement), some adjudications, exemplar quotes; Medan's open
answers with keyword suggestions; good-practice stories shared between the regions; and
Medan's training needs turned into a proposed plan under consultation."""

import datetime as dt
import math
import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from sieva.demo.qualitative_texts import (
    CODEBOOK,
    DOCUMENTS,
    OPENINGS,
    PRACTICES,
    QUESTIONS,
    SAYINGS,
    THEME_RATES,
)
from sieva.evidence import services
from sieva.evidence.models import (
    Assignment,
    Code,
    Coding,
    FeedbackKind,
    GuideQuestion,
    Nomination,
    PracticeFeedback,
    PracticeStatus,
    SampleStratum,
    Source,
    Study,
)
from sieva.evidence.selectors.agreement import agreement_report
from sieva.evidence.text import segments
from sieva.instruments.models import Answer, InstrumentVersion, Item, Purpose, Response
from sieva.instruments.services.aggregates import fold_responses
from sieva.org.models import Employee, OrgUnit, PositionKind
from sieva.programs.models import Program

INTERVIEWS_PER_UNIT = 5
DEPARTMENTS = ("DINKES", "DISHUB", "DISDUKCAPIL")
DOUBLE_SHARE = Decimal("0.30")
MISS, EXTRA, SUGGESTION_SPLIT = 0.12, 0.05, 0.5  # the second coder's ways of disagreeing


@dataclass(frozen=True)
class City:
    prefix: str
    agency: str
    program: str
    lead: str
    second: str
    adjudicate_all: bool


CITIES = (
    City("MDN", "PEMKOT-MDN", "MDN-KEPEMIMPINAN-MR", "evaluator.medan", "koder.medan", False),
    City("PLG", "PEMKOT-PLG", "PLG-LAYANAN-PRIMA", "admin.palembang", "admin.nasional", True),
    City("DKI", "PEMPROV-DKI", "DKI-KEPEMIMPINAN-MR", "admin.jakarta", "admin.nasional", True),
)


def build_qualitative(*, seed: int, today: dt.date) -> dict[str, int]:
    """Create the qualitative demo; returns row counts."""
    rng = random.Random(f"{seed}:qualitative")  # noqa: S311 - reproducible demo data
    users = {u.username: u for u in get_user_model().objects.all()}
    counts: Counter[str] = Counter()
    studies = {}
    for city in CITIES:
        studies[city.prefix] = _study(city, users, today, rng, counts)
    _open_answers(studies["MDN"], users["evaluator.medan"], counts)
    _practices(studies, users, counts)
    _planning(users, today, rng, counts)
    return dict(counts)


def _study(
    city: City, users: dict[str, Any], today: dt.date, rng: random.Random, counts: Counter[str]
) -> Study:
    lead, second = users[city.lead], users[city.second]
    owner = OrgUnit.objects.get(code=city.agency)
    study = services.study_save(
        actor=lead,
        lead=lead,
        data={
            "title": f"Penerapan hasil pelatihan kepemimpinan di {owner.name}",
            "owner": owner,
            "program": Program.objects.filter(code=city.program).first(),
            "year": today.year,
            "questions": "Apa yang mendorong dan menghambat alumni menerapkan hasil pelatihan?",
            "double_share": DOUBLE_SHARE,
            "alpha_threshold": Decimal("0.667"),
            "team": [second],
        },
    )
    GuideQuestion.objects.bulk_create(
        GuideQuestion(study=study, order=n, text=text)
        for n, text in enumerate(QUESTIONS.values(), 1)
    )
    codes = _codebook(study, lead)
    interviews = []
    for dept_code in DEPARTMENTS:
        unit = OrgUnit.objects.get(code=f"{city.prefix}-{dept_code}")
        stratum = SampleStratum.objects.create(
            study=study, unit=unit, position_kind=PositionKind.PENGAWAS, planned=INTERVIEWS_PER_UNIT
        )
        people = list(
            Employee.objects.filter(
                unit__path__startswith=unit.path, position_kind__in=PositionKind.managerial()
            ).order_by("nip")[:INTERVIEWS_PER_UNIT]
        )
        for n in range(INTERVIEWS_PER_UNIT):
            person = people[n] if n < len(people) else None
            themes = [t for t, p in THEME_RATES[city.prefix][dept_code].items() if rng.random() < p]
            interviews.append(_interview(study, lead, unit, stratum, person, themes, today, rng, n))
    counts["interviews"] += len(interviews)
    _code_interviews(study, interviews, codes, lead, second, rng)
    counts["codings"] += Coding.objects.filter(source__study=study).count()
    for n, (doc_type, title, number, text, checklist) in enumerate(DOCUMENTS, 1):
        document = services.document_save(
            actor=lead,
            study=study,
            data={
                "title": title,
                "doc_type": doc_type,
                "number": number.format(n=n),
                "issuer": owner.name,
                "issued_on": dt.date(today.year - 1, 3, 1),
                "text": text,
            },
        )
        services.document_review(
            actor=lead,
            document=document,
            answers={k: {"answer": v, "note": ""} for k, v in checklist.items()},
        )
        source = document.source
        for start, end in segments(source.text):
            if (
                "Atasan tidak diwajibkan" in source.text[start:end]
                or "evaluasi perilaku" in source.text[start:end]
            ):
                Coding.objects.create(
                    source=source, code=codes["atasan"], coder=lead, start=start, end=end
                )
        Assignment.objects.create(source=source, coder=lead, done_at=timezone.now())
        Source.objects.filter(pk=source.pk).update(primary_coder=lead)
        counts["documents"] += 1
    _adjudicate(study, lead, city.adjudicate_all)
    return study


def _codebook(study: Study, lead: Any) -> dict[str, Code]:
    codes: dict[str, Code] = {}
    for order, (key, name, parent, kind, definition, include, exclude, keywords) in enumerate(
        CODEBOOK, 1
    ):
        codes[key] = services.code_save(
            actor=lead,
            study=study,
            data={
                "name": name,
                "parent": codes.get(parent),
                "definition": definition,
                "include_rule": include,
                "exclude_rule": exclude,
                "keywords": keywords,
                "theme_kind": kind,
                "order": order,
            },
        )
    return codes


def _interview(
    study: Study,
    lead: Any,
    unit: OrgUnit,
    stratum: SampleStratum,
    person: Employee | None,
    themes: list[str],
    today: dt.date,
    rng: random.Random,
    n: int,
) -> tuple[Source, list[list[str]]]:
    """One interview; returns its source and the themes of each of the interviewee's turns."""
    name = person.name if person is not None else f"Pejabat {unit.code}-{n + 1}"
    turns: list[tuple[str, list[str]]] = [(rng.choice(OPENINGS), [])]
    barriers = [t for t in themes if t in ("atasan", "beban", "sarana")]
    enablers = [t for t in themes if t in ("coaching", "rencana")]
    turns.append(
        (" ".join(rng.choice(SAYINGS[t]) for t in barriers) or "Tidak banyak hambatan.", barriers)
    )
    turns.append(
        (
            " ".join(rng.choice(SAYINGS[t]) for t in enablers) or "Lebih banyak inisiatif sendiri.",
            enablers,
        )
    )
    turns.append((rng.choice(SAYINGS["saran"]), ["saran"]))
    lines = []
    for question, (answer, _themes) in zip(QUESTIONS.values(), turns, strict=True):
        lines += [f"Pewawancara: {question}", f"{name}: {answer}"]
    interview = services.interview_save(
        actor=lead,
        study=study,
        data={
            "held_on": today - dt.timedelta(days=60 - 3 * n),
            "unit": person.unit if person is not None else unit,
            "position_kind": person.position_kind if person is not None else PositionKind.PENGAWAS,
            "stratum": stratum,
            "interviewer": lead,
            "mode": "tatap_muka",
            "consent": True,
            "consent_note": "Persetujuan lisan di awal rekaman",
            "interviewee": person,
            "transcript": "\n".join(lines),
        },
    )
    return interview.source, [t for _a, t in turns]


def _code_interviews(
    study: Study,
    interviews: list[tuple[Source, list[list[str]]]],
    codes: dict[str, Code],
    lead: Any,
    second: Any,
    rng: random.Random,
) -> None:
    """The lead codes every interviewee turn with its themes; the second coder codes a third
    of the interviews independently, missing or adding a code now and then and reading
    "saran" far less consistently (so that code gets flagged for revision)."""
    rows: list[Coding] = []
    assignments: list[Assignment] = []
    now = timezone.now()
    sample = rng.sample(range(len(interviews)), math.ceil(float(DOUBLE_SHARE) * len(interviews)))
    exemplars: Counter[str] = Counter()
    for i, (source, turn_themes) in enumerate(interviews):
        spans = segments(source.text)[1::2]  # the interviewee's turns
        coders = [(lead, False)] + ([(second, True)] if i in sample else [])
        for coder, double in coders:
            assignments.append(Assignment(source=source, coder=coder, double=double, done_at=now))
            for (start, end), themes in zip(spans, turn_themes, strict=True):
                start += source.text[start:end].index(":") + 2  # the words, not the speaker
                picked = set(themes)
                if double:
                    picked = {
                        t
                        for t in picked
                        if rng.random() > (SUGGESTION_SPLIT if t == "saran" else MISS)
                    }
                    if rng.random() < EXTRA:
                        picked.add(rng.choice(["atasan", "beban", "coaching", "saran"]))
                for theme in sorted(picked):
                    exemplar = not double and exemplars[theme] < 2 and theme in themes
                    exemplars[theme] += int(exemplar)
                    rows.append(
                        Coding(
                            source=source,
                            code=codes[theme],
                            coder=coder,
                            start=start,
                            end=end,
                            exemplar=exemplar,
                        )
                    )
        Source.objects.filter(pk=source.pk).update(primary_coder=lead)
    Coding.objects.bulk_create(rows)
    Assignment.objects.bulk_create(assignments)


def _adjudicate(study: Study, lead: Any, everything: bool) -> None:
    """The lead settles the disagreements (all of them, or every other one so Medan's queue
    still has work for the journey through the demo)."""
    for n, d in enumerate(agreement_report(study).disagreements):
        if everything or n % 2 == 0:
            services.adjudicate(
                actor=lead,
                source=d.source,
                code=d.code,
                start=d.start,
                end=d.end,
                applies=sum(applied for _name, applied in d.votes) * 2 >= len(d.votes),
                note="Sesuai definisi kode",
            )


def _open_answers(study: Study, lead: Any, counts: Counter[str]) -> None:
    """Participants' suggestions in the reaction survey of the study's program, with keyword
    suggestions; the lead accepts a few."""
    item = (
        Item.objects.filter(code="saran", version__instrument__purpose=Purpose.REACTION)
        .filter(answers__response__campaign__cohort__program=study.program)
        .exclude(answers__value_text="")
        .distinct()
        .first()
    )
    if item is None:
        return
    counts["open_answers"] += services.open_answers_import(actor=lead, study=study, item=item)
    services.suggestions_make(actor=lead, study=study)
    for coding in Coding.objects.filter(source__study=study, suggested=True).order_by("pk")[:5]:
        services.suggestion_accept(actor=lead, coding=coding)


def _practices(studies: dict[str, Study], users: dict[str, Any], counts: Counter[str]) -> None:
    authors = {"MDN": "evaluator.medan", "PLG": "admin.palembang", "DKI": "admin.jakarta"}
    reviewers = {"MDN": "admin.medan", "PLG": "admin.nasional", "DKI": ""}
    practices = {}
    for prefix, kind, title, summary, body, figures, tags, status in PRACTICES:
        study = studies[prefix]
        practice = services.practice_save(
            actor=users[authors[prefix]],
            owner=study.owner,
            data={
                "kind": kind,
                "title": title,
                "summary": summary,
                "body": body,
                "figures": figures,
                "tags": tags,
                "program": study.program,
                "study": study,
                "quotes": list(
                    Coding.objects.filter(
                        source__study=study,
                        exemplar=True,
                        code__name__in=["Coaching dan pendampingan", "Rencana aksi dipantau"],
                    )[:2]
                ),
            },
        )
        services.practice_submit(actor=users[authors[prefix]], practice=practice)
        if status == PracticeStatus.PUBLISHED:
            services.practice_review(
                actor=users[reviewers[prefix]], practice=practice, publish=True
            )
        practices[prefix] = practice
        counts["practices"] += 1
    medan = practices["MDN"]
    for username, agency, kind in (
        ("admin.palembang", "PEMKOT-PLG", FeedbackKind.ADOPTED),
        ("admin.palembang", "PEMKOT-PLG", FeedbackKind.USEFUL),
        ("admin.jakarta", "PEMPROV-DKI", FeedbackKind.USEFUL),
    ):
        services.practice_feedback(
            actor=users[username], practice=medan, unit=OrgUnit.objects.get(code=agency), kind=kind
        )
    counts["practice_feedback"] = PracticeFeedback.objects.count()


def _planning(
    users: dict[str, Any], today: dt.date, rng: random.Random, counts: Counter[str]
) -> None:
    """Medan's needs questionnaire answered this year, supervisors' nominations for next year,
    and the proposed plan opened for officials' comments."""
    version = (
        InstrumentVersion.objects.filter(
            instrument__purpose=Purpose.NEEDS, instrument__is_standard=True, frozen_at__isnull=False
        )
        .order_by("-number")
        .first()
    )
    medan = OrgUnit.objects.get(code="PEMKOT-MDN")
    if version is None:
        return
    item = Item.objects.get(version=version, code="kompetensi")
    choices = [c["value"] for c in item.choices if c["value"] != "lainnya"]
    weights = [6, 4, 2, 5, 1, 3, 4, 5, 3, 2][: len(choices)]
    everyone = list(
        Employee.objects.filter(unit__path__startswith=medan.path, is_active=True)
        .select_related("supervisor")
        .order_by("nip")
    )
    people = everyone[::7][:60]
    submitted = dt.datetime(today.year, 2, 10, 2, tzinfo=dt.UTC)
    responses = []
    for person in people:
        response = Response.objects.create(
            version=version, submitted_at=submitted, respondent=person, unit_id=person.unit_id
        )
        picked = sorted(set(rng.choices(choices, weights=weights, k=3)))
        Answer.objects.create(response=response, item=item, value_json=picked)
        responses.append(response)
    fold_responses(responses)  # the running item aggregates follow every answer
    counts["needs_answers"] = len(people)
    nominated = 0
    for person in people:
        if person.supervisor_id and rng.random() < 0.4:
            Nomination.objects.get_or_create(
                employee=person,
                competency=rng.choices(choices, weights=weights)[0],
                year=today.year + 1,
                defaults={
                    "nominated_by": person.supervisor,
                    "reason": "Dibutuhkan untuk tugas tahun depan",
                },
            )
            nominated += 1
    counts["nominations"] = nominated
    plan = services.plan_propose(actor=users["admin.medan"], owner=medan, year=today.year + 1)
    services.plan_advance(actor=users["admin.medan"], plan=plan)
    services.plan_comment_add(
        actor=users["pimpinan.medan"],
        plan=plan,
        text="Setuju; prioritaskan pelatihan bagi petugas layanan langsung.",
    )
    counts["plans"] = 1
