"""The tree an organisation import would leave behind, and its checks (decision 0051).

`UnitTree` lays the file's rows over the units of the importer's scope, keyed by upper-cased
code, then checks the result as a whole with the rules of `sieva.org.services.units`: parents
exist (later in the file or already in the scope), kinds fit, no loop, not too deep, active
units only under active parents, no active employee or subunit in a unit being deactivated.
"""

from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Count
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from sieva.org.access import Access, may_change_unit
from sieva.org.imports import unit_columns as col
from sieva.org.imports.employees import RowError
from sieva.org.imports.unit_rows import UnitRow
from sieva.org.models import Employee, OrgKind, OrgUnit
from sieva.org.services import unit_rules as rules

CODE_OUTSIDE_SCOPE = _("Kode ini sudah dipakai unit di luar cakupan Anda.")
KIND_CHANGED = _(
    "Jenis unit yang sudah ada tidak dapat diubah (tersimpan: %(kind)s); buat unit baru "
    "dengan kode lain bila perlu."
)
SCOPE_ROOT = _(
    "Unit ini puncak cakupan Anda; perubahannya dilakukan oleh admin yang cakupannya di atasnya."
)
PARENT_NOT_FOUND = _("Kode induk %(code)s tidak ada di berkas ini maupun dalam cakupan Anda.")
PARENT_REQUIRED = _("Kode induk wajib diisi untuk unit baru.")
PARENT_SELF = _("Kode induk sama dengan kode unit itu sendiri.")
LOOP = _("Induk membentuk lingkaran: %(chain)s.")
# Codes are looked up in chunks below SQLite's historical limit of 999 variables.
CHUNK = 900


@dataclass
class Node:
    """A unit as the file would leave it; `stored` is the unit before (None for a new one)."""

    key: str
    code: str
    name: str
    kind: str
    parent: str | None  # the parent's key; None for a root or a parent outside the scope
    active: bool
    population: int | None
    stored: OrgUnit | None = None
    stored_parent: str | None = None
    row: int = 0  # the file row, 0 for a unit the file leaves alone

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def moved(self) -> bool:
        """New, or given another parent: its place in the tree must be checked."""
        return self.stored is None or self.parent != self.stored_parent

    @property
    def changed(self) -> bool:
        stored = self.stored
        return stored is None or (
            self.moved
            or (self.name, self.active, self.population)
            != (stored.name, stored.active, stored.service_population)
        )


class UnitTree:
    """The scope's units as the file would leave them, keyed by upper-cased code."""

    def __init__(self, access: Access) -> None:
        self.access = access
        stored = list(
            OrgUnit.objects.select_for_update().filter(path__startswith=access.scope_path)
        )
        key_of = {unit.pk: unit.code.upper() for unit in stored}
        self.nodes: dict[str, Node] = {}
        for unit in stored:
            parent = key_of.get(unit.parent_id or 0)
            self.nodes[key_of[unit.pk]] = Node(
                key=key_of[unit.pk],
                code=unit.code,
                name=unit.name,
                kind=unit.kind,
                parent=parent,
                active=unit.active,
                population=unit.service_population,
                stored=unit,
                stored_parent=parent,
            )
        self.errors: list[RowError] = []

    def _error(self, row: int, column: str, message: Any) -> None:
        self.errors.append(RowError(row, column, str(message)))

    def apply(self, rows: list[UnitRow]) -> list[RowError]:
        """Lay `rows` over the stored units, then check the resulting tree; the problems."""
        taken = _codes_outside_scope([row.key for row in rows if row.key not in self.nodes])
        placed = []
        for row in rows:
            if row.key in taken:
                self._error(row.row, col.CODE, CODE_OUTSIDE_SCOPE)
            elif self._lay(row):
                placed.append(self.nodes[row.key])
        for node in placed:
            self._check_place(node)
        self._check_activity(placed)
        return self.errors

    def _lay(self, row: UnitRow) -> bool:
        """Put `row` into the tree; False (with the reason noted) when it cannot be."""
        node = self.nodes.get(row.key)
        if node is None:
            node = Node(row.key, row.code, row.name, row.kind, None, True, None)
        elif row.kind != node.kind:
            self._error(row.row, col.KIND, KIND_CHANGED % {"kind": OrgKind(node.kind).label})
            return False
        new = replace(node, name=row.name, row=row.row)
        if row.parent_key:
            new.parent = row.parent_key
        if row.population_given:
            new.population = row.population
        if row.active is not None:
            new.active = row.active
        if new.stored and new.changed and not may_change_unit(self.access, new.stored):
            self._error(row.row, col.CODE, SCOPE_ROOT)
            return False
        self.nodes[row.key] = new
        return True

    def _check_place(self, node: Node) -> None:
        """A new or moved unit: its parent exists, fits its kind, is not below it, and leaves
        the tree shallow enough. Any row: the service population suits the kind."""
        stored_population = getattr(node.stored, "service_population", None)
        problem = rules.population_problem(node.kind, node.population)
        if problem and node.population != stored_population:
            self._error(node.row, col.POPULATION, problem)
        if not node.moved:
            return
        if node.parent is None:
            self._check_new_root(node)
            return
        parent = self.nodes.get(node.parent)
        if parent is None:
            self._error(node.row, col.PARENT, PARENT_NOT_FOUND % {"code": node.parent})
        elif parent.key == node.key:
            self._error(node.row, col.PARENT, PARENT_SELF)
        elif chain := self._loop(node):
            self._error(node.row, col.PARENT, LOOP % {"chain": " → ".join(chain)})
        elif problem := rules.kind_problem(node.kind, parent.kind):
            self._error(node.row, col.PARENT if node.stored else col.KIND, problem)
        elif self.depth(node) + self._height(node) > rules.MAX_DEPTH:
            self._error(node.row, col.PARENT, rules.TOO_DEEP % {"limit": rules.MAX_DEPTH})

    def _check_new_root(self, node: Node) -> None:
        if node.kind != OrgKind.NATIONAL:
            self._error(node.row, col.PARENT, PARENT_REQUIRED)
        elif self.access.scope_path != "/":
            self._error(node.row, col.KIND, rules.ROOT_NEEDS_WHOLE_TREE)

    def _ancestors(self, node: Node) -> tuple[list[Node], bool]:
        """`node`'s parents up to the top of the scope (or a parent not in the tree, reported
        on its own row), and whether they run into a loop (the chain then ends at the repeat)."""
        chain, seen = [], {node.key}
        current = self.nodes.get(node.parent or "")
        while current is not None:
            chain.append(current)
            if current.key in seen:
                return chain, True
            seen.add(current.key)
            current = self.nodes.get(current.parent or "")
        return chain, False

    def _loop(self, node: Node) -> list[str]:
        """The codes from `node` round the loop its parents run into; [] when there is none."""
        chain, looped = self._ancestors(node)
        return [node.code, *(n.code for n in chain)] if looped else []

    def depth(self, node: Node) -> int:
        """`node`'s depth below the national root once the file is written (loop-free tree)."""
        chain, _looped = self._ancestors(node)
        top = chain[-1] if chain else node
        return len(chain) + (top.stored.depth if top.stored is not None else 0)

    def _height(self, node: Node) -> int:
        """How many levels lie below a stored unit today (they move with it)."""
        if node.stored is None:
            return 0
        below = OrgUnit.objects.filter(path__startswith=node.stored.path)
        deepest = below.order_by("-depth").values_list("depth", flat=True).first()
        return (deepest or node.stored.depth) - node.stored.depth

    def _check_activity(self, placed: list[Node]) -> None:
        """Active units only under active parents; no deactivated unit keeps active employees
        or active subunits."""
        children: dict[str, list[Node]] = {}
        for node in self.nodes.values():
            if node.parent is not None:
                children.setdefault(node.parent, []).append(node)
        closing = [n for n in placed if not n.active and (n.stored is None or n.stored.active)]
        staff = _active_staff([n.stored.pk for n in closing if n.stored is not None])
        for node in placed:
            parent = self.nodes.get(node.parent or "")
            if node.active and parent is not None and not parent.active:
                column = col.PARENT if node.moved else col.ACTIVE
                self._error(node.row, column, rules.PARENT_INACTIVE % {"name": parent.name})
        for node in closing:
            awake = sorted(child.label for child in children.get(node.key, []) if child.active)
            employees = staff.get(node.stored.pk, 0) if node.stored is not None else 0
            problems = [
                rules.employees_problem(node.name, employees),
                rules.children_problem(node.name, awake, len(awake)),
            ]
            for problem in filter(None, problems):
                self._error(node.row, col.ACTIVE, problem)


def _codes_outside_scope(keys: list[str]) -> set[str]:
    """Which of the upper-cased `keys` belong to units outside the scope (all units in scope
    are already known, so any unit found here lies outside it)."""
    found: set[str] = set()
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        codes = OrgUnit.objects.annotate(key=Upper("code")).filter(key__in=chunk)
        found.update(codes.values_list("key", flat=True))
    return found


def _active_staff(unit_ids: list[int]) -> dict[int, int]:
    if not unit_ids:
        return {}
    counts = (
        Employee.objects.filter(unit_id__in=unit_ids, is_active=True)
        .values_list("unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(counts)
