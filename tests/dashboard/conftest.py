"""The hand-countable Medan programs of tests/report_world.py, plus reaction answers
for the 2026 cohort so the summaries carry an L1 figure."""

import pytest

from sieva.instruments.models import Invitation, ItemKind
from tests.evaluation.engine.builders import campaign, respond
from tests.factories import EmployeeFactory
from tests.report_world import _mid_2026, programs  # noqa: F401 - fixtures for this folder

REACTION_SCORES = (5, 4, 4, 3, 5, 4)


@pytest.fixture
def rated(programs, world):  # noqa: F811 - `programs` is the fixture imported above
    """`programs` with six reaction responses (every 1–5 item) on the 2026 training cohort."""
    reaction = campaign(programs.cohort_2026, "STD-L1-REAKSI")
    likert = list(
        reaction.version.items.filter(kind=ItemKind.LIKERT5).values_list("code", flat=True)
    )
    for base in REACTION_SCORES:
        employee = EmployeeFactory(unit=world.medan_health)
        Invitation.objects.create(
            campaign=reaction, employee=employee, answered_at=reaction.opens_at
        )
        respond(reaction, dict.fromkeys(likert, base), respondent=employee)
    return programs
