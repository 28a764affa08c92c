"""One number, one value: every figure the report and the evaluation page both show reads the
same, character for character; no internal key reaches a reader; no threshold is said to be
below itself."""

import re

import lxml.html
import pytest
from django.urls import reverse

from sieva.reports.models import ReportSnapshot

KEY = re.compile(r"\b(?:l[0-5]|data)\.[a-z_]+\b")


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _page_figures(html: str) -> dict[str, tuple[str, str]]:
    """key -> (value, interval) of every figure the evaluation page shows."""
    tree = lxml.html.fromstring(html)
    found = {}
    for element in tree.xpath("//*[@data-figure]"):
        value = element.xpath(".//*[contains(concat(' ', @class, ' '), ' value ')]")
        ci = element.xpath(".//*[contains(concat(' ', @class, ' '), ' ci-value ')]")
        found[element.get("data-figure")] = (
            _text(value[0]) if value else "",
            _text(ci[0]) if ci else "",
        )
    return found


def _report_figures(html: str) -> dict[str, tuple[str, str]]:
    """key -> (value, interval) of every row of the report's figure tables."""
    tree = lxml.html.fromstring(html)
    found = {}
    for row in tree.xpath("//tr[@data-figure]"):
        cells = [_text(td) for td in row.xpath("./td")]
        found[row.get("data-figure")] = (cells[1], cells[2])
    return found


@pytest.fixture
def both(client, evan, program_data):
    program, _cohort, _people = program_data
    client.force_login(evan)
    client.post(reverse("reports:create"), {"program": program.pk})
    snapshot = ReportSnapshot.objects.get()
    report = client.get(reverse("reports:detail", args=[snapshot.pk])).content.decode()
    page = client.get(reverse("evaluation:evaluation"), {"program": program.pk}).content.decode()
    return page, report


def test_every_figure_the_report_and_the_page_share_is_the_same_string(both):
    page, report = both
    on_page, in_report = _page_figures(page), _report_figures(report)
    shared = sorted(set(on_page) & set(in_report))
    assert len(shared) >= 8, shared  # participation, completion, reaction, L2, L3, cost…
    for key in shared:
        assert in_report[key][0] == on_page[key][0], key
        assert in_report[key][1] == on_page[key][1], key


def test_the_report_states_the_pages_effect_size_and_normalised_gain(both):
    page, report = both
    tree = lxml.html.fromstring(page)
    d_z = _text(tree.xpath("//*[@data-stat='l2.d_z']")[0])
    n_gain = _text(tree.xpath("//*[@data-stat='l2.n_gain']")[0])
    text = _text(lxml.html.fromstring(report))
    assert f"d_z = {d_z}." in text
    assert f"N-gain (Hake) {n_gain}," in text
    for cell in tree.xpath("//*[contains(@data-stat, '.alpha')]"):
        if _text(cell) != "—":
            assert _text(cell) in text


def test_no_internal_key_or_engine_word_reaches_a_reader(both):
    for html in both:
        text = _text(lxml.html.fromstring(html))
        assert not KEY.findall(text)
        assert "Mesin temuan" not in text
