"""Labels for agreement figures, so pages read "andal" rather than the library's codes."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext_lazy as _

register = template.Library()

ALPHA_BANDS = {
    "reliable": _("andal (α ≥ 0,800)"),
    "tentative": _("sementara (0,667–0,800)"),
    "revise": _("perlu revisi (α < 0,667)"),
}
KAPPA_BANDS = {
    "poor": _("buruk"),
    "slight": _("sangat lemah"),
    "fair": _("lemah"),
    "moderate": _("sedang"),
    "substantial": _("kuat"),
    "almost_perfect": _("hampir sempurna"),
}


@register.filter
def alpha_band_label(band: str) -> str:
    return str(ALPHA_BANDS.get(band, "—"))


@register.filter
def kappa_band_label(band: str) -> str:
    return str(KAPPA_BANDS.get(band, "—"))


@register.filter
def coefficient(value: float | None) -> str:
    """An agreement coefficient with three decimals, as agreement is usually reported."""
    return "—" if value is None else floatformat(value, 3)
