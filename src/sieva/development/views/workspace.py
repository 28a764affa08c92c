"""A person's own workspace (/saya/): what waits on them, their record, certificates and the
learning they report from elsewhere; and the public page that verifies a certificate."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sieva.core.ratelimit import RateLimit
from sieva.core.views import apply_errors, messages_of
from sieva.development.access import get_enrollment_for_certificate, get_learning_for_user
from sieva.development.certificate_pdf import certificate_pdf
from sieva.development.forms.assessment import AppealForm
from sieva.development.forms.workspace import ExternalLearningForm
from sieva.development.models import Certificate
from sieva.development.selectors.workspace import workspace
from sieva.development.services.certificates import certificate_issue
from sieva.development.services.learning import external_learning_submit
from sieva.development.views._common import own_employee_id, person_required, signed_in
from sieva.org.access import access_of
from sieva.org.models import Employee

VERIFY_LIMIT = RateLimit("verify", "SIEVA_CERTIFICATE_RATE_LIMIT", "SIEVA_CERTIFICATE_RATE_WINDOW")
TOO_MANY = 429


def _own_employee(request: HttpRequest) -> Employee:
    return get_object_or_404(
        Employee.objects.select_related("unit", "supervisor"),
        pk=own_employee_id(access_of(request)),
    )


@person_required
def me(request: HttpRequest) -> HttpResponse:
    context = {
        "ws": workspace(_own_employee(request), request.user.pk),
        "appeal_form": AppealForm(),
    }
    return render(request, "development/workspace/me.html", context)


@require_http_methods(["GET", "POST"])
@person_required
def learning_submit(request: HttpRequest) -> HttpResponse:
    employee = _own_employee(request)
    form = ExternalLearningForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            external_learning_submit(actor=request.user, employee=employee, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("Pengajuan dikirim; JP masuk setelah disetujui BKPSDM/penyelenggara.")
            )
            return redirect(f"{reverse('development:me')}#pembelajaran-lain")
    return render(request, "development/workspace/learning_form.html", {"form": form})


@signed_in
def learning_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    """The evidence file, for its owner and the office that reviews it (never public)."""
    record = get_learning_for_user(access_of(request), pk)
    response = FileResponse(record.evidence.open("rb"), as_attachment=True)
    response["Content-Disposition"] = (
        f'attachment; filename="bukti-{record.pk}.{record.evidence.name.rsplit(".", 1)[-1]}"'
    )
    response["Cache-Control"] = "no-store"
    return response


@signed_in
def certificate_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The participant's certificate as a PDF, issued on first download."""
    enrollment = get_enrollment_for_certificate(access_of(request), pk)
    try:
        certificate = certificate_issue(actor=request.user, enrollment=enrollment)
    except ValidationError as exc:
        for text in messages_of(exc):
            messages.error(request, text)
        return redirect("development:me")
    verify_url = f"{settings.SIEVA_SITE_URL.rstrip('/')}{reverse('development:verify', args=[certificate.code])}"
    pdf = certificate_pdf(certificate, verify_url)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = certificate.number.replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="sertifikat-{filename}.pdf"'
    return response


def verify(request: HttpRequest, token: str) -> HttpResponse:
    """Public: whether a certificate is genuine, showing only what it states."""
    if not VERIFY_LIMIT.hit_request(request):
        response = render(request, "development/certificate/verify.html", {"limited": True})
        response.status_code = TOO_MANY
        response["Retry-After"] = str(VERIFY_LIMIT.retry_after())
        return response
    certificate = (
        Certificate.objects.select_related("enrollment__employee", "enrollment__cohort__program")
        .filter(code=token[:64])
        .first()
    )
    if certificate is None:
        raise Http404
    return render(request, "development/certificate/verify.html", {"certificate": certificate})
