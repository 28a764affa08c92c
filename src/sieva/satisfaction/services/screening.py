"""Screening a public submission before it is stored (decision 0055).

A personal phone passes a hard limit per unit and network address (generous: a Mal Pelayanan
Publik or a mobile carrier puts many citizens behind one address), then burst counters decide
whether its answers count now or wait for staff review. A counter tablet has no address limit
(it serves one citizen after another) but its own burst counter: a stolen kiosk address
cannot stuff the count unnoticed.
"""

from dataclasses import dataclass

from sieva.core.ratelimit import RateLimit
from sieva.satisfaction.models import CounterDevice, HoldReason

ADDRESS_LIMIT = RateLimit("skm", "SIEVA_SKM_RATE_LIMIT", "SIEVA_SKM_RATE_WINDOW")
DEVICE_BURST = RateLimit(
    "skm-device", "SIEVA_SKM_DEVICE_BURST_LIMIT", "SIEVA_SKM_DEVICE_BURST_WINDOW"
)
ADDRESS_BURST = RateLimit(
    "skm-address", "SIEVA_SKM_ADDRESS_BURST_LIMIT", "SIEVA_SKM_ADDRESS_BURST_WINDOW"
)
KIOSK_BURST = RateLimit("skm-kiosk", "SIEVA_SKM_KIOSK_BURST_LIMIT", "SIEVA_SKM_KIOSK_BURST_WINDOW")


@dataclass(frozen=True)
class Screening:
    """`allowed` False: refuse (429, retry after `retry_after` s). Otherwise `hold_reason` is
    a `HoldReason` when the answers go to review, "" when they count at once."""

    allowed: bool
    hold_reason: str = ""
    retry_after: int = 0


def screen_phone(*, unit_id: int, address: str, user_agent: str) -> Screening:
    """Screen a submission from a personal phone at `address` (see module docstring)."""
    if not ADDRESS_LIMIT.hit(f"{unit_id}|{address}"):
        return Screening(allowed=False, retry_after=ADDRESS_LIMIT.retry_after())
    # Both counters are hit, so each sees every submission of its window.
    device_ok = DEVICE_BURST.hit(f"{unit_id}|{address}|{user_agent}")
    address_ok = ADDRESS_BURST.hit(f"{unit_id}|{address}")
    if not device_ok:
        return Screening(allowed=True, hold_reason=HoldReason.DEVICE_BURST)
    if not address_ok:
        return Screening(allowed=True, hold_reason=HoldReason.ADDRESS_BURST)
    return Screening(allowed=True)


def screen_kiosk(*, device: CounterDevice) -> Screening:
    """Screen a submission from a registered counter tablet."""
    if not KIOSK_BURST.hit(f"{device.pk}"):
        return Screening(allowed=True, hold_reason=HoldReason.KIOSK_BURST)
    return Screening(allowed=True)
