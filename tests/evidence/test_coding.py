"""The codebook, coding by offsets, suggestions from Indonesian keywords, double coding,
agreement per code and adjudication."""

import html
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sieva.analysis.agreement import cohens_kappa, krippendorff_alpha
from sieva.evidence import services
from sieva.evidence.models import Assignment, Coding, SourceKind
from sieva.evidence.selectors.agreement import agreement_report
from sieva.evidence.selectors.coding import coding_page
from sieva.evidence.text import segments
from tests.evidence.factories import SourceFactory, interview_source


def _span(source, phrase):
    start = source.text.index(phrase)
    return start, start + len(phrase)


def test_codes_are_unique_per_study_and_cannot_loop(evan, study, codes):
    with pytest.raises(ValidationError, match="sudah ada"):
        services.code_save(
            actor=evan, study=study, data={"name": "jadwal BENTROK", "definition": "x"}
        )
    child = services.code_save(
        actor=evan,
        study=study,
        data={"name": "Atasan sibuk", "definition": "x", "parent": codes["support"]},
    )
    with pytest.raises(ValidationError, match="induk"):
        services.code_save(
            actor=evan,
            study=study,
            data={"name": "Tidak ada dukungan atasan", "definition": "x", "parent": child},
            code=codes["support"],
        )


def test_a_used_code_cannot_be_deleted(evan, study, codes):
    source = interview_source(study)
    services.coding_add(actor=evan, source=source, codes=[codes["support"]], start=0, end=5)
    with pytest.raises(ValidationError, match="sudah dipakai 1 kali"):
        services.code_delete(actor=evan, code=codes["support"])
    services.code_delete(actor=evan, code=codes["tools"])
    assert not study.codes.filter(name="Aplikasi membantu").exists()


def test_a_selection_is_trimmed_and_stored_once_per_code(evan, study, codes):
    source = interview_source(study)
    start, end = _span(source, "Atasan saya tidak mendukung penerapan")
    assert source.text[start - 1] == " "  # a sloppy selection takes the space before
    made = services.coding_add(
        actor=evan,
        source=source,
        codes=[codes["support"], codes["tools"]],
        start=start - 1,
        end=end,
    )
    assert [(c.start, c.end) for c in made] == [(start, end)] * 2
    again = services.coding_add(
        actor=evan, source=source, codes=[codes["support"]], start=start, end=end
    )
    assert Coding.objects.filter(source=source, code=codes["support"]).count() == 1
    assert again[0].quote == "Atasan saya tidak mendukung penerapan"
    source.refresh_from_db()
    assert source.primary_coder == evan


@pytest.mark.parametrize(
    ("start", "end", "message"), [(-1, 5, "di luar"), (0, 10_000, "di luar"), (5, 5, "di luar")]
)
def test_a_selection_outside_the_text_is_refused(evan, study, codes, start, end, message):
    source = interview_source(study)
    with pytest.raises(ValidationError, match=message):
        services.coding_add(
            actor=evan, source=source, codes=[codes["support"]], start=start, end=end
        )


def test_a_selection_of_spaces_is_refused(evan, study, codes):
    source = SourceFactory(study=study, text="Satu.   Dua.")
    with pytest.raises(ValidationError, match="spasi"):
        services.coding_add(actor=evan, source=source, codes=[codes["support"]], start=5, end=8)


def test_the_coding_page_shows_only_the_coders_own_codings_marked_in_the_text(
    evan, kiki, study, codes
):
    source = interview_source(study)
    start, end = _span(source, "Atasan saya tidak mendukung")
    services.coding_add(actor=evan, source=source, codes=[codes["support"]], start=start, end=end)
    services.coding_add(actor=kiki, source=source, codes=[codes["tools"]], start=0, end=11)
    page = coding_page(source, kiki)
    assert [c.code for c in page.codings] == [codes["tools"]]
    assert str(page.html).startswith(
        '<mark class="coded c0" title="Aplikasi membantu">Pewawancara</mark>'
    )
    # the marked-up text reads exactly as the stored text once tags are removed
    assert html.unescape(re.sub(r"<[^>]+>", "", str(coding_page(source, evan).html))) == source.text
    assert Assignment.objects.get(source=source, coder=kiki).double is True


def test_keyword_suggestions_are_only_suggestions_until_accepted(evan, kiki, study, codes):
    answers = [
        SourceFactory(study=study, kind=SourceKind.OPEN_ANSWER, label=f"J-{n}", text=text)
        for n, text in enumerate(
            [
                "Atasan tdk mendukung kami menerapkan ilmu.",
                "Pelatihan bagus.",
                "Jadwalnya bentrok dengan tugas rutin.",
            ]
        )
    ]
    assert services.suggestions_make(actor=evan, study=study) == 2
    first = Coding.objects.get(source=answers[0])
    assert first.suggested and first.coder is None and first.code == codes["support"]
    # "tdk" reads as "tidak"; "mendukung" and "didukung" both stem to "dukung"
    assert first.memo == "tidak didukung, atasan tidak mendukung"
    report_before = agreement_report(study)
    assert report_before.n_units == 0
    accepted = services.suggestion_accept(actor=kiki, coding=first)
    assert (accepted.suggested, accepted.coder) == (False, kiki)
    services.suggestion_reject(actor=kiki, coding=Coding.objects.get(source=answers[2]))
    assert Coding.objects.filter(suggested=True).count() == 0
    with pytest.raises(ValidationError, match="bukan saran"):
        services.suggestion_reject(actor=kiki, coding=accepted)


def test_the_double_coding_sample_takes_the_share_of_each_kind(evan, kiki, study):
    interviews = [interview_source(study, label=f"W-{n}") for n in range(10)]
    answers = [
        SourceFactory(study=study, kind=SourceKind.OPEN_ANSWER, label=f"J-{n}", text="x")
        for n in range(3)
    ]
    made = services.double_sample_draw(actor=evan, study=study, share=Decimal("0.20"), coder=kiki)
    kinds = sorted(a.source.kind for a in made)
    assert kinds == [SourceKind.OPEN_ANSWER] + [SourceKind.INTERVIEW] * 2
    assert all(a.double and a.coder == kiki for a in made)
    study.refresh_from_db()
    assert study.double_share == Decimal("0.20")
    with pytest.raises(ValidationError, match="Tidak ada sumber"):
        services.double_sample_draw(actor=evan, study=study, share=Decimal("0.20"), coder=kiki)
    assert len(interviews) + len(answers) == 13


def _code_both(evan, kiki, study, codes):
    """Two coders, one transcript of four turns; they agree on "support" in turn 2, the second
    coder also sees "schedule" in turn 4, both see "tools" in turn 4."""
    source = interview_source(study)
    turns = segments(source.text)
    for coder, plan in (
        (evan, [("support", 1), ("tools", 3)]),
        (kiki, [("support", 1), ("tools", 3), ("schedule", 3)]),
    ):
        for code, turn in plan:
            start, end = turns[turn]
            services.coding_add(
                actor=coder, source=source, codes=[codes[code]], start=start + 2, end=end - 2
            )
        services.source_finish(actor=coder, source=source)
    return source, turns


def test_agreement_per_code_is_alpha_over_the_segments_of_the_finished_double_coding(
    evan, kiki, study, codes
):
    source, turns = _code_both(evan, kiki, study, codes)
    report = agreement_report(study)
    assert report.n_units == 4 and [u.username for u in report.coders] == ["evan", "kiki"]
    rows = {row.code.name: row for row in report.codes}
    # 0/1 per segment, coders evan and kiki: the same matrices through the library
    schedule = [[0, 0], [0, 0], [0, 0], [0, 1]]
    assert rows["Jadwal bentrok"].alpha.alpha == pytest.approx(krippendorff_alpha(schedule).alpha)
    assert rows["Jadwal bentrok"].kappa.kappa == pytest.approx(
        cohens_kappa(*zip(*schedule, strict=True)).kappa
    )
    # by hand: one disagreement in 8 values, n_0 = 7, n_1 = 1: alpha = 1 - 7 * 1 / (7 * 1) = 0
    assert rows["Jadwal bentrok"].alpha.alpha == pytest.approx(0.0)
    assert rows["Jadwal bentrok"].flagged
    assert rows["Tidak ada dukungan atasan"].alpha.alpha == 1.0
    assert not rows["Tidak ada dukungan atasan"].flagged
    [disagreement] = report.disagreements
    assert (
        disagreement.code == codes["schedule"]
        and (disagreement.start, disagreement.end) == turns[3]
    )
    assert disagreement.votes == (("evan", False), ("kiki", True))


def test_an_unfinished_second_coding_is_not_counted(evan, kiki, study, codes):
    source, _turns = _code_both(evan, kiki, study, codes)
    services.source_finish(actor=kiki, source=source, done=False)
    assert agreement_report(study).n_units == 0


def test_adjudication_sets_the_final_coding_but_not_the_agreement(evan, kiki, study, codes):
    source, turns = _code_both(evan, kiki, study, codes)
    before = agreement_report(study)
    start, end = turns[3]
    services.adjudicate(
        actor=evan,
        source=source,
        code=codes["schedule"],
        start=start,
        end=end,
        applies=True,
        note="Jelas disebut",
    )
    added = Coding.objects.get(source=source, code=codes["schedule"], adjudicated=True)
    assert (added.start, added.end, added.coder) == (start, end, evan)
    after = agreement_report(study)
    assert [r.alpha.alpha for r in after.codes] == [r.alpha.alpha for r in before.codes]
    assert after.open_disagreements == [] and after.disagreements[0].decision.applies
    # changing one's mind: the code does not apply after all
    services.adjudicate(
        actor=evan, source=source, code=codes["schedule"], start=start, end=end, applies=False
    )
    assert not Coding.objects.filter(
        source=source, code=codes["schedule"], adjudicated=True
    ).exists()
    services.adjudicate(
        actor=evan, source=source, code=codes["tools"], start=start, end=end, applies=False
    )
    assert Coding.objects.get(source=source, code=codes["tools"], coder=evan).excluded
