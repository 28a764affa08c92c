"""The xAPI subset SIEVA reads, and its checks.

Read: ``id``, ``actor.account.name`` (the NIP: SIEVA stores no e-mail addresses, so ``mbox``
cannot name an employee), ``verb.id`` ending in completed, passed, failed or attended,
``object.id`` (the LMS activity IRI) and its name, ``result.duration`` (ISO 8601),
``result.score`` and ``timestamp``. Other verbs (launched, experienced…) are acknowledged and
not kept. Everything else in a statement is ignored.
"""

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from django.utils.translation import gettext as _
from ninja import Field, Schema

VERBS = ("completed", "passed", "failed", "attended")
_DURATION = re.compile(
    r"^P(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+(?:[.,]\d+)?)S)?)?$"
)
_NIP_NOISE = re.compile(r"[\s.\-]")


class AccountIn(Schema):
    homePage: str = ""  # noqa: N815 - xAPI's field names
    name: str = Field(..., max_length=100)


class ActorIn(Schema):
    objectType: str | None = None  # noqa: N815
    name: str | None = None
    mbox: str | None = None
    account: AccountIn | None = None


class VerbIn(Schema):
    id: str = Field(..., max_length=500)
    display: dict[str, str] | None = None


class DefinitionIn(Schema):
    name: dict[str, str] | None = None


class ActivityIn(Schema):
    objectType: str | None = None  # noqa: N815
    id: str = Field(..., min_length=1, max_length=500)
    definition: DefinitionIn | None = None


class ScoreIn(Schema):
    scaled: float | None = Field(None, ge=-1, le=1)
    raw: float | None = None
    min: float | None = None
    max: float | None = None


class ResultIn(Schema):
    completion: bool | None = None
    success: bool | None = None
    duration: str | None = Field(None, max_length=60)
    score: ScoreIn | None = None


class StatementIn(Schema):
    id: uuid.UUID | None = None
    actor: ActorIn
    verb: VerbIn
    object: ActivityIn
    result: ResultIn | None = None
    timestamp: dt.datetime | None = None


@dataclass(frozen=True)
class Statement:
    """One statement as SIEVA keeps it; `verb` is one of VERBS or "" for any other."""

    id: uuid.UUID
    nip: str
    verb: str
    activity_id: str
    activity_name: str
    timestamp: dt.datetime
    duration_seconds: int | None = None
    score_scaled: float | None = None


def parse_duration(text: str) -> int:
    """Seconds in an ISO 8601 duration ("PT1H30M" -> 5400); ValueError otherwise."""
    match = _DURATION.match(text.strip().upper())
    if not match or text.strip().upper() in ("P", "PT"):
        raise ValueError(text)
    parts = {k: float((v or "0").replace(",", ".")) for k, v in match.groupdict().items()}
    seconds = (
        parts["w"] * 604800 + parts["d"] * 86400 + parts["h"] * 3600 + parts["m"] * 60 + parts["s"]
    )
    return round(seconds)


def _scaled(score: ScoreIn | None) -> float | None:
    if score is None:
        return None
    if score.scaled is not None:
        return score.scaled
    if score.raw is not None and score.max is not None:
        low = score.min or 0.0
        if score.max > low:
            return (score.raw - low) / (score.max - low)
    return None


def verb_of(verb_id: str) -> str:
    """completed/passed/failed/attended from a verb IRI (ADL or any vocabulary), else ""."""
    last = verb_id.rstrip("/").rsplit("/", 1)[-1].lower()
    return last if last in VERBS else ""


def read_statement(
    data: StatementIn, now: dt.datetime
) -> tuple[Statement | None, list[tuple[str, str]]]:
    """The statement, or None with (field, message) problems."""
    problems: list[tuple[str, str]] = []
    account = data.actor.account
    nip = _NIP_NOISE.sub("", account.name) if account else ""
    if not nip:
        problems.append(
            ("actor.account.name", _("Pelaku harus dikenali dengan NIP pada actor.account.name."))
        )
    duration = None
    if data.result and data.result.duration:
        try:
            duration = parse_duration(data.result.duration)
        except ValueError:
            problems.append(
                (
                    "result.duration",
                    _("Durasi %(text)s bukan durasi ISO 8601 (mis. PT1H30M).")
                    % {"text": data.result.duration},
                )
            )
    if problems:
        return None, problems
    stamp = data.timestamp or now
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    names = data.object.definition.name if data.object.definition else None
    return (
        Statement(
            id=data.id or uuid.uuid4(),
            nip=nip,
            verb=verb_of(data.verb.id),
            activity_id=data.object.id.strip(),
            activity_name=next(iter(names.values()), "")[:300] if names else "",
            timestamp=stamp,
            duration_seconds=duration,
            score_scaled=_scaled(data.result.score if data.result else None),
        ),
        [],
    )
