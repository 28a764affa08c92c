"""Which service units a front-line program reaches first (the evaluation's comparison group).

Programs for front-line staff are rolled out unit by unit: in each government a third of the
units layanan (by code order) wait for a later wave of Layanan Prima, and another third for a
later wave of Komunikasi Efektif, so none of their staff is invited yet. Those units are what
the L4 evaluation compares the trained units with (decision 0012: a comparison unit has no
staff in any cohort of the program); without them every city would only have a before/after.
The two waves cross (positions mod 3 and mod 9), so each program's waiting units have the
same share of units trained in the other program as its trained units: neither program's
effect leaks into the other's comparison.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from sieva.demo.people import Person
from sieva.org.models import OrgKind

# Program key -> is the unit at this position (by code, within its government) waiting?
LATER_WAVE: dict[str, Callable[[int], bool]] = {
    "LAYANAN-PRIMA": lambda position: position % 3 == 1,
    "KOMUNIKASI": lambda position: position % 9 < 3,
}


def later_wave_units(people: Iterable[Person]) -> dict[str, frozenset[int]]:
    """Program key -> ids of the service units whose staff it does not invite yet."""
    codes: dict[str, dict[str, int]] = defaultdict(dict)
    for person in people:
        unit = person.obj.unit
        if unit.kind == OrgKind.SERVICE_UNIT:
            codes[person.agency][unit.code] = unit.pk
    later: dict[str, set[int]] = defaultdict(set)
    for units in codes.values():
        for position, code in enumerate(sorted(units)):
            for program, waits in LATER_WAVE.items():
                if waits(position):
                    later[program].add(units[code])
    return {program: frozenset(ids) for program, ids in later.items()}


def waits_for_later_wave(person: Person, program: str, later: dict[str, frozenset[int]]) -> bool:
    return person.obj.unit_id in later.get(program, frozenset())
