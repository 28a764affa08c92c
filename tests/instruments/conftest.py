"""A small instrument of Medan used across the instrument tests."""

import pytest

from sieva.instruments.exchange.document import write_version
from sieva.instruments.models import Instrument, Purpose


def sample_document(code: str = "REAKSI-MDN") -> dict:
    return {
        "schema": "sieva.instrument",
        "schema_version": 1,
        "instrument": {
            "code": code,
            "title": "Reaksi pelatihan layanan prima",
            "purpose": "reaksi",
            "rater_kind": "",
            "description": "Uji",
        },
        "sections": [
            {
                "title": "Umum",
                "show_if": None,
                "items": [
                    {"code": "puas", "kind": "likert5", "label": "Saya puas.", "required": True},
                    {"code": "bosan", "kind": "likert4", "label": "Saya bosan.", "required": False},
                    {
                        "code": "moda",
                        "kind": "single",
                        "label": "Moda",
                        "choices": [
                            {"value": "kelas", "label": "Kelas"},
                            {"value": "daring", "label": "Daring"},
                        ],
                    },
                    {
                        "code": "topik",
                        "kind": "multiple",
                        "label": "Topik",
                        "required": False,
                        "choices": [
                            {"value": "a", "label": "A"},
                            {"value": "b", "label": "B"},
                        ],
                        "correct": ["a"],
                        "points": 5,
                    },
                    {"code": "umur", "kind": "number", "label": "Umur", "min": 18, "max": 65},
                    {"code": "tgl", "kind": "date", "label": "Tanggal", "required": False},
                    {
                        "code": "nilai",
                        "kind": "matrix",
                        "label": "Nilai pengajar",
                        "required": False,
                        "choices": [{"value": str(n), "label": str(n)} for n in range(1, 5)],
                        "rows": [
                            {"code": "materi", "label": "Materi"},
                            {"code": "waktu", "label": "Waktu"},
                        ],
                    },
                ],
            },
            {
                "title": "Daring",
                "show_if": {"item": "moda", "value": "daring"},
                "items": [
                    {"code": "koneksi", "kind": "short_text", "label": "Koneksi?"},
                    {"code": "catatan", "kind": "long_text", "label": "Catatan", "required": False},
                ],
            },
        ],
        "scales": [
            {
                "code": "kepuasan",
                "name": "Kepuasan",
                "items": [{"item": "puas", "reverse": False}, {"item": "bosan", "reverse": True}],
            }
        ],
    }


@pytest.fixture
def medan_instrument(world):
    instrument = Instrument.objects.create(
        owner=world.medan, code="REAKSI-MDN", title="Reaksi pelatihan", purpose=Purpose.REACTION
    )
    write_version(instrument=instrument, number=1, document=sample_document())
    return instrument


@pytest.fixture
def palembang_instrument(world):
    instrument = Instrument.objects.create(
        owner=world.palembang, code="REAKSI-PLG", title="Reaksi Palembang", purpose=Purpose.REACTION
    )
    write_version(instrument=instrument, number=1, document=sample_document("REAKSI-PLG"))
    return instrument


VALID_ANSWERS = {"puas": "4", "moda": "kelas", "umur": "30"}
