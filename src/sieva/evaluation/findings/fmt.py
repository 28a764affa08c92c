"""Numbers as a finding's text shows them: `sieva.core.numbers`, plus lists of names."""

from django.utils.translation import gettext as _

from sieva.core.numbers import compared, day, interval, number

__all__ = ["compared", "day", "interval", "names", "number"]


def names(shown: tuple[str, ...], count: int) -> str:
    """ "A, B, C" or "A, B, C dan 4 lainnya" when more exist than are shown."""
    text = ", ".join(shown)
    if count > len(shown):
        text += " " + _("dan %(n)d lainnya") % {"n": count - len(shown)}
    return text
