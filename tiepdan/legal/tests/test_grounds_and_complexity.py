"""Complexity levels (§3.4, Decree 31/2019 Art 3) and the grounds tables (§1.2, §3.2, §2)."""

from datetime import date

import pytest

from tiepdan.legal.complexity import COMPLEXITY_CRITERIA, complexity_level, settlement_variant
from tiepdan.legal.errors import InvalidArgument
from tiepdan.legal.grounds import (
    INELIGIBILITY_REASONS,
    NON_ACCEPTANCE_GROUNDS,
    REFUSAL_GROUNDS,
    notice_deadline_rule,
    refusal_grounds_in_force,
    requires_written_notice,
)
from tiepdan.legal.rules import get_rule


def test_complexity_criteria_are_the_seven_points_a_to_g():
    assert [c.code for c in COMPLEXITY_CRITERIA] == ["a", "b", "c", "d", "dd", "e", "g"]
    assert all(c.label_vi and c.label_en for c in COMPLEXITY_CRITERIA)


def test_denunciation_with_two_criteria_is_especially_complex():
    """Decree 31/2019 Art 3(2),(3): one criterion = complex, two or more = especially complex."""
    assert complexity_level("denunciation", []) == "none"
    assert complexity_level("denunciation", ["a"]) == "complex"
    assert complexity_level("denunciation", ["a", "dd"]) == "especially_complex"
    assert complexity_level("denunciation", ["a", "a"]) == "complex"  # a criterion counts once


def test_complaints_have_no_especially_complex_level():
    """Decree 155/2026, new Art 3a of Decree 124/2020: any criterion makes a complaint complex."""
    assert complexity_level("complaint", ["a", "b", "c"]) == "complex"
    assert complexity_level("complaint", []) == "none"


def test_complexity_rejects_unknown_codes_and_case_types():
    with pytest.raises(InvalidArgument) as err:
        complexity_level("denunciation", ["h"])
    assert "h" in err.value.message_vi
    with pytest.raises(InvalidArgument):
        complexity_level("petition_feedback", ["a"])


def test_settlement_variant_maps_levels_to_rule_variants():
    assert settlement_variant("none") is None
    assert settlement_variant("complex") == "complex"
    assert settlement_variant("complex", remote=True) == "remote-complex"
    assert settlement_variant("none", remote=True) == "remote"
    assert settlement_variant("especially_complex") == "especially-complex"
    with pytest.raises(InvalidArgument):
        settlement_variant("especially_complex", remote=True)
    for name in ("complex", "remote", "remote-complex"):
        assert name in get_rule("KN-T1", date(2026, 7, 1)).variants


@pytest.mark.parametrize("table", [REFUSAL_GROUNDS, NON_ACCEPTANCE_GROUNDS, INELIGIBILITY_REASONS])
def test_grounds_have_unique_codes_bilingual_labels_and_citations(table):
    codes = [g.code for g in table]
    assert len(codes) == len(set(codes))
    for ground in table:
        assert ground.label_vi
        assert ground.label_en
        assert ground.source
        assert ground.label_vi != ground.label_en
        assert bool(ground.note_vi) == bool(ground.note_en)


def test_non_acceptance_grounds_are_the_nine_clauses_of_article_11():
    """Law 02/2011 Art 11(1)–(9)."""
    assert [g.code for g in NON_ACCEPTANCE_GROUNDS] == [f"art11-{i}" for i in range(1, 10)]
    assert all(g.source.startswith("Luật Khiếu nại 2011, Điều 11 khoản") for g in NON_ACCEPTANCE_GROUNDS)


def test_new_refusal_grounds_apply_from_01_07_2026():
    """Law 42/2013 Art 9 always; ND154 Art 4(1) points a–k only from 01/07/2026."""
    before = {g.code for g in refusal_grounds_in_force(date(2026, 6, 30))}
    after = {g.code for g in refusal_grounds_in_force(date(2026, 7, 1))}
    assert before == {"law9-1", "law9-2", "law9-3", "law9-4"}
    assert len(after) == 14
    assert {"nd154-dd", "nd154-h", "nd154-k"} <= after


def test_only_persistent_repeat_cases_and_repeat_petitions_need_form_01_tcd():
    """ND154 Art 4(2)-(3): written notice for Art 9(3) and point h; the others are explained orally."""
    written = sorted(g.code for g in REFUSAL_GROUNDS if requires_written_notice(g.code))
    assert written == ["law9-3", "nd154-h"]
    assert notice_deadline_rule("law9-3", date(2026, 7, 1)) == "TCD-REFUSE-NOTICE"
    assert notice_deadline_rule("law9-3", date(2026, 6, 30)) is None
    assert notice_deadline_rule("law9-1", date(2026, 7, 1)) is None
    with pytest.raises(InvalidArgument):
        notice_deadline_rule("nd154-h", date(2026, 6, 30))


def test_ineligibility_reasons_cover_the_letter_handling_cases():
    codes = {g.code for g in INELIGIBILITY_REASONS}
    expected = {
        "anonymous",
        "unsigned",
        "not_vietnamese",
        "already_settled",
        "past_limitation",
        "court_accepted",
        "duplicate",
        "not_kntc_content",
    }
    assert expected <= codes
    anonymous = next(g for g in INELIGIBILITY_REASONS if g.code == "anonymous")
    assert "Điều 25" in anonymous.source
    assert "Điều 25" in anonymous.note_vi
