"""The certificate as a PDF: WeasyPrint from an HTML template, with a QR code (segno) that
leads to the public verification page."""

from django.template.loader import render_to_string
from django.utils import translation

from sieva.development.models import Certificate


def certificate_pdf(certificate: Certificate, verify_url: str) -> bytes:
    # Imported here: both load native libraries (~0.4 s), needed only for a PDF.
    import segno
    from weasyprint import HTML

    qr = segno.make(verify_url, error="m").svg_data_uri(scale=4, border=1)
    enrollment = certificate.enrollment
    context = {
        "certificate": certificate,
        "employee": enrollment.employee,
        "cohort": enrollment.cohort,
        "program": enrollment.cohort.program,
        "verify_url": verify_url,
        "qr": qr,
    }
    with translation.override("id"):  # the certificate is an Indonesian document
        html = render_to_string("development/certificate/pdf.html", context)
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]
