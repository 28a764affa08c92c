"""SKM fixtures: a Puskesmas in Medan (world.medan_puskesmas), one in Palembang, and helpers."""

import io

import pytest
import time_machine

from sieva.org.models import OrgKind
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmLink
from sieva.satisfaction.views import form_page, public
from tests.factories import OrgUnitFactory

HEADER = ["kode_unit", "tanggal", *ELEMENTS]


@pytest.fixture(autouse=True)
def _may_2026():
    with time_machine.travel("2026-05-20 10:00 +0700", tick=False):
        yield


@pytest.fixture(autouse=True)
def _fresh_public_memos():
    """The public form memoises links and rendered forms per process (decision 0056); each
    test has its own database, so it starts with empty memos."""
    public.link_memo_clear()
    form_page.memo_clear()
    yield
    public.link_memo_clear()
    form_page.memo_clear()


@pytest.fixture
def puskesmas(world):
    return world.medan_puskesmas


@pytest.fixture
def palembang_puskesmas(world):
    return OrgUnitFactory(
        kind=OrgKind.SERVICE_UNIT,
        code="PLG-PKM-01",
        name="Puskesmas Sekip",
        parent=world.palembang_health,
    )


@pytest.fixture
def link(puskesmas):
    return SkmLink.objects.create(unit=puskesmas, token="tokenmedan01")


def csv_file(rows, header=HEADER, delimiter=","):
    """An uploaded-file-like CSV from rows of cells."""
    lines = [delimiter.join(header)] + [delimiter.join(str(c) for c in row) for row in rows]
    return io.BytesIO(("\n".join(lines) + "\n").encode())


def answers_form(value=4, **overrides):
    data = {code: str(value) for code in ELEMENTS}
    data.update({k: str(v) for k, v in overrides.items()})
    return data


def upload_and_import(client, content, name="skm.csv", unit=None, columns=None):
    """The two steps of the upload page: the file (and its unit), then the preview's
    "Impor" with the proposed columns, changed where `columns` says (header → target)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    data = {"file": SimpleUploadedFile(name, content)}
    if unit is not None:
        data["unit"] = str(unit.pk)
    response = client.post(reverse("satisfaction:import"), data)
    if response.status_code != 302:
        return response
    preview = client.get(response["Location"])
    form = preview.context["form"]
    choice = {name: field.initial for name, field in form.fields.items()}
    for header, target in (columns or {}).items():
        index = next(i for i, f in form.fields.items() if f.label == header)
        choice[index] = target
    return client.post(response["Location"], {**choice, "import": "1"})
