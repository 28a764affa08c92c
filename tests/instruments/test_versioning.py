"""Versions: drafts change in place; published or answered versions are never changed."""

import pytest
from django.core.exceptions import ValidationError

from sieva.audit.models import AuditEvent
from sieva.instruments import services
from sieva.instruments.models import Answer, Instrument, ItemKind
from sieva.instruments.services import editing
from sieva.org.access import user_access
from tests.instruments.conftest import VALID_ANSWERS


def _item_fields(**overrides):
    fields = {
        "code": "baru",
        "kind": ItemKind.LIKERT5,
        "label": "Pertanyaan baru",
        "help_text": "",
        "required": True,
        "choices": [],
        "rows": [],
        "min_value": None,
        "max_value": None,
        "correct": [],
        "points": 0,
        "show_if_item": "",
        "show_if_value": "",
    }
    return {**fields, **overrides}


def test_instrument_create_starts_an_empty_draft_and_audits(alice, world):
    instrument = services.instrument_create(
        actor=alice,
        access=user_access(alice),
        owner=world.medan_health,
        code="AKP-DINKES",
        title="Analisis kebutuhan Dinkes",
        purpose="kebutuhan",
    )
    version = instrument.versions.get()
    assert (version.number, version.is_frozen) == (1, False)
    assert AuditEvent.objects.filter(
        action="instrument.create", object_id=str(instrument.pk)
    ).exists()


def test_instrument_create_refuses_an_owner_outside_scope_and_a_taken_code(
    bob, world, palembang_instrument
):
    with pytest.raises(ValidationError) as outside:
        services.instrument_create(
            actor=bob,
            access=user_access(bob),
            owner=world.medan,
            code="X",
            title="X",
            purpose="reaksi",
        )
    assert "owner" in outside.value.error_dict
    with pytest.raises(ValidationError) as taken:
        services.instrument_create(
            actor=bob,
            access=user_access(bob),
            owner=world.palembang,
            code="REAKSI-PLG",
            title="X",
            purpose="reaksi",
        )
    assert "code" in taken.value.error_dict
    assert Instrument.objects.count() == 1


def test_editing_a_draft_without_responses_changes_it_in_place(olga, medan_instrument):
    draft = services.instrument_edit_version(actor=olga, instrument=medan_instrument)
    assert draft.number == 1
    section = draft.sections.first()
    editing.item_save(actor=olga, version=draft, item=None, section=section, **_item_fields())
    assert medan_instrument.versions.count() == 1
    assert draft.items.filter(code="baru").exists()


def test_once_a_version_has_responses_an_edit_creates_a_new_version(olga, medan_instrument):
    v1 = services.version_publish(actor=olga, version=medan_instrument.versions.get())
    response = services.response_record(version=v1, answers=VALID_ANSWERS)
    v2 = services.instrument_edit_version(actor=olga, instrument=medan_instrument)
    assert v2.number == 2 and not v2.is_frozen
    assert v2.items.count() == v1.items.count() and v2.scales.get().members.count() == 2
    puas_v2 = v2.items.get(code="puas")
    editing.item_save(
        actor=olga,
        version=v2,
        item=puas_v2,
        section=puas_v2.section,
        **_item_fields(code="puas", label="Saya sangat puas dengan pelatihan."),
    )
    answer = Answer.objects.get(response=response, item__code="puas")
    assert answer.item.version_id == v1.pk
    assert answer.item.label == "Saya puas."
    assert answer.value_number == 4
    with pytest.raises(ValidationError):
        editing.item_save(
            actor=olga,
            version=v1,
            item=answer.item,
            section=answer.item.section,
            **_item_fields(code="puas"),
        )
    # The draft is reused until it is published.
    assert services.instrument_edit_version(actor=olga, instrument=medan_instrument) == v2


def test_a_response_needs_a_published_version_and_valid_answers(olga, medan_instrument):
    draft = medan_instrument.versions.get()
    with pytest.raises(ValidationError):
        services.response_record(version=draft, answers=VALID_ANSWERS)
    services.version_publish(actor=olga, version=draft)
    with pytest.raises(ValidationError) as refused:
        services.response_record(version=draft, answers={"moda": "kelas"})
    assert set(refused.value.error_dict) == {"puas", "umur"}
    assert not draft.responses.exists()


def test_publishing_an_empty_draft_is_refused(alice, world):
    instrument = services.instrument_create(
        actor=alice,
        access=user_access(alice),
        owner=world.medan,
        code="KOSONG",
        title="Kosong",
        purpose="lainnya",
    )
    with pytest.raises(services.DocumentRefused):
        services.version_publish(actor=alice, version=instrument.versions.get())
    assert not instrument.versions.get().is_frozen


def test_an_item_edit_that_breaks_a_condition_is_refused_on_its_field(olga, medan_instrument):
    draft = medan_instrument.versions.get()
    moda = draft.items.get(code="moda")
    with pytest.raises(ValidationError) as refused:
        editing.item_delete(actor=olga, version=draft, item=moda)
    assert "moda" in str(refused.value)
    puas = draft.items.get(code="puas")
    with pytest.raises(ValidationError) as duplicate:
        editing.item_save(
            actor=olga, version=draft, item=puas, section=puas.section, **_item_fields(code="moda")
        )
    assert "code" in duplicate.value.error_dict
    assert draft.items.filter(code="puas").exists()


def test_clone_copies_the_current_version_into_an_own_draft(alice, world, medan_instrument):
    services.version_publish(actor=alice, version=medan_instrument.versions.get())
    clone = services.instrument_clone(
        actor=alice,
        access=user_access(alice),
        source=medan_instrument,
        owner=world.medan_health,
        code="SALIN",
    )
    version = clone.versions.get()
    assert (clone.cloned_from, clone.is_standard, version.is_frozen) == (
        medan_instrument,
        False,
        False,
    )
    assert sorted(version.items.values_list("code", flat=True)) == sorted(
        medan_instrument.versions.get().items.values_list("code", flat=True)
    )
