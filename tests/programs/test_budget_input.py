"""Rupiah typed the Indonesian way, and overspending accepted but flagged."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sieva.programs.fields import RupiahField, format_rupiah, parse_rupiah
from sieva.programs.models import BudgetLine, CostCategory

URL_NAME = "programs:budget"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Rp 15.000.000", 15_000_000),
        ("Rp15.000.000", 15_000_000),
        ("rp. 15.000.000", 15_000_000),
        ("15.000.000", 15_000_000),
        ("15000000", 15_000_000),
        ("15.000.000,00", 15_000_000),
        (" 1.500 ", 1_500),
        ("0", 0),
    ],
)
def test_indonesian_ways_of_writing_rupiah_are_read(text, amount):
    assert parse_rupiah(text) == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("15.000.000,50", "bilangan bulat"),
        ("15,000,000", "misalnya 15000000 atau Rp 15.000.000"),
        ("15000.5", "misalnya 15000000 atau Rp 15.000.000"),
        ("1.5000.000", "misalnya 15000000 atau Rp 15.000.000"),
        ("lima juta", "misalnya 15000000 atau Rp 15.000.000"),
        ("-5.000", "tidak boleh negatif"),
    ],
)
def test_garbage_says_which_format_to_use(text, says):
    with pytest.raises(ValidationError) as exc:
        parse_rupiah(text)
    assert says in " ".join(exc.value.messages)


def test_the_field_shows_amounts_with_dots_and_caps_them():
    field = RupiahField(max_value=Decimal("999"))
    assert field.prepare_value(Decimal("15000000")) == "15.000.000"
    assert format_rupiah(1234567) == "1.234.567"
    with pytest.raises(ValidationError):
        field.clean("1.000")
    assert field.clean("999") == Decimal("999")


@pytest.mark.django_db
def test_the_budget_form_takes_dotted_amounts(client, olga, medan):
    client.force_login(olga)
    url = reverse(URL_NAME, kwargs={"pk": medan.cohort.pk})
    data = {"category": CostCategory.VENUE, "planned": "Rp 15.000.000", "realised": "12.500.000"}
    assert client.post(url, data).status_code == 302
    line = BudgetLine.objects.get(cohort=medan.cohort, category=CostCategory.VENUE)
    assert (line.planned, line.realised) == (Decimal("15000000"), Decimal("12500000"))


@pytest.mark.django_db
def test_garbage_in_the_budget_form_names_the_format(client, olga, medan):
    client.force_login(olga)
    url = reverse(URL_NAME, kwargs={"pk": medan.cohort.pk})
    data = {"category": CostCategory.VENUE, "planned": "15 juta", "realised": ""}
    errors = client.post(url, data).context["form"].errors
    assert "Rp 15.000.000" in " ".join(errors["planned"])
    assert not BudgetLine.objects.filter(category=CostCategory.VENUE).exists()


@pytest.mark.django_db
def test_overspending_is_saved_with_a_warning_and_the_page_keeps_warning(client, olga, medan):
    client.force_login(olga)
    url = reverse(URL_NAME, kwargs={"pk": medan.cohort.pk})
    data = {"category": CostCategory.DELIVERY, "planned": "10.000.000", "realised": "16.000.000"}
    page = client.post(url, data, follow=True).content.decode()
    medan.line.refresh_from_db()
    assert medan.line.realised == Decimal("16000000")
    warning = "Penyelenggaraan: realisasi Rp 16.000.000 adalah 160,0 % dari rencana Rp 10.000.000"
    assert page.count(warning) == 2  # the message after saving, and the page's own list
    assert warning in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_small_overrun_gets_the_milder_warning_and_within_plan_none(client, olga, medan):
    client.force_login(olga)
    url = reverse(URL_NAME, kwargs={"pk": medan.cohort.pk})
    assert "melebihi rencana" not in client.get(url).content.decode()
    medan.line.realised = Decimal("11000000")
    medan.line.save()
    page = client.get(url).content.decode()
    assert "realisasi Rp 11.000.000 melebihi rencana Rp 10.000.000 (110,0 %)" in page
