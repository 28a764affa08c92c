"""Writes of the double-coding loop: drawing the sample a second coder codes, and the lead's
adjudication of each disagreement. Keyword-only, atomic, audited."""

import math
import random
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.evidence.models import Adjudication, Assignment, Code, Coding, Source, Study

SHARE_RANGE = _("Porsi kode ganda harus antara 5 dan 100 persen.")
NOT_ON_TEAM = _("%(name)s bukan anggota tim pengode kajian ini.")
NOTHING_TO_DRAW = _("Tidak ada sumber yang dapat diberikan kepada pengode kedua ini.")
SEGMENT_UNKNOWN = _("Segmen itu tidak ada pada teks sumber.")


def double_sample_draw(
    *, actor: Any, study: Study, share: Decimal, coder: Any, seed: int | None = None
) -> list[Assignment]:
    """Give `coder` a second, independent coding of a random `share` of each kind of source
    (at least one of each kind present), skipping sources the coder already codes. The share
    is stored on the study; the draw is reproducible for a seed (default: the study's id)."""
    if not Decimal("0.05") <= share <= 1:
        raise ValidationError({"share": str(SHARE_RANGE)})
    if not study.team.filter(pk=coder.pk).exists():
        raise ValidationError({"coder": str(NOT_ON_TEAM) % {"name": coder}})
    rng = random.Random(study.pk if seed is None else seed)  # noqa: S311 - a sample, not a secret
    with transaction.atomic():
        made: list[Assignment] = []
        sources = list(study.sources.order_by("pk").prefetch_related("assignments"))
        for kind in sorted({s.kind for s in sources}):
            of_kind = [s for s in sources if s.kind == kind]
            wanted = max(1, math.ceil(float(share) * len(of_kind)))
            already = [s for s in of_kind if any(a.double for a in s.assignments.all())]
            free = [
                s
                for s in of_kind
                if not s.assignments.all()
                or all(a.coder_id != coder.pk for a in s.assignments.all())
            ]
            free = [s for s in free if s.primary_coder_id != coder.pk and s not in already]
            picked = rng.sample(free, min(len(free), max(0, wanted - len(already))))
            made += [Assignment(source=s, coder=coder, double=True) for s in picked]
        if not made:
            raise ValidationError(str(NOTHING_TO_DRAW))
        Assignment.objects.bulk_create(made)
        study.double_share = share
        study.save(update_fields=["double_share"])
        audit_record(
            actor=actor,
            action="double_sample_draw",
            obj=study,
            org_path=study.owner.path,
            changes={"share": share, "coder": coder.username, "sources": len(made)},
        )
    return made


def _overlaps(coding: Coding, start: int, end: int) -> bool:
    return coding.start < end and start < coding.end


def adjudicate(
    *,
    actor: Any,
    source: Source,
    code: Code,
    start: int,
    end: int,
    applies: bool,
    note: str = "",
) -> Adjudication:
    """The lead decides whether `code` applies to the segment ``text[start:end]``.

    The final coding follows: when it applies and the primary coder did not code it there,
    an adjudicated coding of the segment is added; when it does not, the primary coder's
    codings of that code in the segment are excluded. The coders' own codings stay as they
    were, so the agreement figures still describe the independent coding."""
    if code.study_id != source.study_id:
        raise ValidationError(str(SEGMENT_UNKNOWN))
    if not 0 <= start < end <= len(source.text):
        raise ValidationError(str(SEGMENT_UNKNOWN))
    with transaction.atomic():
        decision, _created = Adjudication.objects.update_or_create(
            source=source,
            code=code,
            start=start,
            defaults={
                "end": end,
                "applies": applies,
                "note": note[:300],
                "decided_by": actor,
            },
        )
        in_segment = [
            c
            for c in Coding.objects.filter(source=source, code=code, suggested=False)
            if _overlaps(c, start, end)
        ]
        primary = [c for c in in_segment if c.coder_id == source.primary_coder_id]
        added = [c for c in in_segment if c.adjudicated]
        Coding.objects.filter(pk__in=[c.pk for c in primary]).update(excluded=not applies)
        if applies and not primary and not added:
            Coding.objects.create(
                source=source, code=code, coder=actor, start=start, end=end, adjudicated=True
            )
        if not applies:
            Coding.objects.filter(pk__in=[c.pk for c in added]).delete()
        audit_record(
            actor=actor,
            action="adjudicate",
            obj=source,
            org_path=source.study.owner.path,
            changes={"code": code.name, "start": start, "end": end, "applies": applies},
        )
    return decision
