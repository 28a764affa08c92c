import pytest

from sieva.evaluation.findings import findings_from
from sieva.evaluation.findings.facts import StaticFacts
from sieva.org.access import user_access
from sieva.recommendations.services import recommendations_save
from tests.evaluation.findings.builders import calm, fig, with_l0, with_l5
from tests.factories import ProgramFactory


def sample_findings():
    result = with_l0(
        with_l5(calm(), realisation=fig("l5.realisation", 70.0, 100)),
        participation=fig("l0.participation_rate", 50.0, 200, (43.0, 57.0)),
    )
    return findings_from(result, thresholds={}, facts=StaticFacts())


@pytest.fixture
def medan_program(world):
    return ProgramFactory(owner=world.medan, name="Program Medan")


@pytest.fixture
def saved(alice, medan_program):
    return recommendations_save(
        alice, user_access(alice), f"program={medan_program.pk}", "2025", sample_findings()
    )
