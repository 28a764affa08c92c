"""Monetised benefits of a program and its ROI summary (Phillips level 5)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.indicators import services
from sieva.indicators.access import READ, WRITE, get_benefit_for_user, get_program_for_benefits
from sieva.indicators.forms import BenefitForm
from sieva.indicators.selectors import program_roi as roi_of
from sieva.org.access import access_of, capability_required


@capability_required(READ)
def benefit_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The program's benefit claims; admins add one with the form below the list."""
    access = access_of(request)
    write = request.method == "POST"
    program = get_program_for_benefits(access, pk, write=write)
    form = BenefitForm(request.POST or None, access=access, program=program)
    if write and form.is_valid():
        try:
            services.benefit_create(actor=request.user, program=program, data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Manfaat moneter dicatat."))
            return redirect("indicators:benefit_list", pk=program.pk)
    context = {
        "program": program,
        "benefits": program.benefits.select_related("cohort", "unit").order_by("pk"),
        "form": form,
        "can_edit": access.can(WRITE),
    }
    return render(
        request,
        "indicators/benefit_list.html",
        context,
        status=400 if write and form.errors else 200,
    )


@require_POST
@capability_required(WRITE)
def benefit_delete(request: HttpRequest, pk: int) -> HttpResponse:
    benefit = get_benefit_for_user(access_of(request), pk, write=True)
    program_id = benefit.program_id
    services.benefit_delete(actor=request.user, benefit=benefit)
    messages.success(request, _("Manfaat moneter dihapus."))
    return redirect("indicators:benefit_list", pk=program_id)


@capability_required(READ)
def program_roi(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    program = get_program_for_benefits(access, pk)
    return render(
        request, "indicators/program_roi.html", {"program": program, "roi": roi_of(program, access)}
    )
