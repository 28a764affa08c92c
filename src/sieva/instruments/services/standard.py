"""Loading the standard templates: the JSON files in `sieva/instruments/standard/` and the
documents other apps build from their own definitions (`extensions.register_standard_template`,
e.g. the SKM from `sieva.satisfaction.elements`).

Idempotent: each template is stored once; when its content changes, a new frozen version is
added (responses to the old version stay with it). A version remembers the SHA-256 of the file
(or of the built document's canonical JSON) in its note, which is how an unchanged template is
recognised.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from sieva.audit.services import audit_record
from sieva.instruments.exchange.checks import check_document
from sieva.instruments.exchange.document import write_version
from sieva.instruments.extensions import standard_templates
from sieva.instruments.models import Instrument

STANDARD_DIR = Path(__file__).parent.parent / "standard"
NOTE_PREFIX = "templat standar sha256:"


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def standard_documents(
    directory: Path = STANDARD_DIR, *, registered: bool = True
) -> list[tuple[str, dict[str, Any], str]]:
    """(name, document, fingerprint) of every template file, sorted by name, then of every
    registered template when `registered`."""
    out = []
    for path in sorted(directory.glob("*.json")):
        raw = path.read_bytes()
        out.append((path.name, json.loads(raw), hashlib.sha256(raw).hexdigest()))
    for name, document in standard_templates() if registered else []:
        canonical = json.dumps(document, ensure_ascii=False, sort_keys=True).encode()
        out.append((name, document, hashlib.sha256(canonical).hexdigest()))
    return out


@transaction.atomic
def standard_instruments_load(
    *, actor: Any = None, directory: Path = STANDARD_DIR, registered: bool = True
) -> LoadReport:
    """Create or update every standard template (the files in `directory`, and the registered
    ones when `registered`); ValueError naming the template if one is invalid."""
    report = LoadReport()
    for name, document, fingerprint in standard_documents(directory, registered=registered):
        problems = check_document(document)
        if problems:
            raise ValueError(f"{name}: " + "; ".join(str(p) for p in problems))
        meta = document["instrument"]
        note = NOTE_PREFIX + fingerprint
        instrument, created = Instrument.objects.update_or_create(
            owner=None,
            code=meta["code"],
            defaults={
                "title": meta["title"],
                "purpose": meta["purpose"],
                "rater_kind": meta.get("rater_kind") or "",
                "description": meta.get("description") or "",
                "is_standard": True,
            },
        )
        latest = instrument.versions.order_by("-number").first()
        if latest is not None and latest.note == note:
            report.unchanged.append(instrument.code)
            continue
        version = write_version(
            instrument=instrument,
            number=(latest.number + 1) if latest else 1,
            document=document,
            note=note,
        )
        version.frozen_at = timezone.now()
        version.save(update_fields=["frozen_at"])
        (report.created if created else report.updated).append(instrument.code)
        audit_record(
            actor=actor,
            action="instrument.standard_load",
            obj=instrument,
            org_path="/",
            changes={"version": version.number, "file": name},
        )
    return report
