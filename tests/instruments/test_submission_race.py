"""Two submissions with one token at the same moment: exactly one response is stored.

Real threads on real connections (a transactional test), so on PostgreSQL the second
request meets the first one's row lock and, once it commits, updates no row.
"""

import threading
import time

import pytest
from django.db import OperationalError, connection

from sieva.instruments.campaigns.submission import LinkUnusable, find_invitation, response_submit
from sieva.instruments.models import ItemAggregate, Response
from tests.instruments.campaign_setup import links, make_campaign, medan_setting
from tests.instruments.conftest import VALID_ANSWERS

__all__ = ["medan_setting"]

ATTEMPTS = 4


def _submit_waiting_for_locks(invitation) -> None:
    """SQLite's shared-cache test database reports a busy table at once instead of waiting
    like a file database does; wait and retry, as the production busy timeout would."""
    for _attempt in range(200):
        try:
            response_submit(invitation=invitation, answers=VALID_ANSWERS)
            return
        except OperationalError as exc:
            if "locked" not in str(exc):
                raise
            time.sleep(0.01)
    raise AssertionError("still locked after 2 s")


@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_of_one_link_store_exactly_one_response(medan_setting):
    campaign = make_campaign(medan_setting)
    token = links(campaign)[medan_setting.participants[0].pk]
    barrier = threading.Barrier(ATTEMPTS)
    outcomes: list[str] = []

    def submit() -> None:
        try:
            invitation = find_invitation(token)  # every thread sees it unanswered
            barrier.wait(timeout=10)
            _submit_waiting_for_locks(invitation)
            outcomes.append("stored")
        except LinkUnusable:
            outcomes.append("refused")
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            outcomes.append(f"error: {exc!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["refused"] * (ATTEMPTS - 1) + ["stored"], outcomes
    assert Response.objects.count() == 1
    assert ItemAggregate.objects.get(item__code="puas").count == 1
