"""The good-practice library: drafts stay home, review before publication, every region reads
what is published, and "we adopted it" becomes a figure."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sieva.evidence import services
from sieva.evidence.models import Practice, PracticeStatus
from sieva.evidence.selectors.practices import library_figures, practice_figures
from sieva.org.access import user_access


def _draft(client, olga, world, **extra):
    client.force_login(olga)
    data = {
        "owner": world.medan.pk,
        "kind": "praktik_baik",
        "title": "Coaching oleh atasan sesudah pelatihan",
        "summary": "Atasan mendampingi alumni menerapkan rencana aksi selama tiga bulan.",
        "body": "Konteks…\nHasil: penerapan naik.",
        "figures": "Penerapan L3 naik 42 % → 71 % (survei atasan 2026)",
        "tags": "coaching, atasan",
        **extra,
    }
    response = client.post(reverse("evidence:practice_create"), data)
    assert response.status_code == 302, response.content.decode()[:500]
    return Practice.objects.get(title=data["title"])


def test_a_draft_is_reviewed_then_read_and_adopted_by_another_region(
    client, olga, alice, bob, world
):
    practice = _draft(client, olga, world)
    assert practice.status == PracticeStatus.DRAFT and practice.author == olga
    client.force_login(bob)
    assert client.get(reverse("evidence:practice_detail", args=[practice.pk])).status_code == 404
    assert "Coaching" not in client.get(reverse("evidence:practice_list")).content.decode()

    client.force_login(olga)
    client.post(reverse("evidence:practice_submit", args=[practice.pk]))
    client.force_login(alice)
    client.post(
        reverse("evidence:practice_review", args=[practice.pk]), {"publish": "1", "note": ""}
    )
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PUBLISHED and practice.reviewer == alice

    client.force_login(bob)
    page = client.get(reverse("evidence:practice_list") + "?q=coaching+atasan")
    assert "Coaching oleh atasan" in page.content.decode()
    detail = client.get(reverse("evidence:practice_detail", args=[practice.pk]))
    assert "Penerapan L3 naik 42 % → 71 %" in detail.content.decode()
    client.post(reverse("evidence:practice_feedback", args=[practice.pk]), {"kind": "diterapkan"})
    client.post(reverse("evidence:practice_feedback", args=[practice.pk]), {"kind": "diterapkan"})
    client.post(reverse("evidence:practice_feedback", args=[practice.pk]), {"kind": "berguna"})
    figures = practice_figures(practice)
    assert (figures.useful, figures.adopted) == (1, 1)
    assert figures.adopted_elsewhere == ["Pemerintah Kota Palembang"]
    assert library_figures(user_access(bob)).adopted_elsewhere == 1
    # Palembang may read and react, never edit or review
    assert client.get(reverse("evidence:practice_edit", args=[practice.pk])).status_code == 404


def test_nobody_reviews_their_own_practice_and_a_return_needs_a_note(client, alice, olga, world):
    practice = _draft(client, alice, world)
    services.practice_submit(actor=alice, practice=practice)
    client.force_login(alice)
    assert (
        client.post(
            reverse("evidence:practice_review", args=[practice.pk]), {"publish": "1"}
        ).status_code
        == 403
    )
    client.force_login(olga)  # an organiser may write but not review
    assert (
        client.post(
            reverse("evidence:practice_review", args=[practice.pk]), {"publish": "1"}
        ).status_code
        == 403
    )
    with pytest.raises(ValidationError, match="perlu diperbaiki"):
        services.practice_review(actor=olga, practice=practice, publish=False, note=" ")


def test_a_leader_reads_but_does_not_write(client, lina):
    client.force_login(lina)
    assert client.get(reverse("evidence:practice_list")).status_code == 200
    assert client.get(reverse("evidence:practice_create")).status_code == 403


def test_feedback_on_an_unpublished_practice_is_refused(client, olga, world):
    practice = _draft(client, olga, world)
    with pytest.raises(ValidationError, match="sudah terbit"):
        services.practice_feedback(actor=olga, practice=practice, unit=world.medan, kind="berguna")


def test_a_published_practice_can_no_longer_be_edited(client, olga, alice, world):
    practice = _draft(client, olga, world)
    services.practice_submit(actor=olga, practice=practice)
    services.practice_review(actor=alice, practice=practice, publish=True)
    client.force_login(olga)
    assert client.get(reverse("evidence:practice_edit", args=[practice.pk])).status_code == 403
