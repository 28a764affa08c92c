"""Stored evaluations: the engine once per scope, its result read by every page view
(decision 0049).

A page over a program, an instansi, a region or the whole country would otherwise read every
enrollment, attendance and answer below it on each view (5–6 s at the demo's scale 10). The
result of such a scope is the same for everyone allowed to see it when it is computed over
the scope's own subtree (as decision 0017 already does for program summaries), so it is
computed once, stored per language (the figures carry translated labels) with its charts,
and shown with the time it was computed. The schedule and "hitung ulang" refresh it; a
periodic task recomputes those older than `SIEVA_EVALUATION_MAX_AGE_MINUTES`. A single cohort
or a program-kind filter is evaluated live: it costs one cohort, or is rare.
"""

import datetime as dt
import pickle  # noqa: S403 - our own results, written and read by this code only
import time
from dataclasses import dataclass, replace
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import get_language

from sieva.evaluation.charts import level_charts
from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.engine.result import EvaluationResult
from sieva.evaluation.models import StoredEvaluation
from sieva.org.access import Access
from sieva.org.models import OrgUnit, Role
from sieva.programs.models import Program

LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Evaluated:
    result: EvaluationResult
    charts: dict[str, Any]
    computed_at: dt.datetime | None  # None: computed for this request
    stored_key: str = ""  # "" when the scope is evaluated live every time


def subtree_access(node: OrgUnit) -> Access:
    """Read-everything access over `node`'s subtree (no person behind it): the owner's view."""
    return Access(
        user_id=0,
        role=Role.NATIONAL_ADMIN,
        scope_path=node.path,
        scope_id=node.pk,
        employee_id=None,
        scope_name=node.name,
    )


def canonical(access: Access, scope: Scope) -> tuple[Scope, Access] | None:
    """The scope as stored (a program over its owner's subtree, else a node over its own)
    and the access to compute it with; None for scopes evaluated live."""
    if scope.cohort_id is not None or scope.program_kind:
        return None
    if scope.program_id is not None:
        if scope.node is not None:
            return None
        program = Program.objects.select_related("owner").get(pk=scope.program_id)
        return replace(scope, node=None), subtree_access(program.owner)
    node = scope.node
    if node is None:
        node = OrgUnit.objects.filter(pk=access.scope_id).first() if access.scope_id else None
    if node is None:
        node = OrgUnit.objects.filter(parent__isnull=True).order_by("path").first()
    if node is None:
        return None
    return replace(scope, node=node), subtree_access(node)


def key_of(scope: Scope) -> str:
    parts = (
        f"program={scope.program_id or ''}",
        f"node={scope.node.pk if scope.node else ''}",
        f"start={scope.start or ''}",
        f"end={scope.end or ''}",
    )
    return ";".join(parts)


def _language() -> str:
    return "en" if (get_language() or "id").startswith("en") else "id"


def _compute(scope: Scope, access: Access) -> tuple[EvaluationResult, dict[str, Any], float]:
    started = time.perf_counter()
    result = evaluate(access, scope)
    charts = level_charts(result)
    return result, charts, time.perf_counter() - started


def _store(key: str, language: str, result: EvaluationResult, charts: Any, seconds: float) -> None:
    StoredEvaluation.objects.update_or_create(
        scope_key=key,
        language=language,
        defaults={
            "computed_at": timezone.now(),
            "seconds": seconds,
            "payload": pickle.dumps((result, charts), protocol=pickle.HIGHEST_PROTOCOL),
        },
    )


def evaluation_for(access: Access, scope: Scope) -> Evaluated:
    """The result and charts of `scope` for this viewer: stored when the scope is one that is
    stored (computed and stored now if it was not yet), else evaluated live."""
    found = canonical(access, scope)
    if found is None:
        result = evaluate(access, scope)
        return Evaluated(result, level_charts(result), None)
    canon, subtree = found
    key, language = key_of(canon), _language()
    stored = (
        StoredEvaluation.objects.filter(scope_key=key, language=language)
        .values_list("payload", "computed_at")
        .first()
    )
    if stored is not None:
        result, charts = pickle.loads(bytes(stored[0]))  # noqa: S301 - see module import
        return Evaluated(result, charts, stored[1], key)
    result, charts, seconds = _compute(canon, subtree)
    _store(key, language, result, charts, seconds)
    return Evaluated(result, charts, None, key)


def stored_refresh(access: Access, scope: Scope) -> dict[str, EvaluationResult]:
    """Recompute and store `scope` (as the page would show it) in every language; the
    results by language ({} for a scope that is evaluated live)."""
    found = canonical(access, scope)
    if found is None:
        return {}
    canon, subtree = found
    results = {}
    for language in LANGUAGES:
        with translation.override(language):
            result, charts, seconds = _compute(canon, subtree)
            _store(key_of(canon), language, result, charts, seconds)
            results[language] = result
    return results


def _scope_of(key: str) -> Scope:
    values = dict(part.split("=", 1) for part in key.split(";"))
    return Scope(
        program_id=int(values["program"]) if values["program"] else None,
        node=OrgUnit.objects.get(pk=int(values["node"])) if values["node"] else None,
        start=dt.date.fromisoformat(values["start"]) if values["start"] else None,
        end=dt.date.fromisoformat(values["end"]) if values["end"] else None,
    )


def refresh_old(*, budget_seconds: float = 120.0) -> int:
    """Recompute stored evaluations older than the allowed age, oldest first, within a time
    budget (the periodic task); the number of scopes refreshed."""
    limit = timezone.now() - dt.timedelta(minutes=settings.SIEVA_EVALUATION_MAX_AGE_MINUTES)
    keys = list(
        StoredEvaluation.objects.filter(computed_at__lt=limit)
        .order_by("computed_at")
        .values_list("scope_key", flat=True)
        .distinct()
    )
    started, done = time.perf_counter(), 0
    for key in dict.fromkeys(keys):
        if time.perf_counter() - started > budget_seconds:
            break
        scope = _scope_of(key)
        node = scope.node
        if scope.program_id is not None:
            node = Program.objects.select_related("owner").get(pk=scope.program_id).owner
        if node is None:
            continue
        stored_refresh(subtree_access(node), scope)
        done += 1
    return done
