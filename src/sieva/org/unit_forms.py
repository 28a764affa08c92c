"""Forms of the unit pages (create, edit, move, import): they parse and label input;
`sieva.org.services.units` decides. Every parent offered lies in the user's subtree."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sieva.org.access import Access, org_units_for_user, unit_choices_for_user
from sieva.org.forms import DescribedForm, EmployeeImportForm, UnitChoiceField
from sieva.org.models import OrgKind, OrgUnit
from sieva.org.services.unit_rules import PARENT_CAPABLE, PARENT_KINDS, POPULATION_MAX


def _field(name: str, **kwargs: Any) -> forms.Field:
    return OrgUnit._meta.get_field(name).formfield(**kwargs)  # type: ignore[no-any-return]


class UnitForm(DescribedForm):
    """Code, name and (for a unit layanan) the yearly number of service users."""

    code = _field(
        "code",
        help_text=_(
            "Unik di seluruh SIEVA; dipakai pada impor pegawai (KODE_UNIT) dan impor SKM. "
            "Huruf, angka, titik, garis miring, tanda hubung, garis bawah."
        ),
    )
    name = _field("name")
    service_population = forms.IntegerField(
        label=_("Populasi layanan per tahun"),
        required=False,
        min_value=1,
        max_value=POPULATION_MAX,
        help_text=_(
            "Hanya untuk unit layanan: perkiraan jumlah pengguna layanan setahun. Menentukan "
            "sampel minimum SKM (Krejcie-Morgan)."
        ),
    )

    def __init__(self, *args: Any, unit: OrgUnit | None = None, **kwargs: Any) -> None:
        if unit is not None:
            kwargs.setdefault("initial", UnitForm.initial_for(unit))
        super().__init__(*args, **kwargs)
        if unit is not None and unit.kind != OrgKind.SERVICE_UNIT:
            del self.fields["service_population"]

    @staticmethod
    def initial_for(unit: OrgUnit) -> dict[str, Any]:
        return {name: getattr(unit, name) for name in UnitForm.base_fields}


def kind_choices(access: Access, parent_kinds: set[str]) -> list[tuple[str, Any]]:
    """The kinds a new unit may take: those fitting under one of `parent_kinds` (the kinds of
    the parents offered); a national root only for an admin of the whole tree."""
    kinds = [kind for kind in OrgKind if PARENT_KINDS[kind] & parent_kinds]
    if access.scope_path == "/":
        kinds.insert(0, OrgKind.NATIONAL)
    return [(kind.value, kind.label) for kind in kinds]


class UnitCreateForm(UnitForm):
    parent = UnitChoiceField(
        label=_("Induk"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=None,
    )
    kind = forms.ChoiceField(
        label=_("Jenis"),
        help_text=_(
            "Provinsi di bawah Nasional; Kabupaten/Kota di bawah Provinsi; Instansi di bawah "
            "Nasional, Provinsi atau Kabupaten/Kota; Perangkat daerah di bawah Instansi atau "
            "perangkat daerah lain; Unit layanan di bawah Instansi atau Perangkat daerah."
        ),
    )
    field_order = ["parent", "kind", "code", "name", "service_population"]

    def __init__(self, *args: Any, access: Access, parent: OrgUnit | None, **kwargs: Any) -> None:
        super().__init__(*args, initial={"parent": parent}, **kwargs)
        parents = unit_choices_for_user(access).filter(kind__in=PARENT_CAPABLE)
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]
        if access.scope_path == "/":  # an admin of the whole tree may start a new root
            self.fields["parent"].required = False
            self.fields["parent"].empty_label = _("— tanpa induk (unit Nasional) —")  # type: ignore[attr-defined]
        if parent is not None:
            parent_kinds = {parent.kind}
        else:
            parent_kinds = set(parents.order_by().values_list("kind", flat=True).distinct())
        self.fields["kind"].choices = kind_choices(access, parent_kinds)  # type: ignore[attr-defined]


class UnitMoveForm(DescribedForm):
    parent = UnitChoiceField(
        label=_("Induk baru"),
        queryset=OrgUnit.objects.none(),
        empty_label=_("— pilih induk baru —"),
        help_text=_("Hanya unit yang jenisnya sesuai; seluruh subunit ikut pindah."),
    )

    def __init__(self, *args: Any, access: Access, unit: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # An inactive unit may be filed under an inactive parent; an active one may not.
        units = unit_choices_for_user(access) if unit.active else org_units_for_user(access)
        self.fields["parent"].queryset = (  # type: ignore[attr-defined]
            units.filter(kind__in=PARENT_KINDS[unit.kind])
            .exclude(path__startswith=unit.path)
            .exclude(pk=unit.parent_id)
        )

    @property
    def has_choices(self) -> bool:
        return self.fields["parent"].queryset.exists()  # type: ignore[attr-defined]


class UnitImportForm(EmployeeImportForm):
    file = forms.FileField(
        label=_("Berkas struktur organisasi (CSV atau XLSX)"),
        help_text=_("Baris pertama berisi nama kolom sesuai templat."),
    )
