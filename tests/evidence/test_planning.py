"""Training needs to next year's plan: needs per competency, unit and grade; a proposed plan
with priorities, target groups, JP and cost; comments before adoption; nominations."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sieva.evidence import services
from sieva.evidence.models import Nomination, PlanStatus
from sieva.evidence.selectors.planning import grade_group, needs_summary
from sieva.instruments.exchange.document import write_version
from sieva.instruments.models import Answer, Instrument, Item, Purpose, Response
from sieva.org.models import AsnKind, Role
from tests.factories import EmployeeFactory, user_with_role

CHOICES = [
    {"value": "komunikasi", "label": "Komunikasi efektif"},
    {"value": "analisis_data", "label": "Analisis data dan kebijakan"},
    {"value": "etika", "label": "Etika pelayanan publik"},
]


def _needs_answers(world, rows):
    """rows: (unit, grade, [competencies]) answered on 15 June of the year before 2027."""
    document = {
        "schema": "sieva.instrument",
        "schema_version": 1,
        "instrument": {
            "code": "AKP",
            "title": "AKP",
            "purpose": "kebutuhan",
            "rater_kind": "",
            "description": "",
        },
        "sections": [
            {
                "title": "A",
                "show_if": None,
                "items": [
                    {
                        "code": "kompetensi",
                        "kind": "multiple",
                        "label": "Kompetensi?",
                        "choices": CHOICES,
                    }
                ],
            }
        ],
        "scales": [],
    }
    instrument = Instrument.objects.create(
        owner=world.medan, code="AKP", title="AKP", purpose=Purpose.NEEDS
    )
    version = write_version(instrument=instrument, number=1, document=document)
    item = Item.objects.get(version=version, code="kompetensi")
    for unit, grade, chosen in rows:
        person = EmployeeFactory(unit=unit, grade=grade)
        response = Response.objects.create(
            version=version,
            submitted_at=dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC),
            respondent=person,
            unit=unit,
        )
        Answer.objects.create(response=response, item=item, value_json=chosen)


@pytest.fixture
def needs(world):
    health, transport = world.medan_health, world.medan_transport
    _needs_answers(
        world,
        [(health, "III/a", ["komunikasi", "analisis_data"])] * 6
        + [(transport, "II/c", ["etika"])] * 2
        + [(world.medan_puskesmas, "III/b", ["komunikasi"])] * 3,
    )
    boss = EmployeeFactory(unit=transport, grade="IV/a", name="Kabid Dishub")
    for n in range(3):
        person = EmployeeFactory(unit=transport, grade="II/d", supervisor=boss, name=f"Staf {n}")
        services.nomination_add(
            actor=None, supervisor=boss, employee=person, competency="etika", year=2027
        )
    return boss


def test_grade_groups():
    assert grade_group("III/a", AsnKind.PNS) == "Golongan III"
    assert grade_group("IX", AsnKind.PPPK) == "PPPK" and grade_group("", AsnKind.PNS) == "—"


def test_needs_are_counted_per_competency_unit_and_grade(world, needs):
    cells = {(c.competency, c.unit, c.grade): c for c in needs_summary(world.medan, 2027)}
    # the Puskesmas lies in Dinas Kesehatan: its answers count for the department
    assert cells[("komunikasi", "Dinas Kesehatan Kota Medan", "Golongan III")].respondents == 9
    assert cells[("etika", "Dinas Perhubungan Kota Medan", "Golongan II")].respondents == 2
    assert cells[("etika", "Dinas Perhubungan Kota Medan", "Golongan II")].nominations == 3
    assert needs_summary(world.medan, 2026) == []  # answers of 2026 serve the plan of 2027


def test_a_plan_is_proposed_from_the_needs(alice, world, needs, settings):
    settings.SIEVA_PLAN_DEFAULT_JP, settings.SIEVA_PLAN_COST_PER_JP = 24, 150_000
    plan = services.plan_propose(actor=alice, owner=world.medan, year=2027)
    items = list(plan.items.all())
    # demand = respondents + 2 × nominations: komunikasi 9, etika 2 + 6 = 8, analisis data 6
    assert [(i.priority, i.competency) for i in items] == [
        (1, "komunikasi"),
        (2, "etika"),
        (3, "analisis_data"),
    ]
    etika = items[1]
    assert etika.participants == 5 and etika.evidence == "2 responden memilih, 3 usulan atasan"
    assert etika.target_group == "Dinas Perhubungan Kota Medan · Golongan II"
    assert etika.jp == Decimal("24") and etika.cost_per_participant == Decimal("3600000")
    assert etika.estimated_cost == Decimal("18000000")
    assert plan.status == PlanStatus.DRAFT and "11 pilihan" not in plan.basis
    with pytest.raises(ValidationError, match="Belum ada jawaban"):
        services.plan_propose(actor=alice, owner=world.palembang, year=2027)


def test_officials_comment_before_adoption_and_not_after(client, alice, lina, world, needs):
    plan = services.plan_propose(actor=alice, owner=world.medan, year=2027)
    client.force_login(lina)
    url = reverse("evidence:plan_detail", args=[plan.pk])
    client.post(url, {"text": "Prioritaskan etika untuk petugas loket."})
    assert plan.comments.get().author == lina
    assert client.post(reverse("evidence:plan_advance", args=[plan.pk])).status_code == 403
    client.force_login(alice)
    client.post(reverse("evidence:plan_advance", args=[plan.pk]))
    client.post(reverse("evidence:plan_advance", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ADOPTED and plan.adopted_by == alice
    with pytest.raises(ValidationError, match="sudah ditetapkan"):
        services.plan_comment_add(actor=lina, plan=plan, text="Terlambat")
    item = plan.items.first()
    response = client.post(
        reverse("evidence:plan_item_edit", args=[item.pk]),
        {
            "priority": 1,
            "target_group": "x",
            "participants": 3,
            "jp": "16",
            "cost_per_participant": "1",
        },
    )
    assert "sudah ditetapkan" in response.content.decode()


def test_the_admin_sees_the_needs_and_proposes_a_plan_on_the_page(client, alice, world, needs):
    client.force_login(alice)
    page = client.get(reverse("evidence:plan_list"), {"owner": world.medan.pk, "year": 2027})
    body = page.content.decode()
    assert 'id="needs-table"' in body and "Komunikasi efektif" in body
    assert "&lt;5" in body  # two respondents chose etika: not shown
    response = client.post(reverse("evidence:plan_list"), {"owner": world.medan.pk, "year": 2027})
    assert response.status_code == 302


def test_a_supervisor_nominates_only_direct_subordinates(client, world, needs):
    boss = needs
    user = user_with_role("kabid", Role.SUPERVISOR, world.medan_transport, employee=boss)
    stranger = EmployeeFactory(unit=world.medan_transport)
    mine = EmployeeFactory(unit=world.medan_transport, supervisor=boss, name="Staf Baru")
    client.force_login(user)
    page = client.get(reverse("evidence:nominations"))
    assert page.status_code == 200 and "Staf Baru" in page.content.decode()
    client.post(
        reverse("evidence:nominations"), {"employee": mine.pk, "competency": "etika", "year": 2027}
    )
    assert Nomination.objects.filter(employee=mine).exists()
    with pytest.raises(ValidationError, match="bukan bawahan"):
        services.nomination_add(
            actor=user, supervisor=boss, employee=stranger, competency="etika", year=2027
        )


def test_a_participant_has_no_nomination_page(client, pia):
    client.force_login(pia)
    assert client.get(reverse("evidence:nominations")).status_code == 403
