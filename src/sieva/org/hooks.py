"""What apps above `org` hear of employee changes they keep stores about.

`org` may not import the floors above it, yet a store there can be keyed by an employee's
unit (the participation store, decision 0069). Such an app registers a callback in its
`ready()`; `org` calls every callback, inside the transaction of the write, with the ids of
the employees whose unit changed.
"""

from collections.abc import Callable, Iterable

EmployeesMoved = Callable[[Iterable[int]], None]

_moved: list[EmployeesMoved] = []


def on_employees_moved(callback: EmployeesMoved) -> None:
    """Register `callback` (once per process; registering it again changes nothing)."""
    if callback not in _moved:
        _moved.append(callback)


def employees_moved(employee_ids: Iterable[int]) -> None:
    """Tell every registered app that `employee_ids` now belong to another unit."""
    ids = sorted(set(employee_ids))
    if not ids:
        return
    for callback in _moved:
        callback(ids)
