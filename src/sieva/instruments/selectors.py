"""Reads for instrument pages and for submissions: lists, versions, previews and form specs."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Q, QuerySet

from sieva.instruments.answers import Condition, FormSpec, ItemSpec
from sieva.instruments.exchange.document import load_version
from sieva.instruments.models import Instrument, InstrumentVersion
from sieva.org.access import Access

ORIGIN_STANDARD = "standar"
ORIGIN_OWN = "milik"


@dataclass(frozen=True)
class InstrumentFilter:
    q: str = ""
    purpose: str = ""
    origin: str = ""


def visible_instruments(access: Access) -> QuerySet[Instrument]:
    """Standard templates plus the instruments owned inside the user's subtree."""
    own = Q(owner__path__startswith=access.scope_path)
    return Instrument.objects.filter(Q(is_standard=True, owner__isnull=True) | own)


def instrument_list(access: Access, filters: InstrumentFilter) -> QuerySet[Instrument]:
    queryset = visible_instruments(access).select_related("owner")
    if filters.q:
        queryset = queryset.filter(Q(title__icontains=filters.q) | Q(code__icontains=filters.q))
    if filters.purpose:
        queryset = queryset.filter(purpose=filters.purpose)
    if filters.origin == ORIGIN_STANDARD:
        queryset = queryset.filter(is_standard=True)
    elif filters.origin == ORIGIN_OWN:
        queryset = queryset.filter(is_standard=False)
    return queryset.annotate(
        latest_number=Max("versions__number"),
        published_count=Count("versions", filter=Q(versions__frozen_at__isnull=False)),
    ).order_by("-is_standard", "title", "pk")


def latest_version(instrument: Instrument) -> InstrumentVersion | None:
    return instrument.versions.order_by("-number").first()


def current_version(instrument: Instrument) -> InstrumentVersion | None:
    """The newest published version, or the newest draft when none is published yet."""
    published = instrument.versions.filter(frozen_at__isnull=False).order_by("-number").first()
    return published or latest_version(instrument)


def draft_version(instrument: Instrument) -> InstrumentVersion | None:
    """The draft being edited, if the latest version is one."""
    latest = latest_version(instrument)
    if latest is None or latest.is_frozen:
        return None
    return latest


def version_history(instrument: Instrument) -> QuerySet[InstrumentVersion]:
    return instrument.versions.annotate(
        item_count=Count("items", distinct=True),
        response_count=Count("responses", distinct=True),
    ).order_by("-number")


@dataclass(frozen=True)
class SectionView:
    section: Any
    items: list[Any]


def version_preview(version: InstrumentVersion) -> tuple[InstrumentVersion, list[SectionView]]:
    """The version and its sections with their items, for the respondent-view preview."""
    loaded = load_version(version.pk)
    by_section: dict[int, list[Any]] = {}
    for item in loaded.items.all():
        by_section.setdefault(item.section_id, []).append(item)
    return loaded, [SectionView(s, by_section.get(s.pk, [])) for s in loaded.sections.all()]


def reverse_scored_codes(loaded: InstrumentVersion) -> frozenset[str]:
    """Codes of the items some scale of `loaded` (from `version_preview`) scores reversed —
    for the builder and the results only, never for respondents (decision 0061)."""
    return frozenset(
        member.item.code
        for scale in loaded.scales.all()
        for member in scale.members.all()
        if member.reverse
    )


def spec_for_version(version: InstrumentVersion) -> FormSpec:
    """The version's questions as a `FormSpec` for `check_answers` (two queries)."""
    sections = {s.pk: s for s in version.sections.all()}
    specs = []
    for item in version.items.order_by("section__order", "order", "pk"):
        section = sections[item.section_id]
        conditions = tuple(
            Condition(code, value)
            for code, value in (
                (section.show_if_item, section.show_if_value),
                (item.show_if_item, item.show_if_value),
            )
            if code
        )
        specs.append(
            ItemSpec(
                code=item.code,
                kind=item.kind,
                label=item.label,
                required=item.required,
                choices=tuple((str(c["value"]), str(c["label"])) for c in item.choices),
                rows=tuple((str(r["code"]), str(r["label"])) for r in item.rows),
                min_value=item.min_value,
                max_value=item.max_value,
                conditions=conditions,
                exclusive=frozenset(str(c["value"]) for c in item.choices if c.get("exclusive")),
            )
        )
    return FormSpec(items=tuple(specs))
