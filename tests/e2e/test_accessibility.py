"""Every page of the staff menu, as each demo persona, at desktop and phone width; every page one
click away from it; and the pages anyone can open from a link: axe-core finds 0 violations
(WCAG 2.0/2.1 A and AA and axe's best practices, decision 0022)."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import Page, expect

from sieva.dashboard.services.summaries import year_refresh
from sieva.demo.accounts import DEMO_PASSWORD
from sieva.demo.builder import REFERENCE_DATE, build
from sieva.org.access import user_access
from sieva.satisfaction.models import SkmLink
from tests.e2e.accessibility import axe_violations, report, where
from tests.instruments.campaign_setup import links, make_campaign, medan_setting

pytestmark = pytest.mark.e2e
__all__ = ["medan_setting"]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Every demo login with a role (sieva.demo.accounts). An admin first: a page's first visit is
# the one checked in full, and an admin sees every button an organiser or leader sees.
PERSONAS = (
    "admin.medan",
    "admin.nasional",
    "penyelenggara.medan",
    "evaluator.medan",
    "pimpinan.medan",
    "atasan.medan",
    "mentor.medan",
    "peserta.medan",
)


@pytest.fixture
def demo(transactional_db):
    """A tenth of the demo (every program, cohort and story), with Medan's dashboard figures."""
    call_command("load_standard_instruments", verbosity=0)
    build(scale=0.1)
    medan_admin = get_user_model().objects.get(username="admin.medan")
    year_refresh(actor=None, year=REFERENCE_DATE.year, access=user_access(medan_admin))


def problems_at(
    page: Page, sizes: tuple[dict[str, int], ...] = (DESKTOP, PHONE), skip: tuple[str, ...] = ()
) -> list[str]:
    """axe's reports for the page as it is now, at each screen size in turn."""
    found = []
    for size in sizes:
        page.set_viewport_size(size)
        # Two frames: the page's resize handlers have run, as they would for a person.
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        violations = axe_violations(page, skip=skip)
        if violations:
            found.append(report(where(page), violations))
    page.set_viewport_size(DESKTOP)
    return found


def kind_of_page(url: str) -> str:
    """The page's path with its ids as N: /program/10/ and /program/11/ are one kind of page."""
    return re.sub(r"\d+", "N", urlsplit(url).path)


def menu_pages(page: Page) -> list[str]:
    """Home, every link of the main menu, and the password page, as the signed-in user sees them."""
    menu = page.get_by_role("navigation", name="Menu utama").get_by_role("link")
    return [
        "/",
        *(link.get_attribute("href") or "" for link in menu.all()),
        "/akun/password_change/",
    ]


def linked_pages(page: Page) -> list[str]:
    """The site's own pages linked from the main content (downloads are marked `download`)."""
    return page.eval_on_selector_all(
        "main a[href^='/']:not([download])", "links => links.map(a => a.getAttribute('href'))"
    )


def test_every_page_of_every_persona_has_no_violations(page: Page, live_server, login, demo):
    problems: list[str] = []
    seen: set[str] = set()

    def check(path: str) -> None:
        page.goto(f"{live_server.url}{path}")
        kind = kind_of_page(path)
        if kind not in seen:
            found = problems_at(page)
        else:
            # The markup differs by role; layout and colours come from the same stylesheet
            # and classes. So a page seen before is checked again at desktop width, without
            # the colour-contrast rule (nine tenths of axe's time on a long table).
            found = problems_at(page, (DESKTOP,), skip=("color-contrast",))
        problems.extend(f"{username}: {one}" for one in found)
        if kind != "/":  # the home page differs by role: checked in full for each
            seen.add(kind)

    for username in PERSONAS:
        login(username, DEMO_PASSWORD)
        one_click_away: dict[str, str] = {}
        for path in menu_pages(page):
            check(path)
            for link in linked_pages(page) if username == PERSONAS[0] else []:
                one_click_away.setdefault(kind_of_page(link), link)
        for kind, link in one_click_away.items():
            if kind not in seen:
                check(link)
        page.get_by_role("button", name="Keluar").click()
    assert not problems, "\n\n".join(problems)


def test_the_sign_in_page_and_the_public_forms_have_no_violations(
    page: Page, live_server, world, medan_setting
):
    skm = SkmLink.objects.create(unit=world.medan_puskesmas, token="a11y-medan-01")
    campaign = make_campaign(medan_setting)
    token = links(campaign)[medan_setting.participants[0].pk]
    page.goto(f"{live_server.url}/akun/login/")
    problems = problems_at(page)
    for path in (f"/skm/isi/{skm.token}/", f"/instrumen/isi/{token}/"):
        page.goto(f"{live_server.url}{path}")
        problems += problems_at(page)
        # Sent empty: the same form again, with its messages next to the questions.
        page.get_by_role("button", name="Kirim jawaban").click()
        expect(page.get_by_role("alert").first).to_be_visible()
        problems += problems_at(page)
    assert not problems, "\n\n".join(problems)
