"""The axe-core check itself: it finds a real violation and says where, it runs under the app's
strict CSP unchanged, and the journeys' watch checks every document once."""

import pytest
from playwright.sync_api import Route, expect

from tests.e2e.accessibility import AxeWatch, assert_accessible, axe_violations

pytestmark = pytest.mark.e2e

# A page with one known fault: an image without a text alternative (WCAG 1.1.1).
FAULTY = """<!doctype html><html lang="id"><head><title>Uji</title></head><body><main>
<h1>Uji</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>"""


def serve_faulty(route: Route) -> None:
    route.fulfill(body=FAULTY, content_type="text/html")


def test_it_fails_naming_rule_impact_element_and_help(browser):
    context = browser.new_context()  # not the watched fixture: this page is meant to fail
    context.route("http://faulty.test/**", serve_faulty)
    page = context.new_page()
    page.goto("http://faulty.test/halaman/")
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)
    message = str(failure.value)
    assert "1 violation(s) on /halaman/ at 1280 px" in message
    assert "- image-alt (critical): Images must have alternative text" in message
    assert "    img: Element does not have an alt attribute" in message
    context.close()


def test_it_runs_under_the_apps_csp_unchanged(page, live_server, alice):
    csp_errors: list[str] = []
    page.on("console", lambda m: csp_errors.append(m.text) if m.type == "error" else None)
    response = page.goto(f"{live_server.url}/akun/login/")
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert "'nonce-" in policy and "unsafe-eval" not in policy and "unsafe-inline" not in policy
    assert axe_violations(page) == []
    assert page.evaluate("typeof axe.run") == "function"  # it did run, inside the page
    assert csp_errors == []


def test_the_watch_checks_each_document_once_however_the_journey_leaves_it(browser):
    watch = AxeWatch()
    context = browser.new_context()
    watch.watch(context)
    context.route("http://faulty.test/**", serve_faulty)
    page = context.new_page()
    page.goto("http://faulty.test/satu/")
    expect(page.get_by_role("heading", name="Uji")).to_be_visible()  # acted on: checked first
    expect(page.get_by_role("heading", name="Uji")).to_be_visible()  # same document: not again
    assert len(watch.reports) == 1
    page.goto("http://faulty.test/dua/")  # never acted on: checked as the journey leaves it
    page.goto("http://faulty.test/tiga/")  # still open at the end: checked on close
    context.close()
    places = [report.splitlines()[0].split(" on ")[1] for report in watch.reports]
    assert places == ["/satu/ at 1280 px", "/dua/ at 1280 px", "/tiga/ at 1280 px"]
