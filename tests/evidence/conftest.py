"""A Medan study led by evan (evaluator) with a second coder, olga's organiser colleague
"kiki" (another evaluator), and a codebook of three codes."""

import pytest

from sieva.org.models import Role
from tests.evidence.factories import CodeFactory, StudyFactory
from tests.factories import user_with_role


@pytest.fixture
def kiki(world):
    return user_with_role("kiki", Role.EVALUATOR, world.medan)


@pytest.fixture
def study(world, evan, kiki):
    return StudyFactory(
        owner=world.medan, title="Kajian Kepemimpinan Medan", lead=evan, team=[kiki]
    )


@pytest.fixture
def codes(study):
    return {
        "support": CodeFactory(
            study=study,
            name="Tidak ada dukungan atasan",
            keywords="dukungan atasan, tidak didukung, atasan tidak mendukung",
        ),
        "schedule": CodeFactory(
            study=study, name="Jadwal bentrok", keywords="jadwal bentrok, bentrok"
        ),
        "tools": CodeFactory(study=study, name="Aplikasi membantu", keywords="aplikasi"),
    }
