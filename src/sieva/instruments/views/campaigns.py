"""Campaign pages: list, create, detail with the response rate, issue links, close, and the
response browser with its CSV/XLSX export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core.exports import ExportTitle, table_response
from sieva.core.views import apply_errors, export
from sieva.instruments.campaigns import selectors, services
from sieva.instruments.campaigns.access import get_campaign_for_user
from sieva.instruments.campaigns.forms import CampaignFilterForm, CampaignForm
from sieva.instruments.exchange.document import load_version
from sieva.instruments.selectors import reverse_scored_codes
from sieva.org.access import Capability, access_of, capability_required

PAGE_SIZE = 50


@capability_required(Capability.VIEW_PROGRAMS)
def campaign_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = CampaignFilterForm(request.GET)
    filters = selectors.CampaignFilter()
    if form.is_valid():
        filters = selectors.CampaignFilter(**form.cleaned_data)
    query = request.GET.copy()
    query.pop("page", None)
    page = Paginator(selectors.campaign_list(access, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page": page,
        "filter_query": query.urlencode(),
        "can_edit": access.can(Capability.EDIT_PROGRAMS),
    }
    template = "instruments/campaign_list.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#results"
    return render(request, template, context)


@capability_required(Capability.EDIT_PROGRAMS)
def campaign_create(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    initial = {"cohort": request.GET.get("angkatan") or None}
    form = CampaignForm(request.POST or None, access=access, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.campaign_create(
                actor=request.user, access=access, **form.service_arguments()
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Kampanye dibuat dengan undangan untuk %(n)d orang. Terbitkan tautan untuk "
                    "membagikannya."
                )
                % {"n": campaign.invitations.count()},
            )
            return redirect("instruments:campaign_detail", pk=campaign.pk)
    return render(request, "instruments/campaign_form.html", {"form": form})


@capability_required(Capability.VIEW_PROGRAMS)
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    campaign = get_campaign_for_user(access, pk)
    personal = access.can(Capability.VIEW_PERSONAL_DATA)
    context = {
        "campaign": campaign,
        "state": selectors.campaign_state(campaign),
        "rate": selectors.response_rate(campaign),
        "personal": personal,
        "pending": selectors.pending_invitations(campaign) if personal else None,
        "answered": selectors.answered_invitations(campaign) if personal else None,
        "unissued": campaign.invitations.filter(answered_at__isnull=True, token_hash="").count(),
        "can_edit": access.can(Capability.EDIT_PROGRAMS),
    }
    return render(request, "instruments/campaign_detail.html", context)


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def campaign_links(request: HttpRequest, pk: int) -> HttpResponse:
    """Issue fresh links for everyone who has not answered and hand them over as a CSV —
    the only time they can be read (earlier links of those people stop working)."""
    access = access_of(request)
    campaign = get_campaign_for_user(access, pk, write=True)
    if not access.can(Capability.VIEW_PERSONAL_DATA):
        raise PermissionDenied
    try:
        issued = services.invitations_issue(actor=request.user, campaign=campaign)
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
        return redirect("instruments:campaign_detail", pk=campaign.pk)
    headers = [_("NIP"), _("Nama"), _("Unit"), _("Dinilai"), _("Tautan")]
    rows = [
        [
            invitation.employee.nip,
            invitation.employee.name,
            invitation.employee.unit.name,
            invitation.subject.name if invitation.subject else "",
            request.build_absolute_uri(reverse("instruments:respond", args=[token])),
        ]
        for invitation, token in issued
    ]
    # A bare CSV for mail merge; the links are secrets, and the response is never cached.
    return table_response(
        "csv", filename=f"tautan-kampanye-{campaign.pk}", title=None, headers=headers, rows=rows
    )


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_campaign_for_user(access_of(request), pk, write=True)
    services.campaign_close(actor=request.user, campaign=campaign)
    messages.success(request, _("Kampanye ditutup; tautan tidak lagi menerima jawaban."))
    return redirect("instruments:campaign_detail", pk=campaign.pk)


@capability_required(Capability.VIEW_PROGRAMS)
def campaign_responses(request: HttpRequest, pk: int) -> HttpResponse:
    """Every response, one column per item; `?format=csv|xlsx` downloads the same table."""
    access = access_of(request)
    campaign = get_campaign_for_user(access, pk)
    table = selectors.response_table(campaign, personal=access.can(Capability.VIEW_PERSONAL_DATA))
    if "format" in request.GET:
        title = _("Tanggapan kampanye %(name)s") % {"name": campaign.name}
        return export(
            request,
            filename=f"tanggapan-kampanye-{campaign.pk}",
            title=ExportTitle(title, access.scope_label),
            headers=table.headers,
            rows=table.rows,
        )
    page = Paginator(table.rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "campaign": campaign,
        "table": table,
        "reversed": sorted(reverse_scored_codes(load_version(campaign.version_id))),
        "page": page,
        "min_cell": selectors.min_cell_size(),
    }
    return render(request, "instruments/campaign_responses.html", context)
