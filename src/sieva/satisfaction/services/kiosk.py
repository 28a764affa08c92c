"""Counter tablets (decision 0055): registered and revoked by staff, recognised by a signed token.

The token in the kiosk address is ``<device id>.<secret>`` signed with the site key; the
database keeps only a SHA-256 of the secret, so neither a database copy nor a forged id opens
a kiosk, and revoking a device closes its address at once.
"""

import hashlib
import hmac
import secrets

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.org.models import OrgUnit
from sieva.satisfaction.models import CounterDevice

_SALT = "sieva.skm.kiosk"
NAME_REQUIRED = _('Beri nama perangkat, misalnya "Tablet loket 1".')


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _signer() -> signing.Signer:
    return signing.Signer(salt=_SALT)


@transaction.atomic
def counter_device_register(
    *, unit: OrgUnit, name: str, actor: object
) -> tuple[CounterDevice, str]:
    """Register a tablet for `unit`; returns the device and its signed token (shown once)."""
    name = name.strip()
    if not name:
        raise ValueError(str(NAME_REQUIRED))
    secret = secrets.token_urlsafe(18)
    device = CounterDevice.objects.create(
        unit=unit, name=name[:100], secret_hash=_hash(secret), created_by=actor
    )
    audit_record(actor=actor, action="skm.kiosk_register", obj=device, org_path=unit.path)
    return device, _signer().sign(f"{device.pk}.{secret}")


@transaction.atomic
def counter_device_revoke(*, device: CounterDevice, actor: object) -> None:
    """Revoke `device` (idempotent): its kiosk address stops working at once."""
    device = CounterDevice.objects.select_for_update().get(pk=device.pk)
    if device.revoked_at is not None:
        return
    device.revoked_at = timezone.now()
    device.revoked_by = actor  # type: ignore[assignment]
    device.save(update_fields=["revoked_at", "revoked_by"])
    audit_record(actor=actor, action="skm.kiosk_revoke", obj=device, org_path=device.unit.path)


def counter_device_from_token(token: str) -> CounterDevice | None:
    """The active device `token` names, with its unit; None for a forged, malformed or revoked
    token."""
    try:
        value = _signer().unsign(token)
    except signing.BadSignature:
        return None
    pk, _sep, secret = value.partition(".")
    if not pk.isdigit() or not secret:
        return None
    device = (
        CounterDevice.objects.select_related("unit")
        .filter(pk=int(pk), revoked_at__isnull=True)
        .first()
    )
    if device is None or not hmac.compare_digest(device.secret_hash, _hash(secret)):
        return None
    return device


def kiosk_path(token: str) -> str:
    return reverse("satisfaction:kiosk_form", kwargs={"token": token})
