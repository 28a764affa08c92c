import pytest

from tests.reports.builders import full_program


@pytest.fixture
def program_data(world):
    return full_program(world)
