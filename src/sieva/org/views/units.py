"""The organisation tree of the user's scope, with the number of active employees per unit."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sieva.core.exports import ExportTitle
from sieva.core.views import export, query_without
from sieva.org import selectors
from sieva.org.access import Capability, access_of, capability_required, get_org_unit_for_user
from sieva.org.models import OrgUnit


@capability_required(Capability.VIEW_PEOPLE)
def unit_list(request: HttpRequest) -> HttpResponse:
    """Counts only, no names: VIEW_PEOPLE is enough. ``?unit=<pk>`` narrows to a subtree."""
    access = access_of(request)
    root = None
    if (unit_id := request.GET.get("unit", "")).isdigit():
        root = get_org_unit_for_user(access, int(unit_id))
    rows = selectors.unit_tree(access, root)
    if "format" in request.GET:
        return export(
            request,
            filename=f"unit-kerja-{slugify(root.code)}" if root else "unit-kerja",
            title=ExportTitle(_("Unit kerja"), access.scope_label, _unit_filter(root)),
            headers=selectors.unit_export_headers(),
            rows=selectors.unit_export_rows(rows),
        )
    context = {
        "rows": rows,
        "root": root,
        "filter_query": query_without(request, "format"),
        "can_list_people": access.can(Capability.VIEW_PERSONAL_DATA),
    }
    return render(request, "org/unit_list.html", context)


def _unit_filter(root: OrgUnit | None) -> tuple[tuple[str, str], ...]:
    return ((_("Di bawah unit"), root.name),) if root else ()
