"""Forms of the evidence pages: they parse and label input; the services decide. Every unit,
program and person offered is limited to the study's (or the user's) subtree."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.evidence.access import studies_for_user
from sieva.evidence.checklists import ANSWERS, checklist_for
from sieva.evidence.models import (
    Code,
    Coding,
    Document,
    GuideQuestion,
    Interview,
    PlanItem,
    Practice,
    SampleStratum,
    Study,
    TrainingPlan,
)
from sieva.evidence.services.coding import CODE_FIELDS
from sieva.org.access import Access, org_units_for_user
from sieva.org.forms import UnitChoiceField
from sieva.org.models import Employee, OrgKind, OrgUnit, PositionKind, Role
from sieva.programs.access import programs_for_user

_OWNER_KINDS = (OrgKind.NATIONAL, OrgKind.PROVINCE, OrgKind.CITY, OrgKind.AGENCY)
TEAM_ROLES = (Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN, Role.EVALUATOR, Role.ORGANISER)
UPLOAD_HELP = _("DOCX, TXT atau PDF (teks diambil otomatis), paling besar 10 MB.")


class DateInput(forms.DateInput):
    input_type = "date"


def team_candidates(owner: OrgUnit) -> QuerySet[Any]:
    """Users who may code for a study of `owner`: evaluators, organisers and admins whose
    scope covers the owner or lies inside it."""
    ancestors = [int(p) for p in owner.path.strip("/").split("/") if p]
    return (
        get_user_model()
        .objects.filter(role_assignment__role__in=TEAM_ROLES, is_active=True)
        .filter(
            Q(role_assignment__scope__path__startswith=owner.path)
            | Q(role_assignment__scope_id__in=ancestors)
        )
        .order_by("username")
    )


class UserChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name() or obj.username
        return f"{name} ({obj.username})"


class StudyForm(forms.ModelForm):  # type: ignore[type-arg]
    owner = UnitChoiceField(label=_("Instansi"), queryset=None)
    team = UserChoices(
        label=_("Pengode"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ketua tim selalu termasuk pengode."),
    )

    class Meta:
        model = Study
        fields = [
            "title",
            "owner",
            "program",
            "year",
            "questions",
            "team",
            "double_share",
            "alpha_threshold",
        ]
        widgets = {"questions": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = org_units_for_user(access).filter(kind__in=_OWNER_KINDS)
        self.fields["program"].queryset = programs_for_user(access).order_by("name")
        owner = self.instance.owner if self.instance.pk else None
        self.fields["team"].queryset = (
            team_candidates(owner) if owner else team_candidates_for(access)
        )
        if not self.instance.pk:
            self.fields["year"].initial = timezone.localdate().year


def team_candidates_for(access: Access) -> QuerySet[Any]:
    return (
        get_user_model()
        .objects.filter(
            role_assignment__role__in=TEAM_ROLES,
            role_assignment__scope__path__startswith=access.scope_path,
            is_active=True,
        )
        .order_by("username")
    )


class GuideQuestionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = GuideQuestion
        fields = ["text", "probes"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "probes": forms.Textarea(attrs={"rows": 2}),
        }


class StratumForm(forms.ModelForm):  # type: ignore[type-arg]
    unit = UnitChoiceField(label=_("Unit kerja"), queryset=None)

    class Meta:
        model = SampleStratum
        fields = ["position_kind", "unit", "planned", "note"]

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(
            path__startswith=study.owner.path
        ).order_by("path")

    def validate_unique(self) -> None:
        """Checked by the service, with its own message."""


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


class CodeForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Code
        fields = list(CODE_FIELDS)
        widgets = {
            f: forms.Textarea(attrs={"rows": 2})
            for f in ("definition", "include_rule", "exclude_rule", "example")
        }

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = study.codes.filter(parent__isnull=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents

    def validate_unique(self) -> None:
        """Checked by the service, with its own message."""


class CodingForm(forms.Form):
    """A selection of the source's text and the codes to apply to it. Without JavaScript
    the coder types the character positions; the coding page's script fills them in."""

    code = forms.ModelMultipleChoiceField(
        label=_("Kode"), queryset=Code.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    start = forms.IntegerField(label=_("Posisi awal"), min_value=0)
    end = forms.IntegerField(label=_("Posisi akhir"), min_value=1)
    memo = forms.CharField(label=_("Memo"), required=False, max_length=500)

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].queryset = study.codes.all()


class DoubleCodingForm(forms.Form):
    share = forms.DecimalField(
        label=_("Porsi dikode ganda"),
        min_value=0.05,
        max_value=1,
        decimal_places=2,
        help_text=_("Mis. 0,20 untuk 20 persen dari setiap jenis sumber."),
    )
    coder = forms.ModelChoiceField(label=_("Pengode kedua"), queryset=None)

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coder"].queryset = study.team.order_by("username")
        self.fields["share"].initial = study.double_share


class AdjudicationForm(forms.Form):
    source = forms.IntegerField()
    code = forms.IntegerField()
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    applies = forms.TypedChoiceField(
        choices=[("1", _("Berlaku")), ("0", _("Tidak berlaku"))], coerce=lambda v: v == "1"
    )
    note = forms.CharField(required=False, max_length=300)


class PracticeForm(forms.ModelForm):  # type: ignore[type-arg]
    owner = UnitChoiceField(label=_("Instansi"), queryset=None)
    unit = UnitChoiceField(label=_("Unit kerja"), queryset=None, required=False)
    quotes = forms.ModelMultipleChoiceField(
        label=_("Kutipan pilihan dari kajian"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kutipan yang ditandai pengode sebagai kutipan pilihan."),
    )

    class Meta:
        model = Practice
        fields = [
            "owner",
            "kind",
            "title",
            "summary",
            "body",
            "figures",
            "tags",
            "program",
            "unit",
            "study",
            "quotes",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8}),
            "figures": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = org_units_for_user(access)
        self.fields["owner"].queryset = units.filter(kind__in=_OWNER_KINDS)
        self.fields["unit"].queryset = units
        self.fields["program"].queryset = programs_for_user(access).order_by("name")
        studies = studies_for_user(access)
        self.fields["study"].queryset = studies
        self.fields["quotes"].queryset = (
            Coding.objects.filter(source__study__in=studies, exemplar=True, suggested=False)
            .select_related("code", "source")
            .order_by("source__study", "code__name", "pk")
        )
        self.fields["quotes"].label_from_instance = lambda c: f"{c.code.name}: “{c.quote[:120]}”"


class ReviewForm(forms.Form):
    publish = forms.TypedChoiceField(
        label=_("Keputusan"),
        choices=[("1", _("Terbitkan")), ("0", _("Kembalikan untuk diperbaiki"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Catatan peninjau"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ProposeForm(forms.Form):
    owner = UnitChoiceField(label=_("Instansi"), queryset=None)
    year = forms.IntegerField(label=_("Tahun rencana"), min_value=2000, max_value=2100)

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = org_units_for_user(access).filter(kind__in=_OWNER_KINDS)
        self.fields["year"].initial = timezone.localdate().year + 1


class PlanItemForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PlanItem
        fields = ["priority", "target_group", "participants", "jp", "cost_per_participant"]


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Tanggapan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    item = forms.ModelChoiceField(label=_("Tentang usulan"), queryset=None, required=False)

    def __init__(self, *args: Any, plan: TrainingPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = plan.items.all()


class NominationForm(forms.Form):
    employee = forms.ModelChoiceField(label=_("Bawahan"), queryset=None)
    competency = forms.ChoiceField(label=_("Kompetensi yang dibutuhkan"))
    year = forms.IntegerField(label=_("Tahun rencana"), min_value=2000, max_value=2100)
    reason = forms.CharField(label=_("Alasan"), required=False, max_length=300)

    def __init__(
        self, *args: Any, supervisor: Employee, competencies: dict[str, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = Employee.objects.filter(
            supervisor=supervisor, is_active=True
        ).order_by("name")
        self.fields["competency"].choices = sorted(competencies.items(), key=lambda kv: kv[1])
        self.fields["year"].initial = timezone.localdate().year + 1
