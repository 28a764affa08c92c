"""SKM storage: one row per citizen response, and running aggregates read by every page.

`SkmAggregate` (unit × month × element) and `SkmUnitPeriod` (unit × month) are updated in
the same transaction as each submission or import batch, so dashboards cost the number of
units and months shown, not the number of responses (DESIGN.md, "Performance by design").
"""

from sieva.satisfaction.models.follow_up import (
    FollowUpStatus,
    SkmFollowUp,
)
from sieva.satisfaction.models.imports import (
    SkmColumnMapping,
    SkmImport,
    SkmImportJob,
    SkmImportStatus,
    SkmUpload,
)
from sieva.satisfaction.models.responses import (
    CounterDevice,
    HeldStatus,
    HoldReason,
    SkmAggregate,
    SkmHeldResponse,
    SkmLink,
    SkmResponse,
    SkmUnitPeriod,
    new_public_token,
)

__all__ = [
    "new_public_token",
    "SkmLink",
    "SkmResponse",
    "CounterDevice",
    "HeldStatus",
    "HoldReason",
    "SkmHeldResponse",
    "SkmAggregate",
    "SkmUnitPeriod",
    "SkmImport",
    "SkmImportStatus",
    "SkmImportJob",
    "SkmUpload",
    "SkmColumnMapping",
    "FollowUpStatus",
    "SkmFollowUp",
]
