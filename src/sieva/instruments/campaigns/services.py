"""Writes on campaigns: create (with its invitations), issue links, close.

Keyword-only, atomic and audited. Links are issued separately from creation because a token
exists in clear only in the answer to the request that made it (see `tokens`).
"""

import datetime as dt
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from sieva.audit.services import audit_record
from sieva.instruments.models import (
    Campaign,
    CampaignStatus,
    InstrumentVersion,
    Invitation,
    Purpose,
    RaterKind,
)
from sieva.instruments.tokens import new_token, token_hash
from sieva.org.access import Access
from sieva.org.models import Employee, OrgKind, OrgUnit
from sieva.programs.models import Cohort, EnrollmentStatus

NOT_PUBLISHED = gettext_lazy("Pilih versi instrumen yang sudah diterbitkan.")
INSTRUMENT_OUT_OF_SCOPE = gettext_lazy("Instrumen ini berada di luar cakupan Anda.")
ONE_TARGET = gettext_lazy("Pilih satu sasaran: angkatan atau unit kerja, tidak keduanya.")
TARGET_OUT_OF_SCOPE = gettext_lazy("Sasaran berada di luar cakupan Anda.")
CLOSES_BEFORE_OPENS = gettext_lazy("Tanggal tutup harus sesudah tanggal buka.")
RATER_REQUIRED = gettext_lazy("Instrumen perilaku (L3) memerlukan jenis penilai.")
RATER_ONLY_L3 = gettext_lazy("Jenis penilai hanya untuk instrumen perilaku (L3).")
PHASE_REQUIRED = gettext_lazy("Pilih tahap tes: pre-test atau post-test.")
PHASE_ONLY_TESTS = gettext_lazy("Tahap pre/post hanya untuk instrumen tes (L2).")
NOBODY_TO_INVITE = gettext_lazy("Tidak ada pegawai yang dapat diundang untuk sasaran ini.")
SKM_NEEDS_SERVICE_UNIT = gettext_lazy(
    "Kampanye SKM menyasar satu unit layanan: jawabannya dihitung dalam IKM unit itu."
)
NO_LINKS_SIGNED_IN = gettext_lazy(
    "Kampanye ini hanya diisi lewat akun SIEVA (Ruang saya / Tim saya); tautan tidak diterbitkan."
)

# People who took part in a cohort; invited-only and withdrawn people have nothing to judge.
PARTICIPANT_STATUSES = (
    EnrollmentStatus.REGISTERED,
    EnrollmentStatus.ATTENDING,
    EnrollmentStatus.PASSED,
    EnrollmentStatus.FAILED,
)
MAX_PEERS = 3  # rekan kerja per alumnus: enough for a 360° view without surveying whole units


def _participants(cohort: Cohort | None, unit: OrgUnit | None) -> list[Employee]:
    if cohort is not None:
        queryset = Employee.objects.filter(
            enrollments__cohort=cohort, enrollments__status__in=PARTICIPANT_STATUSES
        )
    else:
        assert unit is not None  # noqa: S101 - guaranteed by campaign_create's checks
        queryset = Employee.objects.filter(unit__path__startswith=unit.path, is_active=True)
    return list(queryset.select_related("supervisor").distinct().order_by("pk"))


def invitees(people: list[Employee], rater_kind: str) -> list[tuple[Employee, Employee | None]]:
    """(who answers, whom they judge) pairs: the people themselves, or their raters."""
    if rater_kind in ("", RaterKind.SELF):
        return [(person, None) for person in people]
    pairs: list[tuple[Employee, Employee | None]] = []
    if rater_kind == RaterKind.SUPERVISOR:
        pairs = [(p.supervisor, p) for p in people if p.supervisor and p.supervisor.is_active]
    elif rater_kind == RaterKind.SUBORDINATE:
        reports = Employee.objects.filter(supervisor__in=people, is_active=True).order_by("pk")
        by_pk = {p.pk: p for p in people}
        pairs = [(r, by_pk[r.supervisor_id]) for r in reports]  # type: ignore[index]
    elif rater_kind == RaterKind.PEER:
        supervisors = {p.supervisor_id for p in people if p.supervisor_id}
        colleagues = Employee.objects.filter(supervisor_id__in=supervisors, is_active=True)
        by_supervisor: dict[int, list[Employee]] = {}
        for colleague in colleagues.order_by("pk"):
            by_supervisor.setdefault(colleague.supervisor_id, []).append(colleague)  # type: ignore[arg-type]
        for person in people:
            peers = [c for c in by_supervisor.get(person.supervisor_id or 0, []) if c != person]
            pairs += [(peer, person) for peer in peers[:MAX_PEERS]]
    return pairs


def pseudonym_series(purpose: str, cohort: Cohort | None, owner: OrgUnit) -> str:
    """The key series of a campaign's pseudonyms (decision 0062): one per program *and* kind
    of instrument, so a program's pre- and post-test pair up (L2), its L3 self-ratings pair
    with the supervisors' ratings of the same alumni, and nothing joins a person's test
    scores to what their supervisor said, nor one program to another."""
    return f"program-{cohort.program_id}:{purpose}" if cohort else f"unit-{owner.pk}:{purpose}"


def _check(
    *,
    access: Access | None,
    version: InstrumentVersion,
    cohort: Cohort | None,
    target_unit: OrgUnit | None,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    rater_kind: str,
    phase: str = "",
) -> OrgUnit:
    """Raise ValidationError (keyed by form field, every problem at once) on a bad campaign;
    returns its owner."""
    errors: dict[str, Any] = {}
    instrument = version.instrument
    if not version.is_frozen:
        errors["version"] = NOT_PUBLISHED
    elif access and instrument.owner is not None and not access.covers(instrument.owner):
        errors["version"] = INSTRUMENT_OUT_OF_SCOPE
    owner = cohort.program.owner if cohort is not None else target_unit
    if (cohort is None) == (target_unit is None):
        errors[NON_FIELD_ERRORS] = ONE_TARGET
    elif access is not None and owner is not None and not access.covers(owner):
        errors["cohort" if cohort else "target_unit"] = TARGET_OUT_OF_SCOPE
    if closes_at <= opens_at:
        errors["closes_on"] = CLOSES_BEFORE_OPENS
    if instrument.purpose == Purpose.BEHAVIOUR and not rater_kind:
        errors["rater_kind"] = RATER_REQUIRED
    if instrument.purpose != Purpose.BEHAVIOUR and rater_kind:
        errors["rater_kind"] = RATER_ONLY_L3
    if instrument.purpose == Purpose.TEST and not phase:
        errors["phase"] = PHASE_REQUIRED
    if instrument.purpose != Purpose.TEST and phase:
        errors["phase"] = PHASE_ONLY_TESTS
    if instrument.purpose == Purpose.SKM and (
        target_unit is None or target_unit.kind != OrgKind.SERVICE_UNIT
    ):
        errors["target_unit"] = SKM_NEEDS_SERVICE_UNIT
    if errors:
        raise ValidationError(errors)
    assert owner is not None  # noqa: S101 - one of the two targets is set
    return owner


@transaction.atomic
def campaign_create(
    *,
    actor: Any,
    access: Access | None,
    version: InstrumentVersion,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    cohort: Cohort | None = None,
    target_unit: OrgUnit | None = None,
    anonymous: bool = False,
    rater_kind: str = "",
    name: str = "",
    phase: str = "",
    signed_in_only: bool = False,
) -> Campaign:
    """A campaign with one invitation per person to ask (links are issued later).

    `access` None is the system (the L3 scheduler), which needs no scope check.
    `signed_in_only` campaigns are answered only by the invitee signed in (their workspace):
    no token link is ever issued for them. A supervisors' rating is always one: the link
    would let the rated employee judge themselves (decision 0063).
    """
    signed_in_only = signed_in_only or rater_kind == RaterKind.SUPERVISOR
    owner = _check(
        access=access,
        version=version,
        cohort=cohort,
        target_unit=target_unit,
        opens_at=opens_at,
        closes_at=closes_at,
        rater_kind=rater_kind,
        phase=phase,
    )
    pairs = invitees(_participants(cohort, target_unit), rater_kind)
    if not pairs:
        raise ValidationError({NON_FIELD_ERRORS: NOBODY_TO_INVITE})
    target_name = str(cohort) if cohort else str(target_unit)
    campaign = Campaign.objects.create(
        name=name or f"{version.instrument.title} – {target_name}"[:200],
        version=version,
        cohort=cohort,
        target_unit=target_unit,
        owner=owner,
        opens_at=opens_at,
        closes_at=closes_at,
        anonymous=anonymous,
        signed_in_only=signed_in_only,
        rater_kind=rater_kind,
        phase=phase,
        series=pseudonym_series(version.instrument.purpose, cohort, owner),
    )
    unique = dict.fromkeys((who.pk, about.pk if about else None) for who, about in pairs)
    Invitation.objects.bulk_create(
        Invitation(campaign=campaign, employee_id=who, subject_id=about) for who, about in unique
    )
    audit_record(
        actor=actor,
        action="campaign.create",
        obj=campaign,
        org_path=owner.path,
        changes={
            "version": version.pk,
            "invitations": len(unique),
            "anonymous": anonymous,
            "signed_in_only": signed_in_only,
        },
    )
    return campaign


@transaction.atomic
def invitations_issue(*, actor: Any, campaign: Campaign) -> list[tuple[Invitation, str]]:
    """New single-use tokens for every unanswered invitation (old links stop working) — for
    every invitation of an anonymous campaign, whose list must not shrink as people answer
    (decision 0062; an answered person's new link only says it was used).

    Returns each invitation with its token in clear — the only time it exists. Raises
    ValidationError for a campaign answered only by signed-in invitees.
    """
    if campaign.signed_in_only:
        raise ValidationError(NO_LINKS_SIGNED_IN)
    now = timezone.now()
    invitations = campaign.invitations.select_for_update(of=("self",))
    if not campaign.anonymous:
        invitations = invitations.filter(answered_at__isnull=True)
    pending = list(invitations.select_related("employee__unit", "subject").order_by("pk"))
    issued = []
    for invitation in pending:
        token = new_token()
        invitation.token_hash, invitation.sent_at = token_hash(token), now
        issued.append((invitation, token))
    Invitation.objects.bulk_update(pending, ["token_hash", "sent_at"], batch_size=1000)
    audit_record(
        actor=actor,
        action="campaign.issue_links",
        obj=campaign,
        org_path=campaign.owner.path,
        changes={"links": len(issued)},
    )
    return issued


@transaction.atomic
def campaign_close(*, actor: Any, campaign: Campaign) -> Campaign:
    """Stop accepting answers now, whatever the closing date said."""
    campaign.status = CampaignStatus.CLOSED
    campaign.save(update_fields=["status"])
    audit_record(actor=actor, action="campaign.close", obj=campaign, org_path=campaign.owner.path)
    return campaign
