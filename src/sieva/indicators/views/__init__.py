from sieva.indicators.views.actuals import actuals_entry, actuals_import
from sieva.indicators.views.benefits import benefit_delete, benefit_list, program_roi
from sieva.indicators.views.definitions import (
    definition_create,
    definition_detail,
    definition_edit,
    definition_list,
    unit_indicator_create,
    unit_indicator_detail,
    unit_indicator_edit,
)

__all__ = [
    "actuals_entry",
    "actuals_import",
    "benefit_delete",
    "benefit_list",
    "definition_create",
    "definition_detail",
    "definition_edit",
    "definition_list",
    "program_roi",
    "unit_indicator_create",
    "unit_indicator_detail",
    "unit_indicator_edit",
]
