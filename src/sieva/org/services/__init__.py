"""Writes on the organisation data: employees (`employees`) and the unit tree (`units`)."""

from sieva.org.services.employees import (
    employee_create,
    employee_input_errors,
    employee_update,
)
from sieva.org.services.units import (
    unit_create,
    unit_deactivate,
    unit_move,
    unit_reactivate,
    unit_update,
)

__all__ = [
    "employee_create",
    "employee_input_errors",
    "employee_update",
    "unit_create",
    "unit_deactivate",
    "unit_move",
    "unit_reactivate",
    "unit_update",
]
