"""The rules file: thresholds, rules and recommendation templates, loaded once and validated.

The file is TOML read with the standard library (`tomllib`), so no dependency is added; a
malformed file raises `RulesFileError` naming the entry and the reason, at first use.
"""

import string
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sieva.evaluation.findings.types import Severity

RULES_FILE = Path(__file__).with_name("rules.toml")
LANGUAGES = ("id", "en")
SEVERITIES = {s.name.lower(): s for s in Severity}


class RulesFileError(ValueError):
    """The rules file is malformed; the message names the entry and the reason."""


@dataclass(frozen=True)
class ThresholdSpec:
    key: str
    default: float
    low: float
    high: float
    unit: str
    labels: dict[str, str]

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels["id"]


@dataclass(frozen=True)
class RuleSpec:
    code: str
    level: str
    severity: Severity
    threshold: str | None
    min_n: str | None
    severe_gap: float | None
    raw: dict[str, Any]  # every key of the rule, for rule-specific settings and texts

    def text(self, language: str, variant: str = "") -> str:
        suffix = f"_{variant}" if variant else ""
        for key in (f"{language}{suffix}", f"id{suffix}"):
            if key in self.raw:
                return str(self.raw[key])
        raise RulesFileError(f"rules.{self.code}: no text for {language!r} {variant!r}")

    def recommendations(self, variant: str = "") -> tuple[str, ...]:
        key = f"recommendations_{variant}" if variant else "recommendations"
        return tuple(self.raw.get(key, ()))


@dataclass(frozen=True)
class TemplateSpec:
    code: str
    texts: dict[str, str]  # "id", "en", and optionally "study_id", "study_en"

    def text(self, language: str, *, study: bool) -> str | None:
        if study:
            return self.texts.get(f"study_{language}") or self.texts.get("study_id")
        return self.texts.get(language) or self.texts["id"]


@dataclass(frozen=True)
class RuleSet:
    version: str
    thresholds: dict[str, ThresholdSpec]
    rules: dict[str, RuleSpec]
    templates: dict[str, TemplateSpec]

    def defaults(self) -> dict[str, float]:
        return {key: spec.default for key, spec in self.thresholds.items()}


def placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def _threshold(key: str, raw: dict[str, Any]) -> ThresholdSpec:
    try:
        spec = ThresholdSpec(
            key,
            float(raw["default"]),
            float(raw["min"]),
            float(raw["max"]),
            str(raw.get("unit", "")),
            {lang: str(raw[lang]) for lang in LANGUAGES if lang in raw},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RulesFileError(f"thresholds.{key}: missing or invalid {exc}") from exc
    if not spec.low <= spec.default <= spec.high:
        raise RulesFileError(f"thresholds.{key}: default {spec.default} outside min–max")
    if "id" not in spec.labels:
        raise RulesFileError(f"thresholds.{key}: needs an Indonesian label (id)")
    return spec


def _rule(code: str, raw: dict[str, Any], thresholds: dict[str, ThresholdSpec]) -> RuleSpec:
    severity = str(raw.get("severity", "medium"))
    if severity not in SEVERITIES:
        raise RulesFileError(f"rules.{code}: unknown severity {severity!r}")
    for field in ("threshold", "min_n"):
        if field in raw and raw[field] not in thresholds:
            raise RulesFileError(f"rules.{code}: {field} {raw[field]!r} is not a threshold")
    gap = raw.get("severe_gap")
    return RuleSpec(
        code=code,
        level=str(raw.get("level", "")),
        severity=SEVERITIES[severity],
        threshold=raw.get("threshold"),
        min_n=raw.get("min_n"),
        severe_gap=float(gap) if gap is not None else None,
        raw=raw,
    )


def parse_rules(text: str) -> RuleSet:
    """Parse and validate the rules file's text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesFileError(f"rules file: {exc}") from exc
    if not data.get("version"):
        raise RulesFileError("rules file: a `version` key is required")
    thresholds = {k: _threshold(k, v) for k, v in data.get("thresholds", {}).items()}
    rules = {k: _rule(k, v, thresholds) for k, v in data.get("rules", {}).items()}
    templates = {
        k: TemplateSpec(k, {name: str(value) for name, value in v.items()})
        for k, v in data.get("recommendations", {}).items()
    }
    for code, template in templates.items():
        if "id" not in template.texts:
            raise RulesFileError(f"recommendations.{code}: needs an Indonesian text (id)")
    for rule in rules.values():
        wanted = [c for k, v in rule.raw.items() if k.startswith("recommendations") for c in v]
        wanted += list(rule.raw.get("by_reason", {}).values())
        for name in wanted:
            if name not in templates:
                raise RulesFileError(f"rules.{rule.code}: unknown recommendation {name!r}")
    return RuleSet(str(data["version"]), thresholds, rules, templates)


@cache
def load_rules() -> RuleSet:
    """The repository's rules file (read once per process)."""
    return parse_rules(RULES_FILE.read_text(encoding="utf-8"))
