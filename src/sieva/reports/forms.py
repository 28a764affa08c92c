"""The letterhead form (lines of text and an optional logo image)."""

import io
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

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
