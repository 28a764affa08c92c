"""Sign-in throttling, password reset through the configured mail, idle sessions and private
pages (the security probe's findings)."""

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

PASSWORD = "benar-Sekali-2026"


@pytest.fixture
def dina(db):
    return get_user_model().objects.create_user("dina", "dina@example.org", PASSWORD)


def _sign_in(client, password, address="198.51.100.20"):
    return client.post(
        reverse("login"), {"username": "dina", "password": password}, REMOTE_ADDR=address
    )


def test_after_too_many_wrong_passwords_even_the_right_one_is_refused(client, dina, settings):
    # Found by the probe: 200 wrong passwords, then the right one signed in.
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, "salah").status_code == 200
    assert _sign_in(client, "salah").status_code == 429  # the limit-th failure locks
    response = _sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_another_address_too(client, dina, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "salah", address=f"203.0.113.{number}")
    assert _sign_in(client, PASSWORD, address="192.0.2.1").status_code == 429


def test_the_admin_sign_in_is_throttled_as_well(client, dina, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("admin:login"), {"username": "dina", "password": "salah"}, REMOTE_ADDR="1.1.1.1"
        )
    response = client.post(
        reverse("admin:login"), {"username": "dina", "password": PASSWORD}, REMOTE_ADDR="1.1.1.1"
    )
    assert response.status_code == 429


def test_a_right_password_below_the_limit_signs_in(client, dina):
    for _ in range(3):
        _sign_in(client, "salah")
    assert _sign_in(client, PASSWORD).status_code == 302


def test_password_reset_mails_a_link_that_sets_a_new_password(client, dina):
    response = client.post(reverse("password_reset"), {"email": "dina@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["dina@example.org"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/akun/reset/" in line)
    page = client.get(link.split("testserver", 1)[1], follow=True)
    form = {"new_password1": "Baru-sekali-2027", "new_password2": "Baru-sekali-2027"}
    done = client.post(page.redirect_chain[-1][0], form, follow=True)
    assert "Kata sandi Anda telah diganti." in done.content.decode()
    dina.refresh_from_db()
    assert dina.check_password("Baru-sekali-2027")


def test_without_a_mail_backend_the_reset_page_says_so_and_sends_nothing(client, dina, settings):
    settings.SIEVA_MAIL_CONFIGURED = False
    page = client.get(reverse("password_reset")).content.decode()
    assert "Pengiriman email belum diatur" in page and 'name="email"' not in page
    client.post(reverse("password_reset"), {"email": "dina@example.org"})
    assert mail.outbox == []


def test_reset_requests_are_rate_limited_per_address(client, dina, settings):
    settings.SIEVA_RESET_RATE_LIMIT = 2
    for _ in range(2):
        client.post(reverse("password_reset"), {"email": "dina@example.org"})
    assert client.post(reverse("password_reset"), {"email": "x@example.org"}).status_code == 429


def test_signed_in_pages_are_not_stored_by_browsers_or_proxies(client, alice):
    client.force_login(alice)
    response = client.get(reverse("org:employee_list"))
    assert "no-store" in response.headers["Cache-Control"]
    assert "Cookie" in response.headers["Vary"]


def test_a_session_expires_after_the_idle_time_and_each_visit_renews_it(client, alice):
    with time_machine.travel("2026-06-15 08:00 +0700", tick=False):
        client.force_login(alice)
        client.get(reverse("home"))
    with time_machine.travel("2026-06-15 08:20 +0700", tick=False):
        assert client.get(reverse("home")).status_code == 200  # renewed at 08:20
    with time_machine.travel("2026-06-15 08:45 +0700", tick=False):
        assert client.get(reverse("home")).status_code == 200  # 25 min idle: still in
    with time_machine.travel("2026-06-15 09:20 +0700", tick=False):
        response = client.get(reverse("home"))  # 35 min idle: signed out
    assert response.status_code == 302 and "/akun/login/" in response.url
