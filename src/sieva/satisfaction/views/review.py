"""Held submissions of a unit (decision 0055): staff accept them (counted) or reject them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sieva.org.access import Capability, access_of, capability_required
from sieva.satisfaction.elements import QUESTION_ORDER, SKM_ELEMENTS
from sieva.satisfaction.models import HeldStatus, SkmHeldResponse
from sieva.satisfaction.selectors import get_service_unit_for_user
from sieva.satisfaction.services.review import held_responses_decide

PAGE = 200  # pending rows shown at once; decided ones go in batches anyway
NOTHING_CHOSEN = _("Pilih kiriman yang akan diterima atau ditolak.")


@capability_required(Capability.EDIT_PROGRAMS)
def held_review(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_service_unit_for_user(access_of(request), pk)
    if request.method == "POST":
        ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
        accept = request.POST.get("decision") == "accept"
        if not ids:
            messages.error(request, str(NOTHING_CHOSEN))
        else:
            count = held_responses_decide(unit=unit, ids=ids, accept=accept, actor=request.user)
            text = (
                _("%(n)d kiriman diterima dan dihitung.")
                if accept
                else _("%(n)d kiriman ditolak dan tidak dihitung.")
            )
            messages.success(request, text % {"n": count})
        return redirect("satisfaction:held_review", pk=unit.pk)
    rows = SkmHeldResponse.objects.filter(unit=unit)
    pending = list(rows.filter(status=HeldStatus.PENDING).order_by("submitted_at", "pk")[:PAGE])
    decided = list(
        rows.exclude(status=HeldStatus.PENDING)
        .select_related("decided_by")
        .order_by("-decided_at", "-pk")[:50]
    )
    context = {
        "unit": unit,
        "pending": pending,
        "pending_total": rows.filter(status=HeldStatus.PENDING).count(),
        "decided": decided,
        "columns": [(code, SKM_ELEMENTS[code]) for code in QUESTION_ORDER],
    }
    return render(request, "satisfaction/held_review.html", context)
