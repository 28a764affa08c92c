from decimal import Decimal

import pytest

from sieva.core.report_table import Suppressed
from sieva.org.access import user_access
from sieva.programs.models import ProgramKind
from sieva.programs.selectors import ParticipationFilter, participation_report
from tests.factories import CohortFactory, EmployeeFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db

FUNNEL_HEAD = ("invited", "registered", "attended", "completed", "participation", "completion")


def _rows(report, table):
    return report.tables[table].rows


def test_it_counts_the_funnel_per_program_with_rates_as_percentages(alice, programs):
    report = participation_report(user_access(alice), ParticipationFilter())
    assert _rows(report, "program") == [
        ("Pelatihan Pelayanan Prima", 7, 5, 4, 3, 57.1, 75.0),
        ("Seminar Transformasi Digital", 0, 0, 0, 0, None, None),
    ]
    assert (report.total.invited, report.total.attended) == (7, 4)


def test_it_counts_each_cohort_and_leaves_an_empty_one_without_rates(alice, programs):
    report = participation_report(user_access(alice), ParticipationFilter())
    assert _rows(report, "cohort") == [
        ("Pelatihan Pelayanan Prima", "Angkatan Lama", 1, 1, 1, 1, 100.0, 100.0),
        ("Pelatihan Pelayanan Prima", "Angkatan I", 6, 4, 3, 2, 50.0, 66.7),
        ("Seminar Transformasi Digital", "Angkatan Seminar", 0, 0, 0, 0, None, None),
    ]


def test_a_puskesmas_counts_under_its_dinas_in_the_unit_breakdown(alice, programs):
    report = participation_report(user_access(alice), ParticipationFilter(year=2026))
    assert _rows(report, "unit") == [
        ("Dinas Kesehatan Kota Medan", 5, 3, 3, 2, 60.0, 66.7),
        ("Dinas Perhubungan Kota Medan", 1, 1, 0, 0, 0.0, None),
    ]


def test_the_region_is_the_city_of_the_program_owner(alice, programs):
    report = participation_report(user_access(alice), ParticipationFilter(year=2026))
    assert _rows(report, "region") == [("Kota Medan", 6, 4, 3, 2, 50.0, 66.7)]


def test_units_of_other_organisations_stay_unnamed(alice, world, programs):
    guest = EmployeeFactory(name="Tamu Sumsel", unit=world.palembang_health)
    EnrollmentFactory(cohort=programs.seminar_cohort, employee=guest)
    rows = _rows(participation_report(user_access(alice), ParticipationFilter()), "unit")
    assert rows[-1] == ("Di luar cakupan Anda", 1, 0, 0, 0, 0.0, None)
    assert "Palembang" not in str(rows)


def test_it_counts_the_reasons_for_not_taking_part_with_their_share(alice, programs):
    report = participation_report(user_access(alice), ParticipationFilter())
    assert _rows(report, "reasons") == [
        ("Pelatihan Pelayanan Prima", "Benturan dengan tugas utama", 2, 66.7),
        ("Pelatihan Pelayanan Prima", "Tidak mendapat izin atasan", 1, 33.3),
    ]


def test_it_realises_the_budget_per_cohort_per_participant_and_per_jp(alice, programs):
    report = participation_report(user_access(alice), ParticipationFilter())
    # 10 500 000 / 12 000 000 = 87.5 %; / 3 attendees = 3 500 000; / (16 + 8 + 8) JP = 328 125.
    cohort_2026 = (
        "Pelatihan Pelayanan Prima", "Angkatan I", Decimal("12000000"), Decimal("10500000"),
        87.5, 3, Decimal("32"), Decimal("3500000"), Decimal("328125"),
    )  # fmt: skip
    assert _rows(report, "budget_cohort") == [
        ("Pelatihan Pelayanan Prima", "Angkatan Lama", *[None] * 7),
        cohort_2026,
        ("Seminar Transformasi Digital", "Angkatan Seminar", *[None] * 7),
    ]
    # The 2025 cohort has no budget, so the program's costs are those of the 2026 cohort.
    assert _rows(report, "budget_program") == [
        ("Pelatihan Pelayanan Prima", *cohort_2026[2:]),
        ("Seminar Transformasi Digital", *[None] * 7),
    ]


def test_cost_per_participant_rounds_half_up_to_whole_rupiah(alice, programs):
    programs.cohort_2026.budget_lines.update(realised=Decimal("1000000"))
    row = _rows(participation_report(user_access(alice), ParticipationFilter()), "budget_cohort")[1]
    # 2 000 000 / 3 = 666 666.67 -> 666 667; 2 000 000 / 32 JP = 62 500.
    assert row[-2:] == (Decimal("666667"), Decimal("62500"))


@pytest.mark.parametrize(
    ("filters", "programs_shown"),
    [
        ({"year": 2025}, ["Pelatihan Pelayanan Prima"]),
        ({"kind": ProgramKind.SEMINAR}, ["Seminar Transformasi Digital"]),
        ({"year": 2024}, []),
    ],
)
def test_it_filters_by_year_and_kind(alice, programs, filters, programs_shown):
    report = participation_report(user_access(alice), ParticipationFilter(**filters))
    assert [row[0] for row in _rows(report, "program")] == programs_shown


def test_it_filters_by_program_and_by_owner_node(alice, world, programs):
    access = user_access(alice)
    by_program = participation_report(access, ParticipationFilter(program=programs.seminar))
    assert [row[1] for row in _rows(by_program, "cohort")] == ["Angkatan Seminar"]
    CohortFactory(program__owner=world.medan_transport, program__name="Uji Dishub")
    by_node = participation_report(access, ParticipationFilter(node=world.medan_transport))
    assert [row[0] for row in _rows(by_node, "program")] == ["Uji Dishub"]


def test_a_leader_sees_small_units_and_small_reason_counts_suppressed(lina, programs):
    report = participation_report(user_access(lina), ParticipationFilter(year=2026))
    health, transport = _rows(report, "unit")
    assert health == ("Dinas Kesehatan Kota Medan", 5, 3, 3, 2, 60.0, 66.7)
    assert transport[0] == "Dinas Perhubungan Kota Medan"
    assert all(isinstance(cell, Suppressed) for cell in transport[1:])
    for _program, _reason, count, share in _rows(report, "reasons"):
        assert isinstance(count, Suppressed)
        assert share is None
    assert str(transport[1]) == "< 5"


def test_an_admin_of_palembang_gets_only_palembang_rows(bob, programs):
    report = participation_report(user_access(bob), ParticipationFilter())
    assert [row[0] for row in _rows(report, "program")] == ["Pelatihan Kearsipan Sumsel"]
    assert "Medan" not in str([table.rows for table in report.tables.values()])


def test_the_report_queries_do_not_grow_with_the_number_of_people(
    alice, world, programs, django_assert_max_num_queries
):
    access = user_access(alice)
    with django_assert_max_num_queries(9):
        participation_report(access, ParticipationFilter())
    for unit in (world.medan_health, world.medan_transport, world.medan_puskesmas) * 10:
        EnrollmentFactory(cohort=programs.seminar_cohort, employee__unit=unit)
    with django_assert_max_num_queries(9):
        report = participation_report(access, ParticipationFilter())
    assert report.total.invited == 37
