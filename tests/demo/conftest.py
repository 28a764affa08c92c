"""One small demo build shared by the tests of a module, rolled back when the module ends."""

import pytest
from django.db import transaction
from django.test import override_settings

from sieva.demo.builder import DemoResult, build

# A fifth of the real demo: every program, cohort and story, about 600 employees, 0.5 s.
TEST_SCALE = 0.2


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> DemoResult:
    # The per-test `db` fixture nests its savepoints inside this transaction.
    fast_hash = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),  # the demo's evidence files
    )
    with django_db_blocker.unblock(), fast_hash, transaction.atomic():
        yield build(scale=TEST_SCALE)
        transaction.set_rollback(True)
