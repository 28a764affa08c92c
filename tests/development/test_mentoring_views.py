import datetime as dt

import pytest
from django.urls import reverse

from sieva.development.models import MentoringGoal, MentoringSession
from sieva.development.services import mentoring as services
from tests.factories import EmployeeFactory, user_with_role

START = dt.date(2026, 2, 2)


@pytest.fixture
def pair(mentoring):
    return services.pair_create(
        actor=None,
        scheme=mentoring.scheme,
        mentor=mentoring.mentors[0],
        mentee=mentoring.mentees[0],
        started_on=START,
    )


def test_a_mentor_sees_their_mentees_and_logs_a_session(client, mara, pair):
    client.force_login(mara)
    home = client.get(reverse("development:mentoring"))
    assert home.status_code == 200
    assert "Pia Lestari" in home.content.decode()
    response = client.post(
        reverse("development:session_log", args=[pair.pk]),
        {
            "date": "2026-02-16",
            "status": "terlaksana",
            "mode": "tatap_muka",
            "duration_minutes": "45",
            "topic": "Memahami SKP",
            "agreed_actions": "Menyusun rencana kerja",
        },
    )
    assert response.status_code == 302
    session = MentoringSession.objects.get(pair=pair)
    assert session.logged_by_mentor and session.duration_minutes == 45


def test_a_bad_session_is_refused_on_the_field_and_nothing_is_stored(client, mara, pair):
    client.force_login(mara)
    response = client.post(
        reverse("development:session_log", args=[pair.pk]),
        {
            "date": "2026-01-05",
            "status": "terlaksana",
            "mode": "daring",
            "topic": "Perkenalan",
            "duration_minutes": "60",
        },
    )
    assert response.status_code == 400
    assert "sebelum pasangan dimulai (02-02-2026)" in response.content.decode()
    assert not MentoringSession.objects.exists()


def test_the_mentee_logs_a_session_but_cannot_score_a_goal(client, pia, pair):
    goal = services.goal_add(actor=None, pair=pair, title="Menyusun SKP", expected="SKP selesai")
    client.force_login(pia)
    assert client.get(reverse("development:pair", args=[pair.pk])).status_code == 200
    response = client.post(
        reverse("development:session_log", args=[pair.pk]),
        {
            "date": "2026-02-20",
            "status": "terlaksana",
            "mode": "daring",
            "topic": "Diskusi",
            "duration_minutes": "30",
        },
    )
    assert response.status_code == 302
    assert not MentoringSession.objects.get().logged_by_mentor
    assert (
        client.post(reverse("development:goal_score", args=[goal.pk]), {"level": "2"}).status_code
        == 403
    )
    goal.refresh_from_db()
    assert goal.level is None


def test_the_mentor_scores_a_goal(client, mara, pair):
    goal = services.goal_add(actor=None, pair=pair, title="Menyusun SKP", expected="SKP selesai")
    client.force_login(mara)
    response = client.post(reverse("development:goal_score", args=[goal.pk]), {"level": "1"})
    assert response.status_code == 302
    assert MentoringGoal.objects.get(pk=goal.pk).level == 1
    page = client.get(reverse("development:pair", args=[pair.pk])).content.decode()
    assert "60,0" in page or "60.0" in page  # one goal at +1: T = 50 + 10·1/1


def test_another_mentor_and_another_region_cannot_open_the_pair(client, world, bob, pair):
    other = user_with_role(
        "otto", "mentor", world.medan, employee=EmployeeFactory(unit=world.medan_health)
    )
    for user in (other, bob):
        client.force_login(user)
        assert client.get(reverse("development:pair", args=[pair.pk])).status_code == 404
        assert (
            client.post(reverse("development:session_log", args=[pair.pk]), {}).status_code == 404
        )


def test_the_organiser_pairs_from_a_suggestion(client, olga, mentoring):
    client.force_login(olga)
    page = client.get(reverse("development:scheme", args=[mentoring.cohort.pk]))
    assert page.status_code == 200
    assert "Saran mentor" in page.content.decode()
    response = client.post(
        reverse("development:pair_create", args=[mentoring.cohort.pk]),
        {
            "mentor": mentoring.mentors[0].pk,
            "mentee": mentoring.mentees[1].pk,
            "started_on": "2026-02-02",
        },
    )
    assert response.status_code == 302
    assert mentoring.scheme.pairs.count() == 1


def test_a_leader_without_personal_data_cannot_open_the_scheme(client, lina, mentoring):
    client.force_login(lina)
    assert client.get(reverse("development:scheme", args=[mentoring.cohort.pk])).status_code == 403


def test_the_outcomes_page_renders_without_data(client, olga, pair, mentoring):
    client.force_login(olga)
    response = client.get(reverse("development:outcomes", args=[mentoring.cohort.pk]))
    assert response.status_code == 200
    assert "Belum dapat dibandingkan" in response.content.decode()
