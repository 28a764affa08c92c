"""The example in docs/org-import.md imports as it stands into the demo's organisation tree,
and the kind table there says what the services enforce."""

import io
import re
from pathlib import Path

import pytest

from sieva.demo.orgtree import create_tree
from sieva.org.access import Access
from sieva.org.imports.units import import_units
from sieva.org.models import OrgKind, OrgUnit, Role
from sieva.org.services.unit_rules import PARENT_KINDS

pytestmark = pytest.mark.django_db

DOC = (Path(__file__).resolve().parents[2] / "docs" / "org-import.md").read_text(encoding="utf-8")


def example_csv() -> str:
    section = DOC.split("## Contoh (CSV", 1)[1]
    found = re.search(r"```\n(KODE;.*?)```", section, re.DOTALL)
    assert found, "docs/org-import.md lost its CSV example"
    return found.group(1)


def test_the_documented_example_imports_into_the_demo_tree():
    tree = create_tree()
    medan = tree.agencies["MDN"]
    access = Access(0, Role.AGENCY_ADMIN, medan.path, medan.pk, None)
    result = import_units(
        io.BytesIO(example_csv().encode()), "contoh.csv", actor=None, access=access
    )
    assert [(e.row, e.column, e.message) for e in result.errors] == []
    assert (result.created, result.updated) == (3, 2)
    terminal = OrgUnit.objects.get(code="MDN-TERM-AMPLAS")
    assert terminal.parent.code == "MDN-PU-ANGKUTAN" and terminal.service_population == 180_000
    assert OrgUnit.objects.get(code="MDN-PKM-HELVETIA").service_population == 24_000


def test_the_documented_kind_table_matches_the_rules():
    table = DOC.split("| Jenis | Induk yang boleh |", 1)[1].split("\n\n", 1)[0]
    rows = dict(re.findall(r"^\s*\| ([^|]+?) \| ([^|]+?) \|$", table, re.MULTILINE))
    labels = {str(kind.label).split(" /")[0]: kind for kind in OrgKind}
    documented = {
        labels[name.split(" /")[0]]: {
            k for label, k in labels.items() if re.search(rf"\b{label}\b", parents)
        }
        for name, parents in rows.items()
    }
    assert documented == {kind: set(parents) for kind, parents in PARENT_KINDS.items()}
