"""The letterhead form (lines of text and an optional logo image)."""

import io
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from sieva.org.nip import NipError, format_nip, parse_nip

MAX_LOGO_BYTES = 512 * 1024
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


class LetterheadForm(forms.Form):
    lines = forms.CharField(
        label=_("Baris kop"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=1000,
        help_text=_("Satu baris per baris kop, mis. PEMERINTAH KOTA MEDAN / BKPSDM / alamat."),
    )
    logo = forms.FileField(label=_("Logo (PNG atau JPEG, maks. 512 KB)"), required=False)

    def clean_logo(self) -> Any:
        upload = self.cleaned_data.get("logo")
        if upload is None:
            return None
        if upload.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(_("Logo lebih dari 512 KB."))
        data = upload.read()
        try:
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
        except (UnidentifiedImageError, OSError) as error:
            raise forms.ValidationError(_("Berkas logo bukan gambar PNG atau JPEG.")) from error
        if kind not in LOGO_TYPES:
            raise forms.ValidationError(_("Berkas logo bukan gambar PNG atau JPEG."))
        return data, LOGO_TYPES[kind]


def _nip(text: str, where: str) -> str:
    """The NIP as printed (8-6-1-3), or a ValidationError naming where it was typed."""
    try:
        return format_nip(parse_nip(text).number)
    except NipError as error:
        reason = _(error.template) % error.params if error.params else _(error.template)
        raise forms.ValidationError(
            _("%(where)s: %(reason)s") % {"where": where, "reason": reason}
        ) from error


class ReportEditForm(forms.Form):
    """A draft's identity and the evaluators' own narrative, one text per section."""

    number = forms.CharField(
        label=_("Nomor laporan"),
        max_length=80,
        required=False,
        help_text=_("Kosongkan untuk nomor otomatis saat disetujui."),
    )
    evaluators = forms.CharField(
        label=_("Evaluator (satu per baris: nama; NIP)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Contoh: Evan Saputra, S.E.; 198609262015051001"),
    )

    def __init__(self, *args: Any, sections: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, title in sections:
            self.fields[f"narrative_{key}"] = forms.CharField(
                label=title,
                required=False,
                max_length=8000,
                widget=forms.Textarea(attrs={"rows": 5}),
            )

    def clean_evaluators(self) -> list[dict[str, str]]:
        people = []
        for number, line in enumerate(self.cleaned_data["evaluators"].splitlines(), 1):
            if not line.strip():
                continue
            name, _sep, nip = line.rpartition(";")
            if not name.strip():
                raise forms.ValidationError(
                    _("Baris %(n)d: tulis nama dan NIP dipisah titik koma (;).") % {"n": number}
                )
            where = _("Baris %(n)d") % {"n": number}
            people.append({"name": name.strip(), "nip": _nip(nip, where)})
        if not people:
            raise forms.ValidationError(_("Tuliskan sekurangnya satu evaluator."))
        return people

    def narratives(self) -> dict[str, str]:
        return {
            name.removeprefix("narrative_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("narrative_")
        }


class ApproveForm(forms.Form):
    """The signature block of the approver, as printed on the signature page."""

    name = forms.CharField(label=_("Nama penanda tangan"), max_length=200)
    nip = forms.CharField(label=_("NIP penanda tangan"), max_length=40)
    title = forms.CharField(
        label=_("Jabatan"),
        max_length=200,
        help_text=_("Mis. Kepala Badan Kepegawaian dan Pengembangan SDM Kota Medan"),
    )

    def clean_nip(self) -> str:
        return _nip(self.cleaned_data["nip"], _("NIP penanda tangan"))
