"""The respondent's pages, reached through a personal link (no login, the token is the
credential) or from the invitee's own workspace (signed in, the invitation is theirs).

An unknown token is a 404 that says nothing about any campaign; a used, closed or
not-yet-open link explains itself. Campaigns marked "signed in only" are answered only the
second way, so an invitation cannot be forwarded to someone else.
"""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from sieva.audit.services import audit_record
from sieva.core.ratelimit import RateLimit
from sieva.instruments import selectors
from sieva.instruments.campaigns.respondent_form import answers_from_post, form_sections
from sieva.instruments.campaigns.submission import (
    LinkUnusable,
    find_invitation,
    response_submit,
    unusable_reason,
)
from sieva.instruments.models import Invitation, RaterKind
from sieva.org.access import user_access

# Tokens carry 192 random bits, so guessing is hopeless anyway; the limit only keeps a script
# from hammering the form.
RESPOND_LIMIT = RateLimit("respond", "SIEVA_RESPOND_RATE_LIMIT", "SIEVA_RESPOND_RATE_WINDOW")
GONE = 410
TOO_MANY = 429
FORBIDDEN = 403
REFUSED_SUBJECT = gettext_lazy(
    "Anda adalah pegawai yang dinilai dalam penilaian ini. Penilaian hanya dapat diisi oleh "
    "atasan yang ditunjuk, dari akunnya sendiri."
)
REFUSED_SUPERVISOR_RATING = gettext_lazy(
    "Penilaian ini ditujukan kepada atasan yang ditunjuk dan hanya dapat diisi dari akun "
    "SIEVA miliknya. Jika Anda atasan yang baru, minta admin instansi memperbarui data atasan."
)
REFUSED_OTHER = gettext_lazy(
    "Kuesioner ini ditujukan kepada orang lain dan hanya dapat diisi dari akun SIEVA miliknya."
)


def _invitation(token: str) -> Invitation:
    invitation = find_invitation(token)
    if invitation is None:
        raise Http404
    return invitation


def _message(request: HttpRequest, invitation: Invitation, text: str, status: int) -> HttpResponse:
    context = {"campaign": invitation.campaign, "message": text}
    return render(request, "instruments/respond/message.html", context, status=status)


@never_cache
def respond(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the form; POST validates and stores it atomically, then thanks."""
    invitation = _invitation(token)
    if invitation.campaign.signed_in_only:
        # A link issued before the campaign was bound to logins: it still needs the invitee's.
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not _is_invitee(request, invitation):
            return _refuse(request, invitation)
        return redirect("instruments:respond_signed_in", pk=invitation.pk)
    return _answer(request, invitation, reverse("instruments:respond_thanks", args=[token]))


@never_cache
@login_required
def respond_signed_in(request: HttpRequest, pk: int) -> HttpResponse:
    """The same form for the signed-in invitee; anyone else's invitation is a 404."""
    invitation = _signed_in_invitation(request, pk)
    if not _is_invitee(request, invitation):
        return _refuse(request, invitation)
    return _answer(request, invitation, reverse("instruments:respond_signed_in_thanks", args=[pk]))


@never_cache
@login_required
def respond_signed_in_thanks(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = _signed_in_invitation(request, pk)
    if not _is_invitee(request, invitation):
        return _refuse(request, invitation)
    if invitation.answered_at is None:
        return redirect("instruments:respond_signed_in", pk=pk)
    context = {"campaign": invitation.campaign, "signed_in": True}
    return render(request, "instruments/respond/thanks.html", context)


def _signed_in_invitation(request: HttpRequest, pk: int) -> Invitation:
    invitation = (
        Invitation.objects.select_related(
            "campaign__version__instrument", "campaign__owner", "employee__unit", "subject"
        )
        .filter(pk=pk)
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


def _is_invitee(request: HttpRequest, invitation: Invitation) -> bool:
    access = user_access(request.user)
    if access is None or access.employee_id is None:
        return False
    return access.employee_id == invitation.employee_id


def _refuse(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """Someone else's questionnaire: say so plainly, name nothing of it, and audit the try
    (decision 0063) — a rated employee opening their own supervisor's rating above all."""
    access = user_access(request.user)
    employee_id = access.employee_id if access is not None else None
    campaign = invitation.campaign
    is_subject = employee_id is not None and employee_id == invitation.subject_id
    if is_subject:
        reason, text = "dinilai", REFUSED_SUBJECT
    elif campaign.rater_kind == RaterKind.SUPERVISOR:
        reason, text = "bukan_undangan", REFUSED_SUPERVISOR_RATING
    else:
        reason, text = "bukan_undangan", REFUSED_OTHER
    audit_record(
        actor=request.user,
        action="campaign.respond_refused",
        obj=campaign,
        org_path=campaign.owner.path,
        changes={"invitation": invitation.pk, "reason": reason, "method": request.method},
    )
    return render(request, "instruments/respond/refused.html", {"message": text}, status=FORBIDDEN)


def _answer(request: HttpRequest, invitation: Invitation, thanks_url: str) -> HttpResponse:
    reason = unusable_reason(invitation)
    if reason:
        return _message(request, invitation, reason, GONE)
    version = invitation.campaign.version
    loaded, sections = selectors.version_preview(version)
    spec = selectors.spec_for_version(version)
    answers: dict = {}
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        if not RESPOND_LIMIT.hit_request(request):
            text = _("Terlalu banyak percobaan dari jaringan Anda; coba lagi beberapa menit lagi.")
            return _message(request, invitation, text, TOO_MANY)
        answers = answers_from_post(spec, request.POST)
        try:
            response_submit(invitation=invitation, answers=answers)
        except LinkUnusable as exc:
            return _message(request, invitation, str(exc), GONE)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                errors = {code: " ".join(msgs) for code, msgs in exc.message_dict.items()}
            else:
                errors = {"": " ".join(exc.messages)}
            status = 400
        else:
            return redirect(thanks_url)
    context = {
        "invitation": invitation,
        "campaign": invitation.campaign,
        "version": loaded,
        "sections": form_sections(sections, answers, errors),
        "error_count": len(errors),
    }
    return render(request, "instruments/respond/form.html", context, status=status)


@never_cache
def respond_thanks(request: HttpRequest, token: str) -> HttpResponse:
    invitation = _invitation(token)
    if invitation.answered_at is None:
        return redirect("instruments:respond", token=token)
    return render(request, "instruments/respond/thanks.html", {"campaign": invitation.campaign})
