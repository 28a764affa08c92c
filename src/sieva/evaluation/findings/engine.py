"""Turn an evaluation result into findings with recommendations (decision 0013).

`derive_findings` resolves the thresholds in force for the evaluated node (an admin's
override on the nearest ancestor, else the rules file) and reads the few extra facts from the
database; `findings_from` is the pure part, used directly by tests.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sieva.evaluation.engine.result import EvaluationResult
from sieva.evaluation.findings.checks import CHECKS
from sieva.evaluation.findings.draft import Context, Draft
from sieva.evaluation.findings.facts import DatabaseFacts, Facts
from sieva.evaluation.findings.ruleset import RuleSet, RulesFileError, RuleSpec, load_rules
from sieva.evaluation.findings.strength import priority
from sieva.evaluation.findings.types import Finding, Recommendation, Strength
from sieva.evaluation.selectors import thresholds_for
from sieva.org.access import Access
from sieva.org.models import OrgUnit
from sieva.programs.models import Program


def active_language() -> str:
    return "en" if (get_language() or "id").startswith("en") else "id"


def evaluated_node(result: EvaluationResult, access: Access) -> OrgUnit | None:
    """The node whose thresholds apply: the scope's node, else a single program's owner, else
    the user's own scope."""
    if result.scope.node is not None:
        return result.scope.node
    if result.scope.program_id is not None:
        program = Program.objects.select_related("owner").filter(pk=result.scope.program_id)
        for found in program:
            return found.owner
    if access.scope_id is not None:
        return OrgUnit.objects.filter(pk=access.scope_id).first()
    return None


def derive_findings(
    result: EvaluationResult,
    *,
    access: Access,
    node: OrgUnit | None = None,
    facts: Facts | None = None,
) -> list[Finding]:
    """Every finding the rules draw from `result`, most urgent first (priority 1 … 5)."""
    node = node if node is not None else evaluated_node(result, access)
    return findings_from(
        result,
        thresholds=thresholds_for(node),
        facts=facts if facts is not None else DatabaseFacts(access, result.scope),
    )


def _fill(text: str, params: dict[str, str], where: str) -> str:
    try:
        return text.format_map(params)
    except KeyError as exc:
        raise RulesFileError(f"{where}: placeholder {exc} has no value") from exc


def _recommendations(
    draft: Draft, rules: RuleSet, language: str, rank: int
) -> tuple[Recommendation, ...]:
    weak = draft.strength is Strength.WEAK
    made = []
    for code in dict.fromkeys(draft.recommendations):
        template = rules.templates[code]
        params = {**draft.params, **draft.extra.get(code, {})}
        text = template.text(language, study=weak)
        if weak and text is None:  # no study wording: the instruction becomes a question to study
            plain = template.text(language, study=False) or ""
            text = plain[:1].lower() + plain[1:]
        body = _fill(str(text), params, f"recommendations.{code}")
        if weak:
            body = _("Perlu kajian lebih lanjut: %(text)s") % {"text": body}
        made.append(Recommendation(code, body, rank, further_study=weak))
    return tuple(made)


def _finding(draft: Draft, rule: RuleSpec, rules: RuleSet, language: str) -> Finding:
    statement = _fill(rule.text(language, draft.variant), draft.params, f"rules.{rule.code}")
    if draft.strength is Strength.WEAK:
        statement += " " + _("Bukti lemah (%(reasons)s); perlu kajian lebih lanjut.") % {
            "reasons": "; ".join(draft.reasons)
        }
    rank = priority(draft.severity, draft.strength)
    return Finding(
        rule=rule.code,
        rules_version=rules.version,
        level=rule.level,
        statement=statement,
        severity=draft.severity,
        strength=draft.strength,
        evidence=draft.evidence,
        threshold=draft.threshold,
        recommendations=_recommendations(draft, rules, language, rank),
        subject=draft.subject,
        priority=rank,
        strength_reasons=draft.reasons,
    )


def findings_from(
    result: EvaluationResult,
    *,
    thresholds: dict[str, float],
    facts: Facts,
    rules: RuleSet | None = None,
    language: str | None = None,
) -> list[Finding]:
    """The findings of `result` under `thresholds`, sorted by priority, then severity, then
    the order of the rules file."""
    rules = rules or load_rules()
    language = language or active_language()
    context = Context(result, {**rules.defaults(), **thresholds}, facts)
    found = []
    for order, (code, rule) in enumerate(rules.rules.items()):
        check = CHECKS.get(code)
        if check is None:
            raise RulesFileError(f"rules.{code}: no check of that name")
        found.extend((order, _finding(d, rule, rules, language)) for d in check(context, rule))
    found.sort(key=lambda pair: (pair[1].priority, -int(pair[1].severity), pair[0]))
    return [finding for _order, finding in found]
