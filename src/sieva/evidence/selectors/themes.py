"""Themes out: what the coded evidence says, in aggregate — the API other floors read.

- `theme_table`: per code, how many sources mention it, overall and per region, role or
  program (groups of fewer than `SIEVA_MIN_CELL_SIZE` sources are suppressed);
- `co_occurrence`: how many sources mention both of two codes;
- `exemplar_quotes`: the coders' chosen quotes, attributed no more precisely than a group of
  at least five people (decision 0030);
- `report_themes`: the above for the studies of an evaluation report's programs.

Counts are over the final coding: the primary coder's codings, as adjudicated.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from sieva.evidence.access import studies_for_user
from sieva.evidence.models import Code, Coding, Source, SourceKind, Study, ThemeKind
from sieva.evidence.selectors.agreement import agreement_report
from sieva.org.access import Access
from sieva.org.models import OrgKind, OrgUnit, PositionKind

GROUPINGS = ("region", "role", "program")
PEOPLE = (SourceKind.INTERVIEW, SourceKind.OPEN_ANSWER)


def min_cell() -> int:
    return int(settings.SIEVA_MIN_CELL_SIZE)


def final_codings(studies: Iterable[Study] | QuerySet[Study]) -> QuerySet[Coding]:
    """The codings analysis counts: not suggestions, not overruled, and by the source's
    primary coder (or added in adjudication); any coder's when a source has no primary."""
    return Coding.objects.filter(source__study__in=studies, suggested=False, excluded=False).filter(
        Q(coder=F("source__primary_coder"))
        | Q(adjudicated=True)
        | Q(source__primary_coder__isnull=True)
    )


@dataclass(frozen=True)
class Places:
    """The region (kab/kota, else instansi, else province) and the unit kerja (perangkat
    daerah) of every unit a study's sources name, from one query."""

    names: dict[int, str]
    region: dict[int, int]
    department: dict[int, int]

    @classmethod
    def of(cls, units: Iterable[OrgUnit]) -> "Places":
        units = [u for u in units if u is not None]
        ids = {int(p) for u in units for p in u.path.strip("/").split("/") if p}
        nodes = {n.pk: n for n in OrgUnit.objects.filter(pk__in=ids).only("pk", "kind", "name")}
        region: dict[int, int] = {}
        department: dict[int, int] = {}
        for unit in units:
            chain = [nodes[int(p)] for p in unit.path.strip("/").split("/") if p]
            region[unit.pk] = _nearest(chain, (OrgKind.CITY, OrgKind.AGENCY, OrgKind.PROVINCE))
            department[unit.pk] = _nearest(chain, (OrgKind.DEPARTMENT,), default=unit.pk)
        return cls({pk: n.name for pk, n in nodes.items()}, region, department)


def _nearest(chain: list[OrgUnit], kinds: tuple[str, ...], default: int | None = None) -> int:
    for kind in kinds:
        for node in reversed(chain):
            if node.kind == kind:
                return node.pk
    return default if default is not None else chain[-1].pk


def _group_of(source: Source, by: str, places: Places) -> str:
    if by == "region":
        return places.names.get(places.region.get(source.unit_id or 0, 0), _("Tanpa unit"))
    if by == "role":
        return (
            str(PositionKind(source.position_kind).label)
            if source.position_kind
            else _("Jabatan tidak dicatat")
        )
    if by == "program":
        return source.program.name if source.program_id else _("Tanpa program")
    return ""


@dataclass(frozen=True)
class ThemeRow:
    code: Code
    sources: int  # sources mentioning the code
    share: float | None  # of all sources, %
    groups: dict[str, int | None]  # group → sources mentioning it (None: suppressed)


@dataclass
class ThemeTable:
    by: str
    n_sources: int
    groups: dict[str, int]  # group → sources in it (every group, even suppressed ones)
    rows: list[ThemeRow] = field(default_factory=list)

    @property
    def suppressed(self) -> list[str]:
        return [g for g, n in self.groups.items() if n < min_cell()]


def _mentions(studies: Iterable[Study]) -> dict[int, set[int]]:
    """code id → ids of the sources whose final coding mentions it."""
    found: dict[int, set[int]] = defaultdict(set)
    for code_id, source_id in final_codings(studies).values_list("code_id", "source_id"):
        found[code_id].add(source_id)
    return found


def theme_table(study: Study, by: str = "region") -> ThemeTable:
    """Sources mentioning each code, overall and per group (`by` region, role or program);
    a group of fewer than five sources shows no counts."""
    sources = list(study.sources.select_related("unit", "program").order_by("pk"))
    places = Places.of(s.unit for s in sources)
    group = {s.pk: _group_of(s, by, places) for s in sources}
    sizes = Counter(group.values())
    mentions = _mentions([study])
    table = ThemeTable(by, len(sources), dict(sorted(sizes.items())))
    for code in study.codes.order_by("order", "name"):
        ids = mentions.get(code.pk, set())
        per_group = Counter(group[s] for s in ids if s in group)
        table.rows.append(
            ThemeRow(
                code,
                len(ids),
                100 * len(ids) / len(sources) if sources else None,
                {
                    g: (per_group.get(g, 0) if n >= min_cell() else None)
                    for g, n in table.groups.items()
                },
            )
        )
    table.rows.sort(key=lambda r: (-r.sources, r.code.name))
    return table


def co_occurrence(study: Study) -> tuple[list[Code], list[list[int]]]:
    """The codes mentioned at least once and, for each pair, the sources mentioning both
    (the diagonal: sources mentioning the code)."""
    mentions = _mentions([study])
    codes = [c for c in study.codes.order_by("order", "name") if mentions.get(c.pk)]
    matrix = [[len(mentions[a.pk] & mentions[b.pk]) for b in codes] for a in codes]
    return codes, matrix


@dataclass(frozen=True)
class Quote:
    code: str
    text: str
    attribution: str
    study: str


def _people_attribution(source: Source, places: Places, sizes: Counter[tuple[str, ...]]) -> str:
    """The most precise of (role, region) → (region) → (kind) whose group counts at least
    five people, or "" when even the kind has fewer."""
    kind = str(SourceKind(source.kind).label)
    region = places.names.get(places.region.get(source.unit_id or 0, 0), "")
    role = str(PositionKind(source.position_kind).label) if source.position_kind else ""
    for key, words in (
        ((source.kind, role, region), [kind, role, region]),
        ((source.kind, "", region), [kind, region]),
        ((source.kind, "", ""), [kind]),
    ):
        if sizes[key] >= min_cell():
            return " · ".join(w for w in words if w)
    return ""


def exemplar_quotes(
    studies: Iterable[Study],
    *,
    per_code: int = 3,
    codes: Iterable[int] | None = None,
    codings: Iterable[int] | None = None,
) -> list[Quote]:
    """The coders' exemplar quotes (final codings marked exemplar), already pseudonymised,
    each attributed to a group of at least five people; a quote whose source cannot be hidden
    in such a group is left out. Documents are quoted with their title."""
    studies = list(studies)
    picked = (
        final_codings(studies)
        .filter(exemplar=True)
        .select_related("code", "source__unit", "source__study")
        .order_by("code__order", "code__name", "source__label", "start")
    )
    if codes is not None:
        picked = picked.filter(code_id__in=list(codes))
    if codings is not None:
        picked = picked.filter(pk__in=list(codings))
    people = list(Source.objects.filter(study__in=studies, kind__in=PEOPLE).select_related("unit"))
    places = Places.of([s.unit for s in people])
    sizes: Counter[tuple[str, ...]] = Counter()
    for s in people:
        region = places.names.get(places.region.get(s.unit_id or 0, 0), "")
        role = str(PositionKind(s.position_kind).label) if s.position_kind else ""
        sizes.update([(s.kind, role, region), (s.kind, "", region), (s.kind, "", "")])
    quotes: list[Quote] = []
    per: Counter[int] = Counter()
    for coding in picked:
        if per[coding.code_id] >= per_code:
            continue
        source = coding.source
        if source.kind == SourceKind.DOCUMENT:
            attribution = _("Dokumen: %(title)s") % {"title": source.title}
        else:
            attribution = _people_attribution(source, places, sizes)
        if not attribution:
            continue
        per[coding.code_id] += 1
        quotes.append(
            Quote(
                coding.code.name,
                source.text[coding.start : coding.end],
                attribution,
                source.study.title,
            )
        )
    return quotes


@dataclass(frozen=True)
class ReportTheme:
    name: str
    kind: str
    sources: int
    share: float
    alpha: float | None


@dataclass(frozen=True)
class ReportThemes:
    """The qualitative evidence behind one report: its studies, the themes (most mentioned
    first) with their agreement, and the exemplar quotes."""

    studies: list[str]
    n_sources: int
    themes: list[ReportTheme]
    quotes: list[Quote]

    @property
    def challenges(self) -> list[ReportTheme]:
        return [t for t in self.themes if t.kind == ThemeKind.CHALLENGE]


def report_themes(
    access: Access, *, program_ids: Iterable[int], node: OrgUnit | None = None
) -> ReportThemes | None:
    """Themes of the studies visible to `access` about `program_ids` (or, for studies tied
    to no program, owned within `node`); None when there is no coded study."""
    from_programs = Q(program_id__in=list(program_ids))
    unattached = Q(program__isnull=True)
    if node is not None:
        unattached &= Q(owner__path__startswith=node.path)
    studies = list(studies_for_user(access).filter(from_programs | unattached).order_by("pk"))
    if not studies:
        return None
    mentions = _mentions(studies)
    n_sources = Source.objects.filter(study__in=studies).count()
    alphas = {
        row.code.pk: row.alpha.alpha
        for study in studies
        for row in agreement_report(study, with_disagreements=False).codes
        if row.alpha is not None
    }
    themes = [
        ReportTheme(
            code.name,
            code.theme_kind,
            len(mentions[code.pk]),
            100 * len(mentions[code.pk]) / n_sources,
            alphas.get(code.pk),
        )
        for code in Code.objects.filter(study__in=studies).order_by("name")
        if mentions.get(code.pk)
    ]
    if not themes:
        return None
    themes.sort(key=lambda t: (-t.sources, t.name))
    return ReportThemes(
        [f"{s.title} ({s.year})" for s in studies], n_sources, themes, exemplar_quotes(studies)
    )
