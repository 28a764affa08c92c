"""Theme analysis of a study: frequencies by region, role or program, co-occurrence, a joint
display of a theme beside the L3 application rate, and exemplar quotes. Aggregates only, so
every role that reads reports (leaders included) may open it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from sieva.core.exports import ExportTitle
from sieva.core.views import export
from sieva.evidence.access import Ring, get_study_for_user, ring_of
from sieva.evidence.selectors.joint import joint_display
from sieva.evidence.selectors.themes import (
    GROUPINGS,
    co_occurrence,
    exemplar_quotes,
    theme_table,
)
from sieva.org.access import Capability, access_of, capability_required

GROUP_LABELS = {"region": "Wilayah", "role": "Jenis jabatan", "program": "Program"}


@capability_required(Capability.VIEW_REPORTS)
def analysis(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    study = get_study_for_user(access, pk)
    by = request.GET.get("by", "region")
    by = by if by in GROUPINGS else "region"
    table = theme_table(study, by)
    if "format" in request.GET:
        groups = list(table.groups)
        headers = [_("Kode"), _("Sumber yang menyebut"), "%", *groups]
        rows = [
            [r.code.name, r.sources, r.share, *(r.groups[g] for g in groups)] for r in table.rows
        ]
        return export(
            request,
            filename=f"tema-kajian-{study.pk}-{by}",
            title=ExportTitle(
                _("Tema kajian %(study)s") % {"study": study.title},
                access.scope_label,
                ((_("Menurut"), _(GROUP_LABELS[by])),),
            ),
            headers=headers,
            rows=rows,
        )
    codes, matrix = co_occurrence(study)
    chosen = next((r.code for r in table.rows if str(r.code.pk) == request.GET.get("kode")), None)
    chosen = chosen or next((r.code for r in table.rows if r.sources), None)
    ring = ring_of(access, study)
    context = {
        "study": study,
        "table": table,
        "by": by,
        "groupings": [(g, _(GROUP_LABELS[g])) for g in GROUPINGS],
        "cooccurrence": list(zip(codes, matrix, strict=True)),
        "co_codes": codes,
        "chosen": chosen,
        "joint": joint_display(study, chosen) if chosen else [],
        "quotes": exemplar_quotes([study]),
        "is_team": ring >= Ring.TEAM,
        "is_lead": ring >= Ring.LEAD,
    }
    return render(request, "evidence/analysis.html", context)
