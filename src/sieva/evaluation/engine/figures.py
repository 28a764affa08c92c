"""The unit of an evaluation result: one figure with its n, interval, design and caveats.

Every number the engine returns is a `Figure`, so a page, a report sentence or a finding can
always say how many people it rests on, how uncertain it is and how strong the design behind
it is. A figure that would describe fewer than `SIEVA_MIN_CELL_SIZE` people is suppressed:
its value and interval are None and it carries the `suppressed` caveat.
"""

from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum

from django.utils.translation import gettext_lazy as _


class Design(IntEnum):
    """Strength of the evidence design, weakest first (the order is the ranking)."""

    RECORDS = 0  # administrative records: counts and costs, not an effect claim
    POST_ONLY = 1  # measured once, after the program
    PRE_POST = 2  # measured before and after on the same people or units
    PRE_POST_COMPARISON = 3  # before and after, against units that were not trained

    @property
    def label(self) -> str:
        return str(DESIGN_LABELS[self])


DESIGN_LABELS = {
    Design.RECORDS: _("data administrasi"),
    Design.POST_ONLY: _("hanya sesudah"),
    Design.PRE_POST: _("sebelum–sesudah"),
    Design.PRE_POST_COMPARISON: _("sebelum–sesudah dengan pembanding"),
}


# What a reader calls the page behind a figure's `source` (longest prefix first).
SOURCE_NAMES = (
    ("/instrumen/kampanye/?purpose=reaksi", _("kampanye survei reaksi (L1)")),
    ("/instrumen/kampanye/?purpose=tes", _("kampanye pre-test dan post-test (L2)")),
    ("/instrumen/kampanye/?purpose=perilaku", _("kampanye evaluasi perilaku (L3)")),
    ("/instrumen/kampanye/?purpose=kebutuhan", _("survei analisis kebutuhan")),
    ("/instrumen/", _("instrumen dan kampanye")),
    ("/partisipasi/", _("laporan partisipasi dan anggaran")),
    ("/skm/", _("Survei Kepuasan Masyarakat (SKM)")),
    ("/indikator/", _("indikator unit dan manfaat")),
    ("/program/", _("data program dan angkatan")),
)


def source_name(path: str) -> str:
    """The reader's name of the page a figure comes from (never the figure's internal key)."""
    for prefix, name in SOURCE_NAMES:
        if path.startswith(prefix):
            return str(name)
    return path


class CaveatKind(StrEnum):
    SUPPRESSED = "suppressed"
    SMALL_N = "small_n"
    LOW_RESPONSE = "low_response"
    UNRELIABLE_SCALE = "unreliable_scale"
    NO_COMPARISON = "no_comparison"
    FEW_CLUSTERS = "few_clusters"
    TREATMENT_TIMING = "treatment_timing"  # staggered adoption, or units leaving treatment
    PRE_TREND = "pre_trend"
    ATTRITION = "attrition"
    NO_DATA = "no_data"
    ESTIMATED_BENEFITS = "estimated_benefits"


@dataclass(frozen=True)
class Caveat:
    kind: CaveatKind
    message: str


@dataclass(frozen=True)
class Figure:
    """One number of the evaluation.

    `key` is stable (findings and reports refer to it); `source` says where the number comes
    from (a page path or a description) so every figure in a report can be traced.
    """

    key: str
    label: str
    value: float | None
    n: int
    unit: str = ""
    ci: tuple[float, float] | None = None
    design: Design = Design.RECORDS
    caveats: tuple[Caveat, ...] = field(default_factory=tuple)
    source: str = ""

    @property
    def suppressed(self) -> bool:
        return any(c.kind is CaveatKind.SUPPRESSED for c in self.caveats)

    def with_caveat(self, caveat: Caveat) -> "Figure":
        return replace(self, caveats=(*self.caveats, caveat))


def suppressed(key: str, label: str, n: int, *, min_n: int, unit: str = "", **kw: object) -> Figure:
    """A figure withheld because it rests on fewer than `min_n` people."""
    message = _("Kurang dari %(min)d responden (n = %(n)d): angka tidak ditampilkan.") % {
        "min": min_n,
        "n": n,
    }
    return Figure(
        key=key,
        label=label,
        value=None,
        n=n,
        unit=unit,
        caveats=(Caveat(CaveatKind.SUPPRESSED, message),),
        **kw,  # type: ignore[arg-type]
    )
