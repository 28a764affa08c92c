"""`import_units`: an organisation structure from CSV/XLSX, all or nothing (docs/org-import.md).

Rows are upserted by KODE (any case). Each row is checked on its own, then the tree the file
would leave behind is checked as a whole with the rules of `sieva.org.services.units`:
parents exist (later in the file or already in the scope), kinds fit, no loop, not too deep,
an active unit only under active parents, no active employee or subunit left in a unit being
deactivated. One error anywhere and nothing is written. A clean file is written in one
transaction, level by level from the root (new units in one insert per level, moved branches
with their whole subtree), with one audit event per unit created or changed and one for the
file.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import IO, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record, model_changes
from sieva.core.tables import UnreadableFile, read_table
from sieva.org.access import Access, Capability, may_change_unit
from sieva.org.imports import unit_columns as col
from sieva.org.imports.employees import FILE_ROW, NO_ROWS, RowError
from sieva.org.imports.rows import is_blank
from sieva.org.imports.unit_rows import RowReader, UnitRow
from sieva.org.models import Employee, OrgKind, OrgUnit
from sieva.org.services import units as rules

DUPLICATE_CODE = _("Kode ini sudah ada di baris %(first)d.")
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
_CHUNK = 900


@dataclass
class UnitImportResult:
    """What was written (all 0 when `errors` is non-empty, as nothing is written then)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


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


def import_units(
    file_obj: IO[bytes], filename: str, *, actor: Any, access: Access
) -> UnitImportResult:
    """Create or update the units in a CSV/XLSX file, or write nothing and list why not.

    Units must lie inside `access`'s subtree (new top units hang from a unit in it).
    Raises PermissionDenied when the role may not edit the organisation.
    """
    if not access.can(Capability.EDIT_ORGANISATION):
        raise PermissionDenied
    try:
        table = read_table(file_obj, filename)
        layout, header_problems = col.match_header(table.header)
        if header_problems:
            return _failed(RowError(1, column, message) for column, message in header_problems)
        rows, errors = _read_rows(table.rows, RowReader(layout))
    except UnreadableFile as exc:
        return _failed([RowError(FILE_ROW, "", str(exc))])
    if not rows and not errors:
        return _failed([RowError(FILE_ROW, "", str(NO_ROWS))])
    with transaction.atomic():
        # Read, check and write in one transaction, the scope's units locked against a
        # concurrent move, so the checks stay true until the commit.
        tree = _Tree(access)
        errors += tree.apply(rows)
        if errors:
            return _failed(errors)
        return tree.write(actor=actor, access=access, filename=filename)


def _failed(errors: Iterable[RowError]) -> UnitImportResult:
    order = {name: index for index, name in enumerate(col.ALL)}
    return UnitImportResult(errors=sorted(errors, key=lambda e: (e.row, order.get(e.column, -1))))


def _read_rows(
    raw_rows: Iterable[tuple[int, list[Any]]], reader: RowReader
) -> tuple[list[UnitRow], list[RowError]]:
    rows: list[UnitRow] = []
    errors: list[RowError] = []
    first_row: dict[str, int] = {}
    for number, raw in raw_rows:
        if is_blank(raw):
            continue
        row = reader.read(number, raw)
        errors.extend(RowError(number, column, message) for column, message in reader.problems)
        if row is None:
            continue
        if row.key in first_row:
            params = {"first": first_row[row.key]}
            errors.append(RowError(number, col.CODE, str(DUPLICATE_CODE) % params))
            continue
        first_row[row.key] = number
        rows.append(row)
    return rows, errors


class _Tree:
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
        elif self._depth(node) + self._height(node) > rules.MAX_DEPTH:
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

    def _depth(self, node: Node) -> int:
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

    def write(self, *, actor: Any, access: Access, filename: str) -> UnitImportResult:
        """Write the checked tree, parents before children; inside the caller's transaction."""
        result = UnitImportResult()
        by_depth: dict[int, list[Node]] = {}
        for node in self.nodes.values():
            if node.row and not node.changed:
                result.unchanged += 1
            elif node.row:
                by_depth.setdefault(self._depth(node), []).append(node)
        ids = {node.key: node.stored.pk for node in self.nodes.values() if node.stored}
        for level in sorted(by_depth):
            nodes = by_depth[level]
            for node, unit in _create_level([n for n in nodes if n.stored is None], ids):
                ids[node.key] = unit.pk
                result.created += 1
                audit_record(
                    actor=actor,
                    action="org_unit.create",
                    obj=unit,
                    org_path=unit.path,
                    changes={**model_changes({}, rules.snapshot(unit)), "file": filename[:200]},
                )
            for node in nodes:
                if node.stored is not None:
                    _update(node, ids, actor=actor, filename=filename)
                    result.updated += 1
        audit_record(
            actor=actor,
            action="org_unit.import",
            object_type=OrgUnit._meta.label,
            org_path=access.scope_path,
            changes={
                "file": filename[:200],
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
        )
        return result


def _update(node: Node, ids: dict[str, int], *, actor: Any, filename: str) -> None:
    """Move and change a stored unit as the file says."""
    assert node.stored is not None  # noqa: S101 - only stored nodes come here
    unit = OrgUnit.objects.get(pk=node.stored.pk)  # its path may have moved with a branch
    before = rules.snapshot(unit)
    if node.moved and node.parent is not None:
        rules.rewrite_subtree(unit, OrgUnit.objects.get(pk=ids[node.parent]))
    unit.name, unit.active, unit.service_population = node.name, node.active, node.population
    OrgUnit.objects.filter(pk=unit.pk).update(
        name=unit.name, active=unit.active, service_population=unit.service_population
    )
    changes = model_changes(before, rules.snapshot(unit))
    audit_record(
        actor=actor,
        action="org_unit.update",
        obj=unit,
        org_path=unit.path,
        changes={**changes, "file": filename[:200]},
    )


def _codes_outside_scope(keys: list[str]) -> set[str]:
    """Which of the upper-cased `keys` belong to units outside the scope (all units in scope
    are already known, so any unit found here lies outside it)."""
    found: set[str] = set()
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
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


def _create_level(nodes: list[Node], ids: dict[str, int]) -> list[tuple[Node, OrgUnit]]:
    """Insert the new units of one level at once, then write their paths (they need the ids)."""
    if not nodes:
        return []
    parent_ids = {ids[n.parent] for n in nodes if n.parent is not None}
    parents = {
        pk: (path, depth)
        for pk, path, depth in OrgUnit.objects.filter(pk__in=parent_ids).values_list(
            "pk", "path", "depth"
        )
    }
    units = OrgUnit.objects.bulk_create(
        OrgUnit(
            kind=n.kind,
            code=n.code,
            name=n.name,
            parent_id=ids[n.parent] if n.parent is not None else None,
            active=n.active,
            service_population=n.population,
        )
        for n in nodes
    )
    for unit in units:
        path, depth = parents.get(unit.parent_id or 0, ("/", -1))
        unit.path, unit.depth = f"{path}{unit.pk}/", depth + 1
    OrgUnit.objects.bulk_update(units, ["path", "depth"], batch_size=500)
    return list(zip(nodes, units, strict=True))
