"""The instrument app's models, one module per part: instruments and their versions, items,
scales and responses (`instruments`); campaigns, invitations and item aggregates
(`collection`); response imports and saved mappings (`imports`). Import from here."""

from sieva.instruments.models.collection import (
    Campaign,
    CampaignStatus,
    Invitation,
    ItemAggregate,
    TestPhase,
)
from sieva.instruments.models.imports import ImportMapping, ResponseImport
from sieva.instruments.models.instruments import (
    Answer,
    Instrument,
    InstrumentVersion,
    Item,
    ItemKind,
    Purpose,
    RaterKind,
    Response,
    Scale,
    ScaleItem,
    Section,
)

__all__ = [
    "Answer",
    "Campaign",
    "CampaignStatus",
    "ImportMapping",
    "Instrument",
    "InstrumentVersion",
    "Invitation",
    "Item",
    "ItemAggregate",
    "ItemKind",
    "Purpose",
    "RaterKind",
    "Response",
    "ResponseImport",
    "Scale",
    "ScaleItem",
    "Section",
    "TestPhase",
]
