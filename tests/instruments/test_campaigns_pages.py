"""Campaign pages: list, create, detail with the response rate, links, close, responses."""

import pytest
from django.urls import reverse

from sieva.analysis.descriptive import proportion_ci
from sieva.analysis.sampling import margin_of_error
from sieva.instruments.campaigns.submission import find_invitation, response_submit
from sieva.instruments.models import Campaign, Invitation
from tests.core.readback import csv_rows, xlsx_rows
from tests.instruments.campaign_setup import links, make_campaign, medan_setting
from tests.instruments.conftest import VALID_ANSWERS

__all__ = ["medan_setting"]


def answer(campaign, tokens, people) -> None:
    for person in people:
        response_submit(invitation=find_invitation(tokens[person.pk]), answers=VALID_ANSWERS)


def test_the_list_filters_by_purpose_and_state(client, olga, medan_setting):
    campaign = make_campaign(medan_setting, name="Reaksi angkatan I Medan")
    client.force_login(olga)
    page = client.get(reverse("instruments:campaign_list"))
    assert campaign.name in page.content.decode()
    for query, shown in (
        ("purpose=reaksi", True),
        ("purpose=perilaku", False),
        ("status=berjalan", True),
        ("status=berakhir", False),
    ):
        html = client.get(reverse("instruments:campaign_list") + "?" + query).content.decode()
        assert (campaign.name in html) is shown, query
    partial = client.get(reverse("instruments:campaign_list"), headers={"HX-Request": "true"})
    assert campaign.name in partial.content.decode()
    assert "<h1>" not in partial.content.decode()


def test_an_organiser_creates_a_campaign_for_a_cohort(client, olga, medan_setting):
    client.force_login(olga)
    form_url = reverse("instruments:campaign_create") + f"?angkatan={medan_setting.cohort.pk}"
    form = client.get(form_url)
    assert f'<option value="{medan_setting.cohort.pk}" selected>' in form.content.decode()
    posted = client.post(
        reverse("instruments:campaign_create"),
        {
            "version": medan_setting.version.pk,
            "cohort": medan_setting.cohort.pk,
            "opens_on": "2026-12-01",
            "closes_on": "2026-12-14",
            "anonymous": "on",
        },
    )
    campaign = Campaign.objects.get()
    assert posted.status_code == 302
    assert posted["Location"] == reverse("instruments:campaign_detail", args=[campaign.pk])
    assert campaign.anonymous and campaign.invitations.count() == len(medan_setting.participants)
    assert campaign.closes_at.isoformat().startswith("2026-12-14T17:00")  # 24:00 WIB


def test_a_bad_campaign_form_names_the_field_and_stores_nothing(client, olga, medan_setting):
    client.force_login(olga)
    page = client.post(
        reverse("instruments:campaign_create"),
        {
            "version": medan_setting.version.pk,
            "cohort": medan_setting.cohort.pk,
            "opens_on": "2026-12-10",
            "closes_on": "2026-12-01",
            "rater_kind": "atasan",
        },
    )
    html = page.content.decode()
    assert page.status_code == 200 and 'id="id_rater_kind_error"' in html
    assert "Jenis penilai hanya untuk instrumen perilaku" in html
    assert not Campaign.objects.exists()


def test_the_detail_shows_the_rate_with_its_wilson_interval_and_who_is_missing(
    client, olga, medan_setting
):
    campaign = make_campaign(medan_setting)
    tokens = links(campaign)
    answer(campaign, tokens, medan_setting.participants[:2])
    client.force_login(olga)
    html = client.get(reverse("instruments:campaign_detail", args=[campaign.pk])).content.decode()
    estimate = proportion_ci(2, 6)
    assert "33,3 %" in html or "33.3 %" in html
    low = f"{100 * estimate.ci.low:.1f}"
    assert low in html or low.replace(".", ",") in html
    moe = f"{100 * margin_of_error(2, 6):.1f}"
    assert moe in html or moe.replace(".", ",") in html
    for person in medan_setting.participants[2:]:
        assert person.name in html
    assert "Sudah menjawab" in html


def test_a_leader_sees_the_rate_but_no_names(client, lina, medan_setting):
    campaign = make_campaign(medan_setting)
    client.force_login(lina)
    html = client.get(reverse("instruments:campaign_detail", args=[campaign.pk])).content.decode()
    assert "Tingkat respons" in html
    assert all(p.name not in html for p in medan_setting.participants)
    post = client.post(reverse("instruments:campaign_links", args=[campaign.pk]))
    assert post.status_code == 403


def test_an_anonymous_campaign_never_lists_who_answered(client, alice, medan_setting):
    campaign = make_campaign(medan_setting, anonymous=True)
    answer(campaign, links(campaign), medan_setting.participants[:1])
    client.force_login(alice)
    html = client.get(reverse("instruments:campaign_detail", args=[campaign.pk])).content.decode()
    assert medan_setting.participants[0].name not in html
    # Nor who has not: decision 0062 shows only the count (test_anonymity.py).
    assert medan_setting.participants[1].name not in html


def test_links_are_handed_over_once_as_csv_and_work(client, olga, medan_setting):
    campaign = make_campaign(medan_setting)
    client.force_login(olga)
    url = reverse("instruments:campaign_links", args=[campaign.pk])
    assert client.get(url).status_code == 405
    got = client.post(url)
    assert got["Content-Type"].startswith("text/csv") and got["Cache-Control"] == "no-store"
    rows = csv_rows(got)
    assert len(rows) == 1 + len(medan_setting.participants)
    link = rows[1][-1]
    assert link.startswith("http://testserver/instrumen/isi/")
    client.logout()
    assert client.get(link).status_code == 200
    assert not Invitation.objects.filter(token_hash=link.rstrip("/").rsplit("/", 1)[1]).exists()


def test_closing_stops_the_links(client, olga, medan_setting):
    campaign = make_campaign(medan_setting)
    token = links(campaign)[medan_setting.participants[0].pk]
    client.force_login(olga)
    client.post(reverse("instruments:campaign_close", args=[campaign.pk]))
    assert client.get(reverse("instruments:respond", args=[token])).status_code == 410


def _export(client, campaign, fmt):
    got = client.get(
        reverse("instruments:campaign_responses", args=[campaign.pk]) + f"?format={fmt}"
    )
    return csv_rows(got) if fmt == "csv" else xlsx_rows(got)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_response_export_has_a_column_per_item_and_names_for_named_campaigns(
    client, evan, medan_setting, fmt
):
    campaign = make_campaign(medan_setting)
    answer(campaign, links(campaign), medan_setting.participants[:2])
    client.force_login(evan)
    rows = _export(client, campaign, fmt)
    header = rows[0]
    assert header[:5] == ["No. urut", "Tanggal", "Responden", "NIP", "Unit"]
    assert header[5:] == [
        i.code for i in campaign.version.items.order_by("section__order", "order")
    ]
    names = {row[2] for row in rows[1:]}
    assert names == {p.name for p in medan_setting.participants[:2]}
    assert [str(row[header.index("puas")]) for row in rows[1:]] == ["4", "4"]


def test_anonymous_exports_show_pseudonyms_and_small_ones_are_suppressed(
    client, alice, lina, medan_setting
):
    campaign = make_campaign(medan_setting, anonymous=True)
    tokens = links(campaign)
    answer(campaign, tokens, medan_setting.participants[:4])
    client.force_login(alice)
    page = client.get(reverse("instruments:campaign_responses", args=[campaign.pk]))
    assert "Baru 4 tanggapan" in page.content.decode()
    assert len(_export(client, campaign, "csv")) == 1  # header only
    answer(campaign, tokens, medan_setting.participants[4:5])
    rows = _export(client, campaign, "csv")
    assert rows[0][2] == "Pseudonim" and len(rows) == 6
    assert all(len(row[2]) == 64 for row in rows[1:])
    assert all(p.name not in str(rows) for p in medan_setting.participants)


def test_a_leader_sees_named_responses_only_as_numbers_from_five_up(client, lina, medan_setting):
    campaign = make_campaign(medan_setting)
    tokens = links(campaign)
    answer(campaign, tokens, medan_setting.participants[:4])
    client.force_login(lina)
    assert len(_export(client, campaign, "csv")) == 1
    answer(campaign, tokens, medan_setting.participants[4:])
    rows = _export(client, campaign, "csv")
    assert [row[2] for row in rows[1:]] == ["R1", "R2", "R3", "R4", "R5", "R6"]
    assert all(p.name not in str(rows) for p in medan_setting.participants)
