"""Every URL of SIEVA, visited as Palembang's admin, discloses nothing of Medan.

The test walks the URL resolver, so a new page cannot slip past it: a named pattern that is
neither in OBJECT_PAGES nor LIST_PAGES nor PUBLIC fails the first test until its author says
which Medan object it shows. Alice, Medan's own admin, opens the same URLs as the control,
so a page that simply shows nothing to anyone cannot pass for a scoped one.
"""

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import openpyxl
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sieva.instruments.document import write_version
from sieva.instruments.models import Instrument
from sieva.programs.models import AbsenceReason, EnrollmentStatus
from tests.factories import (
    BudgetLineFactory,
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
    SubjectFactory,
)
from tests.instruments.conftest import sample_document

MARK = "Medan"  # every Medan object below carries it; no Palembang page may show it


@dataclass
class Estate:
    """One of each Medan object a URL can point at."""

    objects: dict[str, Any]

    def pk(self, name: str) -> dict[str, Any]:
        return {"pk": self.objects[name].pk}


# URL name -> the kwargs that point it at a Medan object.
OBJECT_PAGES: dict[str, Callable[[Estate], dict[str, Any]]] = {
    "programs:program_detail": lambda e: e.pk("program"),
    "programs:program_edit": lambda e: e.pk("program"),
    "programs:cohort_create": lambda e: e.pk("program"),
    "programs:subject_create": lambda e: e.pk("program"),
    "programs:subject_edit": lambda e: e.pk("subject"),
    "programs:subject_delete": lambda e: e.pk("subject"),
    "programs:cohort_detail": lambda e: e.pk("cohort"),
    "programs:cohort_edit": lambda e: e.pk("cohort"),
    "programs:cohort_export": lambda e: e.pk("cohort"),
    "programs:session_create": lambda e: e.pk("cohort"),
    "programs:session_edit": lambda e: e.pk("session"),
    "programs:session_delete": lambda e: e.pk("session"),
    "programs:budget": lambda e: e.pk("cohort"),
    "programs:budget_line_delete": lambda e: e.pk("budget_line"),
    "programs:enrollment_list": lambda e: e.pk("cohort"),
    "programs:enrollment_add": lambda e: e.pk("cohort"),
    "programs:enrollment_bulk": lambda e: e.pk("cohort"),
    "programs:enrollment_edit": lambda e: e.pk("enrollment"),
    "programs:enrollment_remove": lambda e: e.pk("enrollment"),
    "programs:attendance": lambda e: e.pk("cohort"),
    "programs:attendance_set": lambda e: e.pk("cohort"),
    "org:employee_detail": lambda e: e.pk("employee"),
    "org:employee_edit": lambda e: e.pk("employee"),
    **{
        f"instruments:{name}": lambda e: e.pk("instrument")
        for name in (
            "instrument_detail",
            "instrument_update",
            "instrument_clone",
            "instrument_versions",
            "instrument_edit",
            "version_publish",
            "section_create",
            "item_create",
        )
    },
    "instruments:version_detail": lambda e: {**e.pk("instrument"), "number": 1},
    "instruments:instrument_export": lambda e: {**e.pk("instrument"), "fmt": "json"},
    "instruments:section_edit": lambda e: {
        **e.pk("instrument"),
        "section_id": e.objects["instrument_section"].pk,
    },
    "instruments:section_delete": lambda e: {
        **e.pk("instrument"),
        "section_id": e.objects["instrument_section"].pk,
    },
    "instruments:item_edit": lambda e: {
        **e.pk("instrument"),
        "item_id": e.objects["instrument_item"].pk,
    },
    "instruments:item_delete": lambda e: {
        **e.pk("instrument"),
        "item_id": e.objects["instrument_item"].pk,
    },
}


# URL names without an object: Palembang's admin gets the page, and it names nothing of Medan.
# `shows_medan` says whether Alice's copy of the page names Medan (the control); `exports` are
# the query strings of every file the page offers; `bare` is False for a file-only URL.
@dataclass(frozen=True)
class ListPage:
    shows_medan: bool
    exports: tuple[str, ...] = ("format=csv", "format=xlsx")
    bare: bool = True


def _tables(*names: str) -> tuple[str, ...]:
    return tuple(f"format={fmt}&table={name}" for name in names for fmt in ("csv", "xlsx"))


NO_EXPORT = ListPage(shows_medan=False, exports=())
LIST_PAGES: dict[str, ListPage] = {
    "home": NO_EXPORT,
    "evaluation:participation": ListPage(
        True,
        _tables(
            "program", "cohort", "unit", "region", "reasons", "budget_program", "budget_cohort"
        ),
    ),
    "evaluation:jp_report": ListPage(True, _tables("units", "pns_below", "pppk_over")),
    "programs:program_list": ListPage(True),
    "programs:program_create": NO_EXPORT,
    "org:employee_list": ListPage(True),
    "org:employee_create": NO_EXPORT,
    "org:employee_import": NO_EXPORT,
    "org:employee_import_template": ListPage(False, bare=False),
    "org:unit_list": ListPage(True),
    "instruments:instrument_list": ListPage(True, exports=()),
    "instruments:instrument_create": NO_EXPORT,
    "instruments:instrument_import": NO_EXPORT,
}

# Pages that only ever show the signed-in user's own work (e.g. their last import's errors).
OWN_PAGES = {"org:employee_import_errors"}

# Pages with nothing scoped on them: signing in and out, the language switch, Django's admin
# (superusers only, tested in tests/org/test_access.py).
PUBLIC_PREFIXES = ("admin:", "login", "logout", "password_", "set_language")


def _named_patterns(patterns: list[URLPattern | URLResolver], namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_patterns(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}"


def all_url_names() -> set[str]:
    return set(_named_patterns(get_resolver().url_patterns))


@pytest.fixture
def estate(world) -> Estate:
    unit = world.medan_health
    employee = EmployeeFactory(unit=unit, name="Siti Medan Rahasia")
    program = ProgramFactory(owner=world.medan, name="Kepemimpinan Medan")
    cohort = CohortFactory(program=program, name="Angkatan Medan I")
    session = SessionFactory(cohort=cohort, title="Sesi Medan")
    enrollment = EnrollmentFactory(cohort=cohort, employee=employee, status=EnrollmentStatus.PASSED)
    EnrollmentFactory(
        cohort=cohort,
        employee=EmployeeFactory(unit=world.medan_transport, name="Budi Medan"),
        status=EnrollmentStatus.WITHDRAWN,
        absence_reason=AbsenceReason.DUTY_CLASH,
    )
    objects = {
        "unit": unit,
        "employee": employee,
        "program": program,
        "subject": SubjectFactory(program=program, name="Materi Medan"),
        "cohort": cohort,
        "session": session,
        "enrollment": enrollment,
        "budget_line": BudgetLineFactory(cohort=cohort),
    }
    instrument = Instrument.objects.create(
        owner=world.medan, code="INS-MDN", title="Reaksi Medan", purpose="reaksi"
    )
    draft = write_version(instrument=instrument, number=1, document=sample_document("INS-MDN"))
    objects["instrument"] = instrument
    objects["instrument_section"] = draft.sections.first()
    objects["instrument_item"] = draft.items.get(code="tgl")
    return Estate(objects)


def test_every_named_url_is_classified():
    names = {n for n in all_url_names() if not n.startswith(PUBLIC_PREFIXES)}
    classified = set(OBJECT_PAGES) | set(LIST_PAGES) | OWN_PAGES
    unclassified = names - classified
    stale = classified - names
    assert not unclassified, f"say which Medan object these URLs show: {sorted(unclassified)}"
    assert not stale, f"these URL names no longer exist: {sorted(stale)}"


def _text(response) -> str:
    """What a person could read in the response, whether a page, a CSV or a workbook."""
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
        return " ".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("name", sorted(OBJECT_PAGES))
def test_another_regions_admin_cannot_reach_a_medan_object(name, client, alice, bob, estate):
    url = reverse(name, kwargs=OBJECT_PAGES[name](estate))
    if name.endswith("_export"):
        url += "?format=csv"
    client.force_login(alice)
    assert client.get(url).status_code in (200, 405), "control: Medan's admin reaches it"

    client.force_login(bob)
    # 404, not 403: another region's admin must not learn the object exists. A POST-only view
    # may answer a GET with 405 before it looks the object up; a POST always meets the lookup.
    got, posted = client.get(url), client.post(url)
    assert got.status_code in (404, 405), name
    assert posted.status_code == 404, name
    assert MARK not in _text(got)


def _list_urls() -> list[str]:
    return [
        f"{name}?{query}" if query else name
        for name, page in sorted(LIST_PAGES.items())
        for query in ("",) * page.bare + page.exports
    ]


@pytest.mark.parametrize("target", _list_urls())
def test_another_regions_lists_and_exports_name_nothing_of_medan(
    target, client, alice, bob, estate
):
    name, _sep, query = target.partition("?")
    url = f"{reverse(name)}?{query}"
    client.force_login(alice)
    alices = client.get(url)
    assert alices.status_code == 200
    if LIST_PAGES[name].shows_medan and not query:
        assert MARK in _text(alices), "control: Medan's admin sees Medan here"

    client.force_login(bob)
    response = client.get(url)
    assert response.status_code == 200
    assert MARK not in _text(response)
    assert estate.objects["employee"].nip not in _text(response)


@pytest.mark.parametrize("name", sorted(OWN_PAGES))
def test_pages_of_ones_own_work_show_nothing_of_anothers(name, client, bob, estate):
    client.force_login(bob)
    response = client.get(reverse(name))
    assert response.status_code in (200, 404)
    assert MARK not in _text(response)
