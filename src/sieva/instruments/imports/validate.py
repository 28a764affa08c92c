"""Checking a whole file before anything is stored: every row's answers (`rows`), then what
only the file as a whole or the database can tell — identical rows, a NIP twice, a NIP that is
unknown, outside the user's scope, not invited or already answered."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sieva.instruments.imports.headers import NIP
from sieva.instruments.imports.rows import NumberedRow, ReadRow, RowError, RowReader
from sieva.instruments.models import Campaign, Invitation
from sieva.org.access import Access
from sieva.org.models import Employee

PROGRESS_EVERY = 500  # rows between progress updates of a background job


@dataclass
class Checked:
    """Rows ready to store, each with its invitation (None when the file names nobody)."""

    rows: list[tuple[ReadRow, Invitation | None]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def check_file(
    *,
    campaign: Campaign,
    access: Access,
    reader: RowReader,
    header: list[str],
    targets: list[str],
    rows: list[NumberedRow],
    progress: Callable[[int], None] | None = None,
) -> Checked:
    result = Checked()
    read: list[ReadRow] = []
    first_seen: dict[tuple[str, ...], int] = {}
    for offset, (number, cells) in enumerate(rows):
        row = reader.read(number, cells)
        earlier = first_seen.setdefault(row.fingerprint, row.row)
        if earlier != row.row:
            row.errors.append(
                RowError(
                    row.row, "", _("Baris sama persis dengan baris %(row)d.") % {"row": earlier}
                )
            )
        read.append(row)
        if progress and (offset + 1) % PROGRESS_EVERY == 0:
            progress(offset + 1)
    invitations = _identify(campaign, access, header, targets, read)
    for row in read:
        result.errors.extend(row.errors)
        if not row.errors:
            result.rows.append((row, invitations.get(row.row)))
    result.errors.sort(key=lambda e: e.row)
    return result


def _column(header: list[str], targets: list[str], target: str) -> str:
    return header[targets.index(target)] if target in targets else ""


def _identify(
    campaign: Campaign, access: Access, header: list[str], targets: list[str], read: list[ReadRow]
) -> dict[int, Invitation]:
    """Row number → the invitation the row answers; problems are added to the rows."""
    if NIP not in targets:
        return {}
    column = _column(header, targets, NIP)
    nips = {r.nip for r in read} | {r.subject_nip for r in read}
    people = {e.nip: e for e in Employee.objects.filter(nip__in=nips - {""}).select_related("unit")}
    invitations: dict[int, list[Invitation]] = {}
    for invitation in campaign.invitations.select_related("subject", "employee__unit").order_by(
        "pk"
    ):
        invitations.setdefault(invitation.employee_id, []).append(invitation)
    found: dict[int, Invitation] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in read:
        if not row.nip:
            if not any(e.column == column for e in row.errors):
                row.errors.append(RowError(row.row, column, _("NIP wajib diisi.")))
            continue
        key = (row.nip, row.subject_nip)
        if (first := seen.setdefault(key, row.row)) != row.row:
            row.errors.append(
                RowError(
                    row.row, column, _("NIP ini sudah muncul pada baris %(row)d.") % {"row": first}
                )
            )
            continue
        reason, invitation = _match(people.get(row.nip), row, invitations, access, people)
        if reason:
            row.errors.append(RowError(row.row, column, reason))
        elif invitation is not None:
            found[row.row] = invitation
    return found


def _match(
    person: Employee | None,
    row: ReadRow,
    invitations: dict[int, list[Invitation]],
    access: Access,
    people: dict[str, Employee],
) -> tuple[str, Invitation | None]:
    if person is None or not access.covers(person.unit):
        # Another region's employee reads exactly like an unknown NIP (decision 0066).
        return _("NIP %(nip)s tidak ditemukan.") % {"nip": row.nip}, None
    mine = invitations.get(person.pk, [])
    if row.subject_nip:
        subject = people.get(row.subject_nip)
        mine = [i for i in mine if subject is not None and i.subject_id == subject.pk]
    if not mine:
        return _("Pegawai dengan NIP %(nip)s tidak diundang pada kampanye ini.") % {
            "nip": row.nip
        }, None
    if len(mine) > 1:
        return _(
            "Pegawai ini menilai lebih dari satu orang; tambahkan kolom NIP pegawai yang dinilai."
        ), None
    invitation = mine[0]
    if invitation.answered_at is not None:
        day = formats.date_format(timezone.localtime(invitation.answered_at), "j F Y")
        return _("Pegawai ini sudah menjawab kampanye ini pada %(day)s.") % {"day": day}, None
    return "", invitation


__all__ = ["Checked", "check_file"]
