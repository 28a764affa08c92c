"""The shared layout: error pages, the header, sign-in wording, the form error summary and the
date formats of each language."""

import datetime as dt

import pytest
from django import forms
from django.template import engines
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sieva.org.models import Role
from tests.factories import PASSWORD, EmployeeFactory, UserFactory, user_with_role

pytestmark = pytest.mark.django_db


def test_a_role_without_the_capability_gets_the_sieva_403_page(client, lina):
    client.force_login(lina)
    response = client.get(reverse("org:employee_list"))
    page = response.content.decode()
    assert response.status_code == 403
    assert 'class="topbar"' in page and "Anda tidak memiliki akses ke halaman ini" in page
    assert f'href="{reverse("home")}"' in page and "Kembali ke beranda" in page


def test_an_out_of_scope_object_gets_the_sieva_404_page(client, bob, world):
    medan_person = EmployeeFactory(unit=world.medan_health)
    client.force_login(bob)
    response = client.get(reverse("programs:employee_detail", args=[medan_person.pk]))
    page = response.content.decode()
    assert response.status_code == 404
    assert 'class="topbar"' in page and "Halaman tidak ditemukan" in page
    assert medan_person.name not in page


def test_the_500_page_renders_without_a_request_or_the_database(django_assert_num_queries):
    template = engines["django"].get_template("500.html")
    with django_assert_num_queries(0):
        page = template.render()  # as Django's server_error renders it: no context at all
    assert "SIEVA" in page and "sieva.css" in page
    assert "Maaf, terjadi kesalahan pada server" in page and 'href="/"' in page


def test_the_400_page_is_standalone_too():
    page = engines["django"].get_template("400.html").render()
    assert "Permintaan tidak dapat diproses" in page and 'href="/"' in page


def test_the_header_shows_name_role_and_scope(client, world):
    user = user_with_role("rahma", Role.AGENCY_ADMIN, world.medan)
    user.first_name, user.last_name = "Rahma", "Siregar"
    user.save()
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    assert '<span class="who-name">Rahma Siregar</span>' in page
    assert "· Admin instansi (BKPSDM)" in page and "· Pemerintah Kota Medan" in page


def test_a_name_that_only_repeats_the_role_shows_the_username(client, world):
    # Accounts created with the role label as their first name printed the role twice.
    user = user_with_role("bkpsdm.medan", Role.AGENCY_ADMIN, world.medan)
    user.first_name = "Admin instansi (BKPSDM)"
    user.save()
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    header = page.split('<span class="who">', 1)[1].split("</span></span>", 1)[0]
    assert '<span class="who-name">bkpsdm.medan</span>' in header
    assert header.count("Admin instansi (BKPSDM)") == 1


def test_a_wrong_password_is_named_once_in_plain_words(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "salah"})
    page = response.content.decode()
    assert "Nama pengguna atau kata sandi salah." in page
    assert "nama pengguna nama pengguna" not in page.lower()
    assert ">Nama pengguna" in page and ">Kata sandi" in page


def test_signing_out_says_so_on_the_sign_in_page(alice):
    client = Client()
    client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    response = client.post(reverse("logout"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("login")
    assert "Anda telah keluar." in response.content.decode()


def test_the_password_change_form_says_kata_sandi(client, alice):
    client.force_login(alice)
    page = client.get(reverse("password_change")).content.decode()
    assert "Kata sandi lama" in page and "Ulangi kata sandi baru" in page
    # SIEVA's own page, not the admin's template of the same name.
    assert '<header class="topbar">' in page and "django-admin" not in page
    response = client.post(
        reverse("password_change"),
        {"old_password": "salah", "new_password1": "x", "new_password2": "y"},
    )
    assert "Kata sandi lama salah." in response.content.decode()


def test_every_page_loads_the_focus_script_from_sieva_itself(client):
    page = client.get(reverse("login")).content.decode()
    assert '<script src="/static/sieva/sieva.js" defer></script>' in page


def test_a_failed_form_gets_a_focusable_summary_linking_each_field(client, alice):
    client.force_login(alice)
    response = client.post(reverse("org:employee_create"), {"nip": "123"})
    page = response.content.decode()
    assert '<div class="errorlist-box" role="alert" tabindex="-1" id="form-errors">' in page
    errors = response.context["form"].errors
    assert f"Ada {len(errors)} isian yang perlu diperbaiki:" in page
    assert '<a href="#id_nip">NIP / NI PPPK</a>' in page and '<a href="#id_name">' in page


def test_a_valid_page_has_no_summary(client, alice):
    client.force_login(alice)
    assert 'id="form-errors"' not in client.get(reverse("org:employee_create")).content.decode()


@pytest.mark.parametrize(("language", "expected"), [("en", "03/04/2026"), ("id", "03/04/2026")])
def test_short_dates_put_the_day_first_in_every_language(language, expected):
    template = engines["django"].from_string('{{ day|date:"SHORT_DATE_FORMAT" }}')
    with translation.override(language):
        assert template.render({"day": dt.date(2026, 4, 3)}) == expected


def test_english_date_input_accepts_iso_and_day_first():
    field = forms.DateField()
    with translation.override("en"):
        assert field.clean("2026-04-03") == dt.date(2026, 4, 3)
        assert field.clean("03/04/2026") == dt.date(2026, 4, 3)


def test_a_user_without_a_role_sees_the_username_and_no_role(client, db):
    user = UserFactory(username="tamu")
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    assert '<span class="who-name">tamu</span>' in page and "who-role" not in page


def test_a_request_with_a_foreign_host_header_is_a_400_not_a_500(client):
    # Found by the security probe: the page context read `request.user` before the
    # authentication middleware had set it, so the 400 page itself crashed.
    response = client.get("/akun/login/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Permintaan tidak dapat diproses" in response.content.decode()
