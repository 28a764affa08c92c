"""The example in docs/employee-import.md imports as it stands into the demo's organisation tree,
so a reader who copies it into `sieva demo` data gets three employees, not an error report."""

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from sieva.demo.orgtree import create_tree
from sieva.org.access import Access
from sieva.org.imports import import_employees
from sieva.org.models import Employee, Role

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[2] / "docs" / "employee-import.md"


def example_csv() -> str:
    """The fenced block under the "Contoh (CSV…)" heading."""
    section = DOC.read_text(encoding="utf-8").split("## Contoh (CSV", 1)[1]
    found = re.search(r"```\n(NIP;.*?)```", section, re.DOTALL)
    assert found, "docs/employee-import.md lost its CSV example"
    return found.group(1)


def test_the_documented_example_imports_into_the_demo_tree():
    tree = create_tree()
    medan = tree.agencies["MDN"]
    access = Access(0, Role.AGENCY_ADMIN, medan.path, medan.pk, None)
    upload = io.BytesIO(example_csv().encode("utf-8"))
    result = import_employees(
        upload, "contoh.csv", actor=None, access=access, today=dt.date(2026, 1, 15)
    )
    assert [(e.row, e.column, e.message) for e in result.errors] == []
    assert result.created == 3
    nurse = Employee.objects.get(nip="199002152015032004")
    assert nurse.unit.code == "MDN-PKM-HELVETIA"
    assert nurse.supervisor.nip == "197001011995031001"
