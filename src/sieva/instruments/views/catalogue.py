"""Instrument list, creation, file import and clone."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sieva.core.views import apply_errors
from sieva.instruments import selectors, services
from sieva.instruments.access import get_instrument_for_user
from sieva.instruments.exchange import parse_file
from sieva.instruments.forms import CloneForm, ImportForm, InstrumentFilterForm, InstrumentForm
from sieva.org.access import Capability, access_of, capability_required

PAGE_SIZE = 50


@capability_required(Capability.VIEW_PROGRAMS)
def instrument_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = InstrumentFilterForm(request.GET)
    filters = selectors.InstrumentFilter()
    if form.is_valid():
        filters = selectors.InstrumentFilter(**form.cleaned_data)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": Paginator(selectors.instrument_list(access, filters), PAGE_SIZE).get_page(
            request.GET.get("page")
        ),
        "filter_query": query.urlencode(),
        "can_edit": access.can(Capability.EDIT_PROGRAMS),
    }
    template = "instruments/instrument_list.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#results"
    return render(request, template, context)


@capability_required(Capability.EDIT_PROGRAMS)
def instrument_create(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = InstrumentForm(request.POST or None, access=access)
    if request.method == "POST" and form.is_valid():
        try:
            instrument = services.instrument_create(
                actor=request.user, access=access, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Instrumen dibuat; tambahkan bagian dan butir."))
            return redirect("instruments:instrument_edit", pk=instrument.pk)
    context = {"form": form, "title": _("Instrumen baru"), "multipart": False}
    return render(request, "instruments/form_page.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
def instrument_import(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = ImportForm(request.POST or None, request.FILES or None, access=access)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        document, problems = parse_file(upload.name, upload.read())
        if not problems:
            try:
                instrument = services.instrument_import(
                    actor=request.user,
                    access=access,
                    owner=form.cleaned_data["owner"],
                    document=document,
                )
            except services.DocumentRefused as exc:
                problems = exc.problems
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Instrumen diimpor sebagai draf versi 1."))
                return redirect("instruments:instrument_detail", pk=instrument.pk)
    status = 400 if problems else 200
    return render(
        request, "instruments/import.html", {"form": form, "problems": problems}, status=status
    )


@capability_required(Capability.EDIT_PROGRAMS)
def instrument_clone(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    source = get_instrument_for_user(access, pk)
    form = CloneForm(
        request.POST or None, access=access, initial={"code": f"{source.code}-SALIN".lower()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            clone = services.instrument_clone(
                actor=request.user, access=access, source=source, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Salinan dibuat sebagai draf yang dapat diubah."))
            return redirect("instruments:instrument_detail", pk=clone.pk)
    title = _("Salin “%(title)s” menjadi instrumen sendiri") % {"title": source.title}
    return render(request, "instruments/form_page.html", {"form": form, "title": title})
