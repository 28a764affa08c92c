"""What apps above `org` hear of employee changes they keep stores about.

`org` may not import the floors above it, yet stores there count employees by unit (the
participation store, decision 0069; the 20 JP counts per unit, decision 0070). Such an app
registers callbacks in its `ready()`; `org` calls every one, inside the transaction of the
write: `employees_moved` with the employees whose unit changed, `units_changed` with every
unit whose staff changed (someone joined, left, or changed kind, contract or activity).
"""

from collections.abc import Callable, Iterable

Callback = Callable[[Iterable[int]], None]

_moved: list[Callback] = []
_units: list[Callback] = []


def on_employees_moved(callback: Callback) -> None:
    """Register `callback` (registering it again changes nothing)."""
    if callback not in _moved:
        _moved.append(callback)


def on_units_changed(callback: Callback) -> None:
    """Register `callback` (registering it again changes nothing)."""
    if callback not in _units:
        _units.append(callback)


def _tell(callbacks: list[Callback], ids: Iterable[int]) -> None:
    wanted = sorted({pk for pk in ids if pk is not None})
    if wanted:
        for callback in callbacks:
            callback(wanted)


def employees_moved(employee_ids: Iterable[int]) -> None:
    """Tell every registered app that `employee_ids` now belong to another unit."""
    _tell(_moved, employee_ids)


def units_changed(unit_ids: Iterable[int]) -> None:
    """Tell every registered app that the staff of `unit_ids` changed."""
    _tell(_units, unit_ids)
