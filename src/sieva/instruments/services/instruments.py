"""Writes on instruments: create, version, edit, publish, clone, import and record a response.

Every function is keyword-only and atomic and audits what it changed. Content edits go
through `instrument_edit_version`, which hands back a draft: the existing one, or a fresh copy
when the latest version is frozen (published) or already has responses — so no response ever
points at an item that changed after it was answered.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sieva.audit.services import audit_record
from sieva.instruments import selectors
from sieva.instruments.answers import check_answers
from sieva.instruments.exchange.checks import Problem, check_document
from sieva.instruments.exchange.document import version_document, write_version
from sieva.instruments.extensions import StoredResponse, hand_over
from sieva.instruments.models import Answer, Instrument, InstrumentVersion, Response
from sieva.instruments.services.aggregates import fold_responses
from sieva.org.access import Access
from sieva.org.models import Employee, OrgUnit

OUT_OF_SCOPE = gettext_lazy("Unit pemilik berada di luar cakupan Anda.")
CODE_TAKEN = gettext_lazy("Kode “%(code)s” sudah dipakai instrumen lain milik unit ini.")
VERSION_FROZEN = gettext_lazy(
    "Versi %(number)s sudah diterbitkan dan tidak dapat diubah; buat versi baru."
)
NOTHING_TO_PUBLISH = gettext_lazy("Versi ini sudah diterbitkan.")
NOT_PUBLISHED = gettext_lazy("Tanggapan hanya dapat dicatat pada versi yang sudah diterbitkan.")


class DocumentRefused(ValidationError):
    """A document (file import, clone, edit) with problems; nothing was stored."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__([str(p) for p in problems])
        self.problems = problems


def _org_path(instrument: Instrument) -> str:
    return instrument.owner.path if instrument.owner else "/"


def _check_owner(access: Access, owner: OrgUnit, code: str) -> None:
    if not access.covers(owner):
        raise ValidationError({"owner": OUT_OF_SCOPE})
    if Instrument.objects.filter(owner=owner, code=code).exists():
        raise ValidationError({"code": CODE_TAKEN % {"code": code}})


@transaction.atomic
def instrument_create(
    *,
    actor: Any,
    access: Access,
    owner: OrgUnit,
    code: str,
    title: str,
    purpose: str,
    rater_kind: str = "",
    description: str = "",
) -> Instrument:
    """A new instrument of `owner` with an empty draft version 1."""
    _check_owner(access, owner, code)
    instrument = Instrument.objects.create(
        owner=owner,
        code=code,
        title=title,
        purpose=purpose,
        rater_kind=rater_kind,
        description=description,
    )
    InstrumentVersion.objects.create(instrument=instrument, number=1)
    audit_record(actor=actor, action="instrument.create", obj=instrument, org_path=owner.path)
    return instrument


@transaction.atomic
def instrument_update(
    *, actor: Any, instrument: Instrument, title: str, rater_kind: str, description: str
) -> Instrument:
    """Change the descriptive fields, which are not versioned (no answer depends on them)."""
    old = {"title": instrument.title, "rater_kind": instrument.rater_kind}
    instrument.title, instrument.rater_kind = title, rater_kind
    instrument.description = description
    instrument.save(update_fields=["title", "rater_kind", "description", "updated_at"])
    audit_record(
        actor=actor,
        action="instrument.update",
        obj=instrument,
        org_path=_org_path(instrument),
        changes={"old": old, "new": {"title": title, "rater_kind": rater_kind}},
    )
    return instrument


def _next_number(instrument: Instrument) -> int:
    top = instrument.versions.aggregate(top=Max("number"))["top"]
    return (top or 0) + 1


@transaction.atomic
def instrument_edit_version(
    *, actor: Any, instrument: Instrument, note: str = ""
) -> InstrumentVersion:
    """The draft to edit: the latest version if still editable, else a new copy of it."""
    # Lock the instrument so two editors do not both start version n+1.
    Instrument.objects.select_for_update().filter(pk=instrument.pk).first()
    latest = instrument.versions.order_by("-number").first()
    if latest is not None and not latest.is_frozen and not latest.responses.exists():
        return latest
    document = version_document(latest) if latest else {"sections": [], "scales": []}
    draft = write_version(
        instrument=instrument, number=_next_number(instrument), document=document, note=note
    )
    audit_record(
        actor=actor,
        action="instrument.version_create",
        obj=instrument,
        org_path=_org_path(instrument),
        changes={"version": draft.number, "copied_from": latest.number if latest else None},
    )
    return draft


def ensure_editable(version: InstrumentVersion) -> None:
    """Raise ValidationError unless `version` is a draft without responses."""
    if version.is_frozen or version.responses.exists():
        raise ValidationError(VERSION_FROZEN % {"number": version.number})


@transaction.atomic
def version_publish(*, actor: Any, version: InstrumentVersion) -> InstrumentVersion:
    """Freeze the draft after checking its whole content; it becomes the current version."""
    if version.is_frozen:
        raise ValidationError(NOTHING_TO_PUBLISH)
    problems = check_document(version_document(version))
    if problems:
        raise DocumentRefused(problems)
    version.frozen_at = timezone.now()
    version.save(update_fields=["frozen_at"])
    audit_record(
        actor=actor,
        action="instrument.publish",
        obj=version.instrument,
        org_path=_org_path(version.instrument),
        changes={"version": version.number},
    )
    return version


def _instrument_from_document(
    *, owner: OrgUnit | None, document: dict[str, Any], is_standard: bool, source: Instrument | None
) -> Instrument:
    meta = document["instrument"]
    return Instrument.objects.create(
        owner=owner,
        code=meta["code"],
        title=meta["title"],
        purpose=meta["purpose"],
        rater_kind=meta.get("rater_kind") or "",
        description=meta.get("description") or "",
        is_standard=is_standard,
        cloned_from=source,
    )


@transaction.atomic
def instrument_clone(
    *, actor: Any, access: Access, source: Instrument, owner: OrgUnit, code: str
) -> Instrument:
    """An agency's own editable copy (draft v1) of `source`'s current version."""
    _check_owner(access, owner, code)
    version = selectors.current_version(source)
    if version is None:
        raise ValidationError(_("Instrumen sumber belum memiliki versi."))
    document = version_document(version)
    document["instrument"]["code"] = code
    instrument = _instrument_from_document(
        owner=owner, document=document, is_standard=False, source=source
    )
    write_version(instrument=instrument, number=1, document=document)
    audit_record(
        actor=actor,
        action="instrument.clone",
        obj=instrument,
        org_path=owner.path,
        changes={"source": source.code, "source_version": version.number},
    )
    return instrument


@transaction.atomic
def instrument_import(
    *, actor: Any, access: Access, owner: OrgUnit, document: dict[str, Any]
) -> Instrument:
    """A new instrument of `owner` from a file's document; all-or-nothing."""
    problems = check_document(document)
    if problems:
        raise DocumentRefused(problems)
    _check_owner(access, owner, document["instrument"]["code"])
    instrument = _instrument_from_document(
        owner=owner, document=document, is_standard=False, source=None
    )
    write_version(instrument=instrument, number=1, document=document, note=_("Diimpor dari berkas"))
    audit_record(actor=actor, action="instrument.import", obj=instrument, org_path=owner.path)
    return instrument


@transaction.atomic
def response_record(
    *,
    version: InstrumentVersion,
    answers: dict[str, Any],
    submitted_at: dt.datetime | None = None,
    respondent: Employee | None = None,
    pseudonym: str = "",
    unit: OrgUnit | None = None,
    campaign: Any = None,
    subject: Employee | None = None,
    subject_pseudonym: str = "",
) -> Response:
    """Store one validated response to a published version and fold it into the running
    aggregates in the same transaction, then hand a campaign's response to the receiver of
    its purpose (`extensions`); ValidationError keyed by item code."""
    if not version.is_frozen:
        raise ValidationError(NOT_PUBLISHED)
    check = check_answers(selectors.spec_for_version(version), answers)
    if not check.ok:
        raise ValidationError(check.errors)
    response = Response.objects.create(
        version=version,
        submitted_at=submitted_at or timezone.now(),
        respondent=respondent,
        pseudonym=pseudonym,
        unit=unit,
        campaign=campaign,
        subject=subject,
        subject_pseudonym=subject_pseudonym,
    )
    items = {item.code: item for item in version.items.all()}
    Answer.objects.bulk_create(
        answer_for(response, items[code], value) for code, value in check.cleaned.items()
    )
    fold_responses([response])
    if campaign is not None:
        hand_over(campaign, [StoredResponse(response, check.cleaned)], imported=False)
    return response


def answer_for(response: Response, item: Any, value: Any) -> Answer:
    """Place a cleaned value in the column its kind uses (see `Answer`)."""
    answer = Answer(response=response, item=item)
    if isinstance(value, int) or (item.kind == "number"):
        answer.value_number = value
    elif isinstance(value, list | dict):
        answer.value_json = value
    elif isinstance(value, dt.date):
        answer.value_text = value.isoformat()
    else:
        answer.value_text = str(value)
        if item.kind == "single" and str(value).lstrip("-").isdigit():
            answer.value_number = int(value)
    return answer


def require_editable_instrument(instrument: Instrument) -> None:
    """Standard templates change only through `load_standard_instruments`; clone them instead."""
    if instrument.is_standard:
        raise PermissionDenied
