"""axe-core in the browser journeys: every page they visit has 0 violations (decision 0022).

axe-core ships inside the axe-playwright-python package, so nothing is fetched at test time.
It is evaluated through the DevTools protocol (`page.evaluate`), which the page's
Content-Security-Policy does not govern: the app's strict CSP (nonces, no eval) stays exactly
as the server sends it, with no `bypass_csp` and no test-only nonce.

Two ways in:
- `assert_accessible(page)` checks the page as it is now;
- every context made by the `new_context` fixture (and so `page`) is watched: each document is
  checked once, before the journey's first action or assertion on it or before `page.goto`
  leaves it, and the pages still open are checked when the test ends; the test then fails
  with every violation found.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Error, Page

AXE_SOURCE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
# WCAG 2.0 and 2.1 success criteria at levels A and AA, plus axe's best practices (one main
# landmark, content inside landmarks, heading order, one h1).
RULE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
# Marks a document as checked, so the journeys' hook checks each document once.
CHECKED = "data-axe-checked"

_RUN_AXE = """async ([tags, skip, checked]) => {
  document.documentElement.setAttribute(checked, "");
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    rules: Object.fromEntries(skip.map(id => [id, {enabled: false}])),
    resultTypes: ["violations"],
  });
  return results.violations.map(v => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map(n => ({
      target: n.target.join(" "),
      detail: [...n.none, ...n.all, ...n.any].map(c => c.message)[0] || "",
    })),
  }));
}"""


@dataclass(frozen=True)
class Violation:
    """One axe rule broken on a page, with the elements (CSS selectors) that break it."""

    rule: str
    impact: str
    help: str
    nodes: tuple[tuple[str, str], ...]  # (CSS selector, axe's first reason for it)

    def __str__(self) -> str:
        lines = [f"- {self.rule} ({self.impact}): {self.help}"]
        lines += [f"    {target}: {detail}" for target, detail in self.nodes]
        return "\n".join(lines)


def axe_violations(page: Page, *, skip: tuple[str, ...] = ()) -> list[Violation]:
    """Run axe-core's rules (`RULE_TAGS`, less the rule ids in `skip`) on the current document."""
    if page.evaluate("typeof window.axe === 'undefined'"):
        page.evaluate(AXE_SOURCE)
    found = page.evaluate(_RUN_AXE, [list(RULE_TAGS), list(skip), CHECKED])
    return [
        Violation(
            rule=v["rule"],
            impact=v["impact"],
            help=v["help"],
            nodes=tuple((n["target"], n["detail"]) for n in v["nodes"]),
        )
        for v in found
    ]


def where(page: Page) -> str:
    """The page's path and width, as the report names it: `/pegawai/?q=x at 390 px`."""
    url = urlsplit(page.url)
    path = f"{url.path}?{url.query}" if url.query else url.path
    viewport = page.viewport_size
    return f"{path} at {viewport['width']} px" if viewport else path


def report(place: str, violations: list[Violation]) -> str:
    """One block per page: a heading line naming the place, then each violation."""
    return "\n".join(
        [f"axe-core: {len(violations)} violation(s) on {place}", *map(str, violations)]
    )


def assert_accessible(page: Page) -> None:
    """Fail with rule, impact, help and the offending elements if axe finds any violation."""
    violations = axe_violations(page)
    assert not violations, report(where(page), violations)


class AxeWatch:
    """Checks each document of the watched contexts once: before the journey's first action or
    assertion on it (a Playwright locator handler), before `page.goto` leaves it, or, for the
    pages still open, when the context closes or the test ends."""

    def __init__(self) -> None:
        self.reports: list[str] = []
        self.contexts: list[BrowserContext] = []

    def watch(self, context: BrowserContext) -> None:
        context.on("page", self._watch_page)
        close = context.close

        def close_after_checking(*args: Any, **kwargs: Any) -> None:
            self.check_open_pages(context)
            self.contexts.remove(context)
            close(*args, **kwargs)

        # The same instance patch pytest-playwright applies to `close`: a test that closes its
        # own context (a phone next to a desktop) still gets its last pages checked.
        context.close = close_after_checking  # type: ignore[method-assign]
        self.contexts.append(context)

    def check_open_pages(self, context: BrowserContext) -> None:
        for page in context.pages:
            if not page.is_closed():
                self._check(page)

    def _watch_page(self, page: Page) -> None:
        # Patched first, before this event handler waits on the browser and the test goes on.
        goto = page.goto

        def goto_after_checking(*args: Any, **kwargs: Any) -> Any:
            self._check(page)  # the document about to be left, perhaps never acted on
            return goto(*args, **kwargs)

        page.goto = goto_after_checking  # type: ignore[method-assign]
        # Visible until `axe_violations` marks the document; a new document is unmarked again.
        unchecked = page.locator(f"html:not([{CHECKED}])")
        page.add_locator_handler(unchecked, lambda: self._check(page))

    def _check(self, page: Page) -> None:
        if not page.url.startswith("http"):
            return  # about:blank before the first page
        page.wait_for_load_state()
        if page.locator(f"html[{CHECKED}]").count():
            return
        try:
            violations = axe_violations(page)
        except Error as error:
            if "context was destroyed" in error.message:
                return  # a script navigated away meanwhile; the next document gets its own check
            raise
        if violations:
            self.reports.append(report(where(page), violations))


@pytest.fixture
def new_context(
    new_context: Callable[..., BrowserContext],
) -> Iterator[Callable[..., BrowserContext]]:
    """pytest-playwright's `new_context` (and so `context` and `page`), watched by axe-core."""
    watch = AxeWatch()

    def watched(**kwargs: Any) -> BrowserContext:
        context = new_context(**kwargs)
        watch.watch(context)
        return context

    yield watched
    for context in list(watch.contexts):
        watch.check_open_pages(context)
    if watch.reports:
        pytest.fail("\n\n".join(watch.reports), pytrace=False)
