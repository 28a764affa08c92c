"""Forms of the instrument pages; choices and matrix rows are typed one per line as
``nilai=label`` so a simple server-rendered editor can hold any item."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.instruments.exchange.checks import SCALE_KINDS
from sieva.instruments.models import ItemKind, Purpose, RaterKind, Section
from sieva.instruments.selectors import ORIGIN_OWN, ORIGIN_STANDARD
from sieva.org.access import Access, org_units_for_user

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class InstrumentFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    purpose = forms.ChoiceField(
        label=_("Tujuan"), required=False, choices=[("", _("Semua"))] + Purpose.choices
    )
    origin = forms.ChoiceField(
        label=_("Asal"),
        required=False,
        choices=[
            ("", _("Semua")),
            (ORIGIN_STANDARD, _("Templat standar")),
            (ORIGIN_OWN, _("Milik instansi")),
        ],
    )


class _OwnerForm(forms.Form):
    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"] = forms.ModelChoiceField(
            label=_("Unit pemilik"), queryset=org_units_for_user(access)
        )
        self.order_fields(["owner"])


class InstrumentForm(_OwnerForm):
    code = forms.SlugField(label=_("Kode"), max_length=60)
    title = forms.CharField(label=_("Judul"), max_length=200)
    purpose = forms.ChoiceField(label=_("Tujuan"), choices=Purpose.choices)
    rater_kind = forms.ChoiceField(
        label=_("Penilai (untuk L3)"), required=False, choices=[("", "—")] + RaterKind.choices
    )
    description = forms.CharField(label=_("Keterangan"), required=False, widget=forms.Textarea)


class InstrumentUpdateForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=200)
    rater_kind = forms.ChoiceField(
        label=_("Penilai (untuk L3)"), required=False, choices=[("", "—")] + RaterKind.choices
    )
    description = forms.CharField(label=_("Keterangan"), required=False, widget=forms.Textarea)


class CloneForm(_OwnerForm):
    code = forms.SlugField(label=_("Kode instrumen baru"), max_length=60)


class ImportForm(_OwnerForm):
    file = forms.FileField(
        label=_("Berkas instrumen"), help_text=_("JSON ekspor SIEVA atau XLSX bergaya XLSForm.")
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Berkas lebih dari 5 MB."))
        return upload


class ScaleForm(forms.Form):
    """A construct measured by several scored items; `reverse` marks the items whose score
    is turned round (5 → 1) — analysts' knowledge, never shown to respondents."""

    code = forms.CharField(label=_("Kode skala"), max_length=60)
    name = forms.CharField(label=_("Nama konstruk"), max_length=200)
    items = forms.MultipleChoiceField(
        label=_("Butir dalam skala"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Hanya butir berskor: Likert, angka, pilihan tunggal."),
    )
    reverse = forms.MultipleChoiceField(
        label=_("Skor dibalik"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Butir bernada negatif yang skornya dibalik saat dihitung. Tanda ini hanya terlihat "
            "di penyusun instrumen dan hasil, tidak pernah oleh responden."
        ),
    )

    def __init__(self, *args: Any, version: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scored = version.items.filter(kind__in=SCALE_KINDS).order_by("section__order", "order")
        options = [(item.code, f"{item.code} · {item.label[:80]}") for item in scored]
        self.fields["items"].choices = options
        self.fields["reverse"].choices = options

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        outside = set(data.get("reverse") or []) - set(data.get("items") or [])
        if outside:
            self.add_error(
                "reverse",
                _("Butir “%(c)s” dibalik tetapi tidak dipilih dalam skala.")
                % {"c": sorted(outside)[0]},
            )
        return data

    def members(self) -> list[tuple[str, bool]]:
        reverse = set(self.cleaned_data["reverse"])
        return [(code, code in reverse) for code in self.cleaned_data["items"]]


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Judul bagian"), max_length=200)
    show_if_item = forms.CharField(
        label=_("Tampilkan jika butir (kode)"), max_length=60, required=False
    )
    show_if_value = forms.CharField(label=_("bernilai"), max_length=100, required=False)


def _pairs(text: str, key: str) -> list[dict[str, str]]:
    pairs = []
    for line in text.splitlines():
        if line.strip():
            value, _sep, label = line.partition("=")
            pairs.append({key: value.strip(), "label": label.strip() or value.strip()})
    return pairs


def _lines(pairs: list[dict[str, str]], key: str) -> str:
    return "\n".join(f"{p[key]}={p['label']}" for p in pairs)


class ItemForm(forms.Form):
    section = forms.ModelChoiceField(label=_("Bagian"), queryset=Section.objects.none())
    code = forms.CharField(label=_("Kode butir"), max_length=60)
    kind = forms.ChoiceField(label=_("Jenis"), choices=ItemKind.choices)
    label = forms.CharField(label=_("Pertanyaan"), widget=forms.Textarea(attrs={"rows": 2}))
    help_text = forms.CharField(label=_("Petunjuk"), max_length=300, required=False)
    required = forms.BooleanField(label=_("Wajib diisi"), required=False, initial=True)
    choices = forms.CharField(
        label=_("Pilihan jawaban"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Satu per baris: nilai=label. Likert tanpa isian memakai label setuju–tidak setuju."
        ),
    )
    rows = forms.CharField(
        label=_("Baris matriks"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hanya untuk matriks; satu per baris: kode=label."),
    )
    min_value = forms.DecimalField(label=_("Nilai minimum"), required=False)
    max_value = forms.DecimalField(label=_("Nilai maksimum"), required=False)
    correct = forms.CharField(
        label=_("Kunci jawaban (tes)"),
        required=False,
        help_text=_("Nilai pilihan, pisahkan dengan spasi."),
    )
    points = forms.DecimalField(label=_("Skor (tes)"), required=False, min_value=0)
    exclusive = forms.CharField(
        label=_("Pilihan eksklusif"),
        required=False,
        help_text=_(
            "Hanya untuk pilihan ganda: nilai pilihan yang tidak boleh dicentang bersama "
            "pilihan lain (mis. tidak_ada), pisahkan dengan spasi."
        ),
    )
    show_if_item = forms.CharField(
        label=_("Tampilkan jika butir (kode)"), max_length=60, required=False
    )
    show_if_value = forms.CharField(label=_("bernilai"), max_length=100, required=False)

    def __init__(self, *args: Any, version: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = version.sections.order_by("order", "pk")  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(item: Any) -> dict[str, Any]:
        return {
            "section": item.section_id,
            "code": item.code,
            "kind": item.kind,
            "label": item.label,
            "help_text": item.help_text,
            "required": item.required,
            "choices": _lines(item.choices, "value"),
            "rows": _lines(item.rows, "code"),
            "min_value": item.min_value,
            "max_value": item.max_value,
            "correct": " ".join(item.correct),
            "points": item.points,
            "exclusive": " ".join(c["value"] for c in item.choices if c.get("exclusive")),
            "show_if_item": item.show_if_item,
            "show_if_value": item.show_if_value,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        values = {c["value"] for c in _pairs(data.get("choices") or "", "value")}
        unknown = [v for v in (data.get("exclusive") or "").split() if v not in values]
        if unknown:
            self.add_error(
                "exclusive",
                _("Pilihan eksklusif “%(v)s” bukan salah satu pilihan jawaban.")
                % {"v": unknown[0]},
            )
        return data

    def item_fields(self) -> dict[str, Any]:
        """The cleaned data as `editing.item_save` takes it (section passed separately)."""
        data = dict(self.cleaned_data)
        data.pop("section")
        exclusive = set(data.pop("exclusive").split())
        data["choices"] = [
            {**pair, "exclusive": True} if pair["value"] in exclusive else pair
            for pair in _pairs(data["choices"], "value")
        ]
        data["rows"] = _pairs(data["rows"], "code")
        data["correct"] = data["correct"].split()
        data["points"] = data["points"] or 0
        return data
