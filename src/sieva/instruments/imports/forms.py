"""Forms of the import flow: the upload, and one target per file column."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.instruments.models.imports import SourceKind

MAX_UPLOAD_MB = 20


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas jawaban (.csv atau .xlsx)"),
        help_text=_(
            "Ekspor dari Google Forms, KoboToolbox atau LimeSurvey; baris pertama berisi nama kolom."
        ),
    )
    source = forms.ChoiceField(
        label=_("Sumber berkas"),
        required=False,
        choices=[("", _("Deteksi otomatis")), *SourceKind.choices],
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Unggah berkas .csv atau .xlsx."))
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("Berkas terlalu besar (maksimal %(mb)d MB).") % {"mb": MAX_UPLOAD_MB}
            )
        return upload


class RetryForm(forms.Form):
    """The file of an import whose worker died, chosen again (its copy was dropped)."""

    file = forms.FileField(label=_("Berkas yang sama"))


class MappingForm(forms.Form):
    """Field ``kolom_<i>`` holds the target of the file's column i."""

    def __init__(
        self,
        *args: Any,
        header: list[str],
        choices: list[tuple[str, str]],
        initial_targets: list[str],
        samples: list[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for index, name in enumerate(header):
            self.fields[f"kolom_{index}"] = forms.ChoiceField(
                label=name or f"#{index + 1}",
                choices=choices,
                required=False,
                initial=initial_targets[index] if index < len(initial_targets) else "",
                help_text=samples[index] if index < len(samples) else "",
            )

    def targets(self) -> list[str]:
        return [self.cleaned_data[f"kolom_{i}"] or "" for i in range(len(self.fields))]
