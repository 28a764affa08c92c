"""Qualitative evidence in the report (issue 13): the themes and exemplar quotes of the
evaluation's interviews, documents and open answers for Studi Kasus, and the challenge themes
for Tantangan. Everything comes from `sieva.evidence`'s `report_themes`, already aggregated,
pseudonymised and attributed only to groups of at least five people."""

from typing import Any

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from sieva.reports import blocks as b
from sieva.reports.inputs import ReportInput

TOP_THEMES = 8


def _alpha(value: float | None) -> str:
    return "—" if value is None else floatformat(value, 3)


def case_study_blocks(inp: ReportInput) -> list[Any]:
    themes = inp.qualitative
    if themes is None:
        return []
    rows = [
        (t.name, t.sources, floatformat(t.share, 1), _alpha(t.alpha))
        for t in themes.themes[:TOP_THEMES]
    ]
    blocks: list[Any] = [
        b.heading(_("Temuan kualitatif")),
        b.text(
            _(
                "Dari %(n)d sumber (wawancara dengan pejabat, dokumen dan jawaban terbuka) pada "
                "kajian %(studies)s. Alpha adalah kesepakatan antarpengode pada sampel kode ganda "
                "(≥ 0,800 andal; 0,667–0,800 sementara)."
            )
            % {"n": themes.n_sources, "studies": "; ".join(themes.studies)}
        ),
        b.table(
            _("Tema yang paling sering disebut"),
            [_("Tema"), _("Sumber"), "%", "α"],
            rows,
        ),
    ]
    if themes.quotes:
        blocks.append(b.heading(_("Kutipan pilihan")))
        blocks.append(b.items(f"“{q.text}” — {q.code}; {q.attribution}" for q in themes.quotes))
    return blocks


def challenge_blocks(inp: ReportInput) -> list[Any]:
    themes = inp.qualitative
    if themes is None or not themes.challenges:
        return []
    return [
        b.heading(_("Tantangan yang disebut dalam wawancara dan dokumen")),
        b.items(
            _("%(name)s: %(n)d dari %(total)d sumber (%(share)s %%)")
            % {
                "name": t.name,
                "n": t.sources,
                "total": themes.n_sources,
                "share": floatformat(t.share, 1),
            }
            for t in themes.challenges
        ),
    ]
