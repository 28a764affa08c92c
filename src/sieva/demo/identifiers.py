"""NIP (PNS) and NI PPPK numbers that follow DOMAIN.md, unique within one demo build.

PNS: ``YYYYMMDD`` birth + ``YYYYMM`` TMT CPNS + gender (1 male, 2 female) + 3-digit serial.
PPPK: ``YYYYMMDD`` birth + ``YYYY`` appointment year + 2-digit code + gender + 3-digit serial.
The serial starts at 001, as in real numbers, and only grows when a number is already taken.
"""

import datetime as dt

# The two-digit code of NI PPPK numbers issued to regional governments.
PPPK_CODE = "21"
SERIALS_EXHAUSTED = "Nomor urut habis untuk awalan {prefix}."
TOO_YOUNG = "TMT CPNS sebelum usia 18 tahun."


class NipRegistry:
    """Issues numbers and remembers them, so no two demo employees share one."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def __len__(self) -> int:
        return len(self._used)

    def _issue(self, prefix: str) -> str:
        for serial in range(1, 1000):
            number = f"{prefix}{serial:03d}"
            if number not in self._used:
                self._used.add(number)
                return number
        raise ValueError(SERIALS_EXHAUSTED.format(prefix=prefix))

    def pns(self, *, birth: dt.date, tmt_cpns: dt.date, female: bool) -> str:
        """An 18-digit NIP; `tmt_cpns` must fall on or after the 18th birthday."""
        if tmt_cpns < birth.replace(year=birth.year + 18, day=min(birth.day, 28)):
            raise ValueError(TOO_YOUNG)
        gender = "2" if female else "1"
        return self._issue(f"{birth:%Y%m%d}{tmt_cpns:%Y%m}{gender}")

    def pppk(self, *, birth: dt.date, appointed: int, female: bool) -> str:
        """An 18-digit NI PPPK for someone appointed in year `appointed`."""
        gender = "2" if female else "1"
        return self._issue(f"{birth:%Y%m%d}{appointed:04d}{PPPK_CODE}{gender}")
