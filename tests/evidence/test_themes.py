"""Themes out: frequencies with small groups hidden, co-occurrence, quotes attributed to
groups of five or more, the joint display beside the L3 application rate, and the report."""

import pytest
from django.urls import reverse
from django.utils import timezone

from sieva.evidence import services
from sieva.evidence.models import Coding, SourceKind, ThemeKind
from sieva.evidence.selectors.joint import joint_display
from sieva.evidence.selectors.themes import (
    co_occurrence,
    exemplar_quotes,
    final_codings,
    report_themes,
    theme_table,
)
from sieva.instruments.exchange.document import write_version
from sieva.instruments.models import Answer, Instrument, Item, Purpose, Response
from sieva.org.access import user_access
from sieva.org.models import PositionKind
from tests.evidence.factories import SourceFactory, StudyFactory
from tests.factories import ProgramFactory


def _code(source, code, coder, exemplar=False):
    start = source.text.index("Atasan") if "Atasan" in source.text else 0
    coding = services.coding_add(
        actor=coder, source=source, codes=[code], start=start, end=len(source.text)
    )[0]
    if exemplar:
        services.coding_mark_exemplar(actor=coder, coding=coding, exemplar=True)
    return coding


@pytest.fixture
def interviews(study, world):
    """Six pengawas of Dinas Kesehatan, three administrators of Dinas Perhubungan."""
    health = [
        SourceFactory(
            study=study,
            label=f"W-{n}",
            unit=world.medan_health,
            position_kind=PositionKind.PENGAWAS,
            text=f"Narasumber: Atasan tidak mendukung ({n}).",
        )
        for n in range(6)
    ]
    transport = [
        SourceFactory(
            study=study,
            label=f"W-T{n}",
            unit=world.medan_transport,
            position_kind=PositionKind.ADMINISTRATOR,
            text=f"Narasumber: Jadwal bentrok ({n}).",
        )
        for n in range(3)
    ]
    return health, transport


def test_frequencies_count_sources_and_hide_groups_under_five(evan, study, codes, interviews):
    health, transport = interviews
    for source in health[:4]:
        _code(source, codes["support"], evan)
    for source in transport:
        _code(source, codes["schedule"], evan)
    by_role = theme_table(study, "role")
    assert by_role.n_sources == 9 and by_role.groups == {"Administrator": 3, "Pengawas": 6}
    row = {r.code.name: r for r in by_role.rows}
    assert row["Tidak ada dukungan atasan"].sources == 4
    assert row["Tidak ada dukungan atasan"].share == pytest.approx(400 / 9)
    assert row["Tidak ada dukungan atasan"].groups == {"Administrator": None, "Pengawas": 4}
    assert row["Jadwal bentrok"].groups == {"Administrator": None, "Pengawas": 0}
    assert by_role.suppressed == ["Administrator"]
    # both units lie in Kota Medan: one region of nine sources
    assert theme_table(study, "region").groups == {"Kota Medan": 9}


def test_the_final_coding_follows_the_primary_coder_and_the_adjudication(
    evan, kiki, study, codes, interviews
):
    source = interviews[0][0]
    mine = _code(source, codes["support"], evan)
    _code(source, codes["tools"], kiki)  # the second coder's codings do not count
    assert list(final_codings([study])) == [mine]
    services.adjudicate(
        actor=evan,
        source=source,
        code=codes["support"],
        start=0,
        end=len(source.text),
        applies=False,
    )
    assert not final_codings([study]).exists()


def test_co_occurrence_counts_sources_with_both_codes(evan, study, codes, interviews):
    for source in interviews[0][:3]:
        _code(source, codes["support"], evan)
    for source in interviews[0][1:4]:
        _code(source, codes["tools"], evan)
    codes_shown, matrix = co_occurrence(study)
    names = [c.name for c in codes_shown]
    both = matrix[names.index("Tidak ada dukungan atasan")][names.index("Aplikasi membantu")]
    assert both == 2 and matrix[0][0] == 3 and matrix[1][1] == 3


def test_quotes_are_attributed_to_groups_of_five_and_never_below(evan, study, codes, interviews):
    health, transport = interviews
    _code(health[0], codes["support"], evan, exemplar=True)
    _code(transport[0], codes["schedule"], evan, exemplar=True)
    quotes = {q.code: q for q in exemplar_quotes([study])}
    # six pengawas of Kota Medan: attributed to role and region
    assert quotes["Tidak ada dukungan atasan"].attribution == "Wawancara · Pengawas · Kota Medan"
    assert quotes["Tidak ada dukungan atasan"].text.startswith("Atasan tidak mendukung")
    # three administrators are too few: the quote falls back to the region (nine interviews)
    assert quotes["Jadwal bentrok"].attribution == "Wawancara · Kota Medan"


def test_a_quote_from_a_study_of_fewer_than_five_people_is_not_shown(evan, world, codes):
    small = StudyFactory(owner=world.medan, lead=evan)
    code = services.code_save(actor=evan, study=small, data={"name": "X", "definition": "x"})
    sources = [
        SourceFactory(
            study=small, label=f"W-{n}", unit=world.medan_health, text="Narasumber: Atasan sibuk."
        )
        for n in range(4)
    ]
    _code(sources[0], code, evan, exemplar=True)
    assert exemplar_quotes([small]) == []
    document = SourceFactory(
        study=small,
        kind=SourceKind.DOCUMENT,
        label="D-1",
        title="SOP Diklat",
        text="Atasan wajib memberi izin.",
        unit=None,
    )
    _code(document, code, evan, exemplar=True)
    assert [q.attribution for q in exemplar_quotes([small])] == ["Dokumen: SOP Diklat"]


def _l3_answers(world, values):
    document = {
        "schema": "sieva.instrument",
        "schema_version": 1,
        "instrument": {
            "code": "L3-UJI",
            "title": "L3",
            "purpose": "perilaku",
            "rater_kind": "atasan",
            "description": "",
        },
        "sections": [
            {
                "title": "A",
                "show_if": None,
                "items": [{"code": "frekuensi", "kind": "likert5", "label": "Seberapa sering?"}],
            }
        ],
        "scales": [],
    }
    instrument = Instrument.objects.create(
        owner=world.medan, code="L3-UJI", title="L3", purpose=Purpose.BEHAVIOUR
    )
    version = write_version(instrument=instrument, number=1, document=document)
    item = Item.objects.get(version=version, code="frekuensi")
    for unit, value in values:
        response = Response.objects.create(version=version, submitted_at=timezone.now(), unit=unit)
        Answer.objects.create(response=response, item=item, value_number=value)


def test_the_joint_display_puts_a_theme_beside_the_l3_application_rate(
    evan, study, codes, interviews, world
):
    health, _transport = interviews
    for source in health[:4]:
        _code(source, codes["support"], evan)
    # SIEVA_APPLIED_FREQUENCY = 3: four of six apply in health; transport has only two answers
    _l3_answers(
        world,
        [(world.medan_health, v) for v in (1, 2, 3, 4, 5, 5)] + [(world.medan_transport, 5)] * 2,
    )
    rows = {r.unit: r for r in joint_display(study, codes["support"])}
    health_row = rows["Dinas Kesehatan Kota Medan"]
    assert (health_row.sources, health_row.mentioning, health_row.respondents) == (6, 4, 6)
    assert health_row.share == pytest.approx(400 / 6)
    assert health_row.applied_rate == pytest.approx(400 / 6)
    transport_row = rows["Dinas Perhubungan Kota Medan"]
    assert transport_row.mentioning is None and transport_row.share is None  # three sources
    assert transport_row.applied_rate is None and transport_row.respondents == 2


def test_the_report_gets_the_themes_of_the_programs_studies(
    evan, world, codes, study, interviews, alice
):
    program = ProgramFactory(owner=world.medan, name="Kepemimpinan Pengawas")
    study.program = program
    study.save()
    codes["support"].theme_kind = ThemeKind.CHALLENGE
    codes["support"].save()
    for source in interviews[0]:
        _code(source, codes["support"], evan, exemplar=source.label == "W-0")
    themes = report_themes(user_access(alice), program_ids=[program.pk])
    assert themes.n_sources == 9 and themes.studies == ["Kajian Kepemimpinan Medan (2026)"]
    assert [(t.name, t.sources) for t in themes.themes] == [("Tidak ada dukungan atasan", 6)]
    assert [t.name for t in themes.challenges] == ["Tidak ada dukungan atasan"]
    assert themes.quotes[0].attribution == "Wawancara · Pengawas · Kota Medan"
    assert (
        report_themes(user_access(alice), program_ids=[ProgramFactory(owner=world.medan).pk])
        is None
    )


def test_a_leader_reads_the_analysis_page_and_its_export(
    client, lina, evan, study, codes, interviews
):
    for source in interviews[0]:
        _code(source, codes["support"], evan, exemplar=source.label == "W-0")
    client.force_login(lina)
    page = client.get(reverse("evidence:analysis", args=[study.pk]) + "?by=role")
    body = page.content.decode()
    assert page.status_code == 200 and 'id="theme-table"' in body and 'id="joint-display"' in body
    assert "Wawancara · Pengawas · Kota Medan" in body
    csv = client.get(reverse("evidence:analysis", args=[study.pk]) + "?by=role&format=csv")
    assert "Tidak ada dukungan atasan" in csv.content.decode("utf-8-sig")
    assert Coding.objects.count() == 6


def test_the_report_shows_the_themes_in_studi_kasus_and_the_challenges_in_tantangan(
    evan, world, codes, study, interviews, alice
):
    from sieva.evaluation.engine import Scope
    from sieva.reports.document import build_report

    program = ProgramFactory(owner=world.medan, name="Kepemimpinan Pengawas")
    study.program = program
    study.save()
    codes["support"].theme_kind = ThemeKind.CHALLENGE
    codes["support"].save()
    for source in interviews[0]:
        _code(source, codes["support"], evan, exemplar=source.label == "W-0")
    built = build_report(
        access=user_access(alice), scope=Scope(program_id=program.pk), author="alice"
    )
    sections = {s["key"]: s for s in built.document["sections"]}
    case = sections["studi_kasus"]["blocks"]
    assert any(blk.get("text") == "Temuan kualitatif" for blk in case), case
    table = next(blk for blk in case if blk["type"] == "table")
    assert table["rows"][0][:2] == ["Tidak ada dukungan atasan", "6"]
    assert any(
        "Wawancara · Pengawas · Kota Medan" in item
        for blk in case
        if blk["type"] == "list"
        for item in blk["items"]
    )
    challenges = [
        item
        for blk in sections["tantangan"]["blocks"]
        if blk["type"] == "list"
        for item in blk["items"]
    ]
    assert "Tidak ada dukungan atasan: 6 dari 9 sumber (66,7 %)" in challenges
