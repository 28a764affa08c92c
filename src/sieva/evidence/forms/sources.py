"""Forms of a study's sources: interviews, documents, the document checklist, open answers."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.evidence.checklists import ANSWERS, checklist_for
from sieva.evidence.forms.common import UPLOAD_HELP
from sieva.evidence.models import (
    Document,
    Interview,
    Study,
)
from sieva.org.forms import UnitChoiceField
from sieva.org.models import Employee, OrgUnit, PositionKind
from sieva.programs.forms import DateInput


class InterviewForm(forms.ModelForm):  # type: ignore[type-arg]
    unit = UnitChoiceField(label=_("Unit kerja narasumber"), queryset=None, required=False)
    position_kind = forms.ChoiceField(label=_("Jenis jabatan narasumber"), required=False)
    interviewee = forms.ModelChoiceField(
        label=_("Narasumber (data pribadi, hanya untuk tim)"),
        queryset=Employee.objects.none(),
        required=False,
    )
    transcript = forms.CharField(
        label=_("Transkrip"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Tulis satu giliran bicara per baris, mis. “Pewawancara: …” dan “Nama: …”. Nama penutur "
            "diganti samaran saat disimpan."
        ),
    )
    upload = forms.FileField(
        label=_("Atau unggah transkrip"), required=False, help_text=UPLOAD_HELP
    )

    class Meta:
        model = Interview
        fields = [
            "stratum",
            "held_on",
            "mode",
            "interviewer",
            "consent",
            "consent_note",
            "interviewee",
        ]
        widgets = {"held_on": DateInput()}

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stratum"].queryset = study.sample.select_related("unit")
        self.fields["unit"].queryset = OrgUnit.objects.filter(
            path__startswith=study.owner.path
        ).order_by("path")
        self.fields["position_kind"].choices = [("", "—"), *PositionKind.choices]
        self.fields["interviewer"].queryset = study.team.order_by("username")
        self.fields["interviewee"].queryset = Employee.objects.filter(
            unit__path__startswith=study.owner.path
        ).order_by("name")
        if self.instance.pk:
            source = self.instance.source
            self.initial.update(
                unit=source.unit_id, position_kind=source.position_kind, transcript=source.text
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("stratum") and not data.get("unit"):
            self.add_error("unit", _("Pilih unit kerja narasumber atau strata sampelnya."))
        return data


class DocumentForm(forms.ModelForm):  # type: ignore[type-arg]
    title = forms.CharField(label=_("Judul dokumen"), max_length=300)
    unit = UnitChoiceField(label=_("Unit pemilik dokumen"), queryset=None, required=False)
    text = forms.CharField(
        label=_("Teks dokumen"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    upload = forms.FileField(label=_("Atau unggah berkas"), required=False, help_text=UPLOAD_HELP)

    class Meta:
        model = Document
        fields = ["doc_type", "number", "issuer", "issued_on"]
        widgets = {"issued_on": DateInput()}

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(
            path__startswith=study.owner.path
        ).order_by("path")
        if self.instance.pk:
            source = self.instance.source
            self.initial.update(title=source.title, unit=source.unit_id, text=source.text)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("text") and not data.get("upload") and not self.instance.pk:
            self.add_error("upload", _("Unggah berkas dokumen atau tempel teksnya."))
        return data


class ChecklistForm(forms.Form):
    """One answer (ya/sebagian/tidak) and note per checklist item of the document's type."""

    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(checklist_for(document.doc_type))
        for code, label in self.items:
            stored = document.checklist.get(code, {})
            self.fields[f"{code}__answer"] = forms.ChoiceField(
                label=label,
                choices=[("", "—"), *ANSWERS],
                required=False,
                initial=stored.get("answer", ""),
            )
            self.fields[f"{code}__note"] = forms.CharField(
                label=_("Catatan"), required=False, max_length=300, initial=stored.get("note", "")
            )

    def answers(self) -> dict[str, dict[str, str]]:
        return {
            code: {
                "answer": self.cleaned_data[f"{code}__answer"],
                "note": self.cleaned_data[f"{code}__note"],
            }
            for code, _label in self.items
        }

    def rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"{code}__answer"], self[f"{code}__note"]) for code, _label in self.items]


class OpenAnswersForm(forms.Form):
    item = forms.ChoiceField(label=_("Pertanyaan isian teks"))

    def __init__(self, *args: Any, items: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = items
