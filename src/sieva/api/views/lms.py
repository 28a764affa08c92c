"""The LMS page for organisers: activity mappings (pending ones first) and the completion
report import."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sieva.api.forms import CompletionImportForm, MappingForm
from sieva.api.models import ActivityMapping, StatementOutcome
from sieva.api.services.mappings import completion_import, mapping_save
from sieva.api.xapi import completion_csv
from sieva.core.tables import more_problems
from sieva.core.views import apply_errors
from sieva.org.access import Access, Capability, access_of, capability_required, scope_queryset

ERRORS_SHOWN = 200  # the page lists the first problems and counts the rest


def mappings_for_user(access: Access) -> QuerySet[ActivityMapping]:
    """Mappings owned in the user's subtree, pending first, with their statement counts."""
    pending = Q(statements__outcome=StatementOutcome.PENDING)
    return (
        scope_queryset(
            ActivityMapping.objects.select_related("cohort__program", "session", "owner"),
            access,
            "owner",
        )
        .annotate(pending=Count("statements", filter=pending), received=Count("statements"))
        .order_by("cohort", "activity_id")
    )


def get_mapping_for_user(access: Access, pk: int) -> ActivityMapping:
    mapping = get_object_or_404(ActivityMapping.objects.select_related("owner"), pk=pk)
    if not access.covers(mapping.owner):
        raise Http404
    return mapping


def _save(
    request: HttpRequest, form: MappingForm, mapping: ActivityMapping | None
) -> HttpResponse | None:
    if request.method != "POST" or not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        saved, applied = mapping_save(
            actor=request.user,
            mapping=mapping,
            activity_id=mapping.activity_id if mapping else data["activity_id"],
            activity_name=data["activity_name"],
            cohort=data["cohort"],
            session=data["session"],
        )
    except ValidationError as exc:
        apply_errors(form, exc)
        return None
    messages.success(
        request,
        _("Pemetaan %(activity)s disimpan; %(count)s pernyataan yang menunggu diterapkan.")
        % {"activity": saved, "count": applied},
    )
    return redirect("lms:mapping_list")


@capability_required(Capability.EDIT_PROGRAMS)
def mapping_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = MappingForm(request.POST or None, access=access)
    if (done := _save(request, form, None)) is not None:
        return done
    context = {
        "form": form,
        "mappings": mappings_for_user(access),
        "import_form": CompletionImportForm(),
    }
    return render(request, "api/mapping_list.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
def mapping_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    mapping = get_mapping_for_user(access, pk)
    initial = {
        "activity_id": mapping.activity_id,
        "activity_name": mapping.activity_name,
        "cohort": mapping.cohort_id,
        "session": mapping.session_id,
    }
    form = MappingForm(request.POST or None, access=access, mapping=mapping, initial=initial)
    if (done := _save(request, form, mapping)) is not None:
        return done
    return render(request, "api/mapping_edit.html", {"form": form, "mapping": mapping})


@capability_required(Capability.EDIT_PROGRAMS)
def completion_upload(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = CompletionImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = completion_import(
            actor=request.user, access=access, file_obj=upload, filename=upload.name
        )
        if result.received is not None:
            r = result.received
            messages.success(
                request,
                _(
                    "Laporan diimpor: %(applied)s diterapkan, %(pending)s menunggu pemetaan, %(duplicates)s sudah pernah diterima."
                )
                % {"applied": r.applied, "pending": r.pending, "duplicates": r.duplicates},
            )
            return redirect("lms:mapping_list")
    context = {
        "form": form,
        "result": result,
        "errors": result.errors[:ERRORS_SHOWN] if result else [],
        "more_problems": more_problems(len(result.errors), ERRORS_SHOWN) if result else "",
        "required_columns": completion_csv.REQUIRED,
        "optional_columns": completion_csv.OPTIONAL,
    }
    return render(request, "api/completion_import.html", context)
