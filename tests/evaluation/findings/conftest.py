import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _indonesian():
    with translation.override("id"):
        yield
